/**
 * A counterexample as an HTML step table for the report: one row per step
 * with what happened, the spec line it came from (location and the line's
 * text) and the values it changed; the initial values first, the lasso's
 * loop and a range fault marked, a witness tree's branches as tables of their own.
 */
import type { Counterexample, TraceStep } from '../counterexample/counterexample.js';
import { lineColumnAt } from '../diagnostics/span.js';
import { escapeHtml } from './html.js';
import { formatChange, humanOutcome, shortLocation, stateAssignments } from './traceFormat.js';
import { branchLetter } from './witnessBranchesDot.js';

const MAX_SOURCE_CHARS = 100;

/** The spec line a step came from, trimmed (empty when the source is not at hand). */
export function sourceLine(step: TraceStep, sources: ReadonlyMap<string, string>): string {
  if (step.span === undefined) return '';
  const text = sources.get(step.span.file);
  if (text === undefined) return '';
  const { line } = lineColumnAt(text, step.span.start);
  const content = (text.split('\n')[line - 1] ?? '').trim();
  return content.length > MAX_SOURCE_CHARS ? `${content.slice(0, MAX_SOURCE_CHARS - 3)}...` : content;
}

function values(items: readonly string[]): string {
  if (items.length === 0) return '<span class="none">no change</span>';
  return items.map((v) => `<code>${escapeHtml(v)}</code>`).join(' ');
}

function stepCells(step: TraceStep, number: string, sources: ReadonlyMap<string, string>): string {
  const outcome = step.outcome === undefined ? '' : ` <span class="outcome">${escapeHtml(humanOutcome(step.outcome))}</span>`;
  const instance = step.instance === undefined ? '' : ` <span class="instance">[${escapeHtml(step.instance)}]</span>`;
  const where = step.span === undefined ? '' : `<span class="loc">${escapeHtml(shortLocation(step.span, sources))}</span>`;
  const code = sourceLine(step, sources);
  const source = `${where}${code === '' ? '' : ` <code class="src">${escapeHtml(code)}</code>`}`;
  return `<td class="num">${escapeHtml(number)}</td><td><strong>${escapeHtml(step.label)}</strong>${outcome}${instance}</td><td>${source}</td>`;
}

interface TableContext {
  readonly sources: ReadonlyMap<string, string>;
  /** Branches shown so far (letters are handed out in depth-first order, as in the picture). */
  drawn: number;
}

function traceTable(cex: Counterexample, letter: string, startName: string, ctx: TableContext): string {
  const rows: string[] = [];
  const name = (i: number): string => (i === 0 ? startName : `state ${letter}${i}`);
  const first = cex.states[0];
  const initialValues = first === undefined ? [] : stateAssignments(first.values);
  rows.push(
    `<tr class="state0${cex.loopStart === 0 ? ' loop-start' : ''}"><td class="num">${letter === '' ? '0' : ''}</td><td>${escapeHtml(startName)}${
      cex.loopStart === 0 ? ' <span class="badge loop">loop starts here</span>' : ''
    }</td><td></td><td>${letter === '' ? values(initialValues) : '<span class="none">as in the trace above</span>'}</td></tr>`,
  );
  cex.steps.forEach((step, i) => {
    const changes = (cex.states[i + 1]?.changes ?? []).map(formatChange);
    const loop = cex.loopStart === i + 1;
    rows.push(
      `<tr${loop ? ' class="loop-start"' : ''}>${stepCells(step, `${letter}${i + 1}`, ctx.sources)}<td>${values(changes)}${
        loop ? ' <span class="badge loop">loop starts here</span>' : ''
      }</td></tr>`,
    );
  });
  if (cex.fault !== undefined) {
    rows.push(
      `<tr class="fault">${stepCells(cex.fault.step, `${letter}${cex.steps.length + 1}`, ctx.sources)}<td><span class="badge bad">fault</span> ${escapeHtml(cex.fault.message)}</td></tr>`,
    );
  }
  if (cex.loopStart !== undefined) {
    rows.push(`<tr class="loop-back"><td class="num"></td><td colspan="3">back to ${escapeHtml(name(cex.loopStart))}: the loop repeats forever</td></tr>`);
  }
  const table = `<table class="steps"><thead><tr><th>step</th><th>what happened</th><th>source</th><th>changed values</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
  const branches = (cex.branches ?? []).map((b) => {
    const l = branchLetter(ctx.drawn++);
    const from = letter === '' ? (b.at === 0 ? 'the initial state' : `state ${b.at}`) : `state ${letter}${b.at}`;
    return `<div class="branch"><h4>Branch ${escapeHtml(l)}: ${escapeHtml(b.note)} <span class="muted">(from ${escapeHtml(from)})</span></h4>\n${traceTable(
      b.witness,
      l,
      `continues from ${from}`,
      ctx,
    )}</div>`;
  });
  return [table, ...branches].join('\n');
}

/** The step table of a counterexample (with its branches, for witness trees). */
export function counterexampleTable(cex: Counterexample, sources: ReadonlyMap<string, string>): string {
  return traceTable(cex, '', 'initial state', { sources, drawn: 0 });
}
