/**
 * The single formatter for diagnostics: "file:line:col: error WF201: message"
 * followed by the source line and a caret underline, like compilers print.
 */
import type { Diagnostic } from './diagnostic.js';
import { lineColumnAt, type SourceSpan } from './span.js';

function frame(text: string, span: SourceSpan): string {
  const { line, column } = lineColumnAt(text, span.start);
  const lines = text.split('\n');
  const src = (lines[line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
  const lineEndCol = [...src].length + 1;
  const endLc = lineColumnAt(text, span.end);
  const endCol = endLc.line === line ? endLc.column : lineEndCol;
  const width = Math.max(1, endCol - column);
  const gutter = String(line).length;
  const pad = ' '.repeat(gutter);
  return `${pad} |\n${line} | ${src}\n${pad} | ${' '.repeat(column - 1)}${'^'.repeat(width)}`;
}

export function formatLocation(span: SourceSpan, sources: ReadonlyMap<string, string>): string {
  const text = sources.get(span.file);
  if (text === undefined) return span.file;
  const { line, column } = lineColumnAt(text, span.start);
  return `${span.file}:${line}:${column}`;
}

export function formatDiagnostic(d: Diagnostic, sources: ReadonlyMap<string, string>): string {
  const head = `${d.severity} ${d.code}: ${d.message}`;
  if (!d.span) return head;
  const text = sources.get(d.span.file);
  const out = [`${formatLocation(d.span, sources)}: ${head}`];
  if (text !== undefined) out.push(frame(text, d.span));
  for (const r of d.related ?? []) {
    out.push(`${formatLocation(r.span, sources)}: note: ${r.message}`);
  }
  return out.join('\n');
}

export function formatDiagnostics(ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  return ds.map((d) => formatDiagnostic(d, sources)).join('\n\n');
}
