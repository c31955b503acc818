/**
 * --fingerprint through the real CLI (in-process): the summary line and the
 * JSON name the mode and its miss probability, verdicts and traces match
 * exact storage, and a limit still gives `unknown`, never `holds`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transferSagaSpec } from '../../bench/sagaModel.js';
import { main } from '../../src/cli/main.js';
import { memoryIo } from './memoryIo.js';

const dir = mkdtempSync(join(tmpdir(), 'wfcheck-fingerprint-'));
const SAGA4 = join(dir, 'saga4.wf');
writeFileSync(SAGA4, transferSagaSpec(4));
const BUG = join(dir, 'bug.wf');
writeFileSync(
  BUG,
  `workflow Counter {
  var n: 0..20 = 0
  main { while n < 20 { n += 1 } }
  invariant small: n < 3
  reachable big: n == 20
  deadlock_free
  ltl ends: F n == 20
}
`,
);

async function run(argv: string[]) {
  const m = memoryIo(dir);
  const code = await main(argv, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

interface JsonReport {
  states: number;
  transitions: number;
  fingerprint?: { bits: number; missProbability: number };
  properties: { name: string; result: string; reason?: string; counterexample?: unknown }[];
}

describe('wfcheck check --fingerprint', () => {
  it('prints the mode and the miss probability in the summary line and the JSON', async () => {
    const r = await run(['check', SAGA4, '--fingerprint']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/saga4\.wf: system Bank — 77,625 states, .*, 64-bit fingerprints \(a state missed with probability <= 1\.6e-10\)$/);
    const fp = JSON.parse((await run(['check', SAGA4, '--fingerprint', '--json'])).stdout) as JsonReport;
    const exact = JSON.parse((await run(['check', SAGA4, '--json'])).stdout) as JsonReport;
    expect(fp.fingerprint).toEqual({ bits: 64, missProbability: (77_625 * 77_624) / 2 / 2 ** 64 });
    expect(exact.fingerprint).toBeUndefined();
    expect([fp.states, fp.transitions]).toEqual([exact.states, exact.transitions]);
    expect(fp.properties.map((p) => p.result)).toEqual(exact.properties.map((p) => p.result));
  });

  it('gives the exact mode\'s counterexample, and unknown (not holds) for ltl', async () => {
    const fp = await run(['check', BUG, '--fingerprint', '--json']);
    const exact = await run(['check', BUG, '--json']);
    expect([fp.code, exact.code]).toEqual([1, 1]);
    const a = JSON.parse(fp.stdout) as JsonReport;
    const b = JSON.parse(exact.stdout) as JsonReport;
    const small = (r: JsonReport) => r.properties.find((p) => p.name === 'small');
    expect(small(a)?.result).toBe('violated');
    expect(small(a)?.counterexample).toEqual(small(b)?.counterexample);
    const ends = a.properties.find((p) => p.name === 'ends');
    expect(ends?.result).toBe('unknown');
    expect(ends?.reason).toMatch(/fingerprint mode .* needs the stored state graph/);
    const text = await run(['check', BUG, '--fingerprint']);
    expect(text.stdout).toContain('--- small: VIOLATED (expected to hold) ---');
  });

  it('stopped at a limit: unknown, never holds', async () => {
    const r = await run(['check', SAGA4, '--fingerprint', '--max-states', '1000', '--json']);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout) as JsonReport;
    expect(json.properties.every((p) => p.result === 'unknown')).toBe(true);
    expect(json.fingerprint?.bits).toBe(64);
  });
});
