/**
 * `wfcheck graph`, `wfcheck net` and `check --report` run in-process on the
 * picture fixtures: where the picture goes (stdout or an atomically written
 * file), its format, the notes on stderr and the exit codes.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { sampleReport } from '../../render/sampleTraces.js';
import { fakePipeline, memoryIo } from '../memoryIo.js';

const FIXTURES = resolve('test/fixtures/pictures');
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wfcheck-pictures-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const m = memoryIo(dir);
  const code = await main(argv, m.io, fakePipeline(sampleReport()).pipeline);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

const fixture = (name: string): string => join(FIXTURES, `${name}.wf`);

describe('wfcheck graph', () => {
  it('prints the DOT of the state graph on stdout', async () => {
    const r = await run('graph', fixture('philosophers'));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^digraph states \{/);
    expect(r.stdout).toContain('s4 (deadlock)');
  });

  it('writes SVG to --out, the format following the extension', async () => {
    const r = await run('graph', fixture('philosophers'), '--out', 'g.svg');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'wfcheck: wrote the state graph (6 states) to g.svg\n' });
    expect(readFileSync(join(dir, 'g.svg'), 'utf8')).toMatch(/<svg[\s\S]*s4 \(deadlock\)/);
    expect(readdirSync(dir)).toEqual(['g.svg']);
  });

  it('--format wins over the extension', async () => {
    await run('graph', fixture('philosophers'), '--out', 'g.svg', '--format', 'dot');
    expect(readFileSync(join(dir, 'g.svg'), 'utf8')).toMatch(/^digraph states/);
  });

  it('says on stderr when it draws a summary instead of every state', async () => {
    const r = await run('graph', fixture('tiny-payment'), '--max-nodes', '10');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'wfcheck: note: 36 states are more than --max-nodes 10; drawing a summary grouped by control location (11 boxes). Raise --max-nodes to draw every state.\n',
    );
    expect(r.stdout).toMatch(/^digraph summary \{/);
  });

  it('labels an incomplete drawing and exits 3 when a limit stops exploration', async () => {
    const r = await run('graph', fixture('tiny-payment'), '--max-states', '5');
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('wfcheck: note: exploration stopped (state limit reached) after 5 states; the drawing is incomplete\n');
    expect(r.stdout).toContain('INCOMPLETE: state limit reached');
  });

  it('rejects a bad format, and refuses to overwrite the spec', async () => {
    const bad = await run('graph', fixture('philosophers'), '--format', 'png');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'png' is invalid. Allowed choices are dot, svg.");
    const self = await run('graph', fixture('philosophers'), '--out', fixture('philosophers'));
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('is the spec file itself; refusing to overwrite it');
  });

  it('reports spec errors like check does (exit 2)', async () => {
    const r = await run('graph', 'no/such.wf');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error WF501: cannot read '[^']*no\/such\.wf': no such file/);
  });
});

describe('wfcheck net', () => {
  it('prints a workflow as a Petri net', async () => {
    const r = await run('net', fixture('tiny-payment'));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^digraph net \{/);
    expect(r.stdout).toContain('label="Charge\\nok"');
  });

  it('writes a machine as an SVG state diagram', async () => {
    const r = await run('net', fixture('door'), '--out', 'door.svg');
    expect(r).toMatchObject({ code: 0, stderr: 'wfcheck: wrote the state machine Door to door.svg\n' });
    expect(readFileSync(join(dir, 'door.svg'), 'utf8')).toMatch(/<svg[\s\S]*>Closed</);
  });

  it('draws token dots in SVG', async () => {
    const r = await run('net', fixture('philosophers'), '--format', 'svg');
    expect(r.stdout.match(/<circle class="token"/g)).toHaveLength(4);
  });

  it('exits 2 when the file cannot be written', async () => {
    const r = await run('net', fixture('door'), '--out', 'missing/dir/door.dot');
    expect(r).toMatchObject({ code: 2, stderr: 'wfcheck: error: cannot write missing/dir/door.dot: its directory does not exist\n' });
  });
});

describe('wfcheck check --report', () => {
  it('writes the HTML report next to the usual output and keeps the exit code', async () => {
    const r = await run('check', 'escrow.wf', '--report', 'report.html');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--- conservation: VIOLATED (expected to hold) ---');
    expect(r.stderr).toBe('wfcheck: wrote the report to report.html\n');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html.match(/<section id="cex-/g)).toHaveLength(2);
    expect(html.match(/<div class="picture"><svg /g)).toHaveLength(2);
  });

  it('refuses a report path that is the spec itself, before checking', async () => {
    const r = await run('check', 'escrow.wf', '--report', 'escrow.wf');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--report escrow.wf is the spec file itself');
    expect(existsSync(join(dir, 'escrow.wf'))).toBe(false);
  });

  it('exits 2 when the report cannot be written', async () => {
    const r = await run('check', 'escrow.wf', '--report', 'no/dir/r.html');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wfcheck: error: cannot write no/dir/r.html: its directory does not exist\n');
  });
});
