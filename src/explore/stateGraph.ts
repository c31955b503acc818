/**
 * Records edges while exploring and turns them into the compressed-sparse-
 * row StateGraph that CTL labelling and drawings read. Each state's edges
 * are appended as one block when it is expanded; BFS expands in index order
 * so its blocks are already CSR, DFS blocks are reordered at the end.
 */
import type { TransitionId } from '../system/transitionSystem.js';
import type { StateGraph } from './exploration.js';
import { MAX_ARRAY_LENGTH, type MemoryBudget, growInt32 } from './memoryBudget.js';

export class EdgeRecorder {
  private targets: Int32Array = new Int32Array(4096);
  private labels: Int32Array = new Int32Array(4096);
  private length = 0;
  /** First edge of each expanded state's block. */
  private starts: Int32Array = new Int32Array(1024);
  /** End of each block, only when states are not expanded in index order. */
  private ends: Int32Array | undefined;

  constructor(
    private readonly budget: MemoryBudget,
    inIndexOrder: boolean,
  ) {
    if (!inIndexOrder) this.ends = new Int32Array(1024);
    budget.used += this.bytes;
  }

  get bytes(): number {
    return this.targets.byteLength + this.labels.byteLength + this.starts.byteLength + (this.ends?.byteLength ?? 0);
  }

  get edgeCount(): number {
    return this.length;
  }

  /** Starts the block of `state`'s edges; false if over the memory budget. */
  open(state: number): boolean {
    if (state >= this.starts.length) {
      const grown = growInt32(this.starts, state + 1, this.budget);
      if (grown === undefined) return false;
      this.starts = grown;
    }
    this.starts[state] = this.length;
    return true;
  }

  /** Ends the block of `state` (needed only when not expanding in index order). */
  close(state: number): boolean {
    if (this.ends === undefined) return true;
    if (state >= this.ends.length) {
      const grown = growInt32(this.ends, state + 1, this.budget);
      if (grown === undefined) return false;
      this.ends = grown;
    }
    this.ends[state] = this.length;
    return true;
  }

  push(target: number, label: TransitionId): boolean {
    const n = this.length;
    if (n >= this.targets.length && !this.grow()) return false;
    this.targets[n] = target;
    this.labels[n] = label;
    this.length = n + 1;
    return true;
  }

  /** The CSR graph over states 0..states-1, all of which must have been expanded. */
  toGraph(states: number): StateGraph {
    const offsets = new Int32Array(states + 1);
    let targets: Int32Array;
    let labels: Int32Array;
    if (this.ends === undefined) {
      offsets.set(this.starts.subarray(0, states));
      offsets[states] = this.length;
      targets = this.targets.slice(0, this.length);
      labels = this.labels.slice(0, this.length);
    } else {
      targets = new Int32Array(this.length);
      labels = new Int32Array(this.length);
      for (let i = 0; i < states; i++) {
        const from = this.starts[i];
        const to = this.ends[i];
        const at = offsets[i];
        targets.set(this.targets.subarray(from, to), at);
        labels.set(this.labels.subarray(from, to), at);
        offsets[i + 1] = at + (to - from);
      }
    }
    const graphBytes = offsets.byteLength + targets.byteLength + labels.byteLength;
    // The graph replaces the recording buffers (it is never larger than them, bar a word).
    this.budget.used += graphBytes - this.bytes;
    this.targets = this.labels = this.starts = new Int32Array(0);
    this.ends = undefined;
    this.length = 0;
    return { states, offsets, targets, labels };
  }

  private grow(): boolean {
    const length = this.targets.length * 2;
    if (length > MAX_ARRAY_LENGTH || !this.budget.tryResize(this.targets.byteLength * 2, length * 8)) return false;
    const targets = new Int32Array(length);
    targets.set(this.targets);
    const labels = new Int32Array(length);
    labels.set(this.labels);
    this.targets = targets;
    this.labels = labels;
    return true;
  }
}

/** Successor indices of `state` as a view (no copy). */
export function successorsOf(graph: StateGraph, state: number): Int32Array {
  return graph.targets.subarray(graph.offsets[state], graph.offsets[state + 1]);
}
