import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attrList, dotId, edgeStatement, esc, escapeText, indexedId, labelLines, quote } from '../../src/render/dot.js';

const RUNS = process.env.WFCHECK_DEEP ? 4000 : 200;

/** Reference decoder for the lexical level of a DOT quoted string plus the `\n` label escape. */
function decodeQuoted(q: string): string {
  expect(q.startsWith('"') && q.endsWith('"')).toBe(true);
  const body = q.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') throw new Error(`unescaped quote in ${q}`);
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === '\\' || next === '"') out += next;
    else if (next === 'n') out += '\n';
    else throw new Error(`unexpected escape \\${next} in ${q}`);
  }
  return out;
}

describe('escapeText / quote', () => {
  it('escapes quotes, backslashes and line breaks', () => {
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
    expect(quote('a\\lb')).toBe('"a\\\\lb"');
    expect(quote('one\ntwo\r\nthree')).toBe('"one\\ntwo\\nthree"');
    expect(quote('tab\there\u0007')).toBe('"tab here "');
  });

  it('keeps non-ASCII text as it is', () => {
    expect(quote('Überweisung → 10 €')).toBe('"Überweisung → 10 €"');
  });

  it('round-trips any text through a reference decoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const expected = s.replace(/\r\n/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
        expect(decodeQuoted(quote(s))).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('labelLines', () => {
  it('left-justifies with \\l after every line', () => {
    expect(labelLines(['state 1', 'x = "a"'], 'left')).toEqual({ kind: 'esc', text: 'state 1\\lx = \\"a\\"\\l' });
  });

  it('centers with \\n between lines and splits embedded line breaks', () => {
    expect(labelLines(['a\nb', 'c\\n'], 'center').text).toBe('a\\nb\\nc\\\\n');
  });
});

describe('dotId', () => {
  it('leaves plain identifiers and numbers bare', () => {
    expect(dotId('s12')).toBe('s12');
    expect(dotId('_x')).toBe('_x');
    expect(dotId('-1.5')).toBe('-1.5');
  });

  it('quotes keywords (any case), dotted and odd names', () => {
    expect(dotId('node')).toBe('"node"');
    expect(dotId('Graph')).toBe('"Graph"');
    expect(dotId('o1.done')).toBe('"o1.done"');
    expect(dotId('a b')).toBe('"a b"');
    expect(dotId('')).toBe('""');
  });
});

describe('attribute lists', () => {
  it('keeps the given order, skips undefined and formats each value kind', () => {
    const attrs = attrList([
      ['label', esc('x\ny')],
      ['skip', undefined],
      ['penwidth', 2],
      ['constraint', false],
      ['color', '#c62828'],
    ]);
    expect(attrs).toBe(' [label="x\\ny", penwidth=2, constraint=false, color="#c62828"]');
  });

  it('is empty without attributes and rejects non-finite numbers', () => {
    expect(attrList([])).toBe('');
    expect(() => attrList([['width', Number.NaN]])).toThrow(/finite/);
  });

  it('writes edges between stable ids', () => {
    expect(edgeStatement(indexedId('s', 0), indexedId('s', 1), [['label', 'go']])).toBe('  s0 -> s1 [label="go"];');
    expect(() => indexedId('s', -1)).toThrow();
  });
});
