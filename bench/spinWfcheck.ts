/**
 * One wfcheck measurement for bench:spin, in a process of its own so its
 * peak RSS is this model's alone. A PNML net is explored as `wfcheck check
 * net.pnml` does (narrow places, widened on overflow; every round timed); a
 * workflow spec is loaded and compiled (not timed), then explored watching
 * its invariants. Prints the figures as JSON.
 * Usage: node dist/bench/spinWfcheck.js <model.pnml | saga:N>
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { explore } from '../src/explore/explore.js';
import type { Exploration } from '../src/explore/exploration.js';
import { exploreWidening } from '../src/mcc/exploreWidening.js';
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
  /** Explorations run: more than 1 when PNML places had to be widened. */
  readonly rounds: number;
  readonly complete: boolean;
}

interface Measured {
  readonly x: Exploration;
  /** Exploration seconds, wall and CPU, summed over rounds. */
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly stateWords: number;
  readonly rounds: number;
  /** RSS once the (first) system was compiled, before exploring. */
  readonly baseRssBytes: number;
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Each widening round is timed (the user waits for every one), and so is the
 * search for structural bounds; reading and compiling the net for a round are
 * not, as for a spec.
 */
function exploreNet(file: string): Measured {
  const text = readFileSync(file, 'utf8');
  let seconds = 0;
  let cpuSeconds = 0;
  let cpuAt = 0;
  let baseRssBytes = 0;
  const w = exploreWidening(text, file, {
    options: () => {
      globalThis.gc?.();
      if (baseRssBytes === 0) baseRssBytes = process.memoryUsage().rss;
      cpuAt = cpuNow();
      return {};
    },
    onRound: (x) => {
      cpuSeconds += cpuNow() - cpuAt;
      seconds += x.seconds;
    },
  });
  // Finding structural bounds (a parse and a semiflow computation) is work the user waits for too.
  return { x: w.exploration, seconds: seconds + w.boundsSeconds, cpuSeconds: cpuSeconds + w.boundsSeconds, stateWords: w.system.layout.stateWords, rounds: w.rounds, baseRssBytes };
}

async function exploreSpec(source: string): Promise<Measured> {
  const spec = await loadBenchModel(source);
  const watch = spec.model.properties.toArray().flatMap((p, i) => {
    const atom = spec.system.propertyAtoms[i];
    return p.kind === 'invariant' && atom !== undefined ? [atom] : [];
  });
  globalThis.gc?.();
  const baseRssBytes = process.memoryUsage().rss;
  const cpuAt = cpuNow();
  const x = explore(spec.system, { watch });
  return { x, seconds: x.seconds, cpuSeconds: cpuNow() - cpuAt, stateWords: spec.system.layout.stateWords, rounds: 1, baseRssBytes };
}

async function measure(source: string): Promise<WfcheckRun> {
  const m = source.startsWith('saga:') ? await exploreSpec(source) : exploreNet(source);
  return {
    states: m.x.states,
    transitions: m.x.transitions,
    seconds: m.seconds,
    cpuSeconds: m.cpuSeconds,
    explorerBytes: m.x.bytes,
    baseRssBytes: m.baseRssBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    stateWords: m.stateWords,
    rounds: m.rounds,
    complete: m.x.status.kind === 'complete' && m.x.faults.length === 0,
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
