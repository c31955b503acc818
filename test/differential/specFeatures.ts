/**
 * What a generated spec really exercised, as feature tags (constructs that
 * fired, outcomes, faults, verdicts), so the differential test can assert
 * that its generators reach the language and do not only test trivia.
 */
import { slotsRead } from '../../src/model/expr.js';
import type { Model } from '../../src/model/model.js';
import type { Interpretation } from '../reference/irInterpreter.js';
import type { ExpectedVerdict } from './interpretedVerdicts.js';

/** Join steps named by their label with branch numbers dropped: `await branch # (ok)`. */
const JOIN_LABEL = /^(join|await branch|branch \d+ failed)/;

export function specFeatures(model: Model, ref: Interpretation, verdicts: ReadonlyMap<string, ExpectedVerdict>): Set<string> {
  const tags = new Set<string>();
  const transitions = model.transitions.toArray();
  const slots = model.slots.toArray();
  const sharedWriters = new Set<string>();
  for (const i of ref.fired) {
    const t = transitions[i];
    tags.add(`kind:${t.kind}`);
    if (t.outcome) tags.add(`outcome:${t.outcome}`);
    if (t.resets) tags.add('resets');
    if (t.pre.some((a) => a.weight > 1) || t.post.some((a) => a.weight > 1)) tags.add('weighted-arc');
    if (t.label.startsWith('parallel ')) tags.add(t.label);
    if (t.label.startsWith('either')) tags.add('either');
    if (t.label.startsWith('repeat')) tags.add('repeat');
    if (t.label.startsWith('while')) tags.add('while');
    if (t.label.startsWith('compensate with')) tags.add('compensate with');
    if (JOIN_LABEL.test(t.label)) tags.add(`join:${t.label.replace(/\d+/g, '#')}`);
    // An update reading a slot the same step writes: only right if all reads see the pre-state.
    const written = new Set(t.updates.map((u) => u.slot));
    if (t.updates.some((u) => [...slotsRead(u.value)].some((r) => r !== u.slot && written.has(r)))) tags.add('reads-written-slot');
    for (const u of t.updates) if (t.instance && slots[u.slot].role === 'var' && slots[u.slot].instance === undefined) sharedWriters.add(t.instance);
  }
  if (sharedWriters.size >= 2) tags.add('shared-written-by-two-instances');
  tags.add(ref.faults.length > 0 ? 'fault' : 'no-fault');
  if (ref.deadlocks > 0) tags.add('deadlock');
  for (const [name, v] of verdicts) {
    const p = model.properties.find((q) => q.name === name);
    tags.add(`${p?.kind ?? 'range'}:${v.result}`);
  }
  return tags;
}
