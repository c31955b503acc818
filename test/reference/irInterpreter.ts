/**
 * An obviously-right interpreter of the model IR: states are plain number
 * arrays keyed by their comma-joined values, BFS over an array queue, and
 * every guard and update goes through `evaluate`. The compiler's generated
 * code and the packed explorer are checked against it, never the reverse.
 */
import { evaluate } from '../../src/model/expr.js';
import type { Model, NetTransitionProps, PropertyIR } from '../../src/model/model.js';
import { typeRange } from '../../src/model/types.js';

export interface InterpretedProperty {
  readonly name: string;
  readonly kind: PropertyIR['kind'];
  /**
   * BFS depth of the first state that decides the property: for an
   * invariant, where its expression is false; for reachable, where it is
   * true; -1 if there is none (always -1 for other kinds).
   */
  readonly firstHit: number;
}

export interface InterpretedFault {
  /** Key of the state the transition faulted in. */
  readonly state: string;
  readonly transition: number;
}

export interface Interpretation {
  /** False when exploration gave up at `maxStates`; every other field is then partial. */
  readonly complete: boolean;
  readonly states: number;
  /** Enabled, non-faulting (state, transition) pairs: self-loops and duplicates count. */
  readonly edges: number;
  readonly deadlocks: number;
  /** Faulting (state, transition) pairs. */
  readonly faults: readonly InterpretedFault[];
  /** BFS depth of the shallowest faulting state, or -1. */
  readonly faultDepth: number;
  /** BFS depth of the shallowest deadlock, or -1. */
  readonly deadlockDepth: number;
  /** Keys of the deadlocked states. */
  readonly deadlockStates: ReadonlySet<string>;
  readonly properties: readonly InterpretedProperty[];
  /** Every reachable state (key = values joined by ',') with its BFS depth. */
  readonly depth: ReadonlyMap<string, number>;
  /** Transitions that fired somewhere (enabled and in range): what the model really exercised. */
  readonly fired: ReadonlySet<number>;
}

export function stateKeyOf(values: readonly number[]): string {
  return values.join(',');
}

function enabled(t: NetTransitionProps, s: readonly number[]): boolean {
  for (const a of t.pre) if (s[a.slot] < a.weight) return false;
  return t.guard === undefined || evaluate(t.guard, s) !== 0;
}

/**
 * The successor of `s` by an enabled transition (not yet range-checked):
 * consume, empty the reset places, produce, then assign. A reset place thus
 * holds exactly what the step's post arcs put there (see model.ts).
 */
export function fire(t: NetTransitionProps, s: readonly number[]): number[] {
  const next = s.slice();
  for (const a of t.pre) next[a.slot] -= a.weight;
  // A reset empties the place after consumption; it then holds only what the step produces.
  for (const slot of t.resets ?? []) next[slot] = 0;
  for (const a of t.post) next[a.slot] += a.weight;
  // Parallel assignment: every right-hand side reads the pre-state.
  for (const u of t.updates) next[u.slot] = evaluate(u.value, s);
  return next;
}

/** The model's transitions and slot ranges as plain objects (immutable Records are slow to read in a loop). */
interface PlainModel {
  readonly transitions: readonly NetTransitionProps[];
  readonly ranges: readonly { readonly lo: number; readonly hi: number }[];
}

const plainModels = new WeakMap<Model, PlainModel>();

function plain(model: Model): PlainModel {
  let p = plainModels.get(model);
  if (!p) {
    p = { transitions: model.transitions.toArray().map((t) => t.toObject()), ranges: model.slots.toArray().map((slot) => typeRange(slot.type)) };
    plainModels.set(model, p);
  }
  return p;
}

function inRange(ranges: PlainModel['ranges'], values: readonly number[]): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] < ranges[i].lo || values[i] > ranges[i].hi) return false;
  return true;
}

/** The enabled transitions of `s` and what each does: a successor, or a fault. */
export function step(model: Model, s: readonly number[]): { transition: number; next: number[] | undefined }[] {
  const { transitions, ranges } = plain(model);
  const out: { transition: number; next: number[] | undefined }[] = [];
  transitions.forEach((t, i) => {
    if (!enabled(t, s)) return;
    const next = fire(t, s);
    out.push({ transition: i, next: inRange(ranges, next) ? next : undefined });
  });
  return out;
}

export function interpretModel(model: Model, maxStates = Infinity): Interpretation {
  const initial = model.slots.toArray().map((slot) => slot.initial);
  const props = model.properties.toArray();
  const firstHit = props.map(() => -1);
  const depth = new Map<string, number>();
  const queue: number[][] = [];
  const faults: InterpretedFault[] = [];
  let edges = 0;
  const deadlockStates = new Set<string>();
  const fired = new Set<number>();
  let faultDepth = -1;
  let deadlockDepth = -1;
  let complete = true;

  const visit = (values: number[], d: number): void => {
    const key = stateKeyOf(values);
    if (depth.has(key)) return;
    if (depth.size >= maxStates) {
      complete = false;
      return;
    }
    depth.set(key, d);
    queue.push(values);
    props.forEach((p, k) => {
      if (firstHit[k] >= 0) return;
      // Only state properties are decided here; deadlock_free is judged from the counts.
      if (p.kind === 'invariant' && evaluate(p.expr, values) === 0) firstHit[k] = d;
      if (p.kind === 'reachable' && evaluate(p.expr, values) !== 0) firstHit[k] = d;
    });
  };

  visit(initial, 0);
  for (let head = 0; head < queue.length && complete; head++) {
    const s = queue[head];
    const key = stateKeyOf(s);
    const d = depth.get(key)!;
    let successors = 0;
    let faulted = false;
    for (const { transition, next } of step(model, s)) {
      if (next === undefined) {
        faulted = true;
        faults.push({ state: key, transition });
        if (faultDepth < 0) faultDepth = d;
        continue;
      }
      successors++;
      fired.add(transition);
      visit(next, d + 1);
    }
    edges += successors;
    if (successors === 0 && !faulted && evaluate(model.terminal, s) === 0) {
      deadlockStates.add(key);
      if (deadlockDepth < 0) deadlockDepth = d;
    }
  }

  return {
    complete,
    states: depth.size,
    edges,
    deadlocks: deadlockStates.size,
    faults,
    faultDepth,
    deadlockDepth,
    deadlockStates,
    properties: props.map((p, k) => ({ name: p.name, kind: p.kind, firstHit: firstHit[k] })),
    depth,
    fired,
  };
}
