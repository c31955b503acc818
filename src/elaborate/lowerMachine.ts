/**
 * A plain state machine (mermaid-like `A -> B on Event`) → one enum slot
 * `state` plus optional data; each edge is a transition. Final states are
 * proper ends: resting there is not a deadlock.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { and, binary, constant, or, slotRef, FALSE } from '../model/expr.js';
import { makeModel, type Model } from '../model/model.js';
import type { Ident, MachineAst } from '../parse/ast.js';
import { declareVar } from './declarations.js';
import { effectUpdates, lowerEffect } from './lowerEffect.js';
import { BOOL, lowerExpr } from './lowerExpr.js';
import { lowerProperties } from './lowerProperties.js';
import { NetBuilder } from './netBuilder.js';
import { Scope } from './scope.js';

export function lowerMachine(m: MachineAst, text: string, diags: Diagnostic[]): Model {
  const builder = new NetBuilder();
  const scope = new Scope();
  const states = new Map<string, Ident>();
  const note = (id: Ident) => {
    if (!states.has(id.name)) states.set(id.name, id);
  };
  const initials: Ident[] = [...m.initial];
  const finals: Ident[] = [...m.finals];
  for (const e of m.edges) {
    if (e.from.kind === 'state') note(e.from.name);
    if (e.to.kind === 'state') note(e.to.name);
    if (e.from.kind === 'star' && e.to.kind === 'state') initials.push(e.to.name);
    if (e.to.kind === 'star' && e.from.kind === 'state') finals.push(e.from.name);
    if (e.from.kind === 'star' && e.to.kind === 'star') diags.push(error('WF304', '[*] -> [*] is not a transition', e.span));
  }
  initials.forEach(note);
  finals.forEach(note);
  const distinctInitials = [...new Map(initials.map((i) => [i.name, i])).values()];
  if (distinctInitials.length === 0) diags.push(error('WF304', `machine '${m.name.name}' has no initial state (write 'initial S' or '[*] -> S')`, m.name.span));
  if (distinctInitials.length > 1) {
    diags.push(error('WF304', `machine '${m.name.name}' has several initial states: ${distinctInitials.map((i) => i.name).join(', ')}`, distinctInitials[1].span));
  }
  const names = [...states.keys()];
  const stateType = { kind: 'enum' as const, name: 'state', values: names };
  const initialIndex = Math.max(0, names.indexOf(distinctInitials[0]?.name ?? ''));
  const stateSlot = builder.addSlot({ name: 'state', role: 'place', type: stateType, initial: initialIndex, span: m.name.span });
  scope.define('state', { kind: 'slot', slot: stateSlot, type: stateType, span: m.name.span, writable: false });
  names.forEach((n, index) => {
    const clash = scope.define(n, { kind: 'enumValue', type: stateType, index, span: states.get(n)!.span });
    if (clash) diags.push(error('WF202', `state '${n}' clashes with another name`, states.get(n)!.span));
  });
  for (const v of m.vars) declareVar(v, builder, scope, diags, { prefix: '' });

  const st = slotRef(stateSlot);
  for (const e of m.edges) {
    if (e.from.kind !== 'state') continue;
    const from = names.indexOf(e.from.name.name);
    const ctx = { scope, diags };
    const guard = e.guard ? lowerExpr(e.guard, ctx, BOOL) : undefined;
    if (e.guard && !guard) continue;
    const alternatives = lowerEffect(e.action, ctx);
    const toFinal = e.to.kind === 'star';
    const to = e.to.kind === 'state' ? names.indexOf(e.to.name.name) : from;
    alternatives.forEach((effect) => {
      const label = e.event?.name ?? `${e.from.kind === 'state' ? e.from.name.name : '[*]'} -> ${e.to.kind === 'state' ? e.to.name.name : '[*]'}`;
      if (toFinal) return; // `S -> [*]` only marks S final
      builder.addTransition({
        name: `${label}@${e.from.kind === 'state' ? e.from.name.name : ''}`,
        label,
        kind: 'machine',
        origin: e.span,
        pre: [],
        post: [],
        guard: and(binary('==', st, constant(from)), guard?.expr ?? constant(1)),
        updates: [{ slot: stateSlot, value: constant(to) }, ...effectUpdates(effect).filter((u) => u.slot !== stateSlot)],
      });
    });
  }
  const finalIndices = [...new Set(finals.map((f) => names.indexOf(f.name)))];
  const terminal = finalIndices.length === 0 ? FALSE : or(...finalIndices.map((i) => binary('==', st, constant(i))));
  scope.define('terminated', { kind: 'derived', expr: terminal, type: BOOL, description: 'the machine is in a final state' });
  const { properties, fairness } = lowerProperties(m.properties, { scope, text, diags, view: { transitions: builder.transitions, terminal, initial: builder.slots.map((s) => s.initial) } });
  return makeModel({
    kind: 'machine',
    name: m.name.name,
    span: m.span,
    slots: builder.frozenSlots(),
    transitions: builder.frozenTransitions(),
    terminal,
    properties,
    fairness,
    clusters: builder.clusters,
  });
}
