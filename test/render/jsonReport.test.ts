import { describe, expect, it } from 'vitest';
import { reportToJson } from '../../src/render/jsonReport.js';
import { expectGolden } from '../golden/expectGolden.js';
import { faultTrace, sampleReport, SOURCES } from './sampleTraces.js';

describe('reportToJson', () => {
  it('follows the DESIGN.md §6 contract with a stable key order (golden)', () => {
    expectGolden('json/report.json', JSON.stringify(reportToJson(sampleReport(), SOURCES), null, 2) + '\n');
  });

  it('puts the contract keys in their documented order', () => {
    const json = reportToJson(sampleReport(), SOURCES);
    expect(Object.keys(json)).toEqual([
      'file', 'model', 'modelKind', 'states', 'transitions', 'complete', 'stopReason', 'seconds', 'bytesPerState', 'properties',
    ]);
    expect(Object.keys(json.properties[1])).toEqual([
      'name', 'kind', 'formula', 'result', 'expected', 'asExpected', 'states', 'seconds', 'counterexample',
    ]);
    expect(Object.keys(json.properties[1].counterexample ?? {})).toEqual(['kind', 'summary', 'initial', 'steps', 'loopStart']);
  });

  it('gives every step a 1-based number, its name, transition, location and new values', () => {
    const steps = reportToJson(sampleReport(), SOURCES).properties[0].counterexample?.steps ?? [];
    expect(steps[1]).toEqual({
      step: 2,
      name: 'ReleaseFunds',
      transition: 'o1.ReleaseFunds.failed_after_effect',
      kind: 'activity',
      outcome: 'failed_after_effect',
      instance: 'o1',
      location: 'specs/demo/escrow.wf:8:3',
      changes: { escrow: 0, tgt: 10, note: 'odd\\name' },
    });
  });

  it('reports a fault as the step after the last, with its message', () => {
    const r = sampleReport();
    const report = { ...r, properties: [{ ...r.properties[0], counterexample: faultTrace() }] };
    const cex = reportToJson(report, SOURCES).properties[0].counterexample;
    expect(cex?.fault).toEqual({
      step: 2,
      name: 'Überweisung',
      transition: 'Überweisung',
      location: 'specs/demo/escrow.wf:9:3',
      message: 'tgt would become 11, outside 0..10',
    });
  });

  it('leaves optional keys out of complete runs and rounds seconds to milliseconds', () => {
    const r = sampleReport();
    const json = reportToJson({ ...r, complete: true, stopReason: undefined, seconds: 0.1234567 }, SOURCES);
    expect('stopReason' in json).toBe(false);
    expect(json.seconds).toBe(0.123);
    expect(json.properties[3]).toEqual({
      name: 'range', kind: 'range', formula: 'every update stays in its range', result: 'holds',
      asExpected: true, states: 12345, seconds: 1.2,
    });
  });
});
