/**
 * `wfcheck check <file>`: check a spec's properties, print the summary and
 * the traces people need (or one JSON object), optionally draw the first
 * counterexample as DOT/SVG, and turn the results into an exit code.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { CheckReport, PropertyReport } from '../../api/checkReport.js';
import { isAsExpected } from '../../api/checkReport.js';
import type { CheckSpecOptions } from '../../api/checkSpec.js';
import type { Progress } from '../../explore/exploration.js';
import { error, SpecError } from '../../diagnostics/diagnostic.js';
import { counterexampleToDot } from '../../render/counterexampleDot.js';
import { reportToJson } from '../../render/jsonReport.js';
import { formatSummary } from '../../render/summaryTable.js';
import { dotToSvg } from '../../render/svg.js';
import { formatTrace } from '../../render/textTrace.js';
import type { CheckPipeline } from '../checkPipeline.js';
import { isDirectory, runCheckFolder } from './checkFolder.js';
import type { CliIo } from '../cliIo.js';
import { ExitCode, exitCodeForReport } from '../exitCodes.js';
import { describeWriteError, sameFile, writeFileAtomic } from '../writeAtomic.js';

export interface CheckCommandOptions {
  readonly property: readonly string[];
  /** Extra formulas to check (CLI --formula), named formula1, formula2, … */
  readonly formula?: readonly string[];
  readonly json?: boolean;
  readonly dot?: string;
  readonly svg?: string;
  readonly maxStates?: number;
  /** Already converted from seconds. */
  readonly timeoutMs?: number;
  readonly maxMemoryBytes?: number;
  /** Exploring threads (--workers). */
  readonly workers?: number;
  /** Store fingerprints instead of states (the summary and JSON then show the miss probability). */
  readonly fingerprint?: boolean;
  /** Live figures of the exploration (the progress line). */
  readonly onProgress?: (p: Progress) => void;
  /** An MCC `<property-set>` XML file whose properties are checked instead of the spec's. */
  readonly mccFormulas?: string;
  /** Print MCC-style answer lines instead of the table. */
  readonly mcc?: boolean;
}

interface Picture {
  readonly option: '--dot' | '--svg';
  /** As typed, for messages. */
  readonly given: string;
  readonly path: string;
}

function usage(message: string): SpecError {
  return new SpecError([error('WF502', message)]);
}

/** Relative paths are resolved against io.cwd; unchanged when that is the process's own cwd, so traces show what the user typed. */
function specPathFor(file: string, io: CliIo): string {
  return isAbsolute(file) || io.cwd === process.cwd() ? file : resolve(io.cwd, file);
}

async function picturesFor(file: string, options: CheckCommandOptions, io: CliIo): Promise<Picture[]> {
  const pictures: Picture[] = [];
  if (options.dot !== undefined) pictures.push({ option: '--dot', given: options.dot, path: resolve(io.cwd, options.dot) });
  if (options.svg !== undefined) pictures.push({ option: '--svg', given: options.svg, path: resolve(io.cwd, options.svg) });
  const spec = resolve(io.cwd, file);
  for (const p of pictures) {
    if (await sameFile(p.path, spec)) {
      throw usage(`${p.option} ${p.given} is the spec file itself; refusing to overwrite it`);
    }
  }
  if (pictures.length === 2 && (await sameFile(pictures[0].path, pictures[1].path))) {
    throw usage('--dot and --svg name the same file');
  }
  return pictures;
}

function traceHeading(p: PropertyReport): string {
  return isAsExpected(p) ? `--- ${p.name}: violated as expected ---` : `--- ${p.name}: VIOLATED (expected to hold) ---`;
}

function printText(report: CheckReport, sources: ReadonlyMap<string, string>, io: CliIo): void {
  io.stdout(formatSummary(report, { color: io.isTTY }));
  for (const p of report.properties) {
    if (p.result !== 'violated' || p.counterexample === undefined) continue;
    io.stdout(`\n${traceHeading(p)}\n${formatTrace(p.counterexample, sources)}`);
  }
}

async function drawPictures(
  pictures: readonly Picture[],
  report: CheckReport,
  sources: ReadonlyMap<string, string>,
  io: CliIo,
): Promise<boolean> {
  if (pictures.length === 0) return true;
  const violated = report.properties.filter((p) => p.result === 'violated' && p.counterexample !== undefined);
  const names = pictures.map((p) => p.given).join(' and ');
  const chosen = violated[0];
  if (chosen?.counterexample === undefined) {
    io.stderr(`wfcheck: note: no property is violated, so there is no counterexample to draw; ${names} not written\n`);
    return true;
  }
  if (violated.length > 1) {
    const others = violated.slice(1).map((p) => p.name).join(', ');
    io.stderr(`wfcheck: note: drawing the counterexample of '${chosen.name}'; also violated: ${others} (choose with --property)\n`);
  }
  const dot = counterexampleToDot(chosen.counterexample, sources);
  for (const picture of pictures) {
    const text = picture.option === '--dot' ? dot : await dotToSvg(dot);
    try {
      await writeFileAtomic(picture.path, text);
    } catch (e) {
      io.stderr(`wfcheck: error: cannot write ${picture.given}: ${describeWriteError(e)}\n`);
      return false;
    }
    io.stderr(`wfcheck: wrote the counterexample of '${chosen.name}' to ${picture.given}\n`);
  }
  return true;
}

async function readMccFormulas(given: string, io: CliIo): Promise<{ file: string; text: string }> {
  const file = specPathFor(given, io);
  try {
    return { file, text: await readFile(resolve(io.cwd, given), 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new SpecError([error('WF501', `cannot read '${given}': ${why}`)]);
  }
}

/** Answers as MCC tools print them; undecided ones are noted on stderr so stdout stays parseable. */
function printMcc(report: CheckReport, io: CliIo): void {
  const lines: string[] = [];
  const hasFormulas = report.properties.some((p) => p.kind !== 'range' && p.kind !== 'deadlock_free' && p.kind !== 'sound');
  if (!hasFormulas && report.maxTokensInPlace !== undefined) {
    lines.push(`STATE_SPACE STATES ${report.states} TECHNIQUES EXPLICIT`);
    lines.push(`STATE_SPACE TRANSITIONS ${report.transitions} TECHNIQUES EXPLICIT`);
    lines.push(`STATE_SPACE MAX_TOKEN_IN_PLACE ${report.maxTokensInPlace} TECHNIQUES EXPLICIT`);
    lines.push(`STATE_SPACE MAX_TOKEN_PER_MARKING ${report.maxTokensPerMarking ?? 0} TECHNIQUES EXPLICIT`);
  }
  for (const p of report.properties) {
    if (!hasFormulas || p.kind === 'range') {
      if (p.result !== 'holds') io.stderr(`wfcheck: ${p.name}: ${p.result}${p.reason ? ` (${p.reason})` : ''}\n`);
      continue;
    }
    if (p.result === 'unknown') io.stderr(`wfcheck: ${p.name} not decided: ${p.reason ?? 'unknown'}\n`);
    else lines.push(`FORMULA ${p.name} ${p.bound !== undefined ? p.bound : p.result === 'holds' ? 'TRUE' : 'FALSE'} TECHNIQUES EXPLICIT`);
  }
  io.stdout(lines.map((l) => `${l}\n`).join(''));
}

/** With an MCC file the properties are questions: FALSE is an answer, not a failure. Only undecided ones (or an overflow) are not ok. */
function exitCodeForAnswers(report: CheckReport): ExitCode {
  if (report.properties.some((p) => p.kind === 'range' && p.result === 'violated')) return ExitCode.unexpected;
  if (!report.properties.some((p) => p.result === 'unknown')) return ExitCode.ok;
  return report.stopReason === 'interrupted' ? ExitCode.interrupted : ExitCode.inconclusive;
}

export async function runCheck(
  file: string,
  options: CheckCommandOptions,
  io: CliIo,
  pipeline: CheckPipeline,
): Promise<ExitCode> {
  const pictures = await picturesFor(file, options, io);
  if (options.mcc && options.json) throw usage('--mcc and --json are two output formats; choose one');
  const mccFormulas = options.mccFormulas === undefined ? undefined : await readMccFormulas(options.mccFormulas, io);
  const checkOptions: CheckSpecOptions = {
    ...(mccFormulas !== undefined ? { mccFormulas } : {}),
    ...(options.property.length > 0 ? { properties: options.property } : {}),
    ...(options.formula !== undefined && options.formula.length > 0 ? { formulas: options.formula } : {}),
    ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxMemoryBytes !== undefined ? { maxMemoryBytes: options.maxMemoryBytes } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.fingerprint === true ? { fingerprint: true } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
    ...(io.shouldStop !== undefined ? { shouldStop: io.shouldStop } : {}),
  };
  if (await isDirectory(specPathFor(file, io))) {
    if (pictures.length > 0 || options.mcc || mccFormulas !== undefined) throw usage('--dot, --svg and --mcc work on one spec, not on a folder');
    return runCheckFolder(specPathFor(file, io), { ...checkOptions, ...(options.json ? { json: true } : {}) }, io, pipeline);
  }
  const checked = await pipeline(specPathFor(file, io), checkOptions);
  const sources = new Map([[checked.file, checked.text]]);
  if (options.mcc) printMcc(checked.report, io);
  else if (options.json) io.stdout(JSON.stringify(reportToJson(checked.report, sources), null, 2) + '\n');
  else printText(checked.report, sources, io);
  const written = await drawPictures(pictures, checked.report, sources, io);
  if (!written) return ExitCode.usage;
  return mccFormulas !== undefined ? exitCodeForAnswers(checked.report) : exitCodeForReport(checked.report);
}
