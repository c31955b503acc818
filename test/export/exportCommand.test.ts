/**
 * `wfcheck export --promela`, run in-process through main(): stdout or an
 * --out file, a .wf spec or a .pnml net, and the usage errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../cli/memoryIo.js';
import { pnmlText } from '../pnml/pnmlText.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wfcheck-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const m = memoryIo(dir);
  const code = await main(argv, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

const NET = `net Mutex {
  place idle1 = 1, idle2 = 1, lock = 1, cs1, cs2
  transition enter1: idle1 + lock -> cs1
  transition leave1: cs1 -> idle1 + lock
  transition enter2: idle2 + lock -> cs2
  transition leave2: cs2 -> idle2 + lock
  invariant exclusive: cs1 + cs2 <= 1
}
`;

describe('wfcheck export --promela', () => {
  it('prints the Promela model on stdout', async () => {
    writeFileSync(join(dir, 'mutex.wf'), NET);
    const r = await run(['export', '--promela', 'mutex.wf']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\/\*\n \* net Mutex, exported by wfcheck: 5 slots, 4 transitions\./);
    expect(r.stdout.match(/\/\* t\d+ net \w+ \*\/\n  :: d_step/g)).toHaveLength(4);
    expect(r.stdout).toContain('/* invariant exclusive */\n  :: d_step { !((p_cs1 + p_cs2) <= 1) -> assert(((p_cs1 + p_cs2) <= 1)) }');
  });

  it('writes --out and says so on stderr; --no-properties leaves the monitor out', async () => {
    writeFileSync(join(dir, 'mutex.wf'), NET);
    const r = await run(['export', '--promela', 'mutex.wf', '--out', 'mutex.pml', '--no-properties']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('wfcheck: wrote the Promela model of net Mutex to mutex.pml\n');
    const text = readFileSync(join(dir, 'mutex.pml'), 'utf8');
    expect(text).toContain('byte p_lock = 1; /* place lock: 0..255 */');
    expect(text).not.toContain('monitor');
  });

  it('exports a PNML net', async () => {
    writeFileSync(join(dir, 'net.pnml'), pnmlText({ places: 'i=1 p q o', transitions: ['t1: i -> p + q', 't2: p + q -> o'] }));
    const r = await run(['export', '--promela', 'net.pnml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('byte p_i = 1;');
    expect(r.stdout.match(/:: d_step/g)).toHaveLength(2);
  });

  it('asks for a format, refuses to overwrite the spec, and reports unreadable files', async () => {
    writeFileSync(join(dir, 'mutex.wf'), NET);
    const noFormat = await run(['export', 'mutex.wf']);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain('choose what to export: --promela');
    const overwrite = await run(['export', '--promela', 'mutex.wf', '--out', 'mutex.wf']);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain('--out mutex.wf is the spec file itself');
    expect(readFileSync(join(dir, 'mutex.wf'), 'utf8')).toBe(NET);
    const absent = await run(['export', '--promela', 'absent.wf']);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/cannot read '.*absent\.wf': no such file/);
  });
});
