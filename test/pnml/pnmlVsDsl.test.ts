/**
 * Differential: random P/T nets written both as PNML and as the DSL's `net`
 * must give the same reachability graph figures (states, edges, deadlocks)
 * through the whole pipeline — the PNML one with its place widening.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import { explore } from '../../src/explore/explore.js';
import { dslNetText, pnmlText, type NetLines } from './pnmlText.js';

const RUNS = process.env.WFCHECK_DEEP ? 2000 : 100;

const arcs = (places: number) =>
  fc.array(fc.tuple(fc.nat({ max: places - 1 }), fc.constantFrom(1, 1, 1, 2, 3)), { maxLength: 3 }).map((xs) => xs.map(([p, w]) => `${w}*p${p}`).join(' + '));

const netArb: fc.Arbitrary<NetLines> = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.record({
    places: fc.array(fc.constantFrom(0, 0, 1, 1, 2, 3), { minLength: n, maxLength: n }).map((ms) => ms.map((m, i) => `p${i}=${m}`).join(' ')),
    transitions: fc.array(fc.tuple(arcs(n), arcs(n)), { minLength: 1, maxLength: 5 }).map((ts) => ts.map(([pre, post], i) => `t${i}: ${pre} -> ${post}`)),
  }),
);

describe('PNML and DSL nets agree', () => {
  it('on states, edges and deadlocks of random nets', () => {
    fc.assert(
      fc.property(netArb, fc.boolean(), (net, page) => {
        const dsl = loadSpecText(dslNetText(net, 'N', 4000), 'n.wf');
        const reference = explore(dsl.system, { maxStates: 3000 });
        // Nets that outgrow the bound are compared only where both stop for the same reason.
        fc.pre(reference.status.kind === 'complete' && reference.faults.length === 0);
        const report = checkSpec(loadSpecText(pnmlText(net, { page }), 'n.pnml'), { maxStates: 3000 });
        expect([report.states, report.transitions, report.complete]).toEqual([reference.states, reference.transitions, true]);
        const deadlock = report.properties.find((p) => p.name === 'deadlock_free')!;
        expect(deadlock.result === 'violated').toBe(reference.deadlockCount > 0);
      }),
      { numRuns: RUNS, seed: 7 },
    );
  });
});
