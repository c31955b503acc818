/**
 * Place widening: PNML places start narrow and are widened when a marking
 * would overflow them, so figures come out exact whatever the bound; only
 * an overflow at the widest width is reported (in_range), and an unbounded
 * net stopped by a limit is `unknown`, never `holds`.
 */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import { CAPACITY_STEPS, exploreWidening } from '../../src/mcc/exploreWidening.js';
import { explore } from '../../src/explore/explore.js';
import { markingFigures } from '../../src/mcc/markingFigures.js';
import { dslNetText, pnmlText } from '../pnml/pnmlText.js';

describe('exploreWidening', () => {
  it('widens exactly the places that overflow, round by round, until the net fits', () => {
    const text = pnmlText({ places: 'src=300 dst flag=1 side', transitions: ['move: src -> dst', 'toggle: flag -> side', 'back: side -> flag'] });
    const w = exploreWidening(text, 'n.pnml', { options: () => ({}), structuralBounds: false });
    expect(w.exploration.status.kind).toBe('complete');
    expect(w.exploration.faults).toEqual([]);
    expect(w.exploration.states).toBe(301 * 2);
    // src starts wide enough for 300; dst grows 1 → 15 → 255 → 65535; the flag places stay one bit.
    expect(w.capacities).toEqual([65535, 65535, 1, 1]);
    expect(w.rounds).toBe(4);
  });

  it('starts places at their structural bounds, so the same net needs one round and fewer bits', () => {
    const text = pnmlText({ places: 'src=300 dst flag=1 side', transitions: ['move: src -> dst', 'toggle: flag -> side', 'back: side -> flag'] });
    const rounds: number[] = [];
    const w = exploreWidening(text, 'n.pnml', { options: () => ({}), onRound: (x) => rounds.push(x.states) });
    expect(w.exploration.states).toBe(301 * 2);
    // src + dst = 300 and flag + side = 1 in every reachable marking.
    expect(w.capacities).toEqual([300, 300, 1, 1]);
    expect(w.rounds).toBe(1);
    expect(rounds).toEqual([602]);
    expect(w.system.layout.stateWords).toBe(1);
  });

  it('gives a place that is never marked no bits at all', () => {
    const text = pnmlText({ places: 'p=1 q d1 d2', transitions: ['a: p -> q', 'b: q -> p', 'c: d1 -> d2 + q', 'e: d2 -> d1'] });
    const w = exploreWidening(text, 'n.pnml', { options: () => ({}) });
    expect(w.capacities).toEqual([1, 1, 0, 0]);
    expect(w.system.layout.slots.map((s) => s.bits)).toEqual([1, 1, 0, 0]);
    expect([w.exploration.states, w.exploration.transitions, w.exploration.faults.length, w.rounds]).toEqual([2, 2, 0, 1]);
  });

  it('widens a place whose bound the semiflows do not give, alongside bounded ones', () => {
    // p and q are bounded by p + q = 1; r grows without a semiflow over it until the limit stops it.
    const text = pnmlText({ places: 'p=1 q r', transitions: ['a: p -> q + r', 'b: q -> p'] });
    const w = exploreWidening(text, 'n.pnml', { options: () => ({ maxStates: 700 }) });
    expect(w.capacities.slice(0, 2)).toEqual([1, 1]);
    expect(w.capacities[2]).toBe(65535);
    expect(w.rounds).toBe(4);
  });

  it('gives exact MCC figures for a net whose places need different widths', () => {
    const net = { places: 'a=2 b c', transitions: ['t1: a -> 3*b', 't2: 3*b -> c', 't3: c -> a'] };
    const report = checkSpec(loadSpecText(pnmlText(net), 'n.pnml'));
    expect(report.complete).toBe(true);
    // The same net with wide places throughout, through the DSL: what the figures must be.
    const wide = loadSpecText(dslNetText(net, 'N', 1000), 'n.wf');
    const x = explore(wide.system);
    const figures = markingFigures(wide.system.layout, x.store, [0, 1, 2], [[1], [0, 2]]);
    expect([report.states, report.transitions, report.maxTokensInPlace, report.maxTokensPerMarking]).toEqual([x.states, x.transitions, figures.maxTokensInPlace, figures.maxTokensPerMarking]);
    expect(figures.maxTokensInPlace).toBe(6);
    expect(figures.bounds).toEqual([6, 2]);
  });

  it('reports an overflow only at the widest width, with the faulting step', () => {
    const max = CAPACITY_STEPS[CAPACITY_STEPS.length - 1];
    const text = pnmlText({ places: `p=${max}`, transitions: ['grow: p -> 2*p'] });
    const report = checkSpec(loadSpecText(text, 'n.pnml'));
    const range = report.properties.find((p) => p.name === 'in_range')!;
    expect(range.result).toBe('violated');
    expect(range.counterexample?.fault?.message).toMatch(/place 'p' would hold 2147483648 tokens \(capacity 2147483647\)/);
    expect(report.properties.find((p) => p.name === 'deadlock_free')!.result).toBe('unknown');
    expect(report.maxTokensInPlace).toBeUndefined();
  });

  it('leaves an unbounded net undecided at a state limit', () => {
    const report = checkSpec(loadSpecText(pnmlText({ places: 'p', transitions: ['pump: -> p'] }), 'n.pnml'), { maxStates: 1000 });
    expect(report.complete).toBe(false);
    expect(report.stopReason).toBe('max-states');
    expect(report.properties.map((p) => [p.name, p.result])).toEqual([
      ['in_range', 'unknown'],
      ['deadlock_free', 'unknown'],
    ]);
  });

  it('stopped by the user between rounds, it reports no overflow of a narrow place', () => {
    let polls = 0;
    const report = checkSpec(loadSpecText(pnmlText({ places: 'p', transitions: ['pump: -> p'] }), 'n.pnml'), { shouldStop: () => ++polls > 1 });
    expect(report.stopReason).toBe('interrupted');
    expect(report.properties.map((p) => [p.name, p.result])).toEqual([
      ['in_range', 'unknown'],
      ['deadlock_free', 'unknown'],
    ]);
  });
});
