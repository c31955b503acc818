/**
 * XML text → a small element tree whose nodes carry source offsets, so the
 * PNML and MCC readers can point at the element they refuse. Parsing is
 * saxes' (a strict, well-kept XML parser); malformed XML becomes a WF101
 * SpecError at the offending line and column.
 */
import { SaxesParser } from 'saxes';
import { SpecError, error } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../diagnostics/span.js';

export interface XmlElement {
  /** Local name: a namespace prefix (`pnml:place`) is dropped. */
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** Character data directly inside this element (not its children's), entities decoded. */
  readonly text: string;
  /** Offset of the `<` that opens the element. */
  readonly start: number;
  /** Offset just after the element's end tag (or `/>`). */
  readonly end: number;
}

interface OpenElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  text: string;
  start: number;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** saxes prefixes its messages with "line:column: "; the code frame shows that already. */
function cleanMessage(message: string): string {
  return message.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '');
}

/** Parses a whole XML document; throws SpecError (WF101) on anything malformed. */
export function parseXml(text: string, file: string): XmlElement {
  const sources = new Map([[file, text]]);
  const parser = new SaxesParser({ position: true });
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  const fail = (message: string, start: number, end: number): never => {
    throw new SpecError([error('WF101', `malformed XML: ${message}`, { file, start, end })], sources);
  };
  parser.on('error', (e) => {
    const at = Math.min(parser.position, text.length);
    // "unclosed tag" is found at the end of the text, but is best shown at the tag left open.
    const open = stack[stack.length - 1];
    if (/unclosed tag/.test(e.message) && open !== undefined) fail(cleanMessage(e.message), open.start, open.start + 1 + open.name.length);
    // A bad close tag is reported at its '>': show the whole tag.
    const closeTag = /close tag/.test(e.message) ? text.lastIndexOf('</', at - 1) : -1;
    if (closeTag >= 0) fail(cleanMessage(e.message), closeTag, at);
    fail(cleanMessage(e.message), Math.max(0, at - 1), Math.max(at, 1));
  });
  parser.on('opentagstart', () => {
    stack.push({ name: '', attributes: new Map(), children: [], text: '', start: text.lastIndexOf('<', parser.position - 1) });
  });
  parser.on('opentag', (tag) => {
    const top = stack[stack.length - 1];
    top.name = localName(tag.name);
    for (const [k, v] of Object.entries(tag.attributes)) top.attributes.set(localName(k), String(v));
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += t;
  });
  parser.on('closetag', () => {
    const open = stack.pop()!;
    const done: XmlElement = { ...open, end: parser.position };
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = done;
    else parent.children.push(done);
  });
  parser.write(text).close();
  if (root === undefined) return fail('the document has no root element', 0, 0);
  return root;
}

export function spanOf(e: XmlElement, file: string): SourceSpan {
  return { file, start: e.start, end: e.end };
}

/** The span of an element's start tag only (a whole place or net is too much to underline). */
export function tagSpanOf(e: XmlElement, file: string, text: string): SourceSpan {
  const close = text.indexOf('>', e.start);
  return { file, start: e.start, end: close < 0 || close >= e.end ? e.end : close + 1 };
}

/** The span of attribute `name="…"` in the element's start tag (the whole tag if not found). */
export function attributeSpanOf(e: XmlElement, name: string, file: string, text: string): SourceSpan {
  const tag = tagSpanOf(e, file, text);
  const m = new RegExp(`\\s(?:[\\w.-]+:)?${name.replace(/[^\w-]/g, '')}\\s*=\\s*("[^"]*"|'[^']*')`).exec(text.slice(tag.start, tag.end));
  return m === null ? tag : { file, start: tag.start + m.index + 1, end: tag.start + m.index + m[0].length };
}

export function childrenNamed(e: XmlElement, name: string): XmlElement[] {
  return e.children.filter((c) => c.name === name);
}

export function firstChild(e: XmlElement, name: string): XmlElement | undefined {
  return e.children.find((c) => c.name === name);
}

/** Text of `<e><text>…</text></e>` (PNML's and MCC's labels), trimmed; undefined without a `<text>`. */
export function labelText(e: XmlElement): string | undefined {
  const t = firstChild(e, 'text');
  return t === undefined ? undefined : t.text.trim();
}
