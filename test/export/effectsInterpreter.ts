/**
 * A plain breadth-first explorer over value arrays that applies
 * transitionEffects (the export's reading of the IR) with evaluate():
 * compared with the compiled engine, it checks that reading without SPIN.
 */
import { evaluate } from '../../src/model/expr.js';
import type { Model } from '../../src/model/model.js';
import { typeRange } from '../../src/model/types.js';
import { transitionEffects } from '../../src/export/transitionEffects.js';

export interface InterpretedSpace {
  readonly states: number;
  readonly faults: number;
}

export function interpretEffects(model: Model, maxStates: number): InterpretedSpace | undefined {
  const ranges = model.slots.toArray().map((s) => typeRange(s.type));
  const transitions = model.transitions.toArray().map((t) => ({ t, effects: transitionEffects(t) }));
  const start = model.slots.toArray().map((s) => s.initial);
  const seen = new Set<string>([start.join(',')]);
  const queue: number[][] = [start];
  let faults = 0;
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head];
    for (const { t, effects } of transitions) {
      if (!t.pre.every((a) => s[a.slot] >= a.weight)) continue;
      if (t.guard && evaluate(t.guard, s) === 0) continue;
      const next = [...s];
      for (const e of effects) next[e.slot] = e.kind === 'add' ? s[e.slot] + e.delta : evaluate(e.value, s);
      if (effects.some((e) => next[e.slot] < ranges[e.slot].lo || next[e.slot] > ranges[e.slot].hi)) {
        faults++;
        continue;
      }
      const key = next.join(',');
      if (seen.has(key)) continue;
      if (seen.size >= maxStates) return undefined;
      seen.add(key);
      queue.push(next);
    }
  }
  return { states: seen.size, faults };
}
