/**
 * The shared memory of a parallel exploration: a control block of Int32
 * words (counters, commands, barrier), per-thread figures, and three
 * growable SharedArrayBuffers (hash table, state arena, parent links).
 */
import { hashWords } from '../stateStore.js';

/**
 * Indices into the control block (plain constants: no enums, so files
 * transpile one by one). The hot words live on cache lines of their own:
 * the state counter (an Atomics.add per new state), the block cursor, the
 * words every thread reads before each expansion, and the barrier.
 */
/** States claimed so far (Atomics.add hands out indices). */
export const C_COUNT = 0;
/** Next unexpanded index of the current level (blocks are taken with Atomics.add). */
export const C_NEXT = 16;
/** 0, or a stop code: the first reason wins (compareExchange from 0). */
export const C_STOP = 32;
/** Set by the thread that stores state number C_GROW_AT: the table needs to grow. */
export const C_RESIZE = 33;
/** End of the current level: it is [levelStart, C_LEVEL_END). */
export const C_LEVEL_END = 34;
/** States per block taken from C_NEXT. */
export const C_BLOCK = 35;
/** Index whose storing asks for a bigger table. */
export const C_GROW_AT = 36;
/** What the leader decided at the last barrier (CMD_*). */
export const C_COMMAND = 37;
export const C_ARRIVED = 48;
export const C_GENERATION = 49;
/** Set by a worker that failed; its message follows on its port. */
export const C_FAILED = 50;
/** Words in the control block. */
export const CONTROL_WORDS = 64;

export const CMD_CONTINUE = 0;
export const CMD_REHASH = 1;
export const CMD_FINISH = 2;

export const STOP_REASONS = ['max-states', 'memory', 'timeout', 'interrupted'] as const;
export type ParallelStopReason = (typeof STOP_REASONS)[number];

/** Stop code of a reason (1-based; 0 means not stopped). */
export function stopCode(reason: ParallelStopReason): number {
  return STOP_REASONS.indexOf(reason) + 1;
}

/** A slot claimed by a thread that is still writing the state: low bits 0 never name a state. */
export const BUSY = -0x80000000;

/** Growable buffers top out at 4 GiB in Node 20 (2^30 Int32 words). */
export const MAX_SHARED_BYTES = 2 ** 32;

/** Per-thread figures in a Float64Array: transitions, deadlocks, expansions. */
export const STAT_FIELDS = 3;

/** ES2024's growable SharedArrayBuffer (in Node 20, missing from the ES2022 lib types). */
export interface GrowableBuffer extends SharedArrayBuffer {
  readonly maxByteLength: number;
  grow(byteLength: number): void;
}

const Growable = SharedArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => GrowableBuffer;

export interface SharedBuffers {
  readonly control: SharedArrayBuffer;
  readonly stats: SharedArrayBuffer;
  readonly table: GrowableBuffer;
  readonly arena: GrowableBuffer;
  readonly parents: GrowableBuffer;
}

export function createBuffers(threads: number, tableSlots: number, arenaStates: number, stateWords: number): SharedBuffers {
  return {
    control: new SharedArrayBuffer(CONTROL_WORDS * 4),
    stats: new SharedArrayBuffer(threads * STAT_FIELDS * 8),
    table: new Growable(tableSlots * 4, { maxByteLength: MAX_SHARED_BYTES }),
    arena: new Growable(arenaStates * stateWords * 4, { maxByteLength: MAX_SHARED_BYTES }),
    parents: new Growable(arenaStates * 4, { maxByteLength: MAX_SHARED_BYTES }),
  };
}

/** Bytes the tables hold (what the memory budget counts). */
export function tableBytes(b: SharedBuffers): number {
  return b.table.byteLength + b.arena.byteLength + b.parents.byteLength;
}

/** The sequential store's hash: one function for every visited set. */
export const hashState = hashWords;

/**
 * Sizes for a table of `slots` slots. A thread that stores state number
 * growAt or later asks for a resize, and threads start no expansion once
 * more than growAt states are stored; the expansions already under way add at most `headroom` states
 * (threads × transitions) in all, so the arena needs room for
 * growAt + 1 + headroom states and the table still has an empty slot.
 */
export function sizesFor(slots: number, headroom: number): { growAt: number; arenaStates: number } {
  const growAt = Math.min(Math.floor(slots * 0.75), slots - headroom - 2);
  return { growAt, arenaStates: growAt + headroom + 1 };
}

/** The smallest power-of-two table whose growAt is positive and at least `minStates`. */
export function initialSlots(headroom: number, minStates = 1024): number {
  let slots = 1024;
  while (sizesFor(slots, headroom).growAt < minStates) slots *= 2;
  return slots;
}
