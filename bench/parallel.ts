/**
 * npm run bench:parallel: sequential BFS against the parallel explorer
 * (--workers N threads) on the same models, with states/s, CPU seconds and
 * the speedup. Models: `saga:N` or .pnml paths, else the bench:spin set
 * (--only REGEX). Worker threads are started once (a warm-up run), as a
 * long check would; each run still rebuilds the system in every worker.
 * Usage: node dist/bench/parallel.js [--workers 2,3] [--runs 3] [--only RE] [model…]
 */
import { specSource } from '../src/api/workerSystem.js';
import { explore } from '../src/explore/explore.js';
import type { Exploration } from '../src/explore/exploration.js';
import { exploreParallel } from '../src/explore/parallel/exploreParallel.js';
import { benchModels, loadBenchModel } from './spinModels.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const workerCounts = (option('--workers') ?? '2').split(',').map(Number).filter((n) => n >= 1);
const runs = Number(option('--runs') ?? '3');
const only = option('--only');
const flagged = new Set(['--workers', '--runs', '--only'].flatMap((f) => [f, option(f)]));
const given = process.argv.slice(2).filter((a) => !flagged.has(a));
const models = given.length > 0 ? given.map((source) => ({ name: source, source })) : benchModels(100_000, only ? new RegExp(only) : undefined);

function row(cells: (string | number)[]): string {
  const widths = [36, 12, 8, 9, 9, 12, 9];
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
}

interface Timed {
  readonly x: Exploration;
  readonly seconds: number;
  readonly cpu: number;
}

async function main(): Promise<void> {
  const warm = await loadBenchModel('saga:3');
  const t0 = performance.now();
  for (const n of workerCounts) if (n > 1) exploreParallel(warm.system, {}, { workers: n, source: specSource(warm) });
  const startup = (performance.now() - t0) / 1000;
  console.log(`node ${process.version}; median of ${runs} runs; speed x = sequential seconds / these seconds; cpu s = all threads`);
  console.log(`starting the workers (once per process, with a 4,725-state warm-up run): ${startup.toFixed(2)} s`);
  console.log(row(['model', 'states', 'threads', 'seconds', 'cpu s', 'states/s', 'speed x']));
  for (const m of models) {
    const spec = await loadBenchModel(m.source);
    const median = (threads: number): Timed => {
      const all: Timed[] = [];
      for (let r = 0; r < runs; r++) {
        globalThis.gc?.();
        const cpu = process.cpuUsage();
        const t0 = performance.now();
        const x = threads > 1 ? exploreParallel(spec.system, {}, { workers: threads, source: specSource(spec) }) : explore(spec.system, {});
        const seconds = (performance.now() - t0) / 1000;
        const used = process.cpuUsage(cpu);
        all.push({ x, seconds, cpu: (used.user + used.system) / 1e6 });
      }
      return all.sort((a, b) => a.seconds - b.seconds)[Math.floor(all.length / 2)];
    };
    const base = median(1);
    const print = (threads: number, t: Timed): void =>
      console.log(row([m.name, t.x.states.toLocaleString('en'), threads, t.seconds.toFixed(2), t.cpu.toFixed(2), Math.round(t.x.states / t.seconds).toLocaleString('en'), (base.seconds / t.seconds).toFixed(2)]));
    print(1, base);
    for (const n of workerCounts.filter((k) => k > 1)) {
      const t = median(n);
      if (t.x.states !== base.x.states || t.x.transitions !== base.x.transitions) throw new Error(`${m.name}: ${n} threads found ${t.x.states} states, sequential ${base.x.states}`);
      print(n, t);
    }
  }
}

await main();
