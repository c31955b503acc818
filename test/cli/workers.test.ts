/**
 * --workers through the real CLI (in-process): the same results and
 * figures as one thread, limits still give unknown (exit 3), and the
 * option reaches checkSpec.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transferSagaSpec } from '../../bench/sagaModel.js';
import { main } from '../../src/cli/main.js';
import { sampleReport } from '../render/sampleTraces.js';
import { fakePipeline, memoryIo } from './memoryIo.js';

const dir = mkdtempSync(join(tmpdir(), 'wfcheck-workers-'));
const SAGA3 = join(dir, 'saga3.wf');
writeFileSync(SAGA3, transferSagaSpec(3));

interface JsonReport {
  states: number;
  transitions: number;
  complete: boolean;
  properties: { name: string; result: string }[];
}

async function run(argv: string[]) {
  const m = memoryIo(dir);
  const code = await main(argv, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

function figures(stdout: string) {
  const r = JSON.parse(stdout) as JsonReport;
  return { states: r.states, transitions: r.transitions, complete: r.complete, results: r.properties.map((p) => `${p.name} ${p.result}`) };
}

describe('--workers', () => {
  it('gives the results of one thread', async () => {
    const one = await run(['check', SAGA3, '--json']);
    const two = await run(['check', SAGA3, '--json', '--workers', '2']);
    expect(two.code).toBe(one.code);
    expect(two.stderr).toBe('');
    expect(figures(two.stdout)).toEqual(figures(one.stdout));
  });

  it('with --max-states: unknown, exit 3', async () => {
    const r = await run(['check', SAGA3, '--json', '--workers', '2', '--max-states', '100']);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout) as JsonReport;
    expect(json).toMatchObject({ states: 100, complete: false });
    expect(json.properties.every((p) => p.result === 'unknown')).toBe(true);
  });

  it('is passed to checkSpec', async () => {
    const fake = fakePipeline(sampleReport());
    await main(['check', 'x.wf', '--workers', '3'], memoryIo().io, fake.pipeline);
    expect(fake.calls[0].options.workers).toBe(3);
  });
});
