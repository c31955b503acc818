/**
 * End-to-end CLI runs on real specs through the real loadSpec/checkSpec:
 * exit codes, pinned output, the --json contract and the golden DOT of the
 * Coinbase counterexample.
 */
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { expectGolden } from '../golden/expectGolden.js';
import { memoryIo } from './memoryIo.js';

const COINBASE = 'specs/payments/coinbase-crosschain-transfer.wf';
const COINBASE_FIXED = 'specs/payments/coinbase-crosschain-transfer-fixed.wf';

async function run(...argv: string[]) {
  const m = memoryIo();
  const code = await main(argv, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

interface JsonStep {
  step: number;
  name: string;
  outcome?: string;
}
interface JsonProperty {
  name: string;
  kind: string;
  formula: string;
  result: string;
  expected?: string;
  counterexample?: { kind: string; steps: JsonStep[]; loopStart?: number };
}
interface JsonReport {
  file: string;
  model: string;
  states: number;
  transitions: number;
  complete: boolean;
  seconds: number;
  properties: JsonProperty[];
}

describe('wfcheck check on real specs', () => {
  it('missing file: exit 2, WF501 on stderr, nothing on stdout', async () => {
    const r = await run('check', 'no/such.wf');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("error WF501: cannot read 'no/such.wf': no such file");
  });

  it('syntax error: exit 2 with a located code frame', async () => {
    const r = await run('check', 'test/fixtures/cli/syntax-error.wf');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectGolden('errors/cli-syntax-error.txt', r.stderr);
  });

  it('the seeded Coinbase spec exits 0: its violations are expected, and the trace is printed', async () => {
    const r = await run('check', COINBASE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- conservation: violated as expected ---');
    expect(r.stdout).toContain('ReleaseFunds  (failed after effect)');
    expect(r.stderr).toBe('');
  });

  it('--json: result violated with the steps LockFunds → … → ReleaseFunds (failed after effect) → UnlockFunds', async () => {
    const r = await run('check', COINBASE, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    // The DESIGN.md §6 contract: these keys, in this order (others may sit between them).
    const keys = Object.keys(report).filter((k) => ['file', 'model', 'states', 'transitions', 'complete', 'seconds', 'properties'].includes(k));
    expect(keys).toEqual(['file', 'model', 'states', 'transitions', 'complete', 'seconds', 'properties']);
    expect(report).toMatchObject({ file: COINBASE, model: 'CrossChainTransfer', complete: true });
    // 157 states (70 before the spec became `cancellable`): pinned so that a change of semantics
    // is noticed (and explained in its commit).
    expect(report.states).toBe(157);
    const conservation = report.properties.find((p) => p.name === 'conservation')!;
    expect(conservation).toMatchObject({ kind: 'invariant', result: 'violated', expected: 'violated', formula: 'src + locked + tgt == 100' });
    const steps = conservation.counterexample!.steps;
    expect(conservation.counterexample!.kind).toBe('path');
    const activities = steps.filter((s) => /^[A-Z]/.test(s.name)).map((s) => `${s.name}${s.outcome && s.outcome !== 'ok' ? ` (${s.outcome})` : ''}`);
    expect(activities).toEqual(['LockFunds', 'MonitorConfirmation', 'ReleaseFunds (failed after effect)', 'UnlockFunds']);
    expect(steps.map((s) => s.step)).toEqual(steps.map((_, i) => i + 1));
  });

  it('the fixed Coinbase spec holds: exit 0, every property holds', async () => {
    const r = await run('check', COINBASE_FIXED, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.properties.map((p) => [p.name, p.result])).toEqual([
      ['in_range', 'holds'],
      ['conservation', 'holds'],
      ['released_only_if_confirmed', 'holds'],
      ['no_stuck_funds', 'holds'],
      ['unlock_survives_cancel', 'holds'],
      ['atomicity_once_locked', 'holds'],
      ['deadlock_free', 'holds'],
    ]);
  });

  it('an unexpected violation exits 1 and the trace points at the spec lines', async () => {
    const r = await run('check', 'test/fixtures/cli/unexpected.wf');
    expect(r.code).toBe(1);
    // Charge retried after its effect landed: the balance is charged twice.
    expect(r.stdout).toContain('Charge  (retry after effect)');
    expect(r.stdout).toContain('unexpected.wf:6');
  });

  it('--max-states below the state count: exit 3, results unknown, never holds', async () => {
    const r = await run('check', COINBASE_FIXED, '--max-states', '10', '--json');
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.complete).toBe(false);
    expect(report.properties.every((p) => p.result === 'unknown')).toBe(true);
  });

  it('--property selects; an unknown name is WF401 with a suggestion', async () => {
    const ok = await run('check', COINBASE, '--property', 'conservation', '--json');
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as JsonReport).properties.map((p) => p.name)).toEqual(['conservation']);
    const bad = await run('check', COINBASE, '--property', 'conservaton');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("error WF401: no property named 'conservaton' in specs/payments/coinbase-crosschain-transfer.wf (did you mean 'conservation'?)");
  });

  it('--dot writes the golden DOT of the Coinbase conservation counterexample; --svg an SVG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfcheck-cli-'));
    const dot = join(dir, 'cex.dot');
    const svg = join(dir, 'cex.svg');
    const r = await run('check', COINBASE, '--property', 'conservation', '--dot', dot, '--svg', svg);
    expect(r.code).toBe(0);
    expectGolden('dot/coinbase-conservation.dot', readFileSync(dot, 'utf8'));
    const picture = readFileSync(svg, 'utf8');
    expect(picture).toMatch(/^<\?xml|^<svg/);
    expect(picture).toContain('ReleaseFunds');
    // Written atomically: no temporary file is left next to the outputs.
    expect(readdirSync(dir).sort()).toEqual(['cex.dot', 'cex.svg']);
    expect(existsSync(COINBASE)).toBe(true);
  });

  it('a folder: every spec below it in one table; exit 0 when every result is as expected', async () => {
    const r = await run('check', 'test/fixtures/folder');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+flow\s+property\s+expected\s+result\s+states\s+time$/);
    expect(lines.filter((l) => l.includes('sub/coinbase-transfer-status')).length).toBe(4);
    expect(lines.filter((l) => l.includes('two-philosophers')).length).toBe(5);
    expect(lines[lines.length - 1]).toBe('2 specs, 9 of 9 results as expected');
  });

  it('a folder with an unexpected result exits 1; a spec that does not load is reported on stderr', async () => {
    const r = await run('check', 'test/fixtures/cli');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('syntax-error.wf:4:9: error WF101');
    expect(r.stdout).toContain('--- unexpected.wf: charged_once: VIOLATED (expected to hold) ---');
    expect(r.stdout.trimEnd().split('\n').some((l) => /specs do not load/.test(l))).toBe(true);
  });

  it('a folder with --json: one object with a report per spec', async () => {
    const r = await run('check', 'test/fixtures/folder', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { folder: string; specs: JsonReport[] };
    // In path order: sub/coinbase-transfer-status.wf, then two-philosophers.wf.
    expect(out.specs.map((s) => s.model)).toEqual(['TransferStatus', 'TwoPhilosophers']);
  });
});

