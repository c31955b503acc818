/**
 * A P/T net declared in the DSL → place slots (token counts up to a
 * capacity, 255 unless declared) and transitions with weighted arcs.
 * Every dead marking of a plain net counts as a deadlock.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { FALSE } from '../model/expr.js';
import { makeModel, type Arc, type Model } from '../model/model.js';
import type { ArcAst, NetAst } from '../parse/ast.js';
import { lowerProperties } from './lowerProperties.js';
import { NetBuilder } from './netBuilder.js';
import { Scope } from './scope.js';

export const DEFAULT_PLACE_CAPACITY = 255;

export function lowerNet(n: NetAst, text: string, diags: Diagnostic[]): Model {
  const builder = new NetBuilder();
  const scope = new Scope();
  for (const p of n.places) {
    const capacity = p.capacity ?? Math.max(DEFAULT_PLACE_CAPACITY, p.initial);
    if (p.initial > capacity) {
      diags.push(error('WF204', `place '${p.name.name}' starts with ${p.initial} tokens, above its capacity ${capacity}`, p.span));
      continue;
    }
    const type = { kind: 'int' as const, lo: 0, hi: capacity };
    const existing = scope.lookupLocal(p.name.name);
    if (existing) {
      diags.push(error('WF202', `duplicate place '${p.name.name}'`, p.name.span));
      continue;
    }
    const slot = builder.addSlot({ name: p.name.name, role: 'place', type, initial: p.initial, span: p.name.span });
    scope.define(p.name.name, { kind: 'slot', slot, type, span: p.name.span, writable: false });
  }
  const seenTransitions = new Map<string, NetAst['transitions'][number]>();
  const arcs = (list: readonly ArcAst[]): Arc[] | undefined => {
    const weights = new Map<number, number>();
    let okAll = true;
    for (const a of list) {
      const b = scope.lookupLocal(a.place.name);
      if (!b || b.kind !== 'slot') {
        diags.push(error('WF201', `undefined place '${a.place.name}'`, a.place.span));
        okAll = false;
        continue;
      }
      if (a.weight === 0) {
        diags.push(error('WF305', 'an arc weight must be at least 1', a.span));
        okAll = false;
      }
      weights.set(b.slot, (weights.get(b.slot) ?? 0) + a.weight);
    }
    return okAll ? [...weights].map(([slot, weight]) => ({ slot, weight })) : undefined;
  };
  for (const t of n.transitions) {
    const first = seenTransitions.get(t.name.name);
    if (first) {
      diags.push(error('WF202', `duplicate transition '${t.name.name}'`, t.name.span, [{ message: 'first declared here', span: first.name.span }]));
      continue;
    }
    seenTransitions.set(t.name.name, t);
    const pre = arcs(t.inputs);
    const post = arcs(t.outputs);
    if (!pre || !post) continue;
    builder.addTransition({ name: t.name.name, label: t.name.name, kind: 'net', origin: t.span, pre, post, updates: [] });
  }
  const { properties, fairness } = lowerProperties(n.properties, { scope, text, diags, view: { transitions: builder.transitions, terminal: FALSE, initial: builder.slots.map((s) => s.initial) } });
  return makeModel({
    kind: 'net',
    name: n.name.name,
    span: n.span,
    slots: builder.frozenSlots(),
    transitions: builder.frozenTransitions(),
    terminal: FALSE,
    properties,
    fairness,
    clusters: [],
  });
}
