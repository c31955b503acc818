/**
 * Short text for a state in a state-graph drawing: where the workflow is
 * (its marked control places, by readable name), the marking of a net's
 * places, and the data values that differ from the initial state (all of
 * them for the initial state itself), so every box stays small but exact.
 */
import type { Model } from '../model/model.js';
import { formatValue } from '../model/types.js';
import { unpack } from '../system/stateLayout.js';
import { placeNames, type PlaceName } from './placeNames.js';
import type { ReachableGraph } from './reachableGraph.js';
import { formatValue as displayValue, wrapItems } from './traceFormat.js';

export interface StateText {
  /** Slot values of stored state `i`. */
  values(i: number): number[];
  /** `next: A, B` lines (one per instance: what its marked control places lead to), empty without control places. */
  location(values: readonly number[]): string[];
  /** Location, marking and changed data, at most `max` lines. */
  lines(i: number, max: number): string[];
  /** Every visible value, one per line. */
  tooltip(i: number): string[];
}

function marking(model: Model, names: readonly PlaceName[], slots: readonly number[], values: readonly number[]): string[] {
  const items: string[] = [];
  for (const i of slots) {
    const slot = model.slots.get(i)!;
    const v = values[i];
    if (slot.type.kind === 'int') {
      if (v === 1) items.push(names[i].short);
      else if (v > 1) items.push(`${names[i].short} x${v}`);
    } else {
      items.push(`${names[i].short} = ${displayValue(formatValue(slot.type, v))}`);
    }
  }
  return items.length === 0 ? [] : wrapItems(items, 36, '');
}

export function stateText(g: ReachableGraph): StateText {
  const model = g.model;
  const names = placeNames(model);
  const slots = model.slots.toArray();
  const control = slots.flatMap((s, i) => (s.role === 'control' ? [i] : []));
  const places = slots.flatMap((s, i) => (s.role === 'place' ? [i] : []));
  const data = slots.flatMap((s, i) => (s.role !== 'control' && s.role !== 'place' && !s.hidden ? [i] : []));
  const buffer = new Int32Array(g.store.stateWords);
  const values = (i: number): number[] => {
    g.store.read(i, buffer);
    return unpack(g.system.layout, buffer);
  };
  const initial = g.store.count > 0 ? values(0) : [];

  const location = (v: readonly number[]): string[] => {
    const byInstance = new Map<string, string[]>();
    for (const i of control) {
      if (v[i] <= 0) continue;
      const key = names[i].instance ?? '';
      const list = byInstance.get(key) ?? [];
      if (!list.includes(names[i].short)) list.push(names[i].short);
      byInstance.set(key, list);
    }
    return [...byInstance].map(([instance, list]) => `${instance === '' ? '' : `${instance} `}next: ${list.join(', ')}`);
  };

  const lines = (i: number, max: number): string[] => {
    const v = values(i);
    const changed = data
      .filter((k) => i === 0 || v[k] !== initial[k])
      .map((k) => `${slots[k].name} = ${displayValue(formatValue(slots[k].type, v[k]))}`);
    const all = [...location(v), ...marking(model, names, places, v), ...changed];
    if (all.length <= max) return all;
    return [...all.slice(0, max - 1), `... ${all.length - max + 1} more (hover for all)`];
  };

  const tooltip = (i: number): string[] => {
    g.store.read(i, buffer);
    const out = [...location(values(i))];
    for (const [name, value] of g.system.describe(buffer)) out.push(`${name} = ${displayValue(value)}`);
    return out;
  };

  return { values, location, lines, tooltip };
}
