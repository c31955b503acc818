/**
 * Source spans: where a piece of spec text came from. Offsets are UTF-16 code
 * units into the file text (what ohm and JS strings use); line/column are
 * derived only when a human needs them.
 */
export interface SourceSpan {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export interface LineColumn {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in code points so non-ASCII names line up. */
  readonly column: number;
}

export function lineColumnAt(text: string, offset: number): LineColumn {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = [...text.slice(lineStart, clamped)].length + 1;
  return { line, column };
}

export function spanText(text: string, span: SourceSpan): string {
  return text.slice(span.start, span.end);
}

/** The smallest span covering both (same file assumed). */
export function joinSpans(a: SourceSpan, b: SourceSpan): SourceSpan {
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
