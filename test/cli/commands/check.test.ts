import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../src/api/checkReport.js';
import { main } from '../../../src/cli/main.js';
import { error, SpecError } from '../../../src/diagnostics/diagnostic.js';
import { counterexampleToDot } from '../../../src/render/counterexampleDot.js';
import { reportToJson } from '../../../src/render/jsonReport.js';
import { expectGolden } from '../../golden/expectGolden.js';
import { pathTrace, sampleReport, SOURCES, SPEC_FILE, SPEC_TEXT } from '../../render/sampleTraces.js';
import { fakePipeline, memoryIo } from '../memoryIo.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wfcheck-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], result: CheckReport | Error = sampleReport(), isTTY = false) {
  const m = memoryIo(dir, isTTY);
  const fake = fakePipeline(result);
  const code = await main(argv, m.io, fake.pipeline);
  return { code, stdout: m.stdout(), stderr: m.stderr(), calls: fake.calls };
}

const [violated, violatedAsExpected, unknown, holds] = sampleReport().properties;
const reportOf = (...properties: CheckReport['properties']): CheckReport => ({ ...sampleReport(), complete: true, properties });

describe('check: text output', () => {
  it('prints the summary, then a trace per violated property (golden)', async () => {
    const r = await run(['check', 'escrow.wf']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expectGolden('text/checkOutput.txt', r.stdout);
    expect(r.stdout).toContain('--- conservation: VIOLATED (expected to hold) ---\nCounterexample (path, 4 steps)');
    expect(r.stdout).toContain('--- terminates: violated as expected ---\nCounterexample (lasso, 3 steps');
  });

  it('colours the marks only on a terminal', async () => {
    expect((await run(['check', 'escrow.wf'])).stdout).not.toContain('\u001b[');
    expect((await run(['check', 'escrow.wf'], sampleReport(), true)).stdout).toContain('\u001b[31;1m✗');
  });

  it('exits 0, 3 or 1 according to the results', async () => {
    expect((await run(['check', 'a.wf'], reportOf(holds, violatedAsExpected))).code).toBe(0);
    expect((await run(['check', 'a.wf'], reportOf(holds, unknown))).code).toBe(3);
    expect((await run(['check', 'a.wf'], reportOf(unknown, violated))).code).toBe(1);
    expect((await run(['check', 'a.wf'], reportOf({ ...holds, expected: 'violated' }))).code).toBe(1);
  });
});

describe('check: options reach the pipeline', () => {
  it('passes properties in order, limits in their units, and resolves the file against cwd', async () => {
    const r = await run(['check', 'specs/a.wf', '--property', 'p1', '--max-states', '1_000', '--property', 'p2', '--timeout', '2.5']);
    expect(r.calls).toEqual([
      { path: join(dir, 'specs/a.wf'), options: { properties: ['p1', 'p2'], maxStates: 1000, timeoutMs: 2500 } },
    ]);
  });

  it('passes the io stop poll through (Ctrl-C when checking becomes interruptible)', async () => {
    const m = memoryIo(dir);
    const fake = fakePipeline(reportOf({ ...unknown, reason: 'interrupted' }));
    const shouldStop = (): boolean => true;
    expect(await main(['check', 'a.wf'], { ...m.io, shouldStop }, fake.pipeline)).toBe(130);
    expect(fake.calls[0].options.shouldStop).toBe(shouldStop);
  });

  it('passes no options when none are given and keeps absolute paths', async () => {
    const r = await run(['check', '/abs/spec.wf']);
    expect(r.calls).toEqual([{ path: '/abs/spec.wf', options: {} }]);
  });
});

describe('check: --json', () => {
  it('prints exactly one JSON object and nothing else', async () => {
    const r = await run(['check', 'escrow.wf', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(JSON.parse(r.stdout)).toEqual(reportToJson(sampleReport(), SOURCES));
    expect(r.stdout).toBe(JSON.stringify(reportToJson(sampleReport(), SOURCES), null, 2) + '\n');
  });
});

describe('check: errors', () => {
  it('prints spec errors with the diagnostics formatter and exits 2', async () => {
    const missing = new SpecError([error('WF501', 'cannot read nope.wf: no such file')]);
    expect(await run(['check', 'nope.wf'], missing)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error WF501: cannot read nope.wf: no such file\n',
    });
    const span = { file: SPEC_FILE, start: SPEC_TEXT.indexOf('conservation'), end: SPEC_TEXT.indexOf('conservation') + 12 };
    const unknownProperty = new SpecError([error('WF401', "no property 'conservaton'", span)], SOURCES);
    const r = await run(['check', 'escrow.wf', '--property', 'conservaton'], unknownProperty);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "specs/demo/escrow.wf:12:13: error WF401: no property 'conservaton'\n" +
        '   |\n12 |   invariant conservation: escrow + tgt == 10\n   |             ^^^^^^^^^^^^\n',
    );
  });

  it('reports anything else as an internal error, exit 4, with the stack only under --debug', async () => {
    const plain = await run(['check', 'a.wf'], new Error('boom'));
    expect(plain).toMatchObject({ code: 4, stdout: '' });
    expect(plain.stderr).toBe(
      'wfcheck: internal error: boom (please report this)\nwfcheck: run again with --debug to see where it happened\n',
    );
    const debug = await run(['check', 'a.wf', '--debug'], new Error('boom'));
    expect(debug.code).toBe(4);
    expect(debug.stderr).toMatch(/^wfcheck: internal error: boom \(please report this\)\nError: boom\n\s+at /);
  });
});

describe('check: --dot and --svg', () => {
  it('writes the first violated counterexample and names the others', async () => {
    const r = await run(['check', 'escrow.wf', '--dot', 'cex.dot', '--svg', 'cex.svg']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'cex.dot'), 'utf8')).toBe(counterexampleToDot(pathTrace(), SOURCES));
    const svg = readFileSync(join(dir, 'cex.svg'), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('ReleaseFunds');
    expect(readdirSync(dir).sort()).toEqual(['cex.dot', 'cex.svg']);
    expect(r.stderr).toBe(
      "wfcheck: note: drawing the counterexample of 'conservation'; also violated: terminates (choose with --property)\n" +
        "wfcheck: wrote the counterexample of 'conservation' to cex.dot\n" +
        "wfcheck: wrote the counterexample of 'conservation' to cex.svg\n",
    );
  });

  it('writes pictures with --json too, keeping stdout pure JSON', async () => {
    const r = await run(['check', 'escrow.wf', '--json', '--dot', 'cex.dot']);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(existsSync(join(dir, 'cex.dot'))).toBe(true);
  });

  it('writes nothing when nothing is violated, and says so', async () => {
    const r = await run(['check', 'a.wf', '--dot', 'cex.dot', '--svg', 'cex.svg'], reportOf(holds));
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    expect(r.stderr).toBe(
      'wfcheck: note: no property is violated, so there is no counterexample to draw; cex.dot and cex.svg not written\n',
    );
  });

  it('refuses to overwrite the spec itself, before checking anything', async () => {
    writeFileSync(join(dir, 'escrow.wf'), SPEC_TEXT);
    for (const argv of [
      ['check', 'escrow.wf', '--dot', 'escrow.wf'],
      ['check', 'escrow.wf', '--svg', './sub/../escrow.wf'],
      ['check', join(dir, 'escrow.wf'), '--dot', 'escrow.wf'],
    ]) {
      const r = await run(argv);
      expect(r).toMatchObject({ code: 2, stdout: '', calls: [] });
      expect(r.stderr).toMatch(/^error WF502: --(dot|svg) \S+ is the spec file itself; refusing to overwrite it\n$/);
    }
    expect(readFileSync(join(dir, 'escrow.wf'), 'utf8')).toBe(SPEC_TEXT);
  });

  it('refuses the same file for --dot and --svg', async () => {
    const r = await run(['check', 'a.wf', '--dot', 'x', '--svg', 'x']);
    expect(r).toMatchObject({ code: 2, stderr: 'error WF502: --dot and --svg name the same file\n', calls: [] });
  });

  it('exits 2 after the results when a picture cannot be written', async () => {
    const r = await run(['check', 'escrow.wf', '--dot', 'no/such/dir/cex.dot']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('conservation');
    expect(r.stderr).toContain('wfcheck: error: cannot write no/such/dir/cex.dot: its directory does not exist\n');
  });
});
