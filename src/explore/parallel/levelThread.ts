/**
 * What every exploring thread runs (the main thread as leader, the workers
 * alike): level-synchronous BFS. Threads take blocks of the current level's
 * index range and insert successors into the shared table; the next level is
 * what was added meanwhile. Every state's parent is in the previous level,
 * so parent links give shortest paths, as in the sequential BFS.
 */
import type { TransitionId, TransitionSystem } from '../../system/transitionSystem.js';
import type { Fault } from '../exploration.js';
import { MAX_LISTED_DEADLOCKS, MAX_LISTED_FAULTS } from '../searchRun.js';
import { Barrier } from './barrier.js';
import {
  C_BLOCK,
  C_COMMAND,
  C_COUNT,
  C_LEVEL_END,
  C_NEXT,
  C_RESIZE,
  C_STOP,
  CMD_FINISH,
  CMD_REHASH,
  STAT_FIELDS,
  stopCode,
  type SharedBuffers,
} from './sharedLayout.js';
import { REFUSED, SharedTable } from './sharedTable.js';

/** What one thread saw; the leader merges them (deadlocks and faults in index order, so by depth). */
export interface ThreadResult {
  readonly transitions: number;
  readonly expansions: number;
  readonly deadlockCount: number;
  readonly deadlocks: readonly number[];
  readonly faults: readonly Fault[];
}

/** The leader's part: polling limits while exploring and deciding what happens at each barrier. */
export interface Leader {
  poll(): void;
  /** Between the two barriers of a round: sets C_COMMAND (and grows the buffers or starts the next level). */
  decide(): void;
}

const POLL_EVERY = 1024;

export class LevelThread {
  readonly table: SharedTable;
  private readonly control: Int32Array;
  private readonly stats: Float64Array;
  private readonly barrier: Barrier;
  private readonly current: Int32Array;
  private transitions = 0;
  private expansions = 0;
  private deadlockCount = 0;
  private readonly deadlocks: number[] = [];
  private readonly faults: Fault[] = [];
  private expanding = 0;
  private emitted = 0;
  private faulted = false;

  constructor(
    private readonly id: number,
    private readonly threads: number,
    private readonly system: TransitionSystem,
    private readonly buffers: SharedBuffers,
    private readonly maxStates: number,
    private readonly leader?: Leader,
  ) {
    this.table = new SharedTable(buffers, system.layout.stateWords, maxStates);
    this.control = new Int32Array(buffers.control);
    this.stats = new Float64Array(buffers.stats);
    this.barrier = new Barrier(buffers.control, threads, leader ? () => leader.poll() : undefined);
    this.current = new Int32Array(system.layout.stateWords);
  }

  private readonly emit = (_t: TransitionId, next: Int32Array): void => {
    this.emitted++;
    if (this.table.findOrAdd(next, this.expanding) === REFUSED) Atomics.compareExchange(this.control, C_STOP, 0, stopCode('max-states'));
  };

  private readonly fault = (t: TransitionId, message: string): void => {
    this.faulted = true;
    if (this.faults.length < MAX_LISTED_FAULTS) this.faults.push({ state: this.expanding, transition: t, message });
  };

  /** Explores until the leader says finish; the last barrier is the caller's (after results are handed over). */
  run(): ThreadResult {
    const c = this.control;
    let cursor = 0;
    let end = 0;
    for (;;) {
      const levelEnd = Atomics.load(c, C_LEVEL_END);
      const block = Atomics.load(c, C_BLOCK);
      for (;;) {
        // An expansion starts only while at most growAt states are stored (the thread that stored
        // past it may not have raised the resize flag yet; it does before the barrier), so the
        // headroom — one expansion per thread — covers what is under way.
        if (Atomics.load(c, C_STOP) !== 0 || Atomics.load(c, C_RESIZE) !== 0 || Atomics.load(c, C_COUNT) > this.table.growThreshold) break;
        if (cursor >= end) {
          const b = Atomics.add(c, C_NEXT, block);
          if (b >= levelEnd) break;
          cursor = b;
          end = Math.min(b + block, levelEnd);
        }
        this.expand(cursor++);
        if (this.expansions % POLL_EVERY === 0) {
          this.publishStats();
          this.leader?.poll();
        }
      }
      this.publishStats();
      this.barrier.wait();
      this.leader?.decide();
      this.barrier.wait();
      const command = Atomics.load(c, C_COMMAND);
      if (command === CMD_FINISH) break;
      if (command === CMD_REHASH) {
        this.table.refresh();
        const count = Math.min(Atomics.load(c, C_COUNT), this.maxStates);
        const share = Math.ceil(count / this.threads);
        this.table.rehash(Math.min(count, this.id * share), Math.min(count, (this.id + 1) * share));
        this.barrier.wait();
      }
    }
    return {
      transitions: this.transitions,
      expansions: this.expansions,
      deadlockCount: this.deadlockCount,
      deadlocks: this.deadlocks,
      faults: this.faults,
    };
  }

  /** The closing barrier, once every thread has handed over its results. */
  finalBarrier(): void {
    this.barrier.wait();
  }

  private expand(i: number): void {
    const system = this.system;
    const current = this.current;
    this.table.read(i, current);
    this.expanding = i;
    this.emitted = 0;
    this.faulted = false;
    system.successors(current, this.emit, this.fault);
    this.transitions += this.emitted;
    this.expansions++;
    // A state whose only enabled transitions fault has successors, just not representable ones.
    if (this.emitted === 0 && !this.faulted && !system.label(current, system.terminalAtom)) {
      if (this.deadlockCount++ < MAX_LISTED_DEADLOCKS) this.deadlocks.push(i);
    }
  }

  /** Running figures for the leader's progress line (read without synchronisation: only shown). */
  private publishStats(): void {
    const base = this.id * STAT_FIELDS;
    this.stats[base] = this.transitions;
    this.stats[base + 1] = this.deadlockCount;
    this.stats[base + 2] = this.expansions;
  }
}
