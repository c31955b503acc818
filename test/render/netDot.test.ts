/**
 * Petri-net and state-machine drawings of the picture fixtures: golden DOT
 * for a workflow, a machine and two plain nets, plus the rules that make
 * them readable (outcome variants share a box, weights only above 1, read
 * arcs as one two-headed line, races as clusters, tokens as dots).
 */
import { describe, expect, it } from 'vitest';
import { netToDot, tokenLabel } from '../../src/render/netDot.js';
import { drawTokenDots, netToSvg } from '../../src/render/netSvg.js';
import { expectGolden } from '../golden/expectGolden.js';
import { loadFixture } from './pictureFixtures.js';

const statements = (dot: string, prefix: RegExp): string[] => dot.split('\n').filter((l) => prefix.test(l));

describe('netToDot (golden)', () => {
  it.each([
    ['tiny-payment', 'workflow'],
    ['door', 'machine'],
    ['philosophers', 'net'],
    ['weighted', 'net with weights'],
  ] as const)('draws %s (%s)', async (name, _kind) => {
    const { spec, sources } = await loadFixture(name);
    const dot = netToDot(spec.model, sources);
    expectGolden(`dot/net-${name}.dot`, dot);
    expect(netToDot(spec.model, sources)).toBe(dot);
  });
});

describe('netToDot: a workflow net', () => {
  it('puts the outcome variants of one call site that move tokens alike in one box', async () => {
    const { spec, sources } = await loadFixture('tiny-payment');
    const dot = netToDot(spec.model, sources);
    const charge = statements(dot, /label="Charge\\n/);
    expect(charge.map((l) => /label="([^"]*)"/.exec(l)![1])).toEqual([
      'Charge\\nok',
      'Charge\\nfailed | failed after effect',
      'Charge\\nretry | retry after effect',
    ]);
    // Every transition is in exactly one box.
    const boxes = statements(dot, /^\s*t\d+ \[/).length;
    expect(boxes).toBeLessThan(spec.model.transitions.size);
  });

  it('draws places as circles holding their initial tokens, the start place with one', async () => {
    const { spec, sources } = await loadFixture('tiny-payment');
    const dot = netToDot(spec.model, sources);
    const marked = statements(dot, /^\s*p\d+ \[/).filter((l) => l.includes('label="●"'));
    expect(marked).toHaveLength(1);
    expect(dot).toContain('node [shape="circle", fixedsize=true');
  });

  it('draws the race as a dashed cluster holding its transitions', async () => {
    const { spec, sources } = await loadFixture('tiny-payment');
    const dot = netToDot(spec.model, sources);
    const cluster = dot.slice(dot.indexOf('subgraph cluster_c_'), dot.indexOf('\n  }', dot.indexOf('subgraph cluster_c_')));
    expect(cluster).toContain('label="race", style="rounded,dashed"');
    expect(cluster).toContain('label="timer 1h fired"');
    expect(cluster).toContain('label="Notify\\nretry"');
  });

  it('shows guards and updates in tooltips, by name, and the data with initial values in a note', async () => {
    const { spec, sources } = await loadFixture('tiny-payment');
    const dot = netToDot(spec.model, sources);
    const ok = statements(dot, /label="Charge\\nok"/)[0];
    expect(ok).toContain('do paid = paid + 1');
    expect(ok).toContain('test/fixtures/pictures/tiny-payment.wf:12:5');
    expect(dot).toMatch(/data0 \[[^\n]*shape="note"[^\n]*label="data\\lpaid: 0\.\.2 = 0\\lrefunded: bool = false\\l"/);
  });

  it('draws an arc that takes and returns a token as one two-headed line', async () => {
    const { spec, sources } = await loadFixture('tiny-payment');
    const dot = netToDot(spec.model, sources);
    const refund = /^\s*(t\d+) \[[^\n]*label="Refund\\nok"/m.exec(dot)![1];
    expect(dot).toMatch(new RegExp(`p\\d+ -> ${refund} \\[dir="both"\\];`));
  });
});

describe('netToDot: plain nets and machines', () => {
  it('labels arcs with weights above 1 only, and shows 4+ tokens as a number', async () => {
    const { spec, sources } = await loadFixture('weighted');
    const dot = netToDot(spec.model, sources);
    expect(statements(dot, / -> /).map((l) => /label="(\d+)"/.exec(l)?.[1] ?? '-')).toEqual(['2', '-', '-', '2', '-', '-', '3', '-']);
    expect(dot).toMatch(/p0 \[[^\n]*label="5"[^\n]*xlabel="items"/);
    expect(dot).toMatch(/p1 \[[^\n]*label="●●"[^\n]*xlabel="boxes"/);
  });

  it('dots for one to three tokens, a number above', () => {
    expect([0, 1, 2, 3, 4, 12].map(tokenLabel)).toEqual(['', '●', '●●', '●\n●●', '4', '12']);
  });

  it('draws a machine with an initial arrow, final states doubled, Event [guard] / action edges', async () => {
    const { spec, sources } = await loadFixture('door');
    const dot = netToDot(spec.model, sources);
    expect(dot).toMatch(/^digraph machine \{/);
    expect(dot).toContain('initial -> s0;');
    expect(dot).toMatch(/s0 -> s1 \[label="push\\n\[opened < 3\]\\n\/ opened = opened \+ 1"/);
    expect(statements(dot, /peripheries=2/).map((l) => /label="(\w+)"/.exec(l)![1]).sort()).toEqual(['Broken', 'Locked']);
    expect(statements(dot, /^\s*s\d+ -> end\d+/)).toHaveLength(2);
  });
});

describe('netToSvg', () => {
  it('draws 1–3 tokens as circles in the SVG and keeps the DOT free of non-ASCII', async () => {
    const { spec, sources } = await loadFixture('weighted');
    const dot = netToDot(spec.model, sources, { tokenGlyphs: false });
    expect(dot).toMatch(/^[\x00-\x7f]*$/);
    const svg = await netToSvg(spec.model, sources);
    expect(svg.match(/<circle class="token"/g)).toHaveLength(2);
    expect(svg).toMatch(/<g id="p0" class="node">[\s\S]*?>5<\/text>/);
  });

  it('places the dots at the centre of the place', () => {
    const svg = '<g id="p3" class="node tok1">\n<title>p3</title>\n<ellipse fill="none" stroke="black" cx="20.5" cy="-40" rx="11.5" ry="11.5"/>\n</g>';
    expect(drawTokenDots(svg)).toContain('<circle class="token" fill="#222222" stroke="none" cx="20.50" cy="-40.00" r="3.2"/>');
    expect(drawTokenDots(svg.replace('tok1', 'tok3')).match(/<circle/g)).toHaveLength(3);
  });
});
