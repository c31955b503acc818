/**
 * Fingerprint mode's visited set: 64-bit fingerprints (two independent
 * 32-bit hashes) in 256 open-addressing sub-tables that double one at a
 * time; a slot holds the whole fingerprint, so growth needs no state.
 */
import type { MemoryBudget } from './memoryBudget.js';
import { MAX_LOAD, MAX_SUB_TABLE_LENGTH, SUB_TABLE_BITS, SUB_TABLE_INITIAL, SUB_TABLES } from './storeSizing.js';

/**
 * A second 32-bit hash, independent enough of hashWords for fingerprints:
 * another seed, other multipliers and another final avalanche (xxhash's).
 */
export function hashWordsAlt(s: Int32Array, offset: number, words: number): number {
  let h = 0x27d4eb2f ^ Math.imul(words, 0x165667b1);
  for (let k = 0; k < words; k++) {
    h = (h + Math.imul(s[offset + k], 0xc2b2ae3d)) | 0;
    h = Math.imul((h << 17) | (h >>> 15), 0x27d4eb2f);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae3d);
  return h ^ (h >>> 16);
}

/**
 * Probability that at least one state was missed, for n stored states:
 * a state is missed only if its fingerprint equals an earlier, distinct
 * state's, so by the union bound over the n(n-1)/2 pairs of stored states
 * (64 uniform bits each) it is at most n(n-1)/2 * 2^-64. This is TLC's
 * "optimistic" style of estimate: it assumes the hashes behave uniformly
 * and counts only the states found (a miss hides more states than itself).
 */
export function missProbability(n: number): number {
  return n < 2 ? 0 : Math.min(1, (n * (n - 1)) / 2 / 2 ** 64);
}

export class FingerprintTable {
  /** Sub-table h1 >>> 24; slot k is words 2k, 2k+1 = (h1, h2); (0, 0) is empty (h2 is never 0 when h1 is). */
  private readonly tables: Int32Array[] = [];
  /** Inserts each sub-table takes before it must double. */
  private readonly room = new Int32Array(SUB_TABLES);
  private held = 0;

  constructor(private readonly budget: MemoryBudget) {
    for (let k = 0; k < SUB_TABLES; k++) {
      this.tables.push(new Int32Array(2 * SUB_TABLE_INITIAL));
      this.room[k] = Math.floor(SUB_TABLE_INITIAL * MAX_LOAD);
    }
    this.held = SUB_TABLES * SUB_TABLE_INITIAL * 8;
    budget.used += this.held;
  }

  get bytes(): number {
    return this.held;
  }

  /** -1 if (h1, h2) is present, else the empty slot where it would go. */
  find(h1: number, h2: number): number {
    const table = this.tables[h1 >>> (32 - SUB_TABLE_BITS)];
    const mask = (table.length >>> 1) - 1;
    let slot = h1 & mask;
    for (;;) {
      const a = table[2 * slot];
      const b = table[2 * slot + 1];
      if (a === 0 && b === 0) return slot;
      if (a === h1 && b === h2) return -1;
      slot = (slot + 1) & mask;
    }
  }

  /** Stores an absent (h1, h2) at the slot `find` gave; false if its sub-table must grow and may not. */
  insert(h1: number, h2: number, slot: number): boolean {
    const sub = h1 >>> (32 - SUB_TABLE_BITS);
    if (this.room[sub] === 0) {
      if (!this.grow(sub)) return false;
      slot = this.find(h1, h2);
    }
    const table = this.tables[sub];
    table[2 * slot] = h1;
    table[2 * slot + 1] = h2;
    this.room[sub]--;
    return true;
  }

  /** Doubles one sub-table, moving slots by their h1. */
  private grow(sub: number): boolean {
    const old = this.tables[sub];
    const slots = old.length; // twice the old slot count
    if (slots > MAX_SUB_TABLE_LENGTH || !this.budget.tryResize(old.byteLength, slots * 8)) return false;
    const table = new Int32Array(2 * slots);
    const mask = slots - 1;
    for (let k = 0; k < old.length; k += 2) {
      const a = old[k];
      const b = old[k + 1];
      if (a === 0 && b === 0) continue;
      let slot = a & mask;
      while (table[2 * slot] !== 0 || table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = a;
      table[2 * slot + 1] = b;
    }
    this.tables[sub] = table;
    this.held += table.byteLength - old.byteLength;
    this.room[sub] = Math.floor(slots * MAX_LOAD) - Math.floor((slots / 2) * MAX_LOAD);
    return true;
  }
}
