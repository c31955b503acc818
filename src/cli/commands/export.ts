/**
 * `wfcheck export --promela <file> [--out FILE]`: the model as a Promela
 * program with wfcheck's state space, for a second opinion from SPIN. No
 * exploration; the command's definition is here, main() registers it.
 */
import type { Command } from 'commander';
import { exportPromela } from '../../export/exportPromela.js';
import type { CliIo } from '../cliIo.js';
import { ExitCode } from '../exitCodes.js';
import type { RunJob } from '../pictureCommands.js';
import { checkOutputPath, emit, specPath, usageError } from '../pictureOutput.js';

export interface ExportCommandOptions {
  readonly promela: boolean;
  readonly out?: string;
  /** false: the state space only (no monitor, no ltl blocks). */
  readonly properties: boolean;
}

export async function runExport(file: string, options: ExportCommandOptions, io: CliIo): Promise<ExitCode> {
  if (!options.promela) throw usageError('choose what to export: --promela (the only format so far)');
  const out = options.out === undefined ? undefined : { given: options.out, path: await checkOutputPath('--out', options.out, file, io) };
  const { loadSpec } = await import('../../api/loadSpec.js');
  const spec = await loadSpec(specPath(file, io));
  const text = exportPromela(spec.model, { properties: options.properties });
  return (await emit(text, out, `the Promela model of ${spec.model.kind} ${spec.model.name}`, io)) ? ExitCode.ok : ExitCode.usage;
}

interface RawExportOptions {
  readonly promela?: true;
  readonly out?: string;
  readonly properties: boolean;
  readonly debug?: true;
}

export function addExportCommand(program: Command, io: CliIo, run: RunJob, exitCodesHelp: string): void {
  program
    .command('export')
    .description('write the model in another checker\'s language (Promela for SPIN), with the same states')
    .argument('<file>', 'the spec (.wf) or Petri net (.pnml) to export')
    .option('--promela', 'write Promela: SPIN then finds exactly the states wfcheck finds')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--no-properties', 'leave out invariants, deadlock freedom and LTL (the state space only)')
    .option('--debug', 'show stack traces of internal errors')
    .showHelpAfterError("(run 'wfcheck export --help' for usage)")
    .addHelpText('after', exitCodesHelp)
    .action((file: string, options: RawExportOptions) =>
      run(options.debug === true, () =>
        runExport(file, { promela: options.promela === true, properties: options.properties, ...(options.out !== undefined ? { out: options.out } : {}) }, io),
      ),
    );
}
