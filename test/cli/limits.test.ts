/**
 * Limits through the real CLI (in-process): --max-states, --timeout and
 * --max-memory stop exploration with `unknown` results and the figures
 * reached (exit 3), never `holds`; a violation found before the limit
 * stays a violation; bad sizes are usage errors with pinned messages.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transferSagaSpec } from '../../bench/sagaModel.js';
import { main } from '../../src/cli/main.js';
import { parseMemorySize } from '../../src/cli/memorySize.js';
import type { Progress } from '../../src/explore/exploration.js';
import { sampleReport } from '../render/sampleTraces.js';
import { fakePipeline, memoryIo } from './memoryIo.js';

const dir = mkdtempSync(join(tmpdir(), 'wfcheck-limits-'));
/** 77,625 states when explored fully. */
const SAGA4 = join(dir, 'saga4.wf');
/** 1,265,625 states. */
const SAGA5 = join(dir, 'saga5.wf');
writeFileSync(SAGA4, transferSagaSpec(4));
writeFileSync(SAGA5, transferSagaSpec(5));
const SHALLOW_BUG = join(dir, 'shallow.wf');
writeFileSync(
  SHALLOW_BUG,
  `workflow Counter {
  var n: 0..1000 = 0
  main { while n < 1000 { n += 1 } }
  invariant small: n < 3
  reachable big: n == 1000
  deadlock_free
}
`,
);

interface JsonReport {
  states: number;
  complete: boolean;
  properties: { name: string; result: string }[];
}

async function run(argv: string[], onProgress?: (p: Progress) => void) {
  const m = memoryIo(dir);
  const code = await main(argv, { ...m.io, ...(onProgress ? { onProgress } : {}) });
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

function header(stdout: string): string {
  return stdout.split('\n')[0];
}

describe('limits give unknown with the figures reached (exit 3), never holds', () => {
  it('--max-states: exactly that many states, every result unknown', async () => {
    const r = await run(['check', SAGA4, '--max-states', '1000']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('');
    expect(header(r.stdout)).toMatch(/^.*saga4\.wf: system Bank — 1,000 states, [\d,]+ transitions, [\d.]+s, stopped early: state limit reached$/);
    expect(r.stdout).toContain('0 of 3 as expected, 3 not decided');
    const json = JSON.parse((await run(['check', SAGA4, '--max-states', '1000', '--json'])).stdout) as JsonReport;
    expect(json).toMatchObject({ states: 1000, complete: false });
    expect(json.properties.map((p) => p.result)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('--timeout: stops on the clock with the states reached', async () => {
    const r = await run(['check', SAGA5, '--timeout', '0.001', '--json']);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout) as JsonReport;
    expect(json.complete).toBe(false);
    expect(json.states).toBeGreaterThan(0);
    expect(json.states).toBeLessThan(1_265_625);
    expect(json.properties.every((p) => p.result === 'unknown')).toBe(true);
    expect(header((await run(['check', SAGA5, '--timeout', '0.001'])).stdout)).toMatch(/stopped early: time limit reached$/);
  });

  it('--max-memory: stops before the tables outgrow the budget', async () => {
    const r = await run(['check', SAGA4, '--max-memory', '256K']);
    expect(r.code).toBe(3);
    expect(header(r.stdout)).toMatch(/^.*saga4\.wf: system Bank — [\d,]+ states, .*stopped early: memory limit reached$/);
    const json = JSON.parse((await run(['check', SAGA4, '--max-memory', '256K', '--json'])).stdout) as JsonReport;
    expect(json.complete).toBe(false);
    expect(json.properties.every((p) => p.result === 'unknown')).toBe(true);
  });

  it('a violation found before the limit stays violated (exit 1); what needs the rest is unknown', async () => {
    const r = await run(['check', SHALLOW_BUG, '--max-states', '10', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as JsonReport;
    expect(json.properties.map((p) => [p.name, p.result])).toEqual([
      ['in_range', 'unknown'],
      ['small', 'violated'],
      ['big', 'unknown'],
      ['deadlock_free', 'unknown'],
    ]);
  });

  it('a limited run writes only whole files: the DOT of what was found, no temporary files', async () => {
    const out = mkdtempSync(join(tmpdir(), 'wfcheck-limits-out-'));
    const r = await run(['check', SHALLOW_BUG, '--max-states', '10', '--dot', join(out, 'cex.dot')]);
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual(['cex.dot']);
    const none = mkdtempSync(join(tmpdir(), 'wfcheck-limits-out-'));
    expect((await run(['check', SAGA4, '--max-states', '10', '--dot', join(none, 'cex.dot')])).code).toBe(3);
    expect(readdirSync(none)).toEqual([]);
  });
});

describe('--max-memory values', () => {
  it('reads sizes as people write them (binary units)', () => {
    expect(parseMemorySize('512M')).toBe(512 * 2 ** 20);
    expect(parseMemorySize('2G')).toBe(2 ** 31);
    expect(parseMemorySize('1.5g')).toBe(1.5 * 2 ** 30);
    expect(parseMemorySize('64KiB')).toBe(64 * 1024);
    expect(parseMemorySize('100MB')).toBe(100 * 2 ** 20);
    expect(parseMemorySize(' 100000 ')).toBe(100000);
  });

  it('passes the bytes to the checker', async () => {
    const fake = fakePipeline(sampleReport());
    await main(['check', 'x.wf', '--max-memory', '2G'], memoryIo().io, fake.pipeline);
    expect(fake.calls[0].options.maxMemoryBytes).toBe(2 ** 31);
  });

  it.each(['abc', '0', '512X', '-1G', '100', 'G'])('rejects %j with a usage error (exit 2)', async (value) => {
    const m = memoryIo();
    const code = await main(['check', 'x.wf', '--max-memory', value], m.io, fakePipeline(sampleReport()).pipeline);
    expect(code).toBe(2);
    expect(m.stderr()).toBe(
      `wfcheck: error: option '--max-memory <size>' argument '${value}' is invalid. Expected a memory size such as 512M or 2G (at least 1K).\n` +
        "(run 'wfcheck check --help' for usage)\n",
    );
  });
});

describe('progress figures reach the io only for text output', () => {
  it('text: figures every 65,536 states while exploring; --json: none', async () => {
    const seen: Progress[] = [];
    const r = await run(['check', SAGA4], (p) => seen.push(p));
    expect(r.code).toBe(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0].states).toBeGreaterThanOrEqual(65_536);
    expect(seen[0].bytes).toBeGreaterThan(0);
    const quiet: Progress[] = [];
    expect((await run(['check', SAGA4, '--json'], (p) => quiet.push(p))).code).toBe(0);
    expect(quiet).toEqual([]);
  });
});
