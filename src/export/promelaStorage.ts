/**
 * How a slot's declared range is stored in Promela: the narrowest of bit,
 * byte, short and int that holds it, directly when the range fits the type,
 * else as `value - offset` (Promela has no ranged integers).
 */

export type PromelaType = 'bit' | 'byte' | 'short' | 'int';

export interface SlotStorage {
  readonly type: PromelaType;
  /** The stored number is `value - offset`. */
  readonly offset: number;
  /** Bytes the variable takes in SPIN's state vector. */
  readonly bytes: number;
}

interface TypeRange {
  readonly type: PromelaType;
  readonly lo: number;
  readonly hi: number;
  readonly bytes: number;
}

const TYPES: readonly TypeRange[] = [
  { type: 'bit', lo: 0, hi: 1, bytes: 1 },
  { type: 'byte', lo: 0, hi: 255, bytes: 1 },
  { type: 'short', lo: -32768, hi: 32767, bytes: 2 },
  { type: 'int', lo: -(2 ** 31), hi: 2 ** 31 - 1, bytes: 4 },
];

/** Throws RangeError for ranges Promela's 32-bit int cannot hold (no front end produces them). */
export function slotStorage(lo: number, hi: number): SlotStorage {
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || hi < lo) throw new RangeError(`bad range ${lo}..${hi}`);
  const int = TYPES[TYPES.length - 1];
  if (lo < int.lo || hi > int.hi) throw new RangeError(`range ${lo}..${hi} does not fit Promela's 32-bit int`);
  for (const t of TYPES) {
    if (lo >= t.lo && hi <= t.hi) return { type: t.type, offset: 0, bytes: t.bytes };
    // Shifted so the lowest value is stored as the type's lowest.
    if (hi - lo <= t.hi - t.lo) return { type: t.type, offset: lo - t.lo, bytes: t.bytes };
  }
  return { type: 'int', offset: 0, bytes: int.bytes };
}
