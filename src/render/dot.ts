/**
 * DOT building blocks: quoting and escaping of identifiers and strings,
 * multi-line labels, attribute lists in a fixed order. Every DOT writer in
 * render/ goes through these so escaping is done in exactly one place.
 */

/** A string already in DOT escString form (without quotes), e.g. a label with `\l` line ends. */
export interface EscString {
  readonly kind: 'esc';
  readonly text: string;
}

export type DotValue = string | number | boolean | EscString;

/** Attributes in the order given; `undefined` values are left out. */
export type DotAttributes = ReadonlyArray<readonly [string, DotValue | undefined]>;

const KEYWORDS = new Set(['node', 'edge', 'graph', 'digraph', 'subgraph', 'strict']);

/**
 * Escape literal text for a quoted DOT string: backslashes and quotes are
 * escaped (so `\l`, `\N` … in user text stay literal), line breaks become
 * `\n`, other control characters a space. Non-ASCII passes through (UTF-8).
 */
export function escapeText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n/g, '\n')) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (code < 0x20 || code === 0x7f) out += ' ';
    else out += ch;
  }
  return out;
}

/** Literal text as an escString (centered line breaks). */
export function esc(text: string): EscString {
  return { kind: 'esc', text: escapeText(text) };
}

/** Lines of a label; 'left' ends each line with `\l` (left-justified), 'center' joins with `\n`. */
export function labelLines(lines: readonly string[], justify: 'left' | 'center'): EscString {
  const escaped = lines.flatMap((l) => l.split(/\r?\n/)).map(escapeText);
  const text = justify === 'left' ? escaped.map((l) => `${l}\\l`).join('') : escaped.join('\\n');
  return { kind: 'esc', text };
}

/** A DOT quoted string for literal text. */
export function quote(text: string): string {
  return `"${escapeText(text)}"`;
}

/** An identifier: bare when it is a plain DOT ID, quoted otherwise. */
export function dotId(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name.toLowerCase())) return name;
  if (/^-?(\.[0-9]+|[0-9]+(\.[0-9]*)?)$/.test(name)) return name;
  return quote(name);
}

function valueText(v: DotValue): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`DOT attribute value must be finite, got ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return quote(v);
  return `"${v.text}"`;
}

/** ` [a=1, b="x"]`, or '' when nothing is set. */
export function attrList(attrs: DotAttributes): string {
  const parts: string[] = [];
  for (const [name, value] of attrs) {
    if (value !== undefined) parts.push(`${dotId(name)}=${valueText(value)}`);
  }
  return parts.length === 0 ? '' : ` [${parts.join(', ')}]`;
}

/** Stable node ids from indices: `s0`, `s1`, … (index order is the only input, so output is deterministic). */
export function indexedId(prefix: string, index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`bad node index ${index}`);
  return `${prefix}${index}`;
}

/** A statement line: `  id [attrs];` */
export function nodeStatement(id: string, attrs: DotAttributes): string {
  return `  ${dotId(id)}${attrList(attrs)};`;
}

export function edgeStatement(from: string, to: string, attrs: DotAttributes): string {
  return `  ${dotId(from)} -> ${dotId(to)}${attrList(attrs)};`;
}

/** Default attribute statement for `graph`, `node` or `edge`. */
export function defaultsStatement(target: 'graph' | 'node' | 'edge', attrs: DotAttributes): string {
  return `  ${target}${attrList(attrs)};`;
}

/**
 * Helvetica: Graphviz has built-in metrics for it (so text widths are right
 * without system fonts) and writes it to SVG as `Helvetica,sans-Serif`.
 */
export const SANS_FONT = 'Helvetica';
