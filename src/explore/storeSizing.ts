/**
 * The exact store's sizing rules as pure functions, so the limits that
 * matter at 10^8 states (slot index bits, sub-table length, bytes needed)
 * are tested without allocating gigabytes.
 */
import { CHUNK_ROWS } from './chunkedRows.js';

/** The hash table is 2^SUB_TABLE_BITS sub-tables chosen by the hash's top bits, each grown alone. */
export const SUB_TABLE_BITS = 8;
export const SUB_TABLES = 1 << SUB_TABLE_BITS;
/** Initial slots per sub-table (a power of two). */
export const SUB_TABLE_INITIAL = 8;
/**
 * A sub-table doubles before holding more than this share of its slots.
 * Linear probing at 0.8 costs ~3 slots per hit and ~13 per miss, mostly in
 * one cache line, and the tag bits spare the arena reads: fewer bytes per
 * state (4/0.6 on average) for little time.
 */
export const MAX_LOAD = 0.8;
/** Slots hold index + 1 in the low bits; at most 30 of them, so the tag keeps at least 2. */
export const MAX_INDEX_BITS = 30;
/** The most states one store holds: index + 1 must fit MAX_INDEX_BITS bits. */
export const MAX_STORED_STATES = 2 ** MAX_INDEX_BITS - 1;
/** Longest sub-table (2^30 slots would be 4 GiB: far beyond 10^9 states / 256). */
export const MAX_SUB_TABLE_LENGTH = 2 ** 30;

/** Index bits a slot needs while `count` states are stored (index + 1 < 2^bits), at least 10. */
export function indexBitsFor(count: number): number {
  let bits = 10;
  while (bits < 31 && count + 1 >= 2 ** bits) bits++;
  return bits;
}

/** Sub-table length once it holds `entries` (doubling from SUB_TABLE_INITIAL past MAX_LOAD). */
export function subTableLengthFor(entries: number): number {
  let length = SUB_TABLE_INITIAL;
  while (entries > Math.floor(length * MAX_LOAD)) length *= 2;
  return length;
}

/**
 * Upper bound of the exact store's bytes at `states` states of `stateWords`
 * words: arena and parents in whole chunks, and sub-tables sized for an even
 * spread plus slack (hash bits are uniform, so a sub-table rarely holds more
 * than the mean + 5 standard deviations). One sub-table may be mid-growth.
 */
export function exactStoreBytes(states: number, stateWords: number): number {
  const chunks = Math.ceil(states / CHUNK_ROWS);
  const rows = chunks * CHUNK_ROWS * (stateWords + 1) * 4;
  const mean = states / SUB_TABLES;
  const perTable = subTableLengthFor(Math.ceil(mean + 5 * Math.sqrt(mean) + 1));
  return rows + SUB_TABLES * perTable * 4 + perTable * 2 * 4;
}
