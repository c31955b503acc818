/**
 * The command line: parses arguments with commander and runs a command,
 * returning an exit code instead of calling process.exit, so tests run it
 * in-process and pin its stdout, stderr and exit code.
 */
import { Command, CommanderError, Option } from 'commander';
import { formatDiagnostics } from '../diagnostics/codeFrame.js';
import { SpecError } from '../diagnostics/diagnostic.js';
import type { CheckPipeline } from './checkPipeline.js';
import type { CliIo } from './cliIo.js';
import { runCheck } from './commands/check.js';
import { addExportCommand } from './commands/export.js';
import { writeHtmlReport } from './commands/report.js';
import type { CheckedSpec } from './checkPipeline.js';
import { addPictureCommands } from './pictureCommands.js';
import { checkOutputPath } from './pictureOutput.js';
import { ExitCode } from './exitCodes.js';
import { collect, parseCount, parseSecondsAsMs, parseWorkers } from './optionValues.js';
import { parseMemorySize } from './memorySize.js';
import type { ProgressIo } from './progress.js';
import { packageVersion } from './version.js';

/** The check command's options as commander hands them over (shaped by the definitions below). */
interface RawCheckOptions {
  readonly property: string[];
  readonly formula: string[];
  readonly json?: true;
  readonly dot?: string;
  readonly svg?: string;
  readonly maxStates?: number;
  /** Milliseconds: parseSecondsAsMs converts. */
  readonly timeout?: number;
  /** Bytes: parseMemorySize converts. */
  readonly maxMemory?: number;
  readonly workers?: number;
  readonly fingerprint?: true;
  readonly mccFormulas?: string;
  readonly mcc?: true;
  readonly report?: string;
  readonly debug?: true;
}

const EXIT_CODES_HELP = `
Exit codes:
  0    every result as expected (holds, or violated where the spec expects it)
  1    an unexpected result: a violation, or none where the spec expects one
  2    input or usage error
  3    inconclusive: a limit was reached before every result was decided
  4    internal error in wfcheck (please report it)
  130  interrupted`;

async function loadPipeline(injected: CheckPipeline | undefined): Promise<CheckPipeline> {
  return injected ?? (await import('./apiPipeline.js')).apiPipeline;
}

function buildProgram(io: CliIo, onCheck: (file: string, options: RawCheckOptions) => Promise<void>): Command {
  const program = new Command('wfcheck')
    .description('Model checker for workflow specifications')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`wfcheck: ${text}`),
      // Fixed width and no colours: help text is the same everywhere (and pinned in tests).
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showHelpAfterError("(run 'wfcheck --help' for usage)")
    .addHelpText('after', EXIT_CODES_HELP);

  program
    .command('check')
    .description('check the properties of a spec (.wf) or Petri net (.pnml)')
    .argument('<file>', 'the spec to check')
    .addOption(
      new Option('--property <name>', 'check only this property; repeat for several')
        .argParser(collect)
        .default([], 'all properties'),
    )
    .addOption(new Option('--formula <text>', 'also check this CTL or LTL formula; repeat for several').argParser(collect).default([], 'none'))
    .option('--json', 'print one JSON object instead of text')
    .option('--dot <file>', 'write the first counterexample as Graphviz DOT')
    .option('--svg <file>', 'write the first counterexample as SVG')
    .option('--report <file>', 'write every result as a self-contained HTML page with pictures')
    .option('--max-states <n>', 'stop after storing n states (undecided results become unknown)', parseCount)
    .option('--timeout <seconds>', 'stop after this many seconds (undecided results become unknown)', parseSecondsAsMs)
    .option('--max-memory <size>', 'stop when the state tables would outgrow this size, e.g. 512M or 2G', parseMemorySize)
    .option('--workers <n>', 'explore on n threads (BFS, same results); CTL, LTL and sound use one', parseWorkers)
    .option('--fingerprint', 'store 64-bit fingerprints, not states: less memory, a printed chance of a missed state (invariants, reachable, deadlock_free, in_range only)')
    .option('--mcc-formulas <file>', 'check the properties of a Model Checking Contest XML file (PNML nets)')
    .option('--mcc', 'print answers as MCC lines (FORMULA <id> TRUE|FALSE|<bound>, STATE_SPACE …)')
    .option('--debug', 'show stack traces of internal errors')
    .showHelpAfterError("(run 'wfcheck check --help' for usage)")
    .addHelpText('after', EXIT_CODES_HELP)
    .action(onCheck);
  return program;
}

function reportError(e: unknown, io: CliIo, debug: boolean): ExitCode {
  if (e instanceof CommanderError) {
    // commander has already printed help, the version or the error message.
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? ExitCode.ok : ExitCode.usage;
  }
  if (e instanceof SpecError) {
    io.stderr(formatDiagnostics(e.diagnostics, e.sources) + '\n');
    return ExitCode.usage;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.stderr(`wfcheck: internal error: ${message} (please report this)\n`);
  if (debug && e instanceof Error && e.stack !== undefined) io.stderr(`${e.stack}\n`);
  else io.stderr('wfcheck: run again with --debug to see where it happened\n');
  return ExitCode.internal;
}

/**
 * Run the CLI on the user's arguments (no `node`/script prefix), e.g.
 * `main(['check', 'spec.wf', '--json'], io)`. `pipeline` replaces the real
 * loadSpec + checkSpec (tests); by default it is loaded on first use.
 */
export async function main(argv: readonly string[], io: CliIo & ProgressIo, pipeline?: CheckPipeline): Promise<ExitCode> {
  let code: ExitCode = ExitCode.ok;
  let debug = false;
  const program = buildProgram(io, async (file, options) => {
    debug = options.debug === true;
    // --report: validated before checking, written from the checked result afterwards.
    const report = options.report === undefined ? undefined : { given: options.report, path: await checkOutputPath('--report', options.report, file, io) };
    const base = await loadPipeline(pipeline);
    let checked: CheckedSpec | undefined;
    code = await runCheck(
      file,
      {
        property: options.property,
        formula: options.formula,
        json: options.json === true,
        ...(options.dot !== undefined ? { dot: options.dot } : {}),
        ...(options.svg !== undefined ? { svg: options.svg } : {}),
        ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
        ...(options.timeout !== undefined ? { timeoutMs: options.timeout } : {}),
        ...(options.maxMemory !== undefined ? { maxMemoryBytes: options.maxMemory } : {}),
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
        ...(options.fingerprint === true ? { fingerprint: true } : {}),
        // Live figures only where a person watches text output, never into --json or --mcc answers.
        ...(io.onProgress !== undefined && options.json !== true && options.mcc !== true ? { onProgress: io.onProgress } : {}),
        ...(options.mccFormulas !== undefined ? { mccFormulas: options.mccFormulas } : {}),
        ...(options.mcc === true ? { mcc: true } : {}),
      },
      io,
      report === undefined ? base : async (path, opts) => (checked = await base(path, opts)),
    );
    if (report !== undefined && checked !== undefined && !(await writeHtmlReport(checked, report, io))) code = ExitCode.usage;
  });
  addPictureCommands(
    program,
    io,
    async (jobDebug, job) => {
      debug = jobDebug;
      code = await job();
    },
    EXIT_CODES_HELP,
  );
  addExportCommand(
    program,
    io,
    async (jobDebug, job) => {
      debug = jobDebug;
      code = await job();
    },
    EXIT_CODES_HELP,
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    return reportError(e, io, debug);
  }
}
