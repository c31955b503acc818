/**
 * Nesting far deeper than people write. Up to MAX_FUZZ_NESTING levels is
 * fuzzed (mutatedSpecs.test.ts); beyond about 100 the parser and elaborator
 * recurse past the JavaScript stack; loadSpecText turns that into a located
 * WF301 diagnostic (at the deepest bracket) instead of a RangeError.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FUZZ_NESTING } from './mutations.js';
import { answer, expectWellFormed } from './specAnswer.js';

const withInvariant = (expr: string): string => `workflow W {\n  var x: 0..3 = 0\n  main { x = 1 }\n  invariant i: ${expr} < 2\n}\n`;
const withBody = (body: string): string => `workflow W {\n  var x: 0..3 = 0\n  main { ${body} }\n}\n`;

describe('deep nesting', () => {
  it(`up to ${MAX_FUZZ_NESTING} levels is answered`, () => {
    const text = withInvariant(`${'('.repeat(MAX_FUZZ_NESTING)}x${')'.repeat(MAX_FUZZ_NESTING)}`);
    const a = answer(text);
    expectWellFormed(a, text);
    expect(a.kind).toBe('verdict');
  });

  it('200 nested parentheses: a located diagnostic, not a stack overflow', () => {
    const text = withInvariant(`${'('.repeat(200)}x${')'.repeat(200)}`);
    expectWellFormed(answer(text), text);
  });

  it('1000 nested if blocks: a located diagnostic, not a stack overflow', () => {
    const text = withBody(`${'if x < 3 { '.repeat(1000)}x = 1${' }'.repeat(1000)}`);
    expectWellFormed(answer(text), text);
  });
});
