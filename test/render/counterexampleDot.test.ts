import { describe, expect, it } from 'vitest';
import { counterexampleToDot } from '../../src/render/counterexampleDot.js';
import { expectGolden } from '../golden/expectGolden.js';
import { faultTrace, lassoTrace, pathTrace, SOURCES, treeTrace } from './sampleTraces.js';

describe('counterexampleToDot', () => {
  it('draws a path with the violating state highlighted (golden)', () => {
    expectGolden('dot/pathTrace.dot', counterexampleToDot(pathTrace(), SOURCES));
  });

  it('draws a lasso with a dashed back-edge to the loop start (golden)', () => {
    expectGolden('dot/lassoTrace.dot', counterexampleToDot(lassoTrace(), SOURCES));
  });

  it('draws a fault as an edge into a red octagon (golden)', () => {
    expectGolden('dot/faultTrace.dot', counterexampleToDot(faultTrace(), SOURCES));
  });

  it('is deterministic', () => {
    expect(counterexampleToDot(pathTrace(), SOURCES)).toBe(counterexampleToDot(pathTrace(), SOURCES));
  });

  it('has one box per state and one edge per step', () => {
    const dot = counterexampleToDot(pathTrace(), SOURCES);
    expect(dot.match(/^ {2}s\d+ \[/gm)).toHaveLength(5);
    expect(dot.match(/^ {2}s\d+ -> s\d+ /gm)).toHaveLength(4);
    expect(dot).toContain('s4 [id="s4"');
    expect(dot).toMatch(/s4 \[[^\n]*penwidth=2\];/);
  });

  it('draws the lasso back-edge from the last state without constraining the layout', () => {
    const dot = counterexampleToDot(lassoTrace(), SOURCES);
    expect(dot).toMatch(/ {2}s3 -> s1 \[label="loop", [^\n]*style="dashed,bold"[^\n]*constraint=false\];/);
  });

  it('abbreviates big boxes but keeps every value in the tooltip', () => {
    const dot = counterexampleToDot(pathTrace(), SOURCES, { maxValues: 2 });
    const s0 = dot.split('\n').find((l) => l.startsWith('  s0 ')) ?? '';
    expect(s0).toContain('label="initial state\\lescrow = 10\\ltgt = 0\\l... 4 more (hover for all)\\l"');
    expect(s0).toContain('tooltip="initial state\\nescrow = 10\\ntgt = 0\\nphase = start\\nnote = none');
  });

  it('honours the layout direction and title options', () => {
    const dot = counterexampleToDot(lassoTrace(), SOURCES, { rankdir: 'LR', title: 'a "title"' });
    expect(dot).toContain('graph [rankdir="LR", fontname="Helvetica", fontsize=12, label="a \\"title\\""');
  });
});

describe('counterexampleToDot: witness trees', () => {
  it('draws each branch as a lettered, coloured cluster hanging off its state (golden)', () => {
    expectGolden('dot/treeTrace.dot', counterexampleToDot(treeTrace(), SOURCES));
  });

  it('does not draw a branch\'s first state again: its first step leaves the parent state', () => {
    const dot = counterexampleToDot(treeTrace(), SOURCES);
    expect(dot).toMatch(/^ {2}s1 -> b0s1 \[label="A1\. Poll\\n\(not ready\)\\nescrow\.wf:10"/m);
    expect(dot).toMatch(/^ {2}b0s2 -> b0s1 \[label="loop"[^\n]*constraint=false\];/m);
    expect(dot).not.toContain('b0s0');
    expect(dot).toContain('subgraph cluster_b0 {');
    expect(dot).toMatch(/graph \[label="A: AF o1\.done fails from here"/);
    // A branch without steps is a note on its state.
    expect(dot).toMatch(/^ {2}b1note \[[^\n]*shape="note", label="B: phase == locked is false here"/m);
    expect(dot).toMatch(/^ {2}s0 -> b1note \[style="dashed"/m);
  });

  it('gives nested branches their own ids, letters and colours', () => {
    const tree = treeTrace();
    const inner = treeTrace().branches![0];
    const nested = { ...tree, branches: [{ ...tree.branches![0], witness: { ...tree.branches![0].witness, branches: [{ ...inner, at: 2 }] } }] };
    const dot = counterexampleToDot(nested, SOURCES);
    expect(dot).toContain('subgraph cluster_b0b0 {');
    expect(dot).toMatch(/^ {2}b0s2 -> b0b0s1 \[label="B1\. Poll/m);
    expect(dot).toContain('color="#6a1b9a"');
    expect(dot).toContain('color="#00695c"');
  });

  it('rejects a branch that starts outside its parent trace', () => {
    const tree = { ...treeTrace(), branches: [{ ...treeTrace().branches![0], at: 7 }] };
    expect(() => counterexampleToDot(tree, SOURCES)).toThrow(/starts at state 7/);
  });
});
