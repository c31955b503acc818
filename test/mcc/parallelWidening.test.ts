/**
 * PNML nets on several threads: each widening round explores in parallel
 * (workers rebuild the net with the round's place capacities), and the
 * check reports what one thread reports — states, edges, token maxima,
 * results, counterexample lengths, UpperBounds answers — on MCC nets that
 * need widening (places above one token) and nets that do not.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/api/checkReport.js';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpec } from '../../src/api/loadSpec.js';
import { mccDirectory, readManifest } from '../../bench/mccConformance.js';

/** Nets that need widening (FMS, CSRepetitions, SimpleLoadBal, DoubleExponent, PGCD, GPPP) and safe ones. */
const NETS = ['FMS-PT-00002', 'CSRepetitions-PT-02', 'SimpleLoadBal-PT-02', 'DoubleExponent-PT-002', 'PGCD-PT-D02N005', 'GPPP-PT-C0001N0000000001', 'Dekker-PT-010', 'Raft-PT-02'];

function outcome(r: CheckReport) {
  return {
    states: r.states,
    transitions: r.transitions,
    complete: r.complete,
    maxTokensInPlace: r.maxTokensInPlace,
    maxTokensPerMarking: r.maxTokensPerMarking,
    properties: r.properties.map((p) => ({ name: p.name, result: p.result, bound: p.bound, steps: p.counterexample?.steps.length })),
  };
}

const manifest = readManifest();

describe('PNML checks with workers', () => {
  const dir = mccDirectory();
  const nets = (manifest?.models ?? []).filter((m) => NETS.includes(m.name) && existsSync(join(dir, m.pnml)));

  it('has the nets', () => {
    expect(nets.length).toBe(NETS.length);
  });

  for (const net of nets) {
    it(`${net.name}: same figures and answers on 2 threads`, async () => {
      const spec = await loadSpec(join(dir, net.pnml));
      const one = outcome(checkSpec(spec));
      expect(one.states).toBe(net.states);
      expect(outcome(checkSpec(spec, { workers: 2 }))).toEqual(one);
      const upper = net.formulas.find((f) => f.category === 'UpperBounds');
      const bounds = upper === undefined ? undefined : join(dir, upper.file);
      if (bounds !== undefined && existsSync(bounds)) {
        const mccFormulas = { file: bounds, text: readFileSync(bounds, 'utf8') };
        expect(outcome(checkSpec(spec, { workers: 2, mccFormulas }))).toEqual(outcome(checkSpec(spec, { mccFormulas })));
      }
    });
  }
});
