/**
 * What one IR transition does to each slot it writes, with the compiler's
 * semantics (compile/compileModel.ts): arcs add and remove tokens, a reset
 * place holds only what the step produces, updates win over arcs, and every
 * new value is computed from the pre-state.
 */
import { constant, type Expr } from '../model/expr.js';
import type { NetTransition } from '../model/model.js';

export type SlotEffect =
  /** Arcs only: the slot changes by `delta` tokens (never 0). */
  | { readonly kind: 'add'; readonly slot: number; readonly delta: number }
  /** A reset or an update: the slot becomes `value`, read in the pre-state. */
  | { readonly kind: 'set'; readonly slot: number; readonly value: Expr };

export function transitionEffects(t: NetTransition): SlotEffect[] {
  const effects = new Map<number, SlotEffect>();
  const resets = new Set(t.resets ?? []);
  const refill = new Map<number, number>();
  for (const slot of resets) refill.set(slot, 0);
  for (const a of t.post) if (resets.has(a.slot)) refill.set(a.slot, (refill.get(a.slot) ?? 0) + a.weight);
  for (const [slot, tokens] of refill) effects.set(slot, { kind: 'set', slot, value: constant(tokens) });
  const delta = new Map<number, number>();
  for (const a of t.pre) delta.set(a.slot, (delta.get(a.slot) ?? 0) - a.weight);
  for (const a of t.post) delta.set(a.slot, (delta.get(a.slot) ?? 0) + a.weight);
  for (const [slot, d] of delta) if (d !== 0 && !resets.has(slot)) effects.set(slot, { kind: 'add', slot, delta: d });
  for (const u of t.updates) effects.set(u.slot, { kind: 'set', slot: u.slot, value: u.value });
  return [...effects.values()];
}

/**
 * The least value each slot with a pre arc has when the transition is
 * enabled (arcs on one slot are checked one by one, as the compiler does).
 */
export function enabledMinimum(t: NetTransition): Map<number, number> {
  const least = new Map<number, number>();
  for (const a of t.pre) least.set(a.slot, Math.max(least.get(a.slot) ?? 0, a.weight));
  return least;
}
