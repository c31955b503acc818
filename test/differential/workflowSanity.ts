/**
 * Well-formedness of an elaborated workflow, judged on the IR by the plain
 * interpreter: control places stay safe (0 or 1 token) and hidden
 * bookkeeping stays in range, so every range fault is a user variable's
 * (or a saga stack overflowing in a loop, which is reported by design);
 * and an ended instance stays ended.
 */
import type { Model } from '../../src/model/model.js';
import { typeRange } from '../../src/model/types.js';
import { type Interpretation, fire, step } from '../reference/irInterpreter.js';

/** A saga stack deeper than its declared depth is a documented range fault (compensating call in a loop). */
const DESIGNED_OVERFLOW = /@saga\.size$/;

/** Out-of-range writes to control places or bookkeeping slots, as `slot = value by transition`. */
export function bookkeepingFaults(model: Model, ref: Interpretation): string[] {
  const slots = model.slots.toArray();
  const transitions = model.transitions.toArray();
  const out = new Set<string>();
  for (const f of ref.faults) {
    const next = fire(transitions[f.transition], f.state.split(',').map(Number));
    next.forEach((v, i) => {
      const { lo, hi } = typeRange(slots[i].type);
      if ((v < lo || v > hi) && slots[i].role !== 'var' && !DESIGNED_OVERFLOW.test(slots[i].name)) {
        out.add(`${slots[i].name} = ${v} by ${transitions[f.transition].name}`);
      }
    });
  }
  return [...out];
}

/** Steps that change the status of an instance that has already completed or failed. */
export function statusChangesAfterEnd(model: Model, ref: Interpretation): string[] {
  const slots = model.slots.toArray();
  const transitions = model.transitions.toArray();
  const status = slots.map((s, i) => (s.role === 'status' && s.type.kind === 'enum' ? i : -1)).filter((i) => i >= 0);
  const ended = status.map((i) => {
    const t = slots[i].type;
    return t.kind === 'enum' ? [t.values.indexOf('completed'), t.values.indexOf('failed')] : [];
  });
  const out = new Set<string>();
  for (const key of ref.depth.keys()) {
    const s = key.split(',').map(Number);
    for (const { transition, next } of step(model, s)) {
      if (!next) continue;
      status.forEach((slot, k) => {
        if (ended[k].includes(s[slot]) && next[slot] !== s[slot]) out.add(`${slots[slot].name}: ${s[slot]} → ${next[slot]} by ${transitions[transition].name}`);
      });
    }
  }
  return [...out];
}

/** Transitions of one instance that touch another instance's slots (only shared variables are common). */
export function instanceLeaks(model: Model): string[] {
  const slots = model.slots.toArray();
  const out: string[] = [];
  for (const t of model.transitions) {
    if (t.instance === undefined) continue;
    const touched = [...t.pre.map((a) => a.slot), ...t.post.map((a) => a.slot), ...(t.resets ?? []), ...t.updates.map((u) => u.slot)];
    for (const slot of touched) {
      const owner = slots[slot].instance;
      if (owner !== undefined && owner !== t.instance) out.push(`${t.name} (${t.instance}) touches ${slots[slot].name} (${owner})`);
    }
  }
  return out;
}

/** Transitions whose origin is not a non-empty span of the spec text (a trace step must point somewhere). */
export function unlocatedTransitions(model: Model, file: string, textLength: number): string[] {
  return model.transitions
    .filter((t) => t.origin.file !== file || t.origin.start < 0 || t.origin.end > textLength || t.origin.start >= t.origin.end)
    .map((t) => `${t.name} at ${t.origin.file}:${t.origin.start}-${t.origin.end}`)
    .toArray();
}
