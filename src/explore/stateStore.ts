/**
 * The visited set: packed states in a chunked arena (state i is row i), an
 * open-addressing hash table of indices split into sub-tables that grow one
 * at a time, and the search tree's parent links. No per-state objects, no
 * growth that copies the arena or doubles the whole table.
 */
import type { TransitionId, TransitionSystem } from '../system/transitionSystem.js';
import { CHUNK_MASK, CHUNK_SHIFT, ChunkedRows } from './chunkedRows.js';
import type { StatePath, StoredStates } from './exploration.js';
import { MemoryBudget } from './memoryBudget.js';
import { MonotoneParents } from './monotoneParents.js';
import { MAX_INDEX_BITS, MAX_LOAD, MAX_SUB_TABLE_LENGTH, SUB_TABLE_BITS, SUB_TABLE_INITIAL, SUB_TABLES, indexBitsFor } from './storeSizing.js';

/** findOrAdd's answer when a new state may not be stored (see `refusal`). */
export const REFUSED = -1;

/** What `via` needs to recompute the transition that first reached a state. */
export type SuccessorSource = Pick<TransitionSystem, 'successors'>;

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
  private readonly arena: ChunkedRows;
  /** One Int32 a state, or (breadth-first stores) ~2 bits a state in `ordered`. */
  private readonly parents: ChunkedRows;
  private readonly ordered: MonotoneParents | undefined;
  /**
   * Sub-table h >>> 24 holds the state of hash h. A slot holds index + 1 in
   * its low `indexBits` bits and hash bits 23.. above them (the tag), so most
   * probes that cannot match skip the arena read; 0 marks an empty slot.
   */
  private readonly tables: Int32Array[] = [];
  /** Inserts each sub-table takes before it must double. */
  private readonly room = new Int32Array(SUB_TABLES);
  private tableBytes = 0;
  private indexBits = indexBitsFor(0);
  private tagMask = ~((1 << this.indexBits) - 1);
  private indexMask = (1 << this.indexBits) - 1;
  /** min(arena capacity, maxStates, index limit): below it an insert needs no global check. */
  private roomUntil = 0;
  private viaBuffer: Int32Array | undefined;
  /** Scratch for growTable: (slot entry, hash) pairs of one sub-table (about 1/100 of the table). */
  private rehashBuffer = new Int32Array(0);

  constructor(
    stateWords: number,
    private readonly budget: MemoryBudget = new MemoryBudget(),
    private readonly maxStates: number = Number.POSITIVE_INFINITY,
    /** The system whose successors filled the store; `via` replays it. */
    private readonly system?: SuccessorSource,
    /** Parents never decrease (breadth-first): keep them in unary. */
    parentsInOrder = false,
  ) {
    this.stateWords = stateWords;
    this.arena = new ChunkedRows(stateWords, budget);
    this.parents = new ChunkedRows(parentsInOrder ? 0 : 1, budget);
    this.ordered = parentsInOrder ? new MonotoneParents(budget) : undefined;
    for (let k = 0; k < SUB_TABLES; k++) {
      this.tables.push(new Int32Array(SUB_TABLE_INITIAL));
      this.room[k] = Math.floor(SUB_TABLE_INITIAL * MAX_LOAD);
    }
    this.tableBytes = SUB_TABLES * SUB_TABLE_INITIAL * 4;
    budget.used += this.tableBytes;
  }

  get count(): number {
    return this.size;
  }

  /** Bytes held by the arena, parents and hash table (allocated, not just used). */
  get bytes(): number {
    return this.arena.bytes + this.parents.bytes + (this.ordered?.bytes ?? 0) + this.tableBytes + this.rehashBuffer.byteLength;
  }

  /**
   * Index of `s` (words 0..W-1), storing it with the given parent if it is
   * new: then the result equals the count before the call. Returns REFUSED
   * when it is new but maxStates or the memory budget forbids it.
   */
  findOrAdd(s: Int32Array, parent: number): number {
    const W = this.stateWords;
    const h = hashWords(s, 0, W);
    const sub = h >>> (32 - SUB_TABLE_BITS);
    let table = this.tables[sub];
    let mask = table.length - 1;
    const tagMask = this.tagMask;
    const indexMask = this.indexMask;
    const tag = (h << SUB_TABLE_BITS) & tagMask;
    const chunks = this.arena.chunks;
    let slot = h & mask;
    for (let e = table[slot]; e !== 0; e = table[slot]) {
      if ((e & tagMask) === tag) {
        const index = (e & indexMask) - 1;
        const chunk = chunks[index >>> CHUNK_SHIFT];
        const base = (index & CHUNK_MASK) * W;
        let k = 0;
        while (k < W && chunk[base + k] === s[k]) k++;
        if (k === W) return index;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.size;
    if (index >= this.roomUntil || this.room[sub] === 0) {
      if (!this.makeRoom(sub)) return REFUSED;
      table = this.tables[sub];
      mask = table.length - 1;
      slot = h & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
    }
    table[slot] = ((h << SUB_TABLE_BITS) & this.tagMask) | (index + 1);
    this.room[sub]--;
    const chunk = this.arena.chunks[index >>> CHUNK_SHIFT];
    const base = (index & CHUNK_MASK) * W;
    for (let k = 0; k < W; k++) chunk[base + k] = s[k];
    if (this.ordered === undefined) this.parents.chunks[index >>> CHUNK_SHIFT][index & CHUNK_MASK] = parent;
    else if (index > 0) this.ordered.append(parent);
    this.size = index + 1;
    return index;
  }

  find(s: Int32Array): number {
    const W = this.stateWords;
    if (s.length < W) return -1;
    const h = hashWords(s, 0, W);
    const table = this.tables[h >>> (32 - SUB_TABLE_BITS)];
    const mask = table.length - 1;
    const tag = (h << SUB_TABLE_BITS) & this.tagMask;
    let slot = h & mask;
    for (let e = table[slot]; e !== 0; e = table[slot]) {
      if ((e & this.tagMask) === tag) {
        const index = (e & this.indexMask) - 1;
        const chunk = this.arena.chunks[index >>> CHUNK_SHIFT];
        const base = (index & CHUNK_MASK) * W;
        let k = 0;
        while (k < W && chunk[base + k] === s[k]) k++;
        if (k === W) return index;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  read(index: number, out: Int32Array): void {
    this.check(index);
    this.readUnchecked(index, out);
  }

  /** Copies state `index` into `out` without a bounds check (hot loops). */
  readUnchecked(index: number, out: Int32Array): void {
    const W = this.stateWords;
    const chunk = this.arena.chunks[index >>> CHUNK_SHIFT];
    const base = (index & CHUNK_MASK) * W;
    for (let k = 0; k < W; k++) out[k] = chunk[base + k];
  }

  parent(index: number): number {
    this.check(index);
    if (this.ordered !== undefined) return index === 0 ? -1 : this.ordered.get(index - 1);
    return this.parents.chunks[index >>> CHUNK_SHIFT][index & CHUNK_MASK];
  }

  /**
   * The transition that first reached `index`, recomputed rather than stored
   * (4 bytes a state saved): it is the first transition, in the parent's
   * emission order, whose successor equals the state — when the state was
   * stored, that emission found it new, and successors are deterministic.
   */
  via(index: number): TransitionId {
    const p = this.parent(index);
    if (p < 0) return -1;
    if (this.system === undefined) throw new Error('internal: via() needs the store to know its transition system');
    const W = this.stateWords;
    const buffer = (this.viaBuffer ??= new Int32Array(2 * W));
    const parent = buffer.subarray(0, W);
    const child = buffer.subarray(W);
    this.readUnchecked(p, parent);
    this.readUnchecked(index, child);
    let found = -1;
    this.system.successors(parent, (t, next) => {
      if (found >= 0) return;
      let k = 0;
      while (k < W && next[k] === child[k]) k++;
      if (k === W) found = t;
    });
    if (found < 0) throw new Error(`internal: state ${index} is not a successor of its parent ${p}`);
    return found;
  }

  pathTo(index: number): StatePath {
    this.check(index);
    const states: number[] = [];
    const transitions: TransitionId[] = [];
    for (let i = index; i >= 0; i = this.parent(i)) {
      states.push(i);
      if (this.parent(i) >= 0) transitions.push(this.via(i));
    }
    return { states: states.reverse(), transitions: transitions.reverse() };
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`state ${index} is not stored (0..${this.size - 1})`);
    }
  }

  /** Makes room for one more state in the arena and sub-table `sub`; false if a limit forbids it. */
  private makeRoom(sub: number): boolean {
    const index = this.size;
    if (index >= this.maxStates || index + 1 >= 2 ** MAX_INDEX_BITS) {
      this.refusal = 'max-states';
      return false;
    }
    if (index >= this.arena.capacity && !(this.arena.reserve(index + 1) && this.reserveParents(this.arena.capacity))) {
      this.refusal = 'memory';
      return false;
    }
    if (index + 1 >= 2 ** this.indexBits) this.widenIndex();
    if (this.room[sub] === 0 && !this.growTable(sub)) return false;
    this.roomUntil = Math.min(this.arena.capacity, this.maxStates, 2 ** this.indexBits - 1);
    return true;
  }

  private reserveParents(states: number): boolean {
    return this.ordered === undefined ? this.parents.reserve(states) : this.ordered.reserve(states);
  }

  /** One more index bit in every slot: the tag's lowest bit gives way (in place, no allocation). */
  private widenIndex(): void {
    const freed = ~(1 << this.indexBits);
    for (const table of this.tables) {
      for (let slot = 0; slot < table.length; slot++) table[slot] &= freed;
    }
    this.indexBits++;
    this.indexMask = (1 << this.indexBits) - 1;
    this.tagMask = ~this.indexMask;
  }

  /**
   * Doubles sub-table `sub` alone, rehashing its states from the arena (a
   * slot's tag does not depend on the length, so slots move unchanged). The
   * transient peak is one sub-table, 1/256 of the table.
   */
  private growTable(sub: number): boolean {
    const old = this.tables[sub];
    const length = old.length * 2;
    if (length > MAX_SUB_TABLE_LENGTH || !this.budget.tryResize(old.byteLength, length * 4)) {
      this.refusal = 'memory';
      return false;
    }
    const table = new Int32Array(length);
    const mask = length - 1;
    const W = this.stateWords;
    const chunks = this.arena.chunks;
    const indexMask = this.indexMask;
    // Two passes: the hashes first, so the arena reads (cache misses, in no order) do not
    // wait on each other's probing and overlap; then the probing, in a small table.
    const entries = Math.floor(old.length * MAX_LOAD);
    if (this.rehashBuffer.length < 2 * entries) {
      this.budget.used += 16 * entries - this.rehashBuffer.byteLength;
      this.rehashBuffer = new Int32Array(4 * entries);
    }
    const hashes = this.rehashBuffer;
    let n = 0;
    for (let k = 0; k < old.length; k++) {
      const e = old[k];
      if (e === 0) continue;
      const index = (e & indexMask) - 1;
      hashes[n++] = e;
      hashes[n++] = hashWords(chunks[index >>> CHUNK_SHIFT], (index & CHUNK_MASK) * W, W);
    }
    for (let k = 0; k < n; k += 2) {
      let slot = hashes[k + 1] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = hashes[k];
    }
    this.tables[sub] = table;
    this.tableBytes += length * 4 - old.byteLength;
    this.room[sub] = Math.floor(length * MAX_LOAD) - Math.floor(old.length * MAX_LOAD);
    return true;
  }
}
