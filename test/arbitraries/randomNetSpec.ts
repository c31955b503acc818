/**
 * Random P/T `net` specs as DSL text: 2–6 places with small markings and
 * (mostly) small capacities, so capacity faults happen; 1–7 transitions with
 * weighted arcs, sometimes with no inputs or no outputs; invariants,
 * reachability targets and deadlock freedom over the places.
 */
import fc from 'fast-check';
import { expectation, generatedSpec, type GeneratedSpec } from './generatedSpec.js';
import { boolExpr, type ExprEnv } from './randomExprText.js';

interface PlaceGen {
  readonly initial: number;
  /** Undefined: the default capacity (255). */
  readonly capacity: number | undefined;
  /** Room above the initial marking when a declared capacity would be below it. */
  readonly headroom: number;
}

interface ArcGen {
  readonly place: number;
  readonly weight: number;
}

const placeArb: fc.Arbitrary<PlaceGen> = fc.record({
  initial: fc.constantFrom(0, 0, 1, 1, 1, 2, 3),
  // Capacity 0 (a 0-bit slot) only holds for an initially empty place: lifted to the marking otherwise.
  capacity: fc.option(fc.constantFrom(0, 1, 2, 3, 3, 4, 4, 4), { freq: 8, nil: undefined }),
  headroom: fc.constantFrom(0, 1, 1, 2, 2),
});

const arcArb: fc.Arbitrary<ArcGen> = fc.record({
  place: fc.nat({ max: 5 }),
  weight: fc.constantFrom(1, 1, 1, 1, 1, 1, 2, 2, 3),
});

const arcsArb = fc.oneof({ weight: 1, arbitrary: fc.constant<ArcGen[]>([]) }, { weight: 4, arbitrary: fc.array(arcArb, { minLength: 1, maxLength: 1 }) }, { weight: 3, arbitrary: fc.array(arcArb, { minLength: 2, maxLength: 3 }) });

interface TransitionGen {
  readonly inputs: readonly ArcGen[];
  readonly outputs: readonly ArcGen[];
}

/**
 * Mostly token-conserving transitions (outputs carry as many tokens as the
 * inputs, spread over random places), which keeps markings bounded and
 * faults occasional; the rest are free (sources, sinks, pumps).
 */
const transitionArb: fc.Arbitrary<TransitionGen> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ inputs: arcsArb, outputs: arcsArb }) },
  {
    weight: 3,
    arbitrary: fc.record({ inputs: fc.array(arcArb, { minLength: 1, maxLength: 2 }), targets: fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 6 }) }).map(({ inputs, targets }) => {
      const total = inputs.reduce((n, a) => n + a.weight, 0);
      const outputs: ArcGen[] = [];
      for (let k = 0; k < total; k++) outputs.push({ place: targets[k % targets.length], weight: 1 });
      return { inputs, outputs };
    }),
  },
);

function placeText(p: PlaceGen, i: number): string {
  // A declared capacity below the initial marking is an error, so lift it.
  const capacity = p.capacity === undefined ? '' : ` capacity ${p.capacity >= p.initial ? p.capacity : p.initial + p.headroom}`;
  return `p${i}${p.initial > 0 ? ` = ${p.initial}` : ''}${capacity}`;
}

function arcsText(arcs: readonly ArcGen[], places: number): string {
  return arcs.map((a) => `${a.weight === 1 ? '' : `${a.weight}*`}p${a.place % places}`).join(' + ');
}

export const randomNetSpec: fc.Arbitrary<GeneratedSpec> = fc
  .record({
    places: fc.array(placeArb, { minLength: 2, maxLength: 6 }),
    transitions: fc.array(transitionArb, { minLength: 1, maxLength: 7 }),
    placesPerLine: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ places, transitions, placesPerLine }) => {
    const env: ExprEnv = { ints: places.map((_, i) => `p${i}`), bools: [], enums: [] };
    const properties = fc.tuple(
      fc.array(fc.tuple(boolExpr(env, 2), expectation), { maxLength: 2 }),
      fc.array(fc.tuple(boolExpr(env, 1), expectation), { maxLength: 1 }),
      fc.option(expectation, { nil: undefined }),
    );
    return properties.map(([invariants, reachables, deadlock]) => {
      const lines = [`net RandomNet {`];
      for (let i = 0; i < places.length; i += placesPerLine) {
        lines.push(`  place ${places.slice(i, i + placesPerLine).map((p, k) => placeText(p, i + k)).join(', ')}`);
      }
      transitions.forEach((t, i) => lines.push(`  transition t${i}: ${arcsText(t.inputs, places.length)} -> ${arcsText(t.outputs, places.length)}`));
      invariants.forEach(([e, x], i) => lines.push(`  invariant inv${i}: ${e}${x}`));
      reachables.forEach(([e, x], i) => lines.push(`  reachable goal${i}: ${e}${x}`));
      if (deadlock !== undefined) lines.push(`  deadlock_free${deadlock}`);
      lines.push('}');
      return generatedSpec('net', lines.join('\n'));
    });
  });
