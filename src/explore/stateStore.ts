/**
 * The visited set: packed states laid end to end in one Int32Array arena
 * (state i at [i*W, (i+1)*W)), an open-addressing hash table of indices,
 * and the search tree (parent, via) as parallel arrays. No per-state objects.
 */
import type { TransitionId } from '../system/transitionSystem.js';
import type { StatePath, StoredStates } from './exploration.js';
import { MAX_ARRAY_LENGTH, MemoryBudget } from './memoryBudget.js';

/** findOrAdd's answer when a new state may not be stored (see `refusal`). */
export const REFUSED = -1;

const INITIAL_STATES = 1024;
/** The table doubles before holding more than 3/4 of its slots. */
const MAX_LOAD = 0.75;
/** Slot entries keep index + 1 below the length's bit, so the table stops at 2^30 slots. */
const MAX_TABLE_LENGTH = 2 ** 30;

/**
 * A 32-bit hash of W words in the manner of murmur3 (multiply, rotate,
 * mix, then a final avalanche), so even W = 1 counters spread well.
 */
export function hashWords(s: Int32Array, offset: number, words: number): number {
  let h = 0x9747b28c ^ words;
  for (let k = 0; k < words; k++) {
    let x = Math.imul(s[offset + k], 0xcc9e2d51);
    x = (x << 15) | (x >>> 17);
    h ^= Math.imul(x, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class StateStore implements StoredStates {
  readonly stateWords: number;
  /** Why the last findOrAdd returned REFUSED. */
  refusal: 'max-states' | 'memory' | undefined;
  private size = 0;
  private capacity = INITIAL_STATES;
  private arena: Int32Array;
  private parents: Int32Array;
  private vias: Int32Array;
  /**
   * Slots hold index + 1 in the low log2(length) bits and the hash's high
   * bits above them, so most probes that cannot match skip the arena read.
   * 0 marks an empty slot. Length is a power of two, above the state count.
   */
  private table: Int32Array;
  private mask: number;
  private growAt: number;
  /** min(growAt, capacity, maxStates): below it an insert needs no check. */
  private roomUntil: number;

  constructor(
    stateWords: number,
    private readonly budget: MemoryBudget = new MemoryBudget(),
    private readonly maxStates: number = Number.POSITIVE_INFINITY,
  ) {
    this.stateWords = stateWords;
    this.arena = new Int32Array(this.capacity * stateWords);
    this.parents = new Int32Array(this.capacity);
    this.vias = new Int32Array(this.capacity);
    this.table = new Int32Array(this.capacity * 2);
    this.mask = this.table.length - 1;
    this.growAt = Math.floor(this.table.length * MAX_LOAD);
    this.roomUntil = Math.min(this.growAt, this.capacity, maxStates);
    budget.used += this.bytes;
  }

  get count(): number {
    return this.size;
  }

  /** Bytes held by the arena, table, parents and vias (allocated, not just used). */
  get bytes(): number {
    return this.arena.byteLength + this.table.byteLength + this.parents.byteLength + this.vias.byteLength;
  }

  /**
   * Index of `s` (words 0..W-1), storing it with the given parent and via if
   * it is new: then the result equals the count before the call. Returns
   * REFUSED when it is new but maxStates or the memory budget forbids it.
   */
  findOrAdd(s: Int32Array, parent: number, via: TransitionId): number {
    const W = this.stateWords;
    const arena = this.arena;
    const table = this.table;
    const mask = this.mask;
    const h = hashWords(s, 0, W);
    const tag = h & ~mask;
    let slot = h & mask;
    for (let e = table[slot]; e !== 0; e = table[slot]) {
      if ((e & ~mask) === tag) {
        const base = ((e & mask) - 1) * W;
        let k = 0;
        while (k < W && arena[base + k] === s[k]) k++;
        if (k === W) return (e & mask) - 1;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.size;
    if (index >= this.roomUntil) {
      if (!this.makeRoom()) return REFUSED;
      slot = this.emptySlot(h);
    }
    this.table[slot] = (h & ~this.mask) | (index + 1);
    const base = index * W;
    const dst = this.arena;
    for (let k = 0; k < W; k++) dst[base + k] = s[k];
    this.parents[index] = parent;
    this.vias[index] = via;
    this.size = index + 1;
    return index;
  }

  find(s: Int32Array): number {
    const W = this.stateWords;
    if (s.length < W) return -1;
    const mask = this.mask;
    const h = hashWords(s, 0, W);
    let slot = h & mask;
    for (let e = this.table[slot]; e !== 0; e = this.table[slot]) {
      if ((e & ~mask) === (h & ~mask)) {
        const base = ((e & mask) - 1) * W;
        let k = 0;
        while (k < W && this.arena[base + k] === s[k]) k++;
        if (k === W) return (e & mask) - 1;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  read(index: number, out: Int32Array): void {
    this.check(index);
    const base = index * this.stateWords;
    for (let k = 0; k < this.stateWords; k++) out[k] = this.arena[base + k];
  }

  /** Copies state `index` into `out` without a bounds check (hot loops). */
  readUnchecked(index: number, out: Int32Array): void {
    const W = this.stateWords;
    const arena = this.arena;
    const base = index * W;
    for (let k = 0; k < W; k++) out[k] = arena[base + k];
  }

  parent(index: number): number {
    this.check(index);
    return this.parents[index];
  }

  via(index: number): TransitionId {
    this.check(index);
    return this.vias[index];
  }

  pathTo(index: number): StatePath {
    this.check(index);
    const states: number[] = [];
    const transitions: TransitionId[] = [];
    for (let i = index; i >= 0; i = this.parents[i]) {
      states.push(i);
      if (this.parents[i] >= 0) transitions.push(this.vias[i]);
    }
    return { states: states.reverse(), transitions: transitions.reverse() };
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`state ${index} is not stored (0..${this.size - 1})`);
    }
  }

  /** Grows the arena or the table so one more state fits; false if a limit forbids it. */
  private makeRoom(): boolean {
    const index = this.size;
    if (index >= this.maxStates) {
      this.refusal = 'max-states';
      return false;
    }
    if (index >= this.capacity && !this.growArena()) return false;
    if (index >= this.growAt && !this.growTable()) return false;
    this.roomUntil = Math.min(this.growAt, this.capacity, this.maxStates);
    return true;
  }

  private growArena(): boolean {
    const cap = this.capacity * 2;
    const oldBytes = this.arena.byteLength + this.parents.byteLength + this.vias.byteLength;
    if (cap * this.stateWords > MAX_ARRAY_LENGTH || !this.budget.tryResize(oldBytes, cap * (this.stateWords + 2) * 4)) {
      this.refusal = 'memory';
      return false;
    }
    this.arena = copyInto(new Int32Array(cap * this.stateWords), this.arena);
    this.parents = copyInto(new Int32Array(cap), this.parents);
    this.vias = copyInto(new Int32Array(cap), this.vias);
    this.capacity = cap;
    return true;
  }

  /**
   * Doubles the table and reinserts every state, rehashing from the arena
   * (read sequentially). Storing full hashes would avoid the rehash but not
   * the random writes, which dominate; walking the old table instead of the
   * arena measured no faster.
   */
  private growTable(): boolean {
    const old = this.table;
    const length = old.length * 2;
    if (length > MAX_TABLE_LENGTH || !this.budget.tryResize(old.byteLength, length * 4)) {
      this.refusal = 'memory';
      return false;
    }
    const table = new Int32Array(length);
    const mask = length - 1;
    const arena = this.arena;
    const W = this.stateWords;
    for (let index = 0; index < this.size; index++) {
      const h = hashWords(arena, index * W, W);
      let slot = h & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = (h & ~mask) | (index + 1);
    }
    this.table = table;
    this.mask = mask;
    this.growAt = Math.floor(length * MAX_LOAD);
    return true;
  }

  private emptySlot(h: number): number {
    let slot = h & this.mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
    return slot;
  }
}

function copyInto(dst: Int32Array, src: Int32Array): Int32Array {
  dst.set(src);
  return dst;
}
