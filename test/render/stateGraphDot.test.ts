/**
 * State-graph drawings of the picture fixtures: golden DOT for a net with a
 * deadlock and for a workflow (full and summarised), and the facts the
 * styling rests on: which states are initial, ended, deadlocked or
 * violating, cycles grouped, incomplete graphs labelled.
 */
import { describe, expect, it } from 'vitest';
import { reachableGraphOf } from '../../src/api/stateGraph.js';
import { CUT, DEADLOCK, ENDED, INITIAL, stateFacts, VIOLATION } from '../../src/render/reachableGraph.js';
import { stateGraphToDot } from '../../src/render/stateGraphDot.js';
import { expectGolden } from '../golden/expectGolden.js';
import { loadFixture } from './pictureFixtures.js';

describe('stateGraphToDot (golden)', () => {
  it('draws every state of a small net, the deadlock orange and the cycle shaded', async () => {
    const { spec } = await loadFixture('philosophers');
    const picture = stateGraphToDot(reachableGraphOf(spec));
    expect(picture).toMatchObject({ summarised: false, nodes: 6 });
    expectGolden('dot/graph-philosophers.dot', picture.dot);
  });

  it('draws every state of a small workflow', async () => {
    const { spec } = await loadFixture('tiny-payment');
    expectGolden('dot/graph-tiny-payment.dot', stateGraphToDot(reachableGraphOf(spec)).dot);
  });

  it('summarises by control location above --max-nodes', async () => {
    const { spec } = await loadFixture('tiny-payment');
    const picture = stateGraphToDot(reachableGraphOf(spec), { maxNodes: 10 });
    expect(picture.summarised).toBe(true);
    expectGolden('dot/graph-tiny-payment-summary.dot', picture.dot);
  });
});

describe('state graph facts and styles', () => {
  it('knows the initial state, the deadlock and the cycle of the philosophers', async () => {
    const { spec } = await loadFixture('philosophers');
    const g = reachableGraphOf(spec);
    const { flags } = stateFacts(g);
    expect(flags[0] & INITIAL).toBe(INITIAL);
    const dead = [...flags].flatMap((f, i) => (f & DEADLOCK ? [i] : []));
    expect(dead).toHaveLength(1);
    const dot = stateGraphToDot(g).dot;
    expect(dot).toMatch(new RegExp(`s${dead[0]} \\[id="s${dead[0]}", label="s${dead[0]} \\(deadlock\\)\\\\lhasLeft1, hasLeft2\\\\l"`));
    expect(dot).toContain('subgraph cluster_cycle0 {');
    expect(dot).toContain('label="cycle (5 states)"');
  });

  it('marks ended and violating states of the workflow, and every edge has its transition name', async () => {
    const { spec } = await loadFixture('tiny-payment');
    const g = reachableGraphOf(spec);
    const { flags, violated } = stateFacts(g);
    expect([...flags].some((f) => f & ENDED)).toBe(true);
    expect([...violated.values()].every((names) => names.join() === 'charged_once')).toBe(true);
    expect([...flags].filter((f) => f & VIOLATION)).toHaveLength(violated.size);
    const dot = stateGraphToDot(g).dot;
    const edges = dot.split('\n').filter((l) => / -> s\d+ \[/.test(l) && !l.includes('start ->'));
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((l) => /label="[^"]+"/.test(l))).toBe(true);
  });

  it('labels an incomplete graph and draws the cut states dashed, with edges to the unexplored part', async () => {
    const { spec } = await loadFixture('tiny-payment');
    const g = reachableGraphOf(spec, { maxStates: 8 });
    expect(g.complete).toBe(false);
    expect(g.stopReason).toBe('max-states');
    expect(g.graph.states).toBe(8);
    const { flags } = stateFacts(g);
    expect([...flags].some((f) => f & CUT)).toBe(true);
    // A cut state is never called a deadlock.
    expect([...flags].some((f) => f & CUT && f & DEADLOCK)).toBe(false);
    const dot = stateGraphToDot(g).dot;
    expect(dot).toContain('INCOMPLETE: state limit reached');
    expect(dot).toMatch(/style="rounded,filled,dashed"/);
    expect(dot).toMatch(/ -> unexplored \[style="dashed"/);
  });

  it('accounts for every state in the summary', async () => {
    const { spec } = await loadFixture('tiny-payment');
    const g = reachableGraphOf(spec);
    const dot = stateGraphToDot(g, { maxNodes: 5 }).dot;
    const counts = [...dot.matchAll(/\\l(\d+) states?\\l/g)].map((m) => Number(m[1]));
    const folded = /\((\d+) states?\) not drawn/.exec(dot);
    expect(counts.reduce((a, b) => a + b, 0) + Number(folded?.[1] ?? 0)).toBe(g.graph.states);
    expect(dot).toContain('SUMMARY: more than 5 states');
  });

  it('draws one summary per instance of a multi-instance system', async () => {
    const { loadSpecText } = await import('../../src/api/loadSpec.js');
    const text = `workflow W {
  shared n: 0..2 = 0
  activity Inc may fail { n += 1 }
  main { Inc or continue }
}
system S {
  instances 2 of W
}
`;
    const spec = loadSpecText(text, 'two.wf');
    const picture = stateGraphToDot(reachableGraphOf(spec), { maxNodes: 2 });
    expect(picture.summarised).toBe(true);
    expect(picture.dot).toContain('subgraph cluster_part0 {');
    expect(picture.dot).toContain('subgraph cluster_part1 {');
    expect(picture.dot).toMatch(/label="W1: \d+ locations/);
  });
});
