/**
 * checkSpec with `fingerprint: true` against exact storage on random
 * workflows and systems: the same counts, the same verdicts for what the
 * mode decides (with the same, replayed counterexamples), and an explicit
 * `unknown` naming the mode for what it cannot (ctl, ltl) — never `holds`.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import { SpecError } from '../../src/diagnostics/diagnostic.js';
import type { LoadedSpec } from '../../src/api/loadedSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import { reportToJson } from '../../src/render/jsonReport.js';
import { formatSummary } from '../../src/render/summaryTable.js';
import type { GeneratedSpec } from '../arbitraries/generatedSpec.js';
import { pnmlText } from '../pnml/pnmlText.js';
import { randomSharedSystemSpec, randomWorkflowSpec } from '../arbitraries/randomWorkflowSpec.js';

const deep = process.env.WFCHECK_DEEP !== undefined;
const runs = (base: number) => (deep ? base * 20 : base);
const timeout = deep ? 600_000 : 60_000;

function compareModes(spec: LoadedSpec): void {
  const options = { maxStates: 20_000 };
  const exact = checkSpec(spec, options);
  const fp = checkSpec(spec, { ...options, fingerprint: true });
  expect(fp.states).toBe(exact.states);
  expect(fp.transitions).toBe(exact.transitions);
  expect(fp.complete).toBe(exact.complete);
  expect(exact.fingerprint).toBeUndefined();
  expect(fp.fingerprint?.bits).toBe(64);
  expect(fp.fingerprint!.missProbability).toBeLessThan(1e-9);
  const temporal = new Set(spec.model.properties.toArray().flatMap((p) => (p.kind === 'ctl' || p.kind === 'ltl' ? [p.name] : [])));
  const sources = new Map([[spec.file, spec.text]]);
  const exactJson = reportToJson(exact, sources).properties;
  const fpJson = reportToJson(fp, sources).properties;
  expect(fpJson.map((p) => p.name)).toEqual(exactJson.map((p) => p.name));
  fpJson.forEach((p, k) => {
    if (temporal.has(p.name)) {
      expect(p.result).toBe('unknown');
      expect(p.reason).toMatch(/fingerprint mode/);
    } else {
      expect(p.result).toBe(exactJson[k].result);
      expect(p.reason).toBe(exactJson[k].reason);
      // Same BFS, so the same shortest trace, rebuilt state by state from fingerprints.
      expect(p.counterexample).toEqual(exactJson[k].counterexample);
    }
  });
}

function load(g: GeneratedSpec): LoadedSpec {
  return loadSpecText(g.text, `generated.wf`);
}

describe('checkSpec in fingerprint mode', () => {
  it('agrees with exact storage on random workflows', () => {
    fc.assert(fc.property(randomWorkflowSpec(), (g) => compareModes(load(g))), { numRuns: runs(40), seed: 0xf1a9 });
  }, timeout);

  it('agrees with exact storage on random two-instance systems', () => {
    fc.assert(fc.property(randomSharedSystemSpec(), (g) => compareModes(load(g))), { numRuns: runs(15), seed: 0xf1aa });
  }, timeout);

  it('decides a library spec, replays its counterexamples and says so in the summary and JSON', () => {
    const file = 'specs/advertising/google-ads-bidding.wf';
    const spec = loadSpecText(readFileSync(file, 'utf8'), file);
    compareModes(spec);
    const fp = checkSpec(spec, { fingerprint: true });
    const violated = fp.properties.filter((p) => p.result === 'violated' && p.counterexample !== undefined);
    expect(violated.length).toBeGreaterThan(0);
    expect(formatSummary(fp).split('\n')[0]).toMatch(/64-bit fingerprints \(a state missed with probability <= \d\.\de-\d+\)/);
    const json = reportToJson(fp, new Map([[file, spec.text]]));
    expect(json.fingerprint).toEqual({ bits: 64, missProbability: fp.fingerprint!.missProbability });
    expect(formatSummary(checkSpec(spec, { properties: ['in_range'] }))).not.toMatch(/fingerprint/);
  });

  it('refuses PNML nets with a clear diagnostic', () => {
    const net = loadSpecText(pnmlText({ places: 'i=1 p o', transitions: ['t1: i -> p', 't2: p -> o'] }), 'n.pnml');
    expect(checkSpec(net).complete).toBe(true);
    expect(() => checkSpec(net, { fingerprint: true })).toThrow(SpecError);
    try {
      checkSpec(net, { fingerprint: true });
    } catch (e) {
      expect((e as SpecError).diagnostics[0].message).toMatch(/--fingerprint is not supported for PNML nets/);
    }
  });
});
