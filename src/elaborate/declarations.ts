/**
 * Variable declarations shared by workflows, machines and systems: checks
 * the declared type and the initial value and creates the slot.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { evaluate, slotsRead } from '../model/expr.js';
import type { SlotRole } from '../model/model.js';
import { typeRange, type ValueType } from '../model/types.js';
import type { ExprAst, TypeAst, VarDeclAst } from '../parse/ast.js';
import { lowerExpr } from './lowerExpr.js';
import type { NetBuilder } from './netBuilder.js';
import type { Scope } from './scope.js';

export function lowerType(t: TypeAst, diags: Diagnostic[], name: string): ValueType | undefined {
  switch (t.kind) {
    case 'bool':
      return { kind: 'bool' };
    case 'range':
      if (t.lo > t.hi) {
        diags.push(error('WF205', `empty range ${t.lo}..${t.hi}: the lower bound is above the upper bound`, t.span));
        return undefined;
      }
      return { kind: 'int', lo: t.lo, hi: t.hi };
    case 'enum': {
      const seen = new Map<string, (typeof t.values)[number]>();
      for (const v of t.values) {
        const first = seen.get(v.name);
        if (first) diags.push(error('WF202', `duplicate enum value '${v.name}'`, v.span, [{ message: 'first declared here', span: first.span }]));
        else seen.set(v.name, v);
      }
      return { kind: 'enum', name, values: [...seen.keys()] };
    }
  }
}

/** Evaluate a constant initial value against its type; undefined (with a diagnostic) if it is not one. */
export function constantValue(init: ExprAst, type: ValueType, scope: Scope, diags: Diagnostic[], name: string): number | undefined {
  const typed = lowerExpr(init, { scope, diags }, type);
  if (!typed) return undefined;
  if (slotsRead(typed.expr).size > 0) {
    diags.push(error('WF203', `the initial value of '${name}' must be a constant`, init.span));
    return undefined;
  }
  const v = evaluate(typed.expr, []);
  const { lo, hi } = typeRange(type);
  if (v < lo || v > hi) {
    diags.push(error('WF204', `initial value ${v} of '${name}' is outside its range ${lo}..${hi}`, init.span));
    return undefined;
  }
  return v;
}

/** Declare enum literals of `type` in `scope` (first declaration of a literal wins; others resolve by context). */
export function defineEnumLiterals(type: ValueType, scope: Scope): void {
  if (type.kind !== 'enum') return;
  type.values.forEach((v, index) => scope.define(v, { kind: 'enumValue', type, index }));
}

export function declareVar(
  d: VarDeclAst,
  builder: NetBuilder,
  scope: Scope,
  diags: Diagnostic[],
  opts: { prefix: string; instance?: string; role?: SlotRole },
): number | undefined {
  const existing = scope.lookupLocal(d.name.name);
  if (existing) {
    const related = 'span' in existing && existing.span ? [{ message: 'first declared here', span: existing.span }] : undefined;
    diags.push(error('WF202', `duplicate name '${d.name.name}'`, d.name.span, related));
    return undefined;
  }
  const type = lowerType(d.type, diags, d.name.name);
  if (!type) return undefined;
  defineEnumLiterals(type, scope);
  // A bad initial value is reported once; the variable still exists, so its uses raise no follow-on errors.
  const initial = constantValue(d.init, type, scope, diags, d.name.name) ?? typeRange(type).lo;
  const slot = builder.addSlot({
    name: `${opts.prefix}${d.name.name}`,
    role: opts.role ?? 'var',
    type,
    initial,
    span: d.name.span,
    instance: opts.instance,
  });
  scope.define(d.name.name, { kind: 'slot', slot, type, span: d.name.span, writable: true });
  return slot;
}
