/**
 * Small random TransitionSystems for differential tests, written directly
 * against the interface (no DSL): guarded vector-addition systems over 2–6
 * packed slots. Specs are plain JSON so fast-check prints and shrinks them.
 */
import fc from 'fast-check';
import { OrderedMap } from 'immutable';
import { packLayout, readSlot, writeSlot } from '../../src/system/stateLayout.js';
import type { StateLayout } from '../../src/system/stateLayout.js';
import type { StateView } from '../../src/system/stateView.js';
import type { AtomId, FaultSink, SuccessorSink, TransitionSystem } from '../../src/system/transitionSystem.js';

/**
 * How wide a slot's declared range is. Values only ever live in a window of
 * 1–4 values inside it (leaving the window is a fault), which keeps state
 * spaces small while wide slots still set high bits and span several words.
 */
export type SlotWidth = 'small' | 'bits17' | 'bits20' | 'bits32';

export interface RandomSlot {
  readonly width: SlotWidth;
  /** Window size 1..8 (shrunk so the product stays at most MAX_SPACE). */
  readonly window: number;
  /** Where the window sits in the declared range. */
  readonly place: 'bottom' | 'middle' | 'top';
  /** Declared lower bound (shifted per width). */
  readonly lo: number;
  /** Initial value as an offset into the window (taken modulo window). */
  readonly init: number;
}

export interface RandomGuard {
  /** Slot index modulo the slot count. */
  readonly slot: number;
  readonly op: 'ge' | 'le';
  /** Offset into the slot's window (modulo window). */
  readonly k: number;
}

export interface RandomEffect {
  /** Slot index modulo the slot count. */
  readonly slot: number;
  readonly delta: number;
}

export interface RandomTransition {
  readonly guards: readonly RandomGuard[];
  /** Added in order (two effects on one slot add up); none makes a self-loop. */
  readonly effects: readonly RandomEffect[];
  /**
   * Capacity-guarded (as a P/T net with capacities): disabled where an effect
   * would leave its window. Otherwise leaving the window is a fault.
   */
  readonly capped: boolean;
  /** Also add the opposite transition (effects negated, same guards), so values can move both ways. */
  readonly undoable: boolean;
}

/** A state predicate: `never`, or one slot compared with a window offset. */
export type RandomPredicate =
  | { readonly kind: 'never' }
  | { readonly kind: 'cmp'; readonly slot: number; readonly op: 'eq' | 'ge' | 'le'; readonly k: number };

export interface RandomSystemSpec {
  readonly slots: readonly RandomSlot[];
  readonly transitions: readonly RandomTransition[];
  readonly terminal: RandomPredicate;
  /** Watchable atoms; atom ids 1..atoms.length (0 is the terminal atom). */
  readonly atoms: readonly RandomPredicate[];
}

/** Upper bound on the number of distinct states a generated system can reach. */
export const MAX_SPACE = 3000;

const SPAN: Record<SlotWidth, number> = { small: 8, bits17: 2 ** 17, bits20: 2 ** 20, bits32: 2 ** 32 };

/** A slot reference, uniform rather than biased to 0 (taken modulo the slot count). */
const anySlot = fc.constantFrom(0, 1, 2, 3, 4, 5);

const slotArb: fc.Arbitrary<RandomSlot> = fc.record({
  width: fc.constantFrom<SlotWidth>('small', 'small', 'small', 'bits17', 'bits20', 'bits32'),
  window: fc.constantFrom(1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8),
  place: fc.constantFrom<RandomSlot['place']>('bottom', 'middle', 'top'),
  lo: fc.integer({ min: -5, max: 5 }),
  init: fc.nat({ max: 7 }),
});

const predicateArb: fc.Arbitrary<RandomPredicate> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<RandomPredicate>({ kind: 'never' }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant<'cmp'>('cmp'),
      slot: anySlot,
      op: fc.constantFrom<'eq' | 'ge' | 'le'>('eq', 'ge', 'le'),
      k: fc.nat({ max: 4 }),
    }),
  },
);

const effectArb: fc.Arbitrary<RandomEffect> = fc.record({
  slot: anySlot,
  delta: fc.constantFrom(1, -1, 1, -1, 1, -1, 2, -2),
});

const transitionArb: fc.Arbitrary<RandomTransition> = fc.record({
  guards: fc.array(
    fc.record({ slot: anySlot, op: fc.constantFrom<'ge' | 'le'>('ge', 'le'), k: fc.nat({ max: 4 }) }),
    { maxLength: 1 },
  ),
  effects: fc.oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 6, arbitrary: fc.array(effectArb, { minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.array(effectArb, { minLength: 2, maxLength: 2 }) },
  ),
  capped: fc.constantFrom(true, true, true, false),
  undoable: fc.constantFrom(true, true, true, true, false),
});

export const randomSystemSpec: fc.Arbitrary<RandomSystemSpec> = fc.record({
  slots: fc.oneof(fc.array(slotArb, { minLength: 2, maxLength: 3 }), fc.array(slotArb, { minLength: 4, maxLength: 6 })),
  // Few transitions make deadlocks likely; many make large state spaces.
  transitions: fc.oneof(
    fc.array(transitionArb, { minLength: 1, maxLength: 3 }),
    fc.array(transitionArb, { minLength: 4, maxLength: 12 }),
  ),
  terminal: predicateArb,
  atoms: fc.array(predicateArb, { minLength: 1, maxLength: 3 }),
});

/** Declared range and value window of a slot, in absolute values. */
export interface SlotBounds {
  readonly lo: number;
  readonly hi: number;
  readonly min: number;
  readonly max: number;
}

export function slotBounds(slot: RandomSlot): SlotBounds {
  const lo = slot.width === 'small' ? slot.lo : slot.width === 'bits32' ? -(2 ** 31) + slot.lo : slot.lo * 1000;
  const hi = lo + SPAN[slot.width] - 1;
  const spare = hi - lo + 1 - slot.window;
  const min = slot.place === 'bottom' ? lo : slot.place === 'top' ? lo + spare : lo + Math.floor(spare / 2);
  return { lo, hi, min, max: min + slot.window - 1 };
}

export interface RandomSystem extends TransitionSystem {
  readonly spec: RandomSystemSpec;
  readonly bounds: readonly SlotBounds[];
  /** Slot values of a packed state (test convenience). */
  values(s: Int32Array): number[];
}

/**
 * The spec as built: undoable transitions followed by their opposite, and
 * the largest windows shrunk until the product is at most MAX_SPACE.
 */
function normalize(spec: RandomSystemSpec): RandomSystemSpec {
  const slots = spec.slots.map((slot) => ({ ...slot }));
  const transitions = spec.transitions.flatMap((t) =>
    t.undoable ? [t, { ...t, effects: t.effects.map((e) => ({ slot: e.slot, delta: -e.delta })) }] : [t],
  );
  for (;;) {
    const space = slots.reduce((p, slot) => p * slot.window, 1);
    if (space <= MAX_SPACE) return { ...spec, slots, transitions };
    const widest = slots.reduce((w, slot, i) => (slot.window > slots[w].window ? i : w), 0);
    slots[widest].window--;
  }
}

export function buildRandomSystem(original: RandomSystemSpec): RandomSystem {
  const spec = normalize(original);
  const n = spec.slots.length;
  const bounds = spec.slots.map(slotBounds);
  const layout: StateLayout = packLayout(bounds.map((b, i) => ({ name: `v${i}`, lo: b.lo, hi: b.hi })));
  const values = (s: Int32Array): number[] => bounds.map((_, i) => readSlot(layout, s, i));
  const holds = (p: RandomPredicate, vs: readonly number[]): boolean => {
    if (p.kind === 'never') return false;
    const i = p.slot % n;
    const k = bounds[i].min + (p.k % spec.slots[i].window);
    return p.op === 'eq' ? vs[i] === k : p.op === 'ge' ? vs[i] >= k : vs[i] <= k;
  };
  const next = new Int32Array(layout.stateWords);
  return {
    spec: original,
    bounds,
    values,
    layout,
    transitionCount: spec.transitions.length,
    atoms: [{ name: 'terminal', text: 'terminal' }, ...spec.atoms.map((_, i) => ({ name: `a${i + 1}`, text: `a${i + 1}` }))],
    terminalAtom: 0,
    initial(out: Int32Array): void {
      out.fill(0);
      spec.slots.forEach((slot, i) => writeSlot(layout, out, i, bounds[i].min + (slot.init % slot.window)));
    },
    successors(s: Int32Array, emit: SuccessorSink, fault?: FaultSink): number {
      const vs = values(s);
      let emitted = 0;
      spec.transitions.forEach((tr, t) => {
        const enabled = tr.guards.every((g) => {
          const i = g.slot % n;
          const k = bounds[i].min + (g.k % spec.slots[i].window);
          return g.op === 'ge' ? vs[i] >= k : vs[i] <= k;
        });
        if (!enabled) return;
        const out = [...vs];
        for (const e of tr.effects) out[e.slot % n] += e.delta;
        const bad = out.findIndex((v, i) => v < bounds[i].min || v > bounds[i].max);
        if (bad >= 0 && tr.capped) return;
        if (bad >= 0) {
          fault?.(t, `v${bad} = ${out[bad]} outside ${bounds[bad].min}..${bounds[bad].max}`);
          return;
        }
        next.fill(0);
        out.forEach((v, i) => writeSlot(layout, next, i, v));
        emit(t, next);
        emitted++;
      });
      return emitted;
    },
    label(s: Int32Array, ap: AtomId): boolean {
      const vs = values(s);
      return ap === 0 ? holds(spec.terminal, vs) : holds(spec.atoms[ap - 1], vs);
    },
    describe(s: Int32Array): StateView {
      return OrderedMap(values(s).map((v, i): [string, number] => [`v${i}`, v]));
    },
    transitionInfo(t: number) {
      return { name: `t${t}`, label: `step ${t}`, kind: 'random', span: { file: 'random.wf', start: t, end: t + 1 } };
    },
  };
}

export const randomSystem: fc.Arbitrary<RandomSystem> = randomSystemSpec.map(buildRandomSystem, (value) => {
  // Lets fast-check shrink systems it built itself: map back to the spec.
  if (typeof value === 'object' && value !== null && 'spec' in value) return (value as RandomSystem).spec;
  throw new Error('not a RandomSystem');
});

/** fast-check run count: fixed and small by default, ~20× under `npm run test:deep`. */
export function numRuns(base: number): number {
  return process.env.WFCHECK_DEEP ? base * 20 : base;
}

/** Per-test timeout (ms) for property tests: vitest's 5 s default is too short for the deep runs. */
export const propertyTimeout = process.env.WFCHECK_DEEP ? 300_000 : 10_000;
