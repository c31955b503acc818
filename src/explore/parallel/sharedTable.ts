/**
 * One thread's view of the shared visited set, with the lock-free insert:
 * claim an empty slot by compareExchange (0 → BUSY), take an index with
 * Atomics.add, write the vector and parent, then publish the slot. A thread
 * that meets a BUSY slot waits for it, so no probe ever passes a state
 * that is still being written, and equal states are stored once.
 */
import { BUSY, C_COUNT, C_GROW_AT, C_RESIZE, hashState, type SharedBuffers } from './sharedLayout.js';

/** findOrAdd's answers besides an index. */
export const REFUSED = -1;

/** Spins before a thread waiting on a BUSY slot starts to sleep (another thread is mid-write). */
const SPINS = 256;

export class SharedTable {
  readonly stateWords: number;
  /** Set by findOrAdd when it returns a new index (false when the state was there). */
  added = false;
  private table!: Int32Array;
  private arena!: Int32Array;
  private parents!: Int32Array;
  private mask = 0;
  private capacity = 0;
  private growAt = 0;

  /** Stored states from which the table must grow (an expansion may start only below it). */
  get growThreshold(): number {
    return this.growAt;
  }
  private readonly limited: boolean;
  private readonly control: Int32Array;

  constructor(
    private readonly buffers: SharedBuffers,
    stateWords: number,
    private readonly maxStates: number,
  ) {
    this.stateWords = stateWords;
    this.control = new Int32Array(buffers.control);
    this.limited = maxStates !== Number.POSITIVE_INFINITY;
    this.refresh();
  }

  /**
   * Fixed-length views of the buffers at their current sizes (views that
   * track a growable buffer's length are many times slower in V8). Called
   * after every resize, at a barrier.
   */
  refresh(): void {
    const W = this.stateWords;
    this.table = new Int32Array(this.buffers.table, 0, this.buffers.table.byteLength >> 2);
    // Arena and parents grow together: parents has one word per state (the arena none when W = 0).
    this.capacity = this.buffers.parents.byteLength >> 2;
    this.arena = new Int32Array(this.buffers.arena, 0, this.capacity * W);
    this.parents = new Int32Array(this.buffers.parents, 0, this.capacity);
    this.mask = this.table.length - 1;
    this.growAt = Atomics.load(this.control, C_GROW_AT);
  }

  /**
   * Index of `s`, storing it with `parent` if it is new (then `added` is
   * set). REFUSED when it is new but maxStates is reached: the caller stops.
   */
  findOrAdd(s: Int32Array, parent: number): number {
    const W = this.stateWords;
    const table = this.table;
    const arena = this.arena;
    const mask = this.mask;
    const h = hashState(s, 0, W);
    const tag = h & ~mask;
    let slot = h & mask;
    for (;;) {
      // A plain read suffices: the arena words compared below are read at an address computed
      // from this entry, so they cannot be read before it, and the writer published the entry
      // (Atomics.store) after writing them. Claiming and waiting use Atomics.
      const e = table[slot];
      if (e === 0) {
        if (Atomics.compareExchange(table, slot, 0, BUSY) !== 0) continue;
        return this.store(s, parent, slot, tag);
      }
      if (e === BUSY) {
        this.awaitPublished(slot);
        continue;
      }
      if ((e & ~mask) === tag) {
        const base = ((e & mask) - 1) * W;
        let k = 0;
        while (k < W && arena[base + k] === s[k]) k++;
        if (k === W) {
          this.added = false;
          return (e & mask) - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Writes a new state into the slot this thread claimed, then publishes the slot. */
  private store(s: Int32Array, parent: number, slot: number, tag: number): number {
    const control = this.control;
    // With a state limit, a pre-check keeps the count from running past it by more than one per thread.
    const index = this.limited && Atomics.load(control, C_COUNT) >= this.maxStates ? this.maxStates : Atomics.add(control, C_COUNT, 1);
    // `>=`, not `===`: the thread that took index growAt may be descheduled before it raises the flag.
    if (index >= this.growAt) Atomics.store(control, C_RESIZE, 1);
    if (index >= this.maxStates) {
      Atomics.store(this.table, slot, 0);
      return REFUSED;
    }
    if (index >= this.capacity) {
      Atomics.store(this.table, slot, 0);
      throw new Error(`internal: parallel exploration overran its arena (state ${index}, room for ${this.capacity}); a system emitted more successors than it has transitions`);
    }
    const W = this.stateWords;
    const arena = this.arena;
    const base = index * W;
    for (let k = 0; k < W; k++) arena[base + k] = s[k];
    this.parents[index] = parent;
    Atomics.store(this.table, slot, tag | (index + 1));
    this.added = true;
    return index;
  }

  private awaitPublished(slot: number): void {
    const table = this.table;
    for (let i = 0; i < SPINS; i++) if (Atomics.load(table, slot) !== BUSY) return;
    // The writer was descheduled: sleep in short steps rather than burn the core it needs.
    while (Atomics.load(table, slot) === BUSY) Atomics.wait(table, slot, BUSY, 0.05);
  }

  /** Copies state `index` into `out` (the state must be published, e.g. before the last barrier). */
  read(index: number, out: Int32Array): void {
    const W = this.stateWords;
    const arena = this.arena;
    const base = index * W;
    for (let k = 0; k < W; k++) out[k] = arena[base + k];
  }

  /** Inserts stored states [from, to) into the (cleared, regrown) table; all are distinct. */
  rehash(from: number, to: number): void {
    const W = this.stateWords;
    const table = this.table;
    const arena = this.arena;
    const mask = this.mask;
    for (let index = from; index < to; index++) {
      const h = hashState(arena, index * W, W);
      let slot = h & mask;
      while (Atomics.compareExchange(table, slot, 0, (h & ~mask) | (index + 1)) !== 0) slot = (slot + 1) & mask;
    }
  }
}
