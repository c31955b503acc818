/**
 * One wfcheck measurement for bench:spin, in a process of its own so its
 * peak RSS is this model's alone: load and compile (not timed), then
 * explore on one core watching the invariants, and print the figures as JSON.
 * Usage: node dist/bench/spinWfcheck.js <model.pnml | saga:N>
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { explore } from '../src/explore/explore.js';
import { loadBenchModel } from './spinModels.js';

export interface WfcheckRun {
  readonly states: number;
  readonly transitions: number;
  readonly seconds: number;
  /** User + system CPU seconds of the exploration (GC threads included). */
  readonly cpuSeconds: number;
  /** Bytes of the explorer's tables, as Exploration.bytes reports them. */
  readonly explorerBytes: number;
  /** Resident set size after loading and compiling, before exploring. */
  readonly baseRssBytes: number;
  readonly peakRssBytes: number;
  readonly stateWords: number;
  readonly complete: boolean;
}

async function measure(source: string): Promise<WfcheckRun> {
  const spec = await loadBenchModel(source);
  const watch = spec.model.properties.toArray().flatMap((p, i) => {
    const atom = spec.system.propertyAtoms[i];
    return p.kind === 'invariant' && atom !== undefined ? [atom] : [];
  });
  globalThis.gc?.();
  const baseRssBytes = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const x = explore(spec.system, { watch });
  const used = process.cpuUsage(cpu);
  return {
    states: x.states,
    transitions: x.transitions,
    seconds: x.seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    explorerBytes: x.bytes,
    baseRssBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    stateWords: spec.system.layout.stateWords,
    complete: x.status.kind === 'complete',
  };
}

/** Runs this file in a fresh node for one model. */
export function runWfcheck(source: string): Promise<WfcheckRun> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--expose-gc', script, source], { encoding: 'utf8', maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      if (error !== null) reject(new Error(`wfcheck on ${source} failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as WfcheckRun);
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = process.argv[2];
  if (source === undefined) throw new Error('usage: spinWfcheck.js <model.pnml | saga:N>');
  process.stdout.write(JSON.stringify(await measure(source)) + '\n');
}
