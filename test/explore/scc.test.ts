/**
 * Tarjan's SCCs against a brute-force reference (u and v share a component
 * iff each reaches the other) on random graphs, the reverse topological id
 * order, and a chain long enough to overflow any recursive version.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StateGraph } from '../../src/explore/exploration.js';
import { nonTrivialComponents, stronglyConnectedComponents } from '../../src/explore/scc.js';
import { numRuns, propertyTimeout } from '../arbitraries/randomSystem.js';

function graphOf(states: number, edges: ReadonlyArray<readonly [number, number]>): StateGraph {
  const bySource: number[][] = Array.from({ length: states }, () => []);
  for (const [u, v] of edges) bySource[u].push(v);
  const offsets = new Int32Array(states + 1);
  const targets: number[] = [];
  bySource.forEach((succ, u) => {
    targets.push(...succ);
    offsets[u + 1] = targets.length;
  });
  return { states, offsets, targets: Int32Array.from(targets), labels: new Int32Array(targets.length) };
}

/** reach[u][v]: v is reachable from u in zero or more steps. */
function reachability(g: StateGraph): boolean[][] {
  return Array.from({ length: g.states }, (_, u) => {
    const seen = new Array<boolean>(g.states).fill(false);
    const todo = [u];
    seen[u] = true;
    while (todo.length > 0) {
      const x = todo.pop()!;
      for (let e = g.offsets[x]; e < g.offsets[x + 1]; e++) {
        const y = g.targets[e];
        if (!seen[y]) {
          seen[y] = true;
          todo.push(y);
        }
      }
    }
    return seen;
  });
}

const randomGraph = fc
  .integer({ min: 0, max: 24 })
  .chain((n) =>
    fc.record({
      states: fc.constant(n),
      edges: n === 0 ? fc.constant([] as [number, number][]) : fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
    }),
  );

describe('stronglyConnectedComponents', () => {
  it('agrees with mutual reachability, numbers components in reverse topological order', () => {
    fc.assert(
      fc.property(randomGraph, ({ states, edges }) => {
        const g = graphOf(states, edges);
        const { count, component } = stronglyConnectedComponents(g);
        const reach = reachability(g);
        for (let u = 0; u < states; u++) {
          expect(component[u]).toBeGreaterThanOrEqual(0);
          expect(component[u]).toBeLessThan(count);
          for (let v = 0; v < states; v++) {
            expect(component[u] === component[v]).toBe(reach[u][v] && reach[v][u]);
          }
        }
        for (const [u, v] of edges) expect(component[u]).toBeGreaterThanOrEqual(component[v]);
        expect(new Set(component).size).toBe(count);
      }),
      { numRuns: numRuns(300) },
    );
  }, propertyTimeout);

  it('marks components with a cycle as non-trivial', () => {
    fc.assert(
      fc.property(randomGraph, ({ states, edges }) => {
        const g = graphOf(states, edges);
        const sccs = stronglyConnectedComponents(g);
        const flags = nonTrivialComponents(g, sccs);
        const reach = reachability(g);
        for (let u = 0; u < states; u++) {
          // u lies on a cycle iff some successor reaches back to u.
          const onCycle = edges.some(([a, b]) => a === u && reach[b][u]);
          expect(flags[sccs.component[u]] === 1).toBe(onCycle);
        }
      }),
      { numRuns: numRuns(200) },
    );
  }, propertyTimeout);

  it('handles the empty graph', () => {
    expect(stronglyConnectedComponents(graphOf(0, []))).toEqual({ count: 0, component: new Int32Array(0) });
  });

  it('runs without recursion: a 200,000-state chain and a 200,000-state cycle', () => {
    const n = 200_000;
    const chain = graphOf(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const));
    const c = stronglyConnectedComponents(chain);
    expect(c.count).toBe(n);
    // The sink (last state) closes first.
    expect(c.component[n - 1]).toBe(0);
    expect(c.component[0]).toBe(n - 1);
    const cycle = graphOf(n, Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as const));
    const k = stronglyConnectedComponents(cycle);
    expect(k.count).toBe(1);
    expect(nonTrivialComponents(cycle, k)).toEqual(Uint8Array.of(1));
  });
});
