/**
 * A counterexample as a Graphviz picture: states as boxes showing the values
 * that changed, steps as labelled edges, the violation highlighted, a lasso's
 * back-edge drawn dashed, a range fault as a red octagon, a witness tree's
 * branches as coloured clusters. Output is byte-for-byte deterministic (it
 * depends only on the counterexample).
 */
import type { Counterexample } from '../counterexample/counterexample.js';
import { unreachable } from '../diagnostics/diagnostic.js';
import {
  type DotAttributes,
  defaultsStatement,
  edgeStatement,
  esc,
  indexedId,
  labelLines,
  nodeStatement,
  SANS_FONT,
} from './dot.js';
import { BLUE, BLUE_FILL, GREY, PLAIN_FILL, RED, RED_FILL, boxLines, changedValues, stepLabel, stepTooltip } from './traceDotParts.js';
import { stateAssignments } from './traceFormat.js';
import { newBranchContext, witnessBranchStatements } from './witnessBranchesDot.js';

export interface CounterexampleDotOptions {
  /** Layout direction (default 'TB', top to bottom). */
  readonly rankdir?: 'TB' | 'LR';
  /** Values shown per box before "… n more" (default 12); tooltips always hold all values. */
  readonly maxValues?: number;
  /** Graph title (default: the counterexample's summary). */
  readonly title?: string;
}

type StateRole = 'plain' | 'violation' | 'loop';

function roleAttributes(role: StateRole): DotAttributes {
  switch (role) {
    case 'plain':
      return [];
    case 'violation':
      return [
        ['color', RED],
        ['fillcolor', RED_FILL],
        ['penwidth', 2],
      ];
    case 'loop':
      return [
        ['color', BLUE],
        ['fillcolor', BLUE_FILL],
      ];
    default:
      return unreachable(role);
  }
}

function roleOf(cex: Counterexample, index: number): StateRole {
  const last = cex.states.length - 1;
  if (cex.loopStart !== undefined) return index >= cex.loopStart ? 'loop' : 'plain';
  return index === last && cex.fault === undefined ? 'violation' : 'plain';
}

export function counterexampleToDot(
  cex: Counterexample,
  sources: ReadonlyMap<string, string>,
  options: CounterexampleDotOptions = {},
): string {
  const max = options.maxValues ?? 12;
  const title = options.title ?? cex.summary;
  const out: string[] = ['digraph counterexample {'];
  out.push(
    defaultsStatement('graph', [
      ['rankdir', options.rankdir ?? 'TB'],
      ['fontname', SANS_FONT],
      ['fontsize', 12],
      ['label', esc(title)],
      ['labelloc', 't'],
      // Slack for viewers whose substitute font is wider than Helvetica.
      ['pad', 0.3],
      ['tooltip', esc(title)],
    ]),
    defaultsStatement('node', [
      ['shape', 'box'],
      ['style', 'rounded,filled'],
      ['color', GREY],
      ['fillcolor', PLAIN_FILL],
      ['fontname', SANS_FONT],
      ['fontsize', 10],
      ['margin', '0.15,0.07'],
    ]),
    defaultsStatement('edge', [
      ['color', GREY],
      ['fontname', SANS_FONT],
      ['fontsize', 9],
    ]),
  );

  cex.states.forEach((state, i) => {
    const title = i === 0 ? 'initial state' : `state ${i}`;
    const shown = i === 0 ? stateAssignments(state.values) : changedValues(state.changes);
    out.push(
      nodeStatement(indexedId('s', i), [
        ['id', indexedId('s', i)],
        ['label', labelLines(boxLines(title, shown, max), 'left')],
        ['tooltip', esc([title, ...stateAssignments(state.values)].join('\n'))],
        ...roleAttributes(roleOf(cex, i)),
      ]),
    );
  });

  cex.steps.forEach((step, i) => {
    out.push(
      edgeStatement(indexedId('s', i), indexedId('s', i + 1), [
        ['label', labelLines(stepLabel(step, i + 1, sources), 'center')],
        ['tooltip', esc(stepTooltip(step, sources))],
      ]),
    );
  });

  const last = indexedId('s', cex.states.length - 1);
  if (cex.loopStart !== undefined) {
    out.push(
      edgeStatement(last, indexedId('s', cex.loopStart), [
        ['label', 'loop'],
        ['tooltip', `back to state ${cex.loopStart}; the loop repeats forever`],
        ['style', 'dashed,bold'],
        ['color', BLUE],
        ['fontcolor', BLUE],
        ['constraint', false],
      ]),
    );
  }

  if (cex.fault) {
    const n = cex.steps.length + 1;
    out.push(
      nodeStatement('fault', [
        ['id', 'fault'],
        ['shape', 'octagon'],
        ['style', 'filled'],
        ['color', RED],
        ['fillcolor', RED_FILL],
        ['fontcolor', RED],
        ['penwidth', 2],
        ['label', esc(`fault: ${cex.fault.message}`)],
        ['tooltip', esc(`fault: ${cex.fault.message}`)],
      ]),
      edgeStatement(last, 'fault', [
        ['label', labelLines(stepLabel(cex.fault.step, n, sources), 'center')],
        ['tooltip', esc(stepTooltip(cex.fault.step, sources))],
        ['color', RED],
        ['fontcolor', RED],
      ]),
    );
  }
  out.push(...witnessBranchStatements(cex, (i) => indexedId('s', i), '', newBranchContext(sources, max)));
  out.push('}');
  return out.join('\n') + '\n';
}
