/**
 * The exact store's limits at the scale the engine promises (10^8 states in
 * 24 GiB), checked on the pure sizing rules: nothing caps below it.
 */
import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS } from '../../src/explore/chunkedRows.js';
import {
  MAX_INDEX_BITS,
  MAX_STORED_STATES,
  MAX_SUB_TABLE_LENGTH,
  SUB_TABLES,
  exactStoreBytes,
  indexBitsFor,
  subTableLengthFor,
} from '../../src/explore/storeSizing.js';

const GiB = 2 ** 30;

describe('exact store sizing', () => {
  it('holds 10^8 states: index bits, sub-table length and count all fit', () => {
    const n = 1e8;
    expect(MAX_STORED_STATES).toBeGreaterThan(n);
    expect(indexBitsFor(n)).toBe(27);
    expect(indexBitsFor(n)).toBeLessThanOrEqual(MAX_INDEX_BITS);
    // 32 - 27 = 5 tag bits remain beside the index: 31 in 32 tag mismatches skip the arena.
    const perTable = subTableLengthFor(Math.ceil(n / SUB_TABLES));
    expect(perTable).toBeLessThan(MAX_SUB_TABLE_LENGTH);
    expect(perTable * 4).toBeLessThan(16 * 2 ** 20);
    // Arena rows are chunks, so no single array grows with the state count.
    expect(CHUNK_ROWS * 64 * 4).toBeLessThan(2 ** 30);
  });

  it('fits 10^8 states of up to 40 words in 24 GiB', () => {
    for (const words of [1, 4, 8, 16]) {
      const bytes = exactStoreBytes(1e8, words);
      expect(bytes / 1e8).toBeLessThan(4 * (words + 1) + 12);
    }
    expect(exactStoreBytes(1e8, 4)).toBeLessThan(3 * GiB);
    expect(exactStoreBytes(1e8, 40)).toBeLessThan(24 * GiB);
  });

  it('widens slot indices one bit per doubling of the count', () => {
    expect(indexBitsFor(0)).toBe(10);
    expect(indexBitsFor(1022)).toBe(10);
    expect(indexBitsFor(1023)).toBe(11);
    expect(indexBitsFor(2 ** 29)).toBe(30);
    expect(indexBitsFor(MAX_STORED_STATES - 1)).toBe(MAX_INDEX_BITS);
  });

  it('keeps each sub-table at most 4/5 full', () => {
    for (const entries of [0, 6, 7, 100, 12_345, 1e6]) {
      const length = subTableLengthFor(entries);
      expect(entries).toBeLessThanOrEqual(length * 0.8);
      expect(length & (length - 1)).toBe(0);
    }
  });
});
