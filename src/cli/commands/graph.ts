/**
 * `wfcheck graph <file>`: draw the reachable state graph (DOT or SVG). Too
 * many states for a readable drawing get a summary by control location and
 * a note on stderr; a limit that stops exploration gives an incomplete,
 * labelled drawing and exit code 3.
 */
import { describeStopReason, groupDigits } from '../../render/traceFormat.js';
import { DEFAULT_MAX_NODES, stateGraphToDot } from '../../render/stateGraphDot.js';
import { dotToSvg } from '../../render/svg.js';
import type { CliIo } from '../cliIo.js';
import { ExitCode } from '../exitCodes.js';
import { checkOutputPath, emit, pictureFormat, specPath, type PictureFormat } from '../pictureOutput.js';

export interface GraphCommandOptions {
  readonly format?: PictureFormat;
  readonly out?: string;
  readonly maxNodes?: number;
  readonly maxStates?: number;
  /** Already converted from seconds. */
  readonly timeoutMs?: number;
}

export async function runGraph(file: string, options: GraphCommandOptions, io: CliIo): Promise<ExitCode> {
  const out = options.out === undefined ? undefined : { given: options.out, path: await checkOutputPath('--out', options.out, file, io) };
  const format = pictureFormat(options.format, options.out);
  // The checker is loaded only when needed, so `--help` stays fast.
  const [{ loadSpec }, { reachableGraphOf }] = await Promise.all([import('../../api/loadSpec.js'), import('../../api/stateGraph.js')]);
  const spec = await loadSpec(specPath(file, io));
  const graph = reachableGraphOf(spec, {
    ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(io.shouldStop !== undefined ? { shouldStop: io.shouldStop } : {}),
  });
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const picture = stateGraphToDot(graph, { maxNodes });
  const states = graph.graph.states;
  if (picture.summarised) {
    io.stderr(
      `wfcheck: note: ${groupDigits(states)} states are more than --max-nodes ${groupDigits(maxNodes)}; ` +
        `drawing a summary grouped by control location (${groupDigits(picture.nodes)} boxes). Raise --max-nodes to draw every state.\n`,
    );
  }
  if (!graph.complete) {
    const why = graph.stopReason === undefined ? 'stopped early' : describeStopReason(graph.stopReason);
    io.stderr(`wfcheck: note: exploration stopped (${why}) after ${groupDigits(states)} states; the drawing is incomplete\n`);
  }
  const text = format === 'svg' ? await dotToSvg(picture.dot) : picture.dot;
  const what = `the state graph (${groupDigits(states)} states${picture.summarised ? ', summarised' : ''}${graph.complete ? '' : ', incomplete'})`;
  if (!(await emit(text, out, what, io))) return ExitCode.usage;
  if (graph.complete) return ExitCode.ok;
  return graph.stopReason === 'interrupted' ? ExitCode.interrupted : ExitCode.inconclusive;
}
