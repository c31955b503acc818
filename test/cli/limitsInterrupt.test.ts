/**
 * Ctrl-C and the progress line through the real command, spawned as a
 * process (a copy of the CLI transpiled from the current sources): SIGINT
 * during exploration prints the figures reached and exits 130, leaving no
 * half-written output and the spec untouched; a second Ctrl-C quits at
 * once; without a terminal nothing but results is printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { transferSagaSpec } from '../../bench/sagaModel.js';
import { transpiledCli } from '../pack/transpiledCli.js';

/** About 20 million states: far more than a test waits for. */
const BIG = transferSagaSpec(6);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let bin = '';
beforeAll(() => {
  bin = transpiledCli().bin;
});

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wfcheck-interrupt-'));
  writeFileSync(join(dir, 'big.wf'), BIG);
  return dir;
}

/**
 * Runs the CLI in `dir`; once stderr shows the progress line (so exploration
 * is under way), sends SIGINT `interrupts` times, 50 ms apart.
 */
function runCli(dir: string, args: string[], progress: boolean, interrupts: number): Promise<Run> {
  const env = { ...process.env };
  delete env.WFCHECK_PROGRESS;
  // Forced, because stderr is a pipe here: the line shows when exploration is under way.
  if (progress) env.WFCHECK_PROGRESS = '1';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (interrupts > 0 && !sent && stderr.includes('exploring:')) {
        sent = true;
        for (let i = 0; i < interrupts; i++) setTimeout(() => child.kill('SIGINT'), 50 * i);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('Ctrl-C', () => {
  it('stops the check, prints the figures reached, exits 130; outputs are whole or absent, the spec untouched', async () => {
    const dir = workDir();
    const r = await runCli(dir, ['check', 'big.wf', '--dot', 'cex.dot', '--svg', 'cex.svg', '--report', 'report.html'], true, 1);
    expect(r.code).toBe(130);
    const header = /^big\.wf: system Bank — ([\d,]+) states, [\d,]+ transitions, [\d.]+s, stopped early: interrupted$/m.exec(r.stdout);
    expect(header, r.stdout).not.toBeNull();
    expect(Number(header![1].replace(/,/g, ''))).toBeGreaterThanOrEqual(65_536);
    expect(r.stdout).toContain('0 of 3 as expected, 3 not decided');
    expect(r.stdout).not.toMatch(/\bholds\s+holds\b/);
    expect(r.stderr).toContain('\nwfcheck: interrupted; stopping and printing what was reached (Ctrl-C again quits at once)\n');
    expect(r.stderr).toContain('wfcheck: note: no property is violated, so there is no counterexample to draw; cex.dot and cex.svg not written\n');
    // The progress line is redrawn in place and erased before anything else is printed.
    expect(r.stderr).toMatch(/\r\x1b\[Kexploring: [\d,]+ states, [\d,]+ states\/s, queue [\d,]+, memory [\d.]+ [KMG]iB, \d+s/);
    expect(r.stderr).toContain('\r\x1b[K\nwfcheck: interrupted');
    // Only whole files: the report (written after the stop, atomically), no temporary leftovers.
    expect(readdirSync(dir).sort()).toEqual(['big.wf', 'report.html']);
    expect(readFileSync(join(dir, 'report.html'), 'utf8').trimEnd()).toMatch(/<\/html>$/);
    expect(readFileSync(join(dir, 'big.wf'), 'utf8')).toBe(BIG);
  });

  it('a second Ctrl-C quits at once with 130', async () => {
    const dir = workDir();
    const r = await runCli(dir, ['check', 'big.wf', '--dot', 'cex.dot'], true, 2);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('wfcheck: interrupted; stopping');
    expect(existsSync(join(dir, 'cex.dot'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['big.wf']);
  });
});

describe('progress', () => {
  it('is not shown when stderr is not a terminal: a timed-out run prints only its results (exit 3)', async () => {
    const dir = workDir();
    const r = await runCli(dir, ['check', 'big.wf', '--timeout', '1.5'], false, 0);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^big\.wf: system Bank — [\d,]+ states, .*stopped early: time limit reached$/m);
  });
});
