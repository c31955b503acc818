/**
 * The stored states of a finished parallel exploration, read on the main
 * thread through the StoredStates contract. Only parents are stored; the
 * transition that reached a state is found again by re-running its
 * parent's successors (done only for the few states on a trace).
 */
import type { TransitionId, TransitionSystem } from '../../system/transitionSystem.js';
import type { StatePath, StoredStates } from '../exploration.js';
import { BUSY, hashState, type SharedBuffers } from './sharedLayout.js';

export class SharedStore implements StoredStates {
  readonly stateWords: number;
  private readonly table: Int32Array;
  private readonly arena: Int32Array;
  private readonly parents: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly system: TransitionSystem,
    buffers: SharedBuffers,
    readonly count: number,
  ) {
    const W = system.layout.stateWords;
    this.stateWords = W;
    this.table = new Int32Array(buffers.table, 0, buffers.table.byteLength >> 2);
    this.arena = new Int32Array(buffers.arena, 0, count * W);
    this.parents = new Int32Array(buffers.parents, 0, count);
    this.mask = this.table.length - 1;
  }

  read(index: number, out: Int32Array): void {
    this.check(index);
    const W = this.stateWords;
    const base = index * W;
    for (let k = 0; k < W; k++) out[k] = this.arena[base + k];
  }

  parent(index: number): number {
    this.check(index);
    return this.parents[index];
  }

  /** The first transition (by id) from the parent that yields this state. */
  via(index: number): TransitionId {
    this.check(index);
    const p = this.parents[index];
    if (p < 0) return -1;
    const W = this.stateWords;
    const from = new Int32Array(W);
    this.read(p, from);
    const base = index * W;
    let found = -1;
    this.system.successors(from, (t, next) => {
      if (found >= 0) return;
      let k = 0;
      while (k < W && next[k] === this.arena[base + k]) k++;
      if (k === W) found = t;
    });
    if (found < 0) throw new Error(`internal: no transition from state ${p} reaches its child ${index}`);
    return found;
  }

  pathTo(index: number): StatePath {
    this.check(index);
    const states: number[] = [];
    const transitions: TransitionId[] = [];
    for (let i = index; i >= 0; i = this.parents[i]) {
      states.push(i);
      if (this.parents[i] >= 0) transitions.push(this.via(i));
    }
    return { states: states.reverse(), transitions: transitions.reverse() };
  }

  find(s: Int32Array): number {
    const W = this.stateWords;
    if (s.length < W) return -1;
    const mask = this.mask;
    const h = hashState(s, 0, W);
    for (let slot = h & mask, e = this.table[slot]; e !== 0; slot = (slot + 1) & mask, e = this.table[slot]) {
      if (e === BUSY || (e & ~mask) !== (h & ~mask)) continue;
      const index = (e & mask) - 1;
      if (index >= this.count) continue;
      const base = index * W;
      let k = 0;
      while (k < W && this.arena[base + k] === s[k]) k++;
      if (k === W) return index;
    }
    return -1;
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) {
      throw new RangeError(`state ${index} is not stored (0..${this.count - 1})`);
    }
  }
}
