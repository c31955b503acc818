/**
 * One IR transition → one `d_step` option of the model's `do` loop: the
 * enabling condition as its guard, then the parallel assignment made
 * sequential. A step that would leave a slot's range fails an assertion
 * instead (wfcheck reports a range fault there and stores no successor).
 */
import { slotsRead } from '../model/expr.js';
import { intervalOf } from '../model/interval.js';
import type { NetTransition } from '../model/model.js';
import { unreachable } from '../diagnostics/diagnostic.js';
import { promelaExpr, promelaInt } from './promelaExpr.js';
import type { SlotStorage } from './promelaStorage.js';
import { enabledMinimum, transitionEffects, type SlotEffect } from './transitionEffects.js';

/** What the transition writer needs to know about each slot. */
export interface PromelaSlot {
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
  readonly storage: SlotStorage;
}

/** `stored + offset`: the value of a variable that holds `value - offset`. */
export function valueOf(stored: string, offset: number): string {
  return offset === 0 ? stored : offset > 0 ? `(${stored} + ${offset})` : `(${stored} - ${-offset})`;
}

/** `value - offset`: what is stored for a value. */
function storedOf(value: string, offset: number): string {
  return offset === 0 ? value : offset > 0 ? `${value} - ${offset}` : `${value} + ${-offset}`;
}

export function slotValue(slots: readonly PromelaSlot[], slot: number): string {
  return valueOf(slots[slot].name, slots[slot].storage.offset);
}

function assignment(s: PromelaSlot, e: SlotEffect, value: string): string {
  switch (e.kind) {
    case 'add':
      // The offset cancels out: (x - off) + d is the new stored number.
      return e.delta > 0 ? `${s.name} = ${s.name} + ${e.delta}` : `${s.name} = ${s.name} - ${-e.delta}`;
    case 'set':
      return `${s.name} = ${storedOf(value, s.storage.offset)}`;
    default:
      return unreachable(e);
  }
}

export interface TransitionText {
  /** The option's lines, without the leading `::` indentation. */
  readonly lines: readonly string[];
  /** Scratch variables it uses (`hidden int`), numbered from 0. */
  readonly temps: number;
}

/**
 * `temp(k)` names the k-th hidden scratch variable: a slot read by an update
 * after an earlier update of the same step wrote it is first copied there.
 */
export function transitionText(t: NetTransition, slots: readonly PromelaSlot[], temp: (k: number) => string): TransitionText {
  const least = enabledMinimum(t);
  const read = (slot: number) => slotValue(slots, slot);
  const guard = t.pre.map((a) => `(${read(a.slot)} >= ${a.weight})`);
  if (t.guard) guard.push(promelaExpr(t.guard, read));

  const effects = transitionEffects(t);
  // Range checks, all on the pre-state, only where the declared ranges do not already rule a fault out.
  const rangeOf = (slot: number) => ({ lo: Math.max(slots[slot].lo, least.get(slot) ?? slots[slot].lo), hi: slots[slot].hi });
  const checks: string[] = [];
  let impossible = false;
  for (const e of effects) {
    const s = slots[e.slot];
    if (e.kind === 'add') {
      if (e.delta > 0) checks.push(`(${read(e.slot)} <= ${s.hi - e.delta})`);
      else if (rangeOf(e.slot).lo + e.delta < s.lo) checks.push(`(${read(e.slot)} >= ${s.lo - e.delta})`);
      continue;
    }
    const iv = intervalOf(e.value, rangeOf);
    if (iv.hi < s.lo || iv.lo > s.hi) impossible = true;
    const v = promelaExpr(e.value, read);
    if (iv.lo < s.lo) checks.push(`(${v} >= ${promelaInt(s.lo)})`);
    if (iv.hi > s.hi) checks.push(`(${v} <= ${promelaInt(s.hi)})`);
  }

  // Sequential writes with parallel meaning: pre-state copies of slots written before a later update reads them.
  const written = new Set<number>();
  const copies = new Map<number, string>();
  const saves: string[] = [];
  for (const e of effects) {
    if (e.kind === 'set') {
      for (const r of slotsRead(e.value)) {
        if (!written.has(r) || copies.has(r)) continue;
        const name = temp(copies.size);
        copies.set(r, name);
        saves.push(`${name} = ${slots[r].name}`);
      }
    }
    written.add(e.slot);
  }
  const readPre = (slot: number) => {
    const copy = copies.get(slot);
    return copy === undefined ? read(slot) : valueOf(copy, slots[slot].storage.offset);
  };
  const writes = effects.map((e) => assignment(slots[e.slot], e, e.kind === 'set' ? promelaExpr(e.value, readPre) : ''));

  const head = `d_step { ${guard.length > 0 ? guard.join(' && ') : 'true'} ->`;
  const body = [...saves, ...writes];
  let lines: string[];
  if (impossible) lines = [head, '    assert(false) /* range fault: a value leaves its declared range */', '  }'];
  else if (checks.length === 0) lines = [head, `    ${body.length > 0 ? body.join('; ') : 'skip'}`, '  }'];
  else {
    lines = [head, '    if', `    :: ${checks.join(' && ')} -> ${body.join('; ')}`, '    :: else -> assert(false) /* range fault: a value leaves its declared range */', '    fi', '  }'];
  }
  return { lines, temps: copies.size };
}
