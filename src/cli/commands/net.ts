/**
 * `wfcheck net <file>`: draw the model itself (DOT or SVG): a workflow or
 * P/T net as a Petri net, a machine as a state diagram. No exploration.
 */
import { netToDot } from '../../render/netDot.js';
import { netToSvg } from '../../render/netSvg.js';
import type { CliIo } from '../cliIo.js';
import { ExitCode } from '../exitCodes.js';
import { checkOutputPath, emit, pictureFormat, specPath, type PictureFormat } from '../pictureOutput.js';

export interface NetCommandOptions {
  readonly format?: PictureFormat;
  readonly out?: string;
}

export async function runNet(file: string, options: NetCommandOptions, io: CliIo): Promise<ExitCode> {
  const out = options.out === undefined ? undefined : { given: options.out, path: await checkOutputPath('--out', options.out, file, io) };
  const format = pictureFormat(options.format, options.out);
  const { loadSpec } = await import('../../api/loadSpec.js');
  const spec = await loadSpec(specPath(file, io));
  const sources = new Map([[spec.file, spec.text]]);
  const text = format === 'svg' ? await netToSvg(spec.model, sources) : netToDot(spec.model, sources);
  const what = spec.model.kind === 'machine' ? `the state machine ${spec.model.name}` : `the net of ${spec.model.kind} ${spec.model.name}`;
  return (await emit(text, out, what, io)) ? ExitCode.ok : ExitCode.usage;
}
