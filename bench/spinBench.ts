/**
 * npm run bench:spin: wfcheck against SPIN on the same models with the
 * same state counts (the Promela export), one core each. Prints one table
 * (medians of several runs) with speed and memory per state. Needs spin
 * and gcc on the PATH (apt-get install spin); installs nothing itself.
 * Options: --runs N (3), --min-states N (100000), --only REGEX.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { exportPromela } from '../src/export/exportPromela.js';
import { benchModels, loadBenchModel, type BenchModel } from './spinModels.js';
import { buildPan, runPan, spinMissing, STATE_SPACE_FLAGS, type PanRun } from './spinRun.js';
import { runWfcheck, type WfcheckRun } from './spinWfcheck.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(option('--runs') ?? 3);
const minStates = Number(option('--min-states') ?? 100_000);
const only = option('--only');

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface Row {
  readonly name: string;
  readonly states: number;
  readonly spinSeconds: number;
  readonly wfSeconds: number;
  /** SPIN's CPU seconds over wfcheck's: the speed ratio with other load on the machine factored out. */
  readonly cpuRatio: number;
  readonly spinBytesPerState: number;
  readonly wfBytesPerState: number;
  readonly wfRssGrowthPerState: number;
  readonly spinPeakMb: number;
  readonly wfPeakMb: number;
  readonly buildSeconds: number;
  readonly spinVector: number;
  readonly wfWords: number;
  readonly wfRounds: number;
  readonly problems: readonly string[];
}

const MB = 1024 * 1024;

async function measure(model: BenchModel): Promise<Row> {
  const problems: string[] = [];
  const wf: WfcheckRun[] = [];
  for (let i = 0; i < runs; i++) wf.push(await runWfcheck(model.source));
  const states = wf[0].states;
  if (wf.some((r) => !r.complete || r.states !== states)) problems.push('wfcheck runs disagree or stopped');
  if (model.expectedStates !== undefined && states !== model.expectedStates) problems.push(`MCC oracle says ${model.expectedStates} states`);

  const spec = await loadBenchModel(model.source);
  const promela = exportPromela(spec.model);
  const dir = await mkdtemp(join(tmpdir(), 'wfcheck-bench-spin-'));
  const spin: PanRun[] = [];
  let buildSeconds = 0;
  try {
    const vector = spec.model.slots.size * 4 + 256;
    const build = await buildPan(promela, dir, [...STATE_SPACE_FLAGS, '-DMEMLIM=16384', ...(vector > 1024 ? [`-DVECTORSZ=${vector}`] : [])]);
    buildSeconds = build.spinSeconds + build.gccSeconds;
    // A first run finds the search depth; the measured runs get a stack just deep enough (pan allocates it whole).
    const warm = await runPan(dir, states, { depth: states + 1000 });
    const depth = Math.ceil(warm.depthReached * 1.1) + 100;
    for (let i = 0; i < runs; i++) spin.push(await runPan(dir, states, { depth }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (spin.some((r) => r.statesStored !== states)) problems.push(`SPIN stored ${spin.map((r) => r.statesStored).join('/')} states`);
  const spinPeak = median(spin.map((r) => r.peakRssBytes ?? Number.NaN));
  return {
    name: model.name,
    states,
    spinSeconds: median(spin.map((r) => r.elapsedSeconds)),
    wfSeconds: median(wf.map((r) => r.seconds)),
    cpuRatio: median(spin.map((r) => r.cpuSeconds ?? Number.NaN)) / median(wf.map((r) => r.cpuSeconds)),
    spinBytesPerState: spinPeak / states,
    wfBytesPerState: median(wf.map((r) => r.explorerBytes)) / states,
    wfRssGrowthPerState: median(wf.map((r) => r.peakRssBytes - r.baseRssBytes)) / states,
    spinPeakMb: spinPeak / MB,
    wfPeakMb: median(wf.map((r) => r.peakRssBytes)) / MB,
    buildSeconds,
    spinVector: spin[0].stateVectorBytes,
    wfWords: wf[0].stateWords,
    wfRounds: wf[0].rounds,
    problems,
  };
}

const COLUMNS: readonly [string, number][] = [
  ['model', 36], ['states', 11], ['SPIN s', 8], ['wf s', 8], ['speed x', 8], ['cpu x', 6], ['SPIN B/st', 10], ['wf B/st', 8], ['wf dRSS/st', 11],
  ['SPIN MB', 8], ['wf MB', 8], ['vec B', 6], ['wf w', 5], ['wf r', 5], ['build s', 8],
];

function line(cells: readonly string[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(COLUMNS[i][1]) : c.padStart(COLUMNS[i][1]))).join(' ');
}

function rowCells(r: Row): string[] {
  return [
    r.name, r.states.toLocaleString('en'), r.spinSeconds.toFixed(2), r.wfSeconds.toFixed(2), (r.spinSeconds / r.wfSeconds).toFixed(2), r.cpuRatio.toFixed(2),
    r.spinBytesPerState.toFixed(0), r.wfBytesPerState.toFixed(1), r.wfRssGrowthPerState.toFixed(0), r.spinPeakMb.toFixed(0), r.wfPeakMb.toFixed(0),
    String(r.spinVector), String(r.wfWords), String(r.wfRounds), r.buildSeconds.toFixed(1),
  ];
}

function version(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).split('\n')[0].trim();
  } catch {
    return '?';
  }
}

async function main(): Promise<number> {
  const missing = spinMissing();
  if (missing !== undefined) {
    process.stderr.write(`bench:spin: ${missing}. It is this script's only prerequisite; nothing is installed for you.\n`);
    return 2;
  }
  const models = benchModels(minStates, only === undefined ? undefined : new RegExp(only));
  if (models.length === 0) {
    process.stderr.write('bench:spin: no models (is ../shared/conformance/mcc there? set WFCHECK_MCC_DIR)\n');
    return 2;
  }
  console.log(`${new Date().toISOString()} · ${cpus()[0]?.model ?? '?'} · ${cpus().length} cores · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · node ${process.version}`);
  console.log(`${version('spin', ['-V'])} · ${version('gcc', ['--version'])} · pan ${STATE_SPACE_FLAGS.join(' ')} -DMEMLIM=16384, exhaustive DFS, -c0 · median of ${runs} runs, one core each`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the start`);
  console.log('speed x = SPIN search seconds / wfcheck search seconds (the states/s ratio); cpu x = the same with CPU seconds (whole pan process);');
  console.log('SPIN B/st = peak RSS / states; wf B/st = explorer tables / states;');
  console.log('wf dRSS/st = peak RSS growth while exploring / states; vec B = SPIN state vector; wf w = wfcheck Int32 words per state; wf r = widening rounds (all timed); build s = spin -a + gcc (not counted)');
  console.log(line(COLUMNS.map(([h]) => h)));
  const rows: Row[] = [];
  for (const m of models) {
    const r = await measure(m);
    rows.push(r);
    console.log(line(rowCells(r)) + (r.problems.length > 0 ? `  MISMATCH: ${r.problems.join('; ')}` : ''));
  }
  const speed = rows.map((r) => r.spinSeconds / r.wfSeconds);
  console.log(line(['median', '', '', '', median(speed).toFixed(2), median(rows.map((r) => r.cpuRatio)).toFixed(2), median(rows.map((r) => r.spinBytesPerState)).toFixed(0), median(rows.map((r) => r.wfBytesPerState)).toFixed(1), median(rows.map((r) => r.wfRssGrowthPerState)).toFixed(0), '', '', '', '', '', '']));
  const bad = rows.filter((r) => r.problems.length > 0);
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
  console.log(bad.length === 0 ? `every row's state counts match (${rows.length} models)` : `${bad.length} rows do not match`);
  console.log(`goals: speed x >= 2 on every row (${speed.filter((s) => s >= 2).length}/${rows.length}) and at the median; <= 40 B/state (${rows.filter((r) => r.wfBytesPerState <= 40).length}/${rows.length})`);
  return bad.length === 0 ? 0 : 1;
}

process.exitCode = await main();
