/**
 * Bookkeeping shared by the BFS and DFS loops: the store and edge recorder,
 * limits and progress, and what is seen on the way (deadlocks, faults,
 * watched atoms). The loops own only the frontier and the hot emit closure.
 */
import type { AtomId, TransitionId, TransitionSystem } from '../system/transitionSystem.js';
import type { Exploration, ExploreOptions, Fault, StoredStates } from './exploration.js';
import type { StopReason } from './limits.js';
import { MemoryBudget } from './memoryBudget.js';
import { EdgeRecorder } from './stateGraph.js';
import { REFUSED } from './stateStore.js';

/** Stored deadlocks and faults beyond these are counted (deadlocks) or dropped (faults). */
export const MAX_LISTED_DEADLOCKS = 1000;
export const MAX_LISTED_FAULTS = 1000;
const PROGRESS_EVERY = 1 << 16;

/** What a search stores states in: the exact StateStore or fingerprint mode's FingerprintStore. */
export interface SearchStore extends StoredStates {
  readonly refusal: 'max-states' | 'memory' | undefined;
  readonly bytes: number;
  /** Index of the new state, or a negative answer (seen / REFUSED). `ordinal` is the emission's rank in the parent's successors. */
  findOrAdd(s: Int32Array, parent: number, ordinal: number): number;
}

export class SearchRun<S extends SearchStore> {
  readonly budget: MemoryBudget;
  readonly store: S;
  readonly edges: EdgeRecorder | undefined;
  /** First stored state per watched atom, -1 while unseen. */
  readonly watched: number[];
  /** Watched atoms still unseen; the emit closures test this before calling checkWatches. */
  pendingWatches: number;
  /** Set once; the loops finish the current expansion and return. */
  stop: StopReason | undefined;
  /** A state or edge was dropped because of a limit, so the result cannot be complete. */
  lost = false;
  transitions = 0;
  deadlockCount = 0;
  readonly deadlocks: number[] = [];
  readonly faults: Fault[] = [];
  private readonly watch: readonly AtomId[];
  private readonly started = performance.now();
  private nextProgress = PROGRESS_EVERY;

  constructor(
    private readonly system: TransitionSystem,
    private readonly options: ExploreOptions,
    inIndexOrder: boolean,
    makeStore: (budget: MemoryBudget) => S,
  ) {
    this.budget = new MemoryBudget(options.maxMemoryBytes);
    this.store = makeStore(this.budget);
    this.edges = options.storeEdges ? new EdgeRecorder(this.budget, inIndexOrder) : undefined;
    this.watch = options.watch ?? [];
    this.watched = this.watch.map(() => -1);
    this.pendingWatches = this.watch.length;
  }

  /** Stores the initial state; false when not even that fits the limits. */
  start(): boolean {
    const s = new Int32Array(this.store.stateWords);
    this.system.initial(s);
    const index = this.store.findOrAdd(s, -1, -1);
    if (index === REFUSED) {
      this.refused();
      return false;
    }
    if (this.pendingWatches > 0) this.checkWatches(index, s);
    return this.stop === undefined;
  }

  /** findOrAdd refused a new state: it is lost, so stop for the store's reason. */
  refused(): void {
    this.lost = true;
    this.stop ??= this.store.refusal ?? 'memory';
  }

  /** An edge or frontier entry could not be kept within the memory budget. */
  outOfMemory(): void {
    this.lost = true;
    this.stop ??= 'memory';
  }

  /** Called once per newly stored state while some watched atom is unseen. */
  checkWatches(index: number, s: Int32Array): void {
    for (let k = 0; k < this.watch.length; k++) {
      if (this.watched[k] < 0 && this.system.label(s, this.watch[k])) {
        this.watched[k] = index;
        this.pendingWatches--;
      }
    }
    if (this.pendingWatches === 0 && this.options.stopWhenWatchedFound) this.stop ??= 'watched-found';
  }

  deadlock(index: number): void {
    if (this.deadlockCount++ < MAX_LISTED_DEADLOCKS) this.deadlocks.push(index);
  }

  fault(state: number, transition: TransitionId, message: string): void {
    if (this.faults.length < MAX_LISTED_FAULTS) this.faults.push({ state, transition, message });
  }

  /** Polled every ~1024 expansions: clock, interruption, progress. */
  poll(queue: number): void {
    const { timeoutMs, shouldStop, onProgress } = this.options;
    if (timeoutMs !== undefined && performance.now() - this.started >= timeoutMs) this.stop ??= 'timeout';
    if (shouldStop !== undefined && shouldStop()) this.stop ??= 'interrupted';
    if (onProgress !== undefined && this.store.count >= this.nextProgress) {
      while (this.nextProgress <= this.store.count) this.nextProgress += PROGRESS_EVERY;
      onProgress({
        states: this.store.count,
        transitions: this.transitions,
        queue,
        seconds: this.seconds(),
        bytes: this.budget.used,
      });
    }
  }

  /** The result; complete only if the frontier emptied and nothing was dropped. */
  finish(frontierEmpty: boolean): Exploration {
    const complete = frontierEmpty && !this.lost;
    if (!complete && this.stop === undefined) throw new Error('internal: exploration ended early without a reason');
    const graph = complete && this.edges !== undefined ? this.edges.toGraph(this.store.count) : undefined;
    return {
      status: complete || this.stop === undefined ? { kind: 'complete' } : { kind: 'stopped', reason: this.stop },
      states: this.store.count,
      transitions: this.transitions,
      seconds: this.seconds(),
      store: this.store,
      ...(graph !== undefined ? { graph } : {}),
      deadlocks: this.deadlocks,
      deadlockCount: this.deadlockCount,
      faults: this.faults,
      watched: this.watched,
      bytes: this.budget.used,
    };
  }

  private seconds(): number {
    return (performance.now() - this.started) / 1000;
  }
}
