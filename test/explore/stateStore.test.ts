/**
 * The state store on its own, against a Map: insertion answers, contents,
 * parents and vias across many growths, and refusals at its limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryBudget } from '../../src/explore/memoryBudget.js';
import { REFUSED, StateStore, hashWords, type SuccessorSource } from '../../src/explore/stateStore.js';
import { numRuns, propertyTimeout } from '../arbitraries/randomSystem.js';

describe('StateStore', () => {
  it('behaves like a Map from vectors to first-insertion indices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(fc.constantFrom(0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 7, 1 << 20), { minLength: 4, maxLength: 4 }), {
          maxLength: 300,
        }),
        (words, vectors) => {
          const store = new StateStore(words);
          const reference = new Map<string, number>();
          vectors.forEach((v, k) => {
            const s = Int32Array.from(v.slice(0, words));
            const key = Array.from(s).join(',');
            const before = store.count;
            const index = store.findOrAdd(s, k - 1);
            const known = reference.get(key);
            expect(index).toBe(known ?? before);
            if (known === undefined) reference.set(key, index);
          });
          expect(store.count).toBe(reference.size);
          const out = new Int32Array(words);
          for (const [key, index] of reference) {
            store.read(index, out);
            expect(Array.from(out).join(',')).toBe(key);
            expect(store.find(out)).toBe(index);
          }
        },
      ),
      { numRuns: numRuns(100), seed: 3 },
    );
  }, propertyTimeout);

  it('keeps 200k multi-word states, parents and vias through growth', () => {
    const words = 3;
    const vector = (i: number, out: Int32Array): Int32Array => {
      out[0] = i;
      out[1] = Math.imul(i, 0x9e3779b1);
      out[2] = -i;
      return out;
    };
    // State i + 1 is the successor of state i by transition (i + 1) % 7, after decoys by lower ids.
    const system: SuccessorSource = {
      successors(s, emit) {
        const next = new Int32Array(words);
        const t = (s[0] + 1) % 7;
        for (let d = 0; d < t; d++) emit(d, vector(-5 - d, next));
        emit(t, vector(s[0] + 1, next));
        emit(t + 1, vector(s[0] + 1, next));
        return t + 2;
      },
    };
    const store = new StateStore(words, new MemoryBudget(), Number.POSITIVE_INFINITY, system);
    const s = new Int32Array(words);
    const n = 200_000;
    let right = 0;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < n; i++) {
        s[0] = i;
        s[1] = Math.imul(i, 0x9e3779b1);
        s[2] = -i;
        if (store.findOrAdd(s, i - 1) === i) right++;
      }
    }
    expect(right).toBe(2 * n);
    expect(store.count).toBe(n);
    for (const i of [0, 1, 1023, 1024, 65_535, n - 1]) {
      store.read(i, s);
      expect(Array.from(s)).toEqual([i, Math.imul(i, 0x9e3779b1), -i | 0]);
      expect(store.parent(i)).toBe(i - 1);
      expect(store.via(i)).toBe(i === 0 ? -1 : i % 7);
    }
    const path = store.pathTo(5);
    expect(path.states).toEqual([0, 1, 2, 3, 4, 5]);
    expect(path.transitions).toEqual([1, 2, 3, 4, 5]);
    // 12 state bytes + 4 parent bytes + about 6 table bytes, with chunk slack.
    expect(store.bytes).toBeLessThan(n * 26);
    expect(store.bytes).toBeGreaterThan(n * 20);
  });

  it('refuses new states beyond maxStates but still finds stored ones', () => {
    const store = new StateStore(1, new MemoryBudget(), 3);
    for (let i = 0; i < 3; i++) expect(store.findOrAdd(Int32Array.of(i), -1)).toBe(i);
    expect(store.findOrAdd(Int32Array.of(9), -1)).toBe(REFUSED);
    expect(store.refusal).toBe('max-states');
    expect(store.findOrAdd(Int32Array.of(1), -1)).toBe(1);
    expect(store.count).toBe(3);
  });

  it('refuses to grow past its memory budget', () => {
    const budget = new MemoryBudget(100_000);
    const store = new StateStore(2, budget);
    let added = 0;
    for (let i = 0; i < 100_000; i++) {
      if (store.findOrAdd(Int32Array.of(i, i), -1) === REFUSED) break;
      added++;
    }
    expect(store.refusal).toBe('memory');
    expect(added).toBeGreaterThan(1000);
    expect(budget.used).toBe(store.bytes);
    expect(budget.used).toBeLessThanOrEqual(100_000);
  });

  it('rejects indices that are not stored', () => {
    const store = new StateStore(1);
    store.findOrAdd(Int32Array.of(1), -1);
    expect(() => store.read(1, new Int32Array(1))).toThrow(RangeError);
    expect(() => store.parent(-1)).toThrow(RangeError);
    expect(() => store.pathTo(2)).toThrow(RangeError);
    expect(store.find(Int32Array.of(2))).toBe(-1);
  });

  it('spreads consecutive single words over the table', () => {
    const buckets = new Int32Array(1024);
    for (let i = 0; i < 1 << 16; i++) buckets[hashWords(Int32Array.of(i), 0, 1) & 1023]++;
    // 64 expected per bucket; a poor mix (identity, plain multiply) leaves many empty or piles up.
    expect(Math.min(...buckets)).toBeGreaterThan(20);
    expect(Math.max(...buckets)).toBeLessThan(120);
  });
});
