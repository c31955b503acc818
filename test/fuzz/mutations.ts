/**
 * Mutations of valid specs, as people (and editors) damage them: a token
 * deleted or repeated, one keyword where another belongs, numbers no int
 * holds, deep nesting, non-ASCII identifiers, stray characters, text cut
 * short. Applied at token positions found by a small lexer.
 */
import fc from 'fast-check';
import { unreachable } from '../../src/diagnostics/diagnostic.js';

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly kind: 'word' | 'number' | 'other';
}

const LEXEME = /[A-Za-z_][A-Za-z0-9_]*|[0-9]+|"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*|\S/g;

export function tokens(text: string): Token[] {
  return [...text.matchAll(LEXEME)].filter((m) => !m[0].startsWith('//')).map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: /^[A-Za-z_]/.test(m[0]) ? 'word' : /^[0-9]/.test(m[0]) ? 'number' : 'other',
  }));
}

export const KEYWORDS = [
  'workflow', 'machine', 'net', 'system', 'var', 'shared', 'activity', 'main', 'if', 'else', 'while', 'repeat', 'either', 'or',
  'parallel', 'race', 'timer', 'retry', 'forever', 'may', 'fail', 'after', 'effect', 'idempotent', 'compensate', 'with', 'abort',
  'return', 'skip', 'continue', 'cancel', 'invariant', 'reachable', 'deadlock_free', 'ctl', 'ltl', 'fair', 'weak', 'strong',
  'expect', 'violated', 'holds', 'place', 'transition', 'capacity', 'initial', 'final', 'on', 'when', 'do', 'instances', 'of',
  'true', 'false', 'bool', 'await', 'signal', 'AG', 'EF', 'AF', 'EG', 'U', 'X', 'G', 'F', 'done', 'count', 'tokens', 'in',
];

const HUGE_NUMBERS = ['2147483647', '2147483648', '-2147483649', '4294967296', '99999999999999999999999', `1${'0'.repeat(400)}`, '0x10', '1e9', '1.5', '007'];

const NON_ASCII = ['çafé', 'Σ', '名前', 'x\u200dy', 'e\u0301', '😀', 'ﬁle', 'İ', '\u202eevil', 'naïve_1', '\u00a0', 'Ж'];

export type Mutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'repeat'; readonly at: number }
  | { readonly kind: 'keyword'; readonly at: number; readonly keyword: string }
  | { readonly kind: 'huge'; readonly at: number; readonly number: string }
  | { readonly kind: 'nest'; readonly at: number; readonly depth: number; readonly open: '(' | '!' | '-' }
  | { readonly kind: 'nonAscii'; readonly at: number; readonly name: string }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'truncate'; readonly at: number }
  /** Changes that often keep the syntax valid, so elaboration and checking see them. */
  | { readonly kind: 'rename'; readonly at: number; readonly other: number }
  | { readonly kind: 'operator'; readonly at: number; readonly operator: string }
  | { readonly kind: 'number'; readonly at: number; readonly number: string };

/**
 * Nesting stays below the depth at which the parser currently overflows
 * the JavaScript stack (about 100 parentheses): see deepNesting.test.ts.
 */
export const MAX_FUZZ_NESTING = 40;

/** `at` is a fraction in [0, 1): the position among the candidate tokens (or characters), spread evenly. */
const position = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);

const OPERATORS = ['+', '-', '*', '<', '>', '=', '!', '&', '|', ',', ':', ';', '(', ')', '{', '}', '.'];
const SMALL_NUMBERS = ['0', '1', '2', '3', '-1', '255', '256', '65535'];

const rename = fc.record({ kind: fc.constant('rename' as const), at: position, other: position });
const smallNumber = fc.record({ kind: fc.constant('number' as const), at: position, number: fc.constantFrom(...SMALL_NUMBERS) });

/** Mutations that mostly keep the text parseable: names and numbers swapped (names, types, ranges, model errors, or other verdicts). */
export const semanticMutation: fc.Arbitrary<Mutation> = fc.oneof(rename, smallNumber);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position }),
  fc.record({ kind: fc.constant('repeat' as const), at: position }),
  fc.record({ kind: fc.constant('keyword' as const), at: position, keyword: fc.constantFrom(...KEYWORDS) }),
  fc.record({ kind: fc.constant('huge' as const), at: position, number: fc.constantFrom(...HUGE_NUMBERS) }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: position,
    depth: fc.integer({ min: 1, max: MAX_FUZZ_NESTING }),
    open: fc.constantFrom('(' as const, '!' as const, '-' as const),
  }),
  fc.record({ kind: fc.constant('nonAscii' as const), at: position, name: fc.constantFrom(...NON_ASCII) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  rename,
  fc.record({ kind: fc.constant('operator' as const), at: position, operator: fc.constantFrom(...OPERATORS) }),
  smallNumber,
);

/**
 * Number tokens a mutation may change. Not a count of instances or of
 * parallel branches (`instances N`, `for N`): those are unrolled during
 * elaboration, so a huge N makes loading take unbounded time — KNOWN BUG,
 * reported to the lead (elaboration needs a size limit with a diagnostic).
 */
function mutableNumbers(text: string, all: readonly Token[]): Token[] {
  return all.filter((t, i) => t.kind === 'number' && !(i > 0 && ['instances', 'for'].includes(text.slice(all[i - 1].start, all[i - 1].end))));
}

function pick<T>(items: readonly T[], at: number): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(at * items.length)];
}

function splice(text: string, t: Token, replacement: string): string {
  return text.slice(0, t.start) + replacement + text.slice(t.end);
}

export function applyMutation(text: string, m: Mutation): string {
  const all = tokens(text);
  switch (m.kind) {
    case 'delete': {
      const t = pick(all, m.at);
      return t ? splice(text, t, '') : text;
    }
    case 'repeat': {
      const t = pick(all, m.at);
      return t ? splice(text, t, `${text.slice(t.start, t.end)} ${text.slice(t.start, t.end)}`) : text;
    }
    case 'keyword': {
      const t = pick(all.filter((x) => x.kind === 'word'), m.at);
      return t ? splice(text, t, m.keyword) : text;
    }
    case 'huge': {
      const t = pick(mutableNumbers(text, all), m.at);
      return t ? splice(text, t, m.number) : text;
    }
    case 'nest': {
      const t = pick(all.filter((x) => x.kind !== 'other'), m.at);
      if (!t) return text;
      const inner = text.slice(t.start, t.end);
      const wrapped = m.open === '(' ? `${'('.repeat(m.depth)}${inner}${')'.repeat(m.depth)}` : `${`${m.open} `.repeat(m.depth)}${inner}`;
      return splice(text, t, wrapped);
    }
    case 'nonAscii': {
      const t = pick(all.filter((x) => x.kind === 'word'), m.at);
      return t ? splice(text, t, m.name) : text;
    }
    case 'insert': {
      const at = Math.floor(m.at * (text.length + 1));
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length));
    case 'rename': {
      const words = all.filter((x) => x.kind === 'word');
      const t = pick(words, m.at);
      const other = pick(words, m.other);
      return t && other ? splice(text, t, text.slice(other.start, other.end)) : text;
    }
    case 'operator': {
      const t = pick(all.filter((x) => x.kind === 'other'), m.at);
      return t ? splice(text, t, m.operator) : text;
    }
    case 'number': {
      const t = pick(mutableNumbers(text, all), m.at);
      return t ? splice(text, t, m.number) : text;
    }
    default:
      return unreachable(m);
  }
}
