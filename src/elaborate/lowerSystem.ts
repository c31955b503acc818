/**
 * Workflows → a model: a standalone workflow is a one-instance system; a
 * `system` instantiates workflows several times over shared variables.
 * Each instance gets its own copy of the workflow's places and local
 * variables, named `<instance>.<name>`; shared variables exist once.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { and, type Expr } from '../model/expr.js';
import { makeModel, type Model, type PropertyIR } from '../model/model.js';
import type { PropertyAst, SystemAst, WorkflowAst } from '../parse/ast.js';
import { declareVar, lowerType } from './declarations.js';
import { BOOL, sameType } from './lowerExpr.js';
import { lowerProperties } from './lowerProperties.js';
import { lowerWorkflowInstance } from './lowerWorkflow.js';
import { compensationPairs, historyAtomsUsed } from './atoms.js';
import { NetBuilder } from './netBuilder.js';
import { Scope } from './scope.js';

export const MAX_INSTANCES = 64;

export function lowerStandaloneWorkflow(wf: WorkflowAst, text: string, diags: Diagnostic[]): Model {
  const builder = new NetBuilder();
  const compensations = compensationPairs(wf);
  const inst = lowerWorkflowInstance(builder, text, wf, diags, { prefix: '', history: historyAtomsUsed(wf.properties, compensations) });
  const view = { transitions: builder.transitions, terminal: inst.terminal, initial: builder.slots.map((s) => s.initial) };
  const { properties, fairness } = lowerProperties(wf.properties, { scope: inst.scope, text, diags, view, compensations });
  return makeModel({
    kind: 'workflow',
    name: wf.name.name,
    span: wf.span,
    slots: builder.frozenSlots(),
    transitions: builder.frozenTransitions(),
    terminal: inst.terminal,
    properties,
    clusters: builder.clusters,
    fairness,
  });
}

export function lowerSystem(sys: SystemAst, workflows: ReadonlyMap<string, WorkflowAst>, text: string, diags: Diagnostic[]): Model {
  const builder = new NetBuilder();
  const scope = new Scope();
  for (const d of sys.shared) declareVar(d, builder, scope, diags, { prefix: '', role: 'var' });

  const instances: { name: string; span: WorkflowAst['span']; wf: WorkflowAst }[] = [];
  for (const decl of sys.instances) {
    const wf = workflows.get(decl.workflow.name);
    if (!wf) {
      diags.push(error('WF201', `undefined workflow '${decl.workflow.name}'`, decl.workflow.span));
      continue;
    }
    if (decl.kind === 'count') {
      if (decl.count < 1) diags.push(error('WF302', 'a system needs at least one instance', decl.span));
      // Explicit-state checking of more instances than this is hopeless; refuse before unrolling them.
      if (decl.count > MAX_INSTANCES) {
        diags.push(error('WF301', `${decl.count} instances are more than wfcheck unrolls (at most ${MAX_INSTANCES})`, decl.span));
        continue;
      }
      for (let i = 1; i <= decl.count; i++) instances.push({ name: `${wf.name.name}${i}`, span: decl.span, wf });
    } else {
      for (const n of decl.names) instances.push({ name: n.name, span: n.span, wf });
    }
  }
  // Shared variables that the workflows declare but the system does not: declared once, here.
  for (const { wf } of instances) {
    for (const v of wf.vars) {
      if (v.kind !== 'shared') continue;
      const existing = scope.lookupLocal(v.name.name);
      if (!existing) {
        declareVar(v, builder, scope, diags, { prefix: '' });
        continue;
      }
      const own = lowerType(v.type, [], v.name.name);
      if (existing.kind === 'slot' && own && !sameType(own, existing.type)) {
        diags.push(error('WF203', `shared variable '${v.name.name}' is declared with another type elsewhere`, v.name.span));
      }
    }
  }

  const history = new Set<string>();
  for (const i of instances) for (const h of historyAtomsUsed([...sys.properties, ...i.wf.properties], compensationPairs(i.wf))) history.add(h);
  const terminals: Expr[] = [];
  const seen = new Map<string, (typeof instances)[number]>();
  const lowered: { inst: (typeof instances)[number]; scope: Scope }[] = [];
  for (const inst of instances) {
    if (seen.has(inst.name) || scope.lookupLocal(inst.name)) {
      diags.push(error('WF202', `duplicate instance name '${inst.name}'`, inst.span));
      continue;
    }
    seen.set(inst.name, inst);
    const result = lowerWorkflowInstance(builder, text, inst.wf, diags, { prefix: `${inst.name}.`, instance: inst.name, parent: scope, history });
    scope.define(inst.name, { kind: 'scope', scope: result.scope, span: inst.span });
    terminals.push(result.terminal);
    lowered.push({ inst, scope: result.scope });
  }
  const terminal = and(...terminals);
  scope.define('terminated', { kind: 'derived', expr: terminal, type: BOOL, description: 'every instance has ended' });
  // Properties last: atoms such as deadlock and enabled(t) need every instance's transitions.
  const view = { transitions: builder.transitions, terminal, initial: builder.slots.map((s) => s.initial) };
  const taken = new Map<string, PropertyAst>();
  const system = lowerProperties(sys.properties, { scope, text, diags, view, taken });
  const properties: PropertyIR[] = [...system.properties];
  const fairness = [...system.fairness];
  for (const { inst, scope: instScope } of lowered) {
    const own = lowerProperties(inst.wf.properties, { scope: instScope, text, diags, view, instance: inst.name, namePrefix: `${inst.name}.`, taken, compensations: compensationPairs(inst.wf) });
    properties.push(...own.properties);
    fairness.push(...own.fairness);
  }
  return makeModel({
    kind: 'system',
    name: sys.name.name,
    span: sys.span,
    slots: builder.frozenSlots(),
    transitions: builder.frozenTransitions(),
    terminal,
    properties,
    clusters: builder.clusters,
    fairness,
  });
}
