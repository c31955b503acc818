import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { expectGolden } from '../golden/expectGolden.js';
import { sampleReport } from '../render/sampleTraces.js';
import { fakePipeline, memoryIo } from './memoryIo.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string; calls: number }> {
  const m = memoryIo();
  const fake = fakePipeline(sampleReport());
  const code = await main(argv, m.io, fake.pipeline);
  return { code, stdout: m.stdout(), stderr: m.stderr(), calls: fake.calls.length };
}

describe('help and version', () => {
  it('prints the top-level help on stdout and exits 0 (golden)', async () => {
    const r = await run(['--help']);
    expect(r).toMatchObject({ code: 0, stderr: '', calls: 0 });
    expectGolden('text/help.txt', r.stdout);
  });

  it('prints the check command help (golden)', async () => {
    const r = await run(['check', '--help']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expectGolden('text/checkHelp.txt', r.stdout);
  });

  it('`help check` is the same as `check --help`', async () => {
    expect((await run(['help', 'check'])).stdout).toBe((await run(['check', '--help'])).stdout);
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('usage errors exit 2 with a message on stderr', () => {
  it('no command: shows the help on stderr', async () => {
    const r = await run([]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^Usage: wfcheck \[options\] \[command\]/);
  });

  it('unknown command', async () => {
    expect(await run(['frobnicate', 'x.wf'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "wfcheck: error: unknown command 'frobnicate'\n(run 'wfcheck --help' for usage)\n",
      calls: 0,
    });
  });

  it('missing file argument', async () => {
    expect(await run(['check'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "wfcheck: error: missing required argument 'file'\n(run 'wfcheck check --help' for usage)\n",
      calls: 0,
    });
  });

  it('unknown option', async () => {
    const r = await run(['check', 'x.wf', '--max-state', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "wfcheck: error: unknown option '--max-state'\n(Did you mean --max-states?)\n(run 'wfcheck check --help' for usage)\n",
    );
  });

  it('a bad --max-states value', async () => {
    expect(await run(['check', 'x.wf', '--max-states', 'abc'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "wfcheck: error: option '--max-states <n>' argument 'abc' is invalid. Expected a positive whole number, e.g. 100000.\n" +
        "(run 'wfcheck check --help' for usage)\n",
      calls: 0,
    });
  });

  it('a bad --timeout value', async () => {
    const r = await run(['check', 'x.wf', '--timeout', '-3']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      "wfcheck: error: option '--timeout <seconds>' argument '-3' is invalid. Expected a positive number of seconds, e.g. 60 or 0.5.",
    );
  });

  it('too many arguments', async () => {
    const r = await run(['check', 'a.wf', 'b.wf']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("wfcheck: error: too many arguments for 'check'. Expected 1 argument but got 2.");
  });
});
