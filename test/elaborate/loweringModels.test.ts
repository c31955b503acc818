/**
 * Lowering of state machines, P/T nets and multi-instance systems, checked
 * against hand-counted reachable graphs: final vs dead states, capacity
 * overflow as an in_range fault, and interleavings of instances.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import type { LoadedSpec } from '../../src/api/loadedSpec.js';
import { countStates, specFromText } from '../builders.js';

/** states, edges, terminals, deadlocks, faults */
function figures(spec: LoadedSpec): number[] {
  const c = countStates(spec);
  expect(c.complete).toBe(true);
  return [c.states, c.transitions, c.terminals, c.deadlocks, c.faults];
}

function results(spec: LoadedSpec): string[] {
  return checkSpec(spec).properties.map((p) => `${p.name}: ${p.result}`);
}

describe('state machines', () => {
  const branching = 'machine M {\n  [*] -> A\n  A -> B on go\n  A -> C on other\n  B -> [*]\n  deadlock_free\n}\n';

  it('a final state is an end, a dead non-final state is a deadlock', () => {
    // A -go-> B (final), A -other-> C (no way out, not final): 3 states, 2 edges.
    const spec = specFromText(branching);
    expect(figures(spec)).toEqual([3, 2, 1, 1, 0]);
    const dl = checkSpec(spec).properties.find((p) => p.name === 'deadlock_free')!;
    expect(dl.result).toBe('violated');
    expect(dl.counterexample!.steps.map((s) => s.label)).toEqual(['other']);
    expect(dl.counterexample!.states.at(-1)!.values.get('state')).toBe('C');
  });

  it('`final S` and `S -> [*]` mean the same; `S -> [*]` adds no transition', () => {
    const withFinal = specFromText(branching.replace('B -> [*]', 'final B'));
    expect(figures(withFinal)).toEqual([3, 2, 1, 1, 0]);
    expect(withFinal.model.transitions.size).toBe(specFromText(branching).model.transitions.size);
  });

  it('variables, guards (`when`) and actions (`do`), events with `on E` and `: E`', () => {
    // (A,0) -tick-> (A,1) -tick-> (A,2) -done-> (B,2): tick is guarded by n < 2, done by n == 2.
    const spec = specFromText('machine M {\n var n: 0..2 = 0\n initial A\n A -> A on tick when n < 2 do { n += 1 }\n A -> B : done when n == 2\n final B\n}\n');
    expect(figures(spec)).toEqual([4, 3, 1, 0, 0]);
  });

  it('an action with either gives one edge per alternative', () => {
    // (A,0) -go-> (B,1) | (B,2): 3 states, 2 edges, both final.
    expect(figures(specFromText('machine M {\n var n: 0..2 = 0\n initial A\n A -> B on go do { either { n = 1 } or { n = 2 } }\n final B\n}\n'))).toEqual([3, 2, 2, 0, 0]);
  });

  it('the seed state diagram: 8 states on a tree of 7 edges, both leaves final', () => {
    // Initiated → Running → Locked → Monitoring → {Confirmed → Completed, Failed → Compensated}: 8 states, 7 edges.
    const text = readFileSync('specs/machines/coinbase-transfer-status.wf', 'utf8');
    expect(figures(specFromText(text, 'coinbase-transfer-status.wf'))).toEqual([8, 7, 2, 0, 0]);
  });

  it('`terminated` holds in the final states of a machine (as for workflows)', () => {
    const spec = specFromText('machine M {\n initial A\n A -> B\n final B\n invariant p: terminated -> state == B\n}\n');
    expect(results(spec)).toEqual(['in_range: holds', 'p: holds']);
  });
});

describe('P/T nets', () => {
  it('a place beyond its capacity is an in_range violation ending in the fault step', () => {
    // p = 1 -t-> p = 2 -t-> p = 3 > capacity 2: 2 states, 1 edge, 1 fault.
    const spec = specFromText('net N {\n place p = 1 capacity 2\n transition t: p -> 2*p\n}\n');
    expect(figures(spec)).toEqual([2, 1, 0, 0, 1]);
    const [range] = checkSpec(spec).properties;
    expect(range.name).toBe('in_range');
    expect(range.result).toBe('violated');
    expect(range.counterexample!.steps.map((s) => s.label)).toEqual(['t']);
    expect(range.counterexample!.fault).toMatchObject({ step: { label: 't' }, message: "place 'p' would hold 3 tokens (capacity 2)" });
  });

  it('weighted arcs consume and produce several tokens; every dead marking is a deadlock', () => {
    // (a=4,b=0) -t-> (2,1) -t-> (0,2), dead: 3 states, 2 edges, 1 deadlock.
    expect(figures(specFromText('net N {\n place a = 4, b\n transition t: 2*a -> b\n}\n'))).toEqual([3, 2, 0, 1, 0]);
  });

  it('an empty input list is always enabled, up to the default capacity 255', () => {
    // p = 0..255 (256 states, 255 edges); the step from 255 faults.
    expect(figures(specFromText('net N {\n place p\n transition t: -> p\n}\n'))).toEqual([256, 255, 0, 0, 1]);
  });

  it('a transition with no arcs at all is a self-loop, so nothing deadlocks', () => {
    expect(figures(specFromText('net N {\n place p = 1\n transition t: ->\n}\n'))).toEqual([1, 1, 0, 0, 0]);
  });

  it('two philosophers: 6 reachable markings, one deadlock (both hold their left fork)', () => {
    // (P1,P2) ∈ {think, hasLeft, eat}²: reachable TT, TL, TE, LT, LL, ET (LE, EL, EE need a fork twice).
    // Enabled: TT 2, TL 2, TE 1, LT 2, LL 0, ET 1 = 8 edges; LL is the deadlock.
    const text = readFileSync('specs/nets/two-philosophers.wf', 'utf8');
    expect(figures(specFromText(text, 'two-philosophers.wf'))).toEqual([6, 8, 0, 1, 0]);
  });
});

describe('systems', () => {
  const counter = 'workflow W {\n shared n: 0..2 = 0\n main { n += 1 }\n}\n';

  it('two instances interleave: 3 local states each, 9 states, 12 edges', () => {
    // Local: [n += 1 pending] → [end] → [completed]; n = number past the assignment, so 3 × 3 = 9 states;
    // each instance not yet completed has one step: 2·3 + 3·2 = 12 edges; one terminal (both completed).
    expect(figures(specFromText(`${counter}system S { instances 2 of W }\n`))).toEqual([9, 12, 1, 0, 0]);
  });

  it('named instances give the same graph', () => {
    expect(figures(specFromText(`${counter}system S { instance a, b: W }\n`))).toEqual([9, 12, 1, 0, 0]);
  });

  it('a shared variable declared by the system and by the workflow exists once', () => {
    expect(figures(specFromText(`${counter}system S {\n shared n: 0..2 = 0\n instances 2 of W\n}\n`))).toEqual([9, 12, 1, 0, 0]);
  });

  it('instance properties are prefixed with the instance; system properties use qualified names', () => {
    const spec = specFromText(
      'workflow W {\n var x: 0..1 = 0\n main { x = 1 }\n invariant small: x <= 1\n}\nsystem S {\n instances 2 of W\n invariant both: W1.x + W2.x <= 2\n reachable all: W1.x == 1 && W2.x == 1\n}\n',
    );
    expect(results(spec)).toEqual(['in_range: holds', 'both: holds', 'all: holds', 'W1.small: holds', 'W2.small: holds']);
  });

  it('check-then-act over shared stock: 37 states, and the oversell', () => {
    // Per order: Check → if → (got: Take → end) | (not got: end) → completed. With stock 1, an order gets
    // `got` iff nobody had taken when it checked. Pairs among {Check, if+got, Take, end+took, done+took}: 25;
    // plus one order without `got` ({if, end, done}) while the other took ({end, done}+took): 3 · 2 · 2 = 12. Total 37.
    // Every local state but `done` has exactly one step: 2 · (4 · 5) + 2 · (2·2 + 3·1) = 54 edges;
    // ends: both done with the other took or both took: 3.
    const text = readFileSync('test/fixtures/specs/good/system.wf', 'utf8');
    const spec = specFromText(text, 'system.wf');
    expect(figures(spec)).toEqual([37, 54, 3, 0, 0]);
    expect(results(spec)).toEqual(['in_range: holds', 'no_oversell: violated', 'both_got: holds', 'deadlock_free: holds']);
  });
});
