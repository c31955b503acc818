/**
 * The unary parent list against a plain array: random non-decreasing
 * parent sequences (long runs, big jumps, many children per parent) read
 * back exactly, across samples and chunk boundaries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryBudget } from '../../src/explore/memoryBudget.js';
import { MonotoneParents } from '../../src/explore/monotoneParents.js';
import { numRuns, propertyTimeout } from '../arbitraries/randomSystem.js';

function fill(steps: readonly number[]): { parents: MonotoneParents; expected: number[] } {
  const parents = new MonotoneParents(new MemoryBudget());
  const expected: number[] = [];
  let p = 0;
  for (const step of steps) {
    p += step;
    expected.push(p);
  }
  // A parent precedes its children in BFS, so parent <= child index - 1.
  expect(parents.reserve(expected.length + p + 1)).toBe(true);
  for (const q of expected) parents.append(q);
  return { parents, expected };
}

describe('MonotoneParents', () => {
  it('reads back random non-decreasing parents', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 700 })), { maxLength: 3000 }), (steps) => {
        const { parents, expected } = fill(steps);
        expected.forEach((q, c) => expect(parents.get(c)).toBe(q));
      }),
      { numRuns: numRuns(100), seed: 5 },
    );
  }, propertyTimeout);

  it('spans several chunks of bits in about 2 bits a child', () => {
    const n = 1_500_000;
    const steps = Array.from({ length: n }, (_, c) => (c % 3 === 0 ? 1 : 0));
    const { parents, expected } = fill(steps);
    for (let c = 0; c < n; c += 997) expect(parents.get(c)).toBe(expected[c]);
    expect(parents.get(n - 1)).toBe(expected[n - 1]);
    expect(parents.bytes / n).toBeLessThan(0.5);
  });

  it('refuses a decreasing parent', () => {
    const { parents } = fill([0, 5]);
    expect(() => parents.append(4)).toThrow(/internal/);
  });
});
