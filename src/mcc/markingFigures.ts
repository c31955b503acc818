/**
 * Token figures over every stored marking, in one pass with one reused
 * buffer: the largest count in one place, the largest total in one
 * marking, and the UpperBounds answers (largest token sum of a place set).
 * Meaningful only after a complete exploration.
 */
import type { StoredStates } from '../explore/exploration.js';
import type { StateLayout } from '../system/stateLayout.js';

export interface MarkingFigures {
  readonly maxTokensInPlace: number;
  readonly maxTokensPerMarking: number;
  /** Per place set asked for, the largest token sum over the stored markings. */
  readonly bounds: readonly number[];
}

export function markingFigures(
  layout: StateLayout,
  store: StoredStates,
  places: readonly number[],
  placeSets: readonly (readonly number[])[] = [],
): MarkingFigures {
  const n = places.length;
  // Unpacking plan per place, in typed arrays so the loop stays monomorphic.
  const word = new Int32Array(n);
  const shift = new Int32Array(n);
  const mask = new Float64Array(n);
  const lo = new Float64Array(n);
  const position = new Map<number, number>();
  places.forEach((slot, k) => {
    const L = layout.slots[slot];
    word[k] = L.word;
    shift[k] = L.shift;
    mask[k] = L.mask;
    lo[k] = L.lo;
    position.set(slot, k);
  });
  const sets = placeSets.map((set) => Int32Array.from(set, (slot) => position.get(slot) ?? -1));
  if (sets.some((set) => set.includes(-1))) throw new Error('internal: a bounded place set names a slot that is not a place');
  const values = new Float64Array(n);
  const bounds = new Array<number>(sets.length).fill(0);
  const s = new Int32Array(store.stateWords);
  let inPlace = 0;
  let perMarking = 0;
  for (let i = 0; i < store.count; i++) {
    store.read(i, s);
    let total = 0;
    for (let k = 0; k < n; k++) {
      const v = mask[k] === 0 ? lo[k] : (((s[word[k]] >>> shift[k]) & mask[k]) >>> 0) + lo[k];
      values[k] = v;
      total += v;
      if (v > inPlace) inPlace = v;
    }
    if (total > perMarking) perMarking = total;
    for (let q = 0; q < sets.length; q++) {
      const set = sets[q];
      let sum = 0;
      for (let j = 0; j < set.length; j++) sum += values[set[j]];
      if (sum > bounds[q]) bounds[q] = sum;
    }
  }
  return { maxTokensInPlace: inPlace, maxTokensPerMarking: perMarking, bounds };
}
