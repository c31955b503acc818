/**
 * What users see of a state: names → values, as immutable maps with
 * structural equality, and the diff between two states. Built only for
 * traces and pictures, never in the exploration hot path.
 */
import { OrderedMap } from 'immutable';

export type DisplayValue = number | boolean | string;

export type StateView = OrderedMap<string, DisplayValue>;

export interface ValueChange {
  readonly name: string;
  readonly before: DisplayValue | undefined;
  readonly after: DisplayValue;
}

export function diffViews(before: StateView | undefined, after: StateView): ValueChange[] {
  const out: ValueChange[] = [];
  for (const [name, value] of after) {
    const old = before?.get(name);
    if (before === undefined || old !== value) out.push({ name, before: old, after: value });
  }
  return out;
}
