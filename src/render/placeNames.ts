/**
 * Readable names for the places of a model. Workflow lowering names its
 * hidden control places after the construct and its position
 * (`o1.@LockFunds@37:5`, `@race.wait@38:5`); people want "LockFunds" and
 * "line 37". A token in a control place means "this comes next", so a place
 * whose consumers all share one label is named after that label (or, when
 * they differ, after the one the place itself is named after).
 */
import type { Model, Slot } from '../model/model.js';

export interface PlaceName {
  /** Short text for drawings, e.g. `LockFunds` or `race.wait`. */
  readonly short: string;
  /** Instance prefix of a multi-instance system, without the dot (`AmazonOrder1`). */
  readonly instance?: string;
  /** Source line of the construct, when the name carries one. */
  readonly line?: number;
  /** The raw slot name, for tooltips. */
  readonly raw: string;
}

const CONTROL_NAME = /^(?:(.+)\.)?@(.+)@(\d+):(\d+)$/;

/** Split a generated control-place name; undefined for user-declared names. */
export function parseControlName(name: string): { instance?: string; body: string; line: number } | undefined {
  const m = CONTROL_NAME.exec(name);
  if (m === null) return undefined;
  return { ...(m[1] !== undefined ? { instance: m[1] } : {}), body: m[2], line: Number(m[3]) };
}

/** The labels of the transitions that take a token from each slot (self-loops excluded). */
function consumerLabels(model: Model): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const t of model.transitions) {
    for (const a of t.pre) {
      if (t.post.some((b) => b.slot === a.slot)) continue;
      let set = out.get(a.slot);
      if (set === undefined) out.set(a.slot, (set = new Set()));
      set.add(t.label);
    }
  }
  return out;
}

/** A PlaceName per slot index (every slot gets one; only places are usually drawn). */
export function placeNames(model: Model): PlaceName[] {
  const consumers = consumerLabels(model);
  return model.slots.toArray().map((slot: Slot, i) => {
    const parsed = parseControlName(slot.name);
    if (parsed === undefined) {
      const instance = slot.instance;
      const short = instance !== undefined && slot.name.startsWith(`${instance}.`) ? slot.name.slice(instance.length + 1) : slot.name;
      return { short, raw: slot.name, ...(instance !== undefined ? { instance } : {}) };
    }
    const labels = [...(consumers.get(i) ?? [])];
    // One step next: name it. Several (an activity racing a timer): the one the construct is named after.
    const named = labels.length === 1 ? labels[0] : labels.find((l) => parsed.body === l || parsed.body.endsWith(`.${l}`));
    return {
      short: named ?? parsed.body,
      raw: slot.name,
      line: parsed.line,
      ...(parsed.instance !== undefined ? { instance: parsed.instance } : {}),
    };
  });
}

/** `LockFunds (line 37)`, with the instance in front when there is one. */
export function describePlace(p: PlaceName): string {
  const where = p.line === undefined ? '' : ` (line ${p.line})`;
  return `${p.instance === undefined ? '' : `${p.instance}: `}${p.short}${where}`;
}
