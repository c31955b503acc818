/**
 * The commander definitions of `wfcheck graph` and `wfcheck net`, added to
 * the program by main(). Each action hands main a job returning the exit
 * code, so errors go through main's one reporting path.
 */
import { type Command, Option } from 'commander';
import { runGraph } from './commands/graph.js';
import { runNet } from './commands/net.js';
import type { CliIo } from './cliIo.js';
import type { ExitCode } from './exitCodes.js';
import { parseCount, parseSecondsAsMs } from './optionValues.js';
import type { PictureFormat } from './pictureOutput.js';

interface RawPictureOptions {
  readonly format?: PictureFormat;
  readonly out?: string;
  readonly maxNodes?: number;
  readonly maxStates?: number;
  /** Milliseconds: parseSecondsAsMs converts. */
  readonly timeout?: number;
  readonly debug?: true;
}

export type RunJob = (debug: boolean, job: () => Promise<ExitCode>) => Promise<void>;

const formatOption = (): Option =>
  new Option('--format <format>', 'picture format (default: svg when --out ends in .svg, else dot)').choices(['dot', 'svg']);

export function addPictureCommands(program: Command, io: CliIo, run: RunJob, exitCodesHelp: string): void {
  program
    .command('graph')
    .description('draw the reachable state graph of a spec (summarised when large)')
    .argument('<file>', 'the spec to explore')
    .addOption(formatOption())
    .option('--out <file>', 'write the picture to this file instead of stdout')
    .option('--max-nodes <n>', 'draw every state up to n states, else a summary by control location (default: 200)', parseCount)
    .option('--max-states <n>', 'stop exploring after n states (the drawing is then incomplete)', parseCount)
    .option('--timeout <seconds>', 'stop exploring after this many seconds', parseSecondsAsMs)
    .option('--debug', 'show stack traces of internal errors')
    .showHelpAfterError("(run 'wfcheck graph --help' for usage)")
    .addHelpText('after', exitCodesHelp)
    .action((file: string, options: RawPictureOptions) =>
      run(options.debug === true, () =>
        runGraph(
          file,
          {
            ...(options.format !== undefined ? { format: options.format } : {}),
            ...(options.out !== undefined ? { out: options.out } : {}),
            ...(options.maxNodes !== undefined ? { maxNodes: options.maxNodes } : {}),
            ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
            ...(options.timeout !== undefined ? { timeoutMs: options.timeout } : {}),
          },
          io,
        ),
      ),
    );

  program
    .command('net')
    .description('draw the model: a workflow or net as a Petri net, a machine as a state diagram')
    .argument('<file>', 'the spec to draw')
    .addOption(formatOption())
    .option('--out <file>', 'write the picture to this file instead of stdout')
    .option('--debug', 'show stack traces of internal errors')
    .showHelpAfterError("(run 'wfcheck net --help' for usage)")
    .addHelpText('after', exitCodesHelp)
    .action((file: string, options: RawPictureOptions) =>
      run(options.debug === true, () =>
        runNet(
          file,
          {
            ...(options.format !== undefined ? { format: options.format } : {}),
            ...(options.out !== undefined ? { out: options.out } : {}),
          },
          io,
        ),
      ),
    );
}
