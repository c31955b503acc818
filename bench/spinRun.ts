/**
 * Runs SPIN on a Promela file: `spin -a`, gcc on pan.c, then `./pan`, and
 * reads its figures (states stored, errors, elapsed time, peak RSS). Shared
 * by the SPIN state-count test and `npm run bench:spin`; installs nothing.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const TIME = '/usr/bin/time';

function runs(command: string, args: readonly string[]): boolean {
  const r = spawnSync(command, [...args], { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

/** Why SPIN cannot be used here, or undefined when `spin` and `gcc` both run. */
export function spinMissing(): string | undefined {
  if (!runs('spin', ['-V'])) return 'spin is not installed (apt-get install spin)';
  if (!runs('gcc', ['--version'])) return 'gcc is not installed (SPIN compiles its verifier with it)';
  return undefined;
}

interface Finished {
  readonly seconds: number;
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Finished> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 }, (error, stdout, stderr) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      // A non-zero exit is a result here (pan exits 1 on errors); failing to start is not.
      if (error !== null && typeof error.code !== 'number') reject(error);
      else resolve({ seconds, status: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

async function mustRun(command: string, args: readonly string[], cwd: string): Promise<Finished> {
  const r = await run(command, args, cwd);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

export interface PanBuild {
  /** Seconds of `spin -a` and of gcc. */
  readonly spinSeconds: number;
  readonly gccSeconds: number;
}

/** The flags of an exhaustive state-space run: no partial-order reduction, no never claim. */
export const STATE_SPACE_FLAGS: readonly string[] = ['-O2', '-DNOREDUCE', '-DSAFETY', '-DNOCLAIM'];

/** Writes `model.pml` in `dir` and builds `pan` there with the given gcc flags (and spin preprocessor defines, e.g. -DNO_MONITOR). */
export async function buildPan(promela: string, dir: string, cflags: readonly string[] = STATE_SPACE_FLAGS, defines: readonly string[] = []): Promise<PanBuild> {
  await writeFile(join(dir, 'model.pml'), promela);
  // -o2: SPIN would otherwise drop write-only variables from its states and count fewer.
  const spin = await mustRun('spin', ['-o2', ...defines, '-a', 'model.pml'], dir);
  const gcc = await mustRun('gcc', [...cflags, '-o', 'pan', 'pan.c'], dir);
  return { spinSeconds: spin.seconds, gccSeconds: gcc.seconds };
}

export interface PanRun {
  readonly statesStored: number;
  readonly transitions: number;
  readonly errors: number;
  readonly stateVectorBytes: number;
  readonly depthReached: number;
  /** pan's own "elapsed time" (the search, 3 significant digits). */
  readonly elapsedSeconds: number;
  /** Wall-clock seconds of the whole pan process. */
  readonly wallSeconds: number;
  /** Peak resident set size of pan in bytes, when /usr/bin/time is there. */
  readonly peakRssBytes: number | undefined;
  /** User + system CPU seconds of the whole pan process, when /usr/bin/time is there. */
  readonly cpuSeconds: number | undefined;
  readonly depthLimit: number;
  readonly hashBits: number;
  readonly output: string;
}

function figure(output: string, re: RegExp, what: string): number {
  const m = re.exec(output);
  if (m === null) throw new Error(`pan printed no ${what}:\n${output}`);
  return Number(m[1]);
}

export interface PanOptions {
  /** Depth limit; by default 100,000, raised tenfold until the search fits. */
  readonly depth?: number;
  /** More pan arguments. */
  readonly extra?: readonly string[];
}

/**
 * Runs `./pan -c0` (every error counted, the search never stops early)
 * with a hash table of at least twice `expectedStates` slots. A given
 * depth limit that proves too small is an error (the count would be cut short).
 */
export async function runPan(dir: string, expectedStates: number, options: PanOptions = {}): Promise<PanRun> {
  const hashBits = Math.min(30, Math.max(10, Math.ceil(Math.log2(Math.max(2, expectedStates))) + 1));
  const withTime = existsSync(TIME);
  for (let depth = options.depth ?? 100_000; ; depth *= 10) {
    const args = [`-m${depth}`, `-w${hashBits}`, '-c0', ...(options.extra ?? [])];
    const r = withTime ? await run(TIME, ['-v', './pan', ...args], dir) : await run(join(dir, 'pan'), args, dir);
    const output = r.stdout;
    if (output.includes('max search depth too small')) {
      if (options.depth !== undefined) throw new Error(`pan: depth limit ${depth} too small`);
      continue;
    }
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
    return {
      statesStored: figure(output, /([\d.e+]+) states, stored/, 'state count'),
      transitions: figure(output, /([\d.e+]+) transitions \(= /, 'transition count'),
      errors: figure(output, /errors: (\d+)/, 'error count'),
      stateVectorBytes: figure(output, /State-vector (\d+) byte/, 'state vector size'),
      depthReached: figure(output, /depth reached (\d+)/, 'depth reached'),
      elapsedSeconds: figure(output, /pan: elapsed time ([\d.e+-]+) seconds/, 'elapsed time'),
      wallSeconds: r.seconds,
      peakRssBytes: rss === null ? undefined : Number(rss[1]) * 1024,
      cpuSeconds: user === null || system === null ? undefined : Number(user[1]) + Number(system[1]),
      depthLimit: depth,
      hashBits,
      output,
    };
  }
}
