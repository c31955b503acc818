/**
 * Model IR → TransitionSystem. The successor function is generated
 * JavaScript (from validated IR only: numbers and operators, never spec
 * text), in chunks small enough for V8 to optimise. A transition whose
 * result leaves a slot's range reports a fault instead of a successor.
 */
import { OrderedMap } from 'immutable';
import { not, type Expr } from '../model/expr.js';
import type { Model, NetTransition, Slot } from '../model/model.js';
import { formatValue, typeRange } from '../model/types.js';
import { packLayout, readSlot, type StateLayout } from '../system/stateLayout.js';
import type { DisplayValue, StateView } from '../system/stateView.js';
import type { AtomId, AtomInfo, FaultSink, SuccessorSink, TransitionId, TransitionInfo, TransitionSystem } from '../system/transitionSystem.js';
import { condCode, exprCode, readCode, writeCode } from './exprCode.js';

/** Transitions per generated function: large functions are not optimised by V8. */
const CHUNK = 48;

type SuccessorChunk = (s: Int32Array, next: Int32Array, emit: SuccessorSink, fault: (t: number, slot: number, value: number) => void) => number;
type Predicate = (s: Int32Array) => boolean;

export interface AtomSource {
  readonly name: string;
  readonly text: string;
  readonly expr: Expr;
}

function transitionCode(t: NetTransition, id: number, layout: StateLayout): string {
  const checks: string[] = [];
  for (const a of t.pre) checks.push(`${readCode(layout.slots[a.slot])} >= ${a.weight}`);
  if (t.guard) checks.push(condCode(t.guard, layout));
  // New value of every written slot, computed from the pre-state.
  const delta = new Map<number, number>();
  for (const a of t.pre) delta.set(a.slot, (delta.get(a.slot) ?? 0) - a.weight);
  for (const a of t.post) delta.set(a.slot, (delta.get(a.slot) ?? 0) + a.weight);
  const resets = new Set(t.resets ?? []);
  const values = new Map<number, string>();
  for (const slot of resets) values.set(slot, '0');
  // A reset empties the place after its tokens are consumed: it then holds only what the step produces.
  for (const a of t.post) if (resets.has(a.slot)) values.set(a.slot, String((Number(values.get(a.slot)) || 0) + a.weight));
  for (const [slot, d] of delta) {
    if (d === 0 || resets.has(slot)) continue;
    values.set(slot, `(${readCode(layout.slots[slot])} + ${d})`);
  }
  for (const u of t.updates) values.set(u.slot, exprCode(u.value, layout));
  const lines: string[] = [];
  const names: [number, string][] = [];
  let k = 0;
  for (const [slot, code] of values) {
    const v = `v${k++}`;
    names.push([slot, v]);
    lines.push(`const ${v} = ${code};`);
  }
  const inRange = names.map(([slot, v]) => {
    const L = layout.slots[slot];
    return `if (${v} < ${L.lo} || ${v} > ${L.hi}) { fault(${id}, ${slot}, ${v}); ok = false; }`;
  });
  const writes = names.map(([slot, v]) => writeCode(layout.slots[slot], v)).filter((w) => w !== '');
  const body = [
    ...lines,
    'let ok = true;',
    ...inRange,
    'if (ok) {',
    '  next.set(s);',
    ...writes.map((w) => `  ${w}`),
    `  emit(${id}, next); n++;`,
    '}',
  ];
  const cond = checks.length > 0 ? checks.join(' && ') : 'true';
  return `if (${cond}) {\n  ${body.join('\n  ')}\n}`;
}

function compileChunk(transitions: readonly NetTransition[], offset: number, layout: StateLayout): SuccessorChunk {
  const code = ['let n = 0;', ...transitions.map((t, i) => transitionCode(t, offset + i, layout)), 'return n;'].join('\n');
  return new Function('s', 'next', 'emit', 'fault', code) as SuccessorChunk;
}

function compilePredicate(e: Expr, layout: StateLayout): Predicate {
  return new Function('s', `return ${condCode(e, layout)};`) as Predicate;
}

export interface CompiledModel extends TransitionSystem {
  /**
   * Per property (in order), the atom whose first reachable occurrence
   * decides it: an invariant's violation (¬expr), a reachable's target.
   * deadlock_free has none.
   */
  readonly propertyAtoms: readonly (AtomId | undefined)[];
  /** Compile an extra atom (for formulas given on the command line or in tests). */
  addAtom(source: AtomSource): AtomId;
}

export function compileModel(model: Model): CompiledModel {
  const slots: Slot[] = model.slots.toArray();
  const layout = packLayout(slots.map((s) => ({ name: s.name, ...typeRange(s.type) })));
  const transitions: NetTransition[] = model.transitions.toArray();
  const chunks: SuccessorChunk[] = [];
  for (let i = 0; i < transitions.length; i += CHUNK) chunks.push(compileChunk(transitions.slice(i, i + CHUNK), i, layout));

  const atoms: AtomInfo[] = [];
  const predicates: Predicate[] = [];
  const addAtom = (source: AtomSource): AtomId => {
    atoms.push({ name: source.name, text: source.text });
    predicates.push(compilePredicate(source.expr, layout));
    return atoms.length - 1;
  };
  const terminalAtom = addAtom({ name: 'terminal', text: 'terminated', expr: model.terminal });
  const propertyAtoms = model.properties.toArray().map((p) => {
    switch (p.kind) {
      case 'deadlock_free':
        return undefined;
      case 'invariant':
        return addAtom({ name: `violation of ${p.name}`, text: `!(${p.text})`, expr: not(p.expr) });
      case 'reachable':
        return addAtom({ name: p.name, text: p.text, expr: p.expr });
    }
  });

  const initialValues = slots.map((s) => s.initial);
  const infos: TransitionInfo[] = transitions.map((t) => ({
    name: t.name,
    label: t.label,
    kind: t.kind,
    ...(t.outcome ? { outcome: t.outcome } : {}),
    ...(t.instance ? { instance: t.instance } : {}),
    span: t.origin,
  }));

  let faultSink: FaultSink | undefined;
  const reportFault = (t: number, slot: number, value: number) => {
    if (!faultSink) return;
    const s = slots[slot];
    const { lo, hi } = typeRange(s.type);
    const what = s.role === 'place' || s.role === 'control' ? `place '${s.name}' would hold ${value} tokens (capacity ${hi})` : `'${s.name}' would become ${value}, outside its range ${lo}..${hi}`;
    faultSink(t, what);
  };

  const system: CompiledModel = {
    layout,
    transitionCount: transitions.length,
    atoms,
    terminalAtom,
    propertyAtoms,
    addAtom,
    initial(out: Int32Array): void {
      out.fill(0);
      for (let i = 0; i < slots.length; i++) {
        const L = layout.slots[i];
        if (L.bits === 0) continue;
        out[L.word] |= (initialValues[i] - L.lo) << L.shift;
      }
    },
    successors(s: Int32Array, emit: SuccessorSink, fault?: FaultSink): number {
      faultSink = fault;
      const next = scratch;
      let n = 0;
      for (let c = 0; c < chunks.length; c++) n += chunks[c](s, next, emit, reportFault);
      return n;
    },
    label(s: Int32Array, ap: AtomId): boolean {
      return predicates[ap](s);
    },
    describe(s: Int32Array): StateView {
      return OrderedMap<string, DisplayValue>().withMutations((m) => {
        for (let i = 0; i < slots.length; i++) {
          if (slots[i].hidden) continue;
          m.set(slots[i].name, formatValue(slots[i].type, readSlot(layout, s, i)));
        }
      });
    },
    transitionInfo(t: TransitionId): TransitionInfo {
      return infos[t];
    },
  };
  const scratch = new Int32Array(layout.stateWords);
  return system;
}
