/**
 * reachableGraphOf: the complete graph is the explorer's own; a graph cut
 * short by a limit must be exactly the complete graph restricted to the
 * stored states, with the states that lost successors marked as cut.
 */
import { describe, expect, it } from 'vitest';
import { reachableGraphOf } from '../../src/api/stateGraph.js';
import type { ReachableGraph } from '../../src/render/reachableGraph.js';
import { loadFixture } from '../render/pictureFixtures.js';

/** Edges as `from-vector > to-vector : transition` strings, comparable across explorations. */
function edgeKeys(g: ReachableGraph): { edges: Set<string>; states: string[] } {
  const s = new Int32Array(g.store.stateWords);
  const states = Array.from({ length: g.graph.states }, (_, i) => {
    g.store.read(i, s);
    return Array.from(s).join(',');
  });
  const edges = new Set<string>();
  for (let i = 0; i < g.graph.states; i++) {
    for (let e = g.graph.offsets[i]; e < g.graph.offsets[i + 1]; e++) edges.add(`${states[i]}>${states[g.graph.targets[e]]}:${g.graph.labels[e]}`);
  }
  return { edges, states };
}

describe('reachableGraphOf', () => {
  it('returns the complete graph with nothing cut', async () => {
    const { spec } = await loadFixture('tiny-payment');
    const g = reachableGraphOf(spec);
    expect(g.complete).toBe(true);
    expect(g.graph.states).toBe(36);
    expect(g.cut.every((c) => c === 0)).toBe(true);
    expect(g.invariants.map((i) => i.name)).toEqual(['charged_once']);
  });

  it.each([1, 3, 8, 20, 35])('cut at %i states: the complete graph restricted to the stored states', async (maxStates) => {
    const { spec } = await loadFixture('tiny-payment');
    const full = edgeKeys(reachableGraphOf(spec));
    const part = reachableGraphOf(spec, { maxStates });
    expect(part.complete).toBe(false);
    const cut = edgeKeys(part);
    const stored = new Set(cut.states);
    const expected = [...full.edges].filter((e) => {
      const [from, rest] = e.split('>');
      return stored.has(from) && stored.has(rest.split(':')[0]);
    });
    expect([...cut.edges].sort()).toEqual(expected.sort());
    cut.states.forEach((vector, i) => {
      const leaves = [...full.edges].some((e) => e.startsWith(`${vector}>`) && !stored.has(e.split('>')[1].split(':')[0]));
      expect(part.cut[i] === 1).toBe(leaves);
    });
  });
});
