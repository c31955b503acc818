/**
 * Syntax errors are located, coded diagnostics (never exceptions), and what
 * users see is pinned: the full formatDiagnostics output of each bad fixture
 * (test/fixtures/specs/bad/<name>.wf) is compared with test/golden/errors/<name>.txt.
 */
import { describe, expect, it } from 'vitest';
import { formatLocation } from '../../src/diagnostics/codeFrame.js';
import { parseSpec } from '../../src/parse/parseSpec.js';
import { errorOutput, fixture, specErrorOf } from '../builders.js';
import { expectGolden } from '../golden/expectGolden.js';

interface SyntaxCase {
  readonly name: string;
  readonly what: string;
  readonly code: 'WF101' | 'WF102';
  /** line:column where the one diagnostic points. */
  readonly at: string;
  /** A phrase the message must contain (beyond the golden, so the intent is readable here). */
  readonly says: string;
}

const CASES: readonly SyntaxCase[] = [
  { name: 'missing-brace', what: 'a block that is never closed', code: 'WF101', at: '7:1', says: 'expected "}"' },
  { name: 'keyword-as-name', what: 'a keyword used as a variable name', code: 'WF101', at: '2:7', says: 'expected an identifier, found "if"' },
  { name: 'bad-token', what: 'a character that is no token', code: 'WF101', at: '3:16', says: 'found "#"' },
  { name: 'unterminated-string', what: 'a string literal without its closing quote', code: 'WF101', at: '2:15', says: 'found "\\""' },
  { name: 'number-too-large', what: 'a number beyond 32 bits', code: 'WF102', at: '2:19', says: 'number 99999999999 is out of range' },
  { name: 'missing-initial-value', what: 'a variable without `= value`', code: 'WF101', at: '3:3', says: 'expected "=", found "main"' },
  { name: 'garbage-after-declaration', what: 'words after a complete declaration', code: 'WF101', at: '2:19', says: 'found "garbage"' },
  { name: 'error-on-last-line', what: 'an error on the last line of a file without a final newline', code: 'WF101', at: '4:21', says: 'found end of file' },
  { name: 'extra-closing-brace', what: 'an extra } at the very end of a file without a final newline', code: 'WF101', at: '3:3', says: 'expected end of input' },
  { name: 'non-ascii-before-error', what: 'non-ASCII names and an emoji before the error on the same line', code: 'WF101', at: '3:53', says: 'found "="' },
  { name: 'unterminated-comment', what: 'a block comment that is never closed', code: 'WF101', at: '2:17', says: 'found "/"' },
];

describe('syntax errors', () => {
  for (const c of CASES) {
    it(`${c.what} (${c.name}): ${c.code} at ${c.at}, code frame pinned`, () => {
      const { file, text } = fixture('bad', c.name);
      const e = specErrorOf(text, file);
      expect(e.diagnostics.map((d) => d.code)).toEqual([c.code]);
      const [d] = e.diagnostics;
      expect(formatLocation(d.span!, e.sources)).toBe(`${file}:${c.at}`);
      expect(d.message).toContain(c.says);
      expectGolden(`errors/${c.name}.txt`, `${errorOutput(text, file)}\n`);
    });
  }

  it('parseSpec returns a syntax error as a value (ok: false), it does not throw', () => {
    const { file, text } = fixture('bad', 'missing-brace');
    const r = parseSpec(text, file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['WF101', 'error']]);
  });

  it('the caret underlines the offending token: its width is the token length', () => {
    const { file, text } = fixture('bad', 'garbage-after-declaration');
    const caretLine = errorOutput(text, file).split('\n')[3];
    expect(caretLine.replace(/[^^]/g, '')).toBe('^'.repeat('garbage'.length));
    expect(caretLine.indexOf('^') - '  | '.length).toBe(text.split('\n')[1].indexOf('garbage'));
  });

  it('columns count code points: the caret sits under the second `=` after an emoji and umlauts', () => {
    const { file, text } = fixture('bad', 'non-ascii-before-error');
    const lines = errorOutput(text, file).split('\n');
    const source = [...lines[2].slice('3 | '.length)];
    const caretAt = lines[3].indexOf('^') - '  | '.length;
    expect(source[caretAt]).toBe('=');
    expect(source.slice(caretAt - 2, caretAt + 1).join('')).toBe('= =');
  });

  it('WF102 also applies to retry counts and place tokens, and parsing still reports the spot', () => {
    const retry = specErrorOf('workflow W {\n  activity A may fail retry 4294967296\n  main { A }\n}\n');
    expect(retry.diagnostics.map((d) => d.code)).toEqual(['WF102']);
    const tokens = specErrorOf('net N {\n  place p = 99999999999\n}\n');
    expect(tokens.diagnostics.map((d) => d.code)).toEqual(['WF102']);
    expect(formatLocation(tokens.diagnostics[0].span!, tokens.sources)).toBe('snippet.wf:2:13');
  });
});
