/**
 * `wfcheck check <file>`: check a spec's properties, print the summary and
 * the traces people need (or one JSON object), optionally draw the first
 * counterexample as DOT/SVG, and turn the results into an exit code.
 */
import { isAbsolute, resolve } from 'node:path';
import type { CheckReport, PropertyReport } from '../../api/checkReport.js';
import { isAsExpected } from '../../api/checkReport.js';
import type { CheckOptions } from '../../api/loadedSpec.js';
import { error, SpecError } from '../../diagnostics/diagnostic.js';
import { counterexampleToDot } from '../../render/counterexampleDot.js';
import { reportToJson } from '../../render/jsonReport.js';
import { formatSummary } from '../../render/summaryTable.js';
import { dotToSvg } from '../../render/svg.js';
import { formatTrace } from '../../render/textTrace.js';
import type { CheckPipeline } from '../checkPipeline.js';
import type { CliIo } from '../cliIo.js';
import { ExitCode, exitCodeForReport } from '../exitCodes.js';
import { describeWriteError, sameFile, writeFileAtomic } from '../writeAtomic.js';

export interface CheckCommandOptions {
  readonly property: readonly string[];
  readonly json?: boolean;
  readonly dot?: string;
  readonly svg?: string;
  readonly maxStates?: number;
  /** Already converted from seconds. */
  readonly timeoutMs?: number;
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

export async function runCheck(
  file: string,
  options: CheckCommandOptions,
  io: CliIo,
  pipeline: CheckPipeline,
): Promise<ExitCode> {
  const pictures = await picturesFor(file, options, io);
  const checkOptions: CheckOptions = {
    ...(options.property.length > 0 ? { properties: options.property } : {}),
    ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(io.shouldStop !== undefined ? { shouldStop: io.shouldStop } : {}),
  };
  const checked = await pipeline(specPathFor(file, io), checkOptions);
  const sources = new Map([[checked.file, checked.text]]);
  if (options.json) io.stdout(JSON.stringify(reportToJson(checked.report, sources), null, 2) + '\n');
  else printText(checked.report, sources, io);
  const written = await drawPictures(pictures, checked.report, sources, io);
  return written ? exitCodeForReport(checked.report) : ExitCode.usage;
}
