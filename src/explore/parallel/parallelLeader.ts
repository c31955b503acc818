/**
 * The leading thread's duties in a parallel exploration: polling the clock,
 * Ctrl-C and progress while it explores or waits, and at each barrier
 * deciding whether to finish, grow and rehash the table, or start the next
 * level. Stopping for any limit makes the result `stopped`, never complete.
 */
import type { ExplorationStatus, ExploreOptions } from '../exploration.js';
import type { Leader } from './levelThread.js';
import {
  C_BLOCK,
  C_COMMAND,
  C_COUNT,
  C_FAILED,
  C_GROW_AT,
  C_LEVEL_END,
  C_NEXT,
  C_RESIZE,
  C_STOP,
  CMD_CONTINUE,
  CMD_FINISH,
  CMD_REHASH,
  MAX_SHARED_BYTES,
  STAT_FIELDS,
  STOP_REASONS,
  sizesFor,
  stopCode,
  tableBytes,
  type ParallelStopReason,
  type SharedBuffers,
} from './sharedLayout.js';

const PROGRESS_EVERY = 1 << 16;
/** Largest block of a level one thread takes at a time. */
const MAX_BLOCK = 256;

export interface LeaderSetup {
  readonly threads: number;
  readonly headroom: number;
  readonly stateWords: number;
  readonly maxStates: number;
  readonly started: number;
}

export class ParallelLeader implements Leader {
  private readonly control: Int32Array;
  private readonly stats: Float64Array;
  private frontierEmpty = false;
  private nextProgress = PROGRESS_EVERY;
  private levelStart = 0;

  constructor(
    private readonly buffers: SharedBuffers,
    private readonly options: ExploreOptions,
    private readonly setup: LeaderSetup,
  ) {
    this.control = new Int32Array(buffers.control);
    this.stats = new Float64Array(buffers.stats);
  }

  poll(): void {
    const { timeoutMs, shouldStop, onProgress } = this.options;
    if (timeoutMs !== undefined && performance.now() - this.setup.started >= timeoutMs) this.stop('timeout');
    if (shouldStop !== undefined && shouldStop()) this.stop('interrupted');
    // A worker failed: stop exploring; the next barrier reports why.
    if (Atomics.load(this.control, C_FAILED) !== 0) this.stop('interrupted');
    const count = Math.min(Atomics.load(this.control, C_COUNT), this.setup.maxStates);
    if (onProgress !== undefined && count >= this.nextProgress) {
      while (this.nextProgress <= count) this.nextProgress += PROGRESS_EVERY;
      let transitions = 0;
      let expansions = 0;
      for (let t = 0; t < this.setup.threads; t++) {
        transitions += this.stats[t * STAT_FIELDS];
        expansions += this.stats[t * STAT_FIELDS + 2];
      }
      onProgress({ states: count, transitions, queue: Math.max(0, count - expansions), seconds: (performance.now() - this.setup.started) / 1000, bytes: tableBytes(this.buffers) });
    }
  }

  decide(): void {
    const c = this.control;
    let command = CMD_FINISH;
    if (Atomics.load(c, C_STOP) !== 0) command = CMD_FINISH;
    else if (Atomics.load(c, C_RESIZE) !== 0) command = this.grow() ? CMD_REHASH : CMD_FINISH;
    else command = this.nextLevel() ? CMD_CONTINUE : CMD_FINISH;
    Atomics.store(c, C_COMMAND, command);
  }

  /** The result's status, once the threads have finished. */
  status(): ExplorationStatus {
    const code = Atomics.load(this.control, C_STOP);
    if (code !== 0) return { kind: 'stopped', reason: STOP_REASONS[code - 1] };
    if (!this.frontierEmpty) throw new Error('internal: parallel exploration ended early without a reason');
    return { kind: 'complete' };
  }

  private stop(reason: ParallelStopReason): void {
    Atomics.compareExchange(this.control, C_STOP, 0, stopCode(reason));
  }

  /** Every thread ran out of blocks: the states added meanwhile are the next level. */
  private nextLevel(): boolean {
    const c = this.control;
    const start = Atomics.load(c, C_LEVEL_END);
    const end = Math.min(Atomics.load(c, C_COUNT), this.setup.maxStates);
    this.levelStart = start;
    if (end === start) {
      this.frontierEmpty = true;
      return false;
    }
    this.poll();
    if (Atomics.load(c, C_STOP) !== 0) return false;
    const size = end - start;
    Atomics.store(c, C_BLOCK, Math.max(1, Math.min(MAX_BLOCK, Math.floor(size / (8 * this.setup.threads)))));
    Atomics.store(c, C_NEXT, start);
    Atomics.store(c, C_LEVEL_END, end);
    return true;
  }

  /** Doubles the table (cleared; the threads rehash into it) and grows arena and parents to match. */
  private grow(): boolean {
    const { table, arena, parents } = this.buffers;
    const W = this.setup.stateWords;
    const slots = (table.byteLength >> 2) * 2;
    const sizes = sizesFor(slots, this.setup.headroom);
    const states = Math.min(sizes.arenaStates, Math.max(1, this.setup.maxStates));
    const arenaBytes = Math.max(arena.byteLength, states * W * 4);
    const parentBytes = Math.max(parents.byteLength, states * 4);
    const limit = this.options.maxMemoryBytes ?? Number.POSITIVE_INFINITY;
    if (slots * 4 > MAX_SHARED_BYTES || arenaBytes > MAX_SHARED_BYTES || parentBytes > MAX_SHARED_BYTES || slots * 4 + arenaBytes + parentBytes > limit) {
      this.stop('memory');
      return false;
    }
    const oldSlots = table.byteLength >> 2;
    table.grow(slots * 4);
    new Int32Array(table, 0, oldSlots).fill(0);
    if (arenaBytes > arena.byteLength) arena.grow(arenaBytes);
    if (parentBytes > parents.byteLength) parents.grow(parentBytes);
    Atomics.store(this.control, C_GROW_AT, sizes.growAt);
    Atomics.store(this.control, C_RESIZE, 0);
    return true;
  }
}
