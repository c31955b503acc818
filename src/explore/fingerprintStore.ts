/**
 * The visited set of fingerprint mode (opt-in): a 64-bit fingerprint per
 * state instead of the state, full vectors only for the BFS frontier, and
 * per state its parent and emission ordinal so any state is rebuilt exactly
 * by replaying successors from the initial state. Two distinct states with
 * equal fingerprints make the second look visited: missProbability bounds it.
 */
import type { TransitionId, TransitionSystem } from '../system/transitionSystem.js';
import { CHUNK_MASK, CHUNK_SHIFT, ChunkedRows } from './chunkedRows.js';
import type { StatePath, StoredStates } from './exploration.js';
import { MemoryBudget } from './memoryBudget.js';
import { MonotoneParents } from './monotoneParents.js';
import { FingerprintTable, hashWordsAlt, missProbability } from './fingerprintTable.js';
import { MAX_STORED_STATES } from './storeSizing.js';
import { REFUSED, hashWords } from './stateStore.js';

export { missProbability } from './fingerprintTable.js';

/** What rebuilding a state needs: the initial state and deterministic successors. */
export type ReplaySource = Pick<TransitionSystem, 'initial' | 'successors'>;

/** findOrAdd's answer for a fingerprint already present (its state's index is not kept). */
export const SEEN = -2;

/** Rebuilt states kept for the next read (a trace reads its states in path order). */
const MAX_CACHED = 1 << 16;

export class FingerprintStore implements StoredStates {
  readonly stateWords: number;
  refusal: 'max-states' | 'memory' | undefined;
  private size = 0;
  /** Row i is state i while it waits in (or is being expanded from) the BFS queue. */
  private readonly frontier: ChunkedRows;
  private releasedBelow = 0;
  /** BFS parents never decrease: ~2 bits a state. */
  private readonly parents: MonotoneParents;
  /**
   * Which emission of its parent's successors reached the state (0-based):
   * one byte a state, four to a word; 255 and up are kept in `wideOrdinals`
   * (rare: a state with 256 successors; not counted in `bytes`).
   */
  private readonly ordinals: ChunkedRows;
  private readonly wideOrdinals = new Map<number, number>();
  private readonly table: FingerprintTable;
  /** min(queue capacity, maxStates): below it an insert needs no global check. */
  private roomUntil = 0;
  private readonly cache = new Map<number, Int32Array>();

  constructor(
    stateWords: number,
    private readonly system: ReplaySource,
    private readonly budget: MemoryBudget = new MemoryBudget(),
    private readonly maxStates: number = Number.POSITIVE_INFINITY,
  ) {
    this.stateWords = stateWords;
    this.frontier = new ChunkedRows(stateWords, budget);
    this.parents = new MonotoneParents(budget);
    this.ordinals = new ChunkedRows(1, budget);
    this.table = new FingerprintTable(budget);
  }

  get count(): number {
    return this.size;
  }

  get bytes(): number {
    return this.frontier.bytes + this.parents.bytes + this.ordinals.bytes + this.table.bytes;
  }

  /** The bound of `missProbability` at the current count. */
  get missProbability(): number {
    return missProbability(this.size);
  }

  /**
   * Index of `s` if its fingerprint is new (then stored with its parent and
   * ordinal, and queued), else the index of an earlier state with the same
   * fingerprint is not known: returns SEEN. REFUSED past a limit.
   */
  findOrAdd(s: Int32Array, parent: number, ordinal: number): number {
    const W = this.stateWords;
    const h1 = hashWords(s, 0, W);
    const h2 = h1 === 0 ? hashWordsAlt(s, 0, W) || 1 : hashWordsAlt(s, 0, W);
    const slot = this.table.find(h1, h2);
    if (slot < 0) return SEEN;
    const index = this.size;
    if (index >= this.roomUntil && !this.makeRoom()) return REFUSED;
    if (!this.table.insert(h1, h2, slot)) {
      this.refusal = 'memory';
      return REFUSED;
    }
    const c = index >>> CHUNK_SHIFT;
    const row = index & CHUNK_MASK;
    const chunk = this.frontier.chunks[c];
    for (let k = 0; k < W; k++) chunk[row * W + k] = s[k];
    if (index > 0) this.parents.append(parent);
    if (ordinal > 0) {
      // Fresh chunks are zero, so rank 0 (and the initial state's -1) needs no write.
      const word = index >>> 2;
      this.ordinals.chunks[word >>> CHUNK_SHIFT][word & CHUNK_MASK] |= Math.min(ordinal, 255) << ((index & 3) << 3);
      if (ordinal >= 255) this.wideOrdinals.set(index, ordinal);
    }
    this.size = index + 1;
    return index;
  }

  /** True if some stored state has the fingerprint of `s`. */
  contains(s: Int32Array): boolean {
    const W = this.stateWords;
    const h1 = hashWords(s, 0, W);
    const h2 = h1 === 0 ? hashWordsAlt(s, 0, W) || 1 : hashWordsAlt(s, 0, W);
    return this.table.find(h1, h2) < 0;
  }

  /** Copies queued state `index` (not yet released) into `out`. */
  readUnchecked(index: number, out: Int32Array): void {
    const W = this.stateWords;
    const chunk = this.frontier.chunks[index >>> CHUNK_SHIFT];
    const base = (index & CHUNK_MASK) * W;
    for (let k = 0; k < W; k++) out[k] = chunk[base + k];
  }

  /** States below `index` are expanded: their vectors' whole chunks are freed. */
  release(index: number): void {
    this.frontier.releaseBelow(index);
    this.releasedBelow = index & ~CHUNK_MASK;
  }

  /** The vector of any stored state: from the queue if still there, else rebuilt by replay and certified. */
  read(index: number, out: Int32Array): void {
    this.check(index);
    if (index >= this.releasedBelow) {
      this.readUnchecked(index, out);
      return;
    }
    out.set(this.rebuild(index));
  }

  parent(index: number): number {
    this.check(index);
    return index === 0 ? -1 : this.parents.get(index - 1);
  }

  /** The transition of the parent's emission that reached `index`. */
  via(index: number): TransitionId {
    const p = this.parent(index);
    if (p < 0) return -1;
    const parent = new Int32Array(this.stateWords);
    this.read(p, parent);
    return this.emission(parent, this.ordinal(index), index).t;
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

  /** Fingerprint mode keeps no index from vectors; nothing may rely on lookups by vector. */
  find(): number {
    throw new Error('internal: fingerprint mode cannot look states up by vector');
  }

  /**
   * Replays from the nearest cached ancestor (or the initial state) down the
   * parent chain, each step the recorded emission of a real successors call,
   * and certifies every rebuilt state against the fingerprint table.
   */
  private rebuild(index: number): Int32Array {
    const chain: number[] = [];
    let i = index;
    while (i >= 0 && !this.cache.has(i)) {
      chain.push(i);
      i = i === 0 ? -1 : this.parents.get(i - 1);
    }
    let state = i >= 0 ? this.cache.get(i)! : undefined;
    if (this.cache.size + chain.length > MAX_CACHED) this.cache.clear();
    for (let k = chain.length - 1; k >= 0; k--) {
      const j = chain[k];
      let next: Int32Array;
      if (state === undefined) {
        next = new Int32Array(this.stateWords);
        this.system.initial(next);
      } else {
        next = this.emission(state, this.ordinal(j), j).next;
      }
      if (!this.contains(next)) throw new Error(`internal: replaying to state ${j} rebuilt a state that was never stored`);
      this.cache.set(j, next);
      state = next;
    }
    return state!;
  }

  private ordinal(index: number): number {
    const word = index >>> 2;
    const byte = (this.ordinals.chunks[word >>> CHUNK_SHIFT][word & CHUNK_MASK] >>> ((index & 3) << 3)) & 255;
    return byte < 255 ? byte : this.wideOrdinals.get(index)!;
  }

  private emission(parent: Int32Array, ordinal: number, child: number): { t: TransitionId; next: Int32Array } {
    let k = 0;
    let found: { t: TransitionId; next: Int32Array } | undefined;
    this.system.successors(parent, (t, next) => {
      if (k++ === ordinal) found = { t, next: next.slice(0, this.stateWords) };
    });
    if (found === undefined) throw new Error(`internal: state ${child} is not a successor of its parent (emission ${ordinal} missing)`);
    return found;
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`state ${index} is not stored (0..${this.size - 1})`);
    }
  }

  /** Room in the queue, parents and ranks for one more state; false past maxStates or the budget. */
  private makeRoom(): boolean {
    const index = this.size;
    if (index >= this.maxStates || index >= MAX_STORED_STATES) {
      this.refusal = 'max-states';
      return false;
    }
    const rows = index + 1;
    if (index >= this.frontier.capacity && !(this.frontier.reserve(rows) && this.ordinals.reserve(this.frontier.capacity >>> 2) && this.parents.reserve(this.frontier.capacity))) {
      this.refusal = 'memory';
      return false;
    }
    this.roomUntil = Math.min(this.frontier.capacity, this.maxStates);
    return true;
  }
}
