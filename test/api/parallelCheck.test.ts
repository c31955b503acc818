/**
 * `workers` in checkSpec: every bundled spec checked on 2 and 3 threads
 * reports what the sequential check reports (states, transitions, each
 * property's result), with counterexamples of the same length (both are
 * shortest); a max-states stop still gives unknown, never holds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/api/checkReport.js';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import { transferSagaSpec } from '../../bench/sagaModel.js';

function specFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? specFiles(p) : p.endsWith('.wf') ? [p] : [];
    });
}

/** What must not depend on the thread count (timings and table sizes may). */
function outcome(r: CheckReport) {
  return {
    states: r.states,
    transitions: r.transitions,
    complete: r.complete,
    stopReason: r.stopReason,
    properties: r.properties.map((p) => ({ name: p.name, result: p.result, steps: p.counterexample?.steps.length, loop: p.counterexample?.loopStart })),
  };
}

describe('checkSpec with workers', () => {
  const files = specFiles('specs');

  it('finds the bundled specs', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const file of files) {
    it(`${file}: same report on 2 and 3 threads`, () => {
      const spec = loadSpecText(readFileSync(file, 'utf8'), file);
      const sequential = outcome(checkSpec(spec));
      expect(outcome(checkSpec(spec, { workers: 2 }))).toEqual(sequential);
      expect(outcome(checkSpec(spec, { workers: 3 }))).toEqual(sequential);
    });
  }

  it('a max-states stop gives unknown on several threads too', () => {
    const spec = loadSpecText(transferSagaSpec(3), 'saga3.wf');
    const report = checkSpec(spec, { workers: 2, maxStates: 500 });
    expect(report.complete).toBe(false);
    expect(report.stopReason).toBe('max-states');
    expect(report.states).toBe(500);
    expect(report.properties.some((p) => p.result === 'holds')).toBe(false);
  });
});
