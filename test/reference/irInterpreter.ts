/**
 * An obviously-right interpreter of the model IR: states are plain number
 * arrays keyed by their comma-joined values, BFS over an array queue, and
 * every guard and update goes through `evaluate`. The compiler's generated
 * code and the packed explorer are checked against it, never the reverse.
 */
import { evaluate } from '../../src/model/expr.js';
import type { Model, NetTransition, PropertyIR } from '../../src/model/model.js';
import { typeRange } from '../../src/model/types.js';

export interface InterpretedProperty {
  readonly name: string;
  readonly kind: PropertyIR['kind'];
  /**
   * BFS depth of the first state that decides the property: for an
   * invariant, where its expression is false; for reachable, where it is
   * true; -1 if there is none (always -1 for deadlock_free).
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
  readonly properties: readonly InterpretedProperty[];
  /** Every reachable state (key = values joined by ',') with its BFS depth. */
  readonly depth: ReadonlyMap<string, number>;
}

export function stateKeyOf(values: readonly number[]): string {
  return values.join(',');
}

function enabled(t: NetTransition, s: readonly number[]): boolean {
  for (const a of t.pre) if (s[a.slot] < a.weight) return false;
  return t.guard === undefined || evaluate(t.guard, s) !== 0;
}

/** The successor of `s` by an enabled transition (not yet range-checked). */
export function fire(t: NetTransition, s: readonly number[]): number[] {
  const next = s.slice();
  for (const slot of t.resets ?? []) next[slot] = 0;
  for (const a of t.pre) next[a.slot] -= a.weight;
  for (const a of t.post) next[a.slot] += a.weight;
  // Parallel assignment: every right-hand side reads the pre-state.
  for (const u of t.updates) next[u.slot] = evaluate(u.value, s);
  return next;
}

function inRange(model: Model, values: readonly number[]): boolean {
  const slots = model.slots;
  for (let i = 0; i < values.length; i++) {
    const { lo, hi } = typeRange(slots.get(i)!.type);
    if (values[i] < lo || values[i] > hi) return false;
  }
  return true;
}

/** The enabled transitions of `s` and what each does: a successor, or a fault. */
export function step(model: Model, s: readonly number[]): { transition: number; next: number[] | undefined }[] {
  const out: { transition: number; next: number[] | undefined }[] = [];
  model.transitions.forEach((t, i) => {
    if (!enabled(t, s)) return;
    const next = fire(t, s);
    out.push({ transition: i, next: inRange(model, next) ? next : undefined });
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
  let deadlocks = 0;
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
      if (firstHit[k] >= 0 || p.kind === 'deadlock_free') return;
      const holds = evaluate(p.expr, values) !== 0;
      if (p.kind === 'invariant' ? !holds : holds) firstHit[k] = d;
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
      visit(next, d + 1);
    }
    edges += successors;
    if (successors === 0 && !faulted && evaluate(model.terminal, s) === 0) {
      deadlocks++;
      if (deadlockDepth < 0) deadlockDepth = d;
    }
  }

  return {
    complete,
    states: depth.size,
    edges,
    deadlocks,
    faults,
    faultDepth,
    deadlockDepth,
    properties: props.map((p, k) => ({ name: p.name, kind: p.kind, firstHit: firstHit[k] })),
    depth,
  };
}
