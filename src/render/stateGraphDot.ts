/**
 * The reachable state graph as a picture: one box per state (short labels:
 * location, marking, changed data; every value in the tooltip), edges
 * labelled with transition names, kinds of states styled apart, cycles
 * (non-trivial SCCs) on shaded backgrounds. Above `maxNodes` states the
 * graph is summarised by control location instead (quotientDot).
 */
import { nonTrivialComponents, stronglyConnectedComponents } from '../explore/scc.js';
import { defaultsStatement, edgeStatement, esc, labelLines, nodeStatement } from './dot.js';
import { quotientToDot } from './quotientDot.js';
import { describeFlags, stateFacts, type ReachableGraph } from './reachableGraph.js';
import { stateText } from './stateLabels.js';
import { cycleAttributes, edgeText, flagStyle, graphHeader, colourKey, incompleteNote, mergeEdges, type StateGraphPicture } from './stateGraphStyle.js';
import { groupDigits } from './traceFormat.js';

export interface StateGraphDotOptions {
  /** Draw every state up to this many (default 200); above it, a summary. */
  readonly maxNodes?: number;
  /** Lines per state box before "… n more" (default 6). */
  readonly maxValues?: number;
}

export const DEFAULT_MAX_NODES = 200;

function* graphEdges(g: ReachableGraph): Generator<readonly [number, number, string]> {
  const { offsets, targets, labels } = g.graph;
  for (let i = 0; i < g.graph.states; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) yield [i, targets[e], edgeText(g.system.transitionInfo(labels[e]))];
  }
}

export function stateGraphToDot(g: ReachableGraph, options: StateGraphDotOptions = {}): StateGraphPicture {
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  if (g.graph.states > maxNodes) return quotientToDot(g, maxNodes);
  const n = g.graph.states;
  const facts = stateFacts(g);
  const text = stateText(g);
  const sccs = stronglyConnectedComponents(g.graph);
  const cyclic = nonTrivialComponents(g.graph, sccs);
  const edgeCount = g.graph.offsets[n];
  const title = [
    `${g.model.kind} ${g.model.name}: ${groupDigits(n)} states, ${groupDigits(edgeCount)} transitions`,
    ...(incompleteNote(g.complete, g.stopReason) === undefined ? [] : [incompleteNote(g.complete, g.stopReason)!]),
    colourKey(facts.flags.reduce((a, f) => a | f, 0), cyclic.some((c) => c === 1)),
  ];
  const out = graphHeader('states', title);

  const node = (i: number): string => {
    const f = facts.flags[i];
    const what = describeFlags(f);
    const head = `s${i}${what.length === 0 ? '' : ` (${what.join(', ')})`}`;
    const invariants = facts.violated.get(i);
    const extra = [
      ...(invariants === undefined ? [] : [`violates: ${invariants.join(', ')}`]),
      ...(g.faults.has(i) ? [`fault: ${g.faults.get(i)}`] : []),
    ];
    return nodeStatement(`s${i}`, [
      ['id', `s${i}`],
      ['label', labelLines([head, ...extra, ...text.lines(i, options.maxValues ?? 6)], 'left')],
      ['tooltip', esc([head, ...extra, ...text.tooltip(i)].join('\n'))],
      ...flagStyle(f),
    ]);
  };

  // Cycles first, each in its own shaded cluster (ordered by their smallest state), then the rest.
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = sccs.component[i];
    if (!cyclic[c]) continue;
    const list = members.get(c);
    if (list === undefined) members.set(c, [i]);
    else list.push(i);
  }
  [...members.values()].forEach((states, k) => {
    out.push(`  subgraph cluster_cycle${k} {`, `  ${defaultsStatement('graph', cycleAttributes(k, states.length, 'state'))}`);
    for (const i of states) out.push(`  ${node(i)}`);
    out.push('  }');
  });
  for (let i = 0; i < n; i++) if (!cyclic[sccs.component[i]]) out.push(node(i));

  if (n > 0) {
    out.push(nodeStatement('start', [['shape', 'point'], ['width', 0.08], ['color', '#1565c0'], ['tooltip', 'start']]));
    out.push(edgeStatement('start', 's0', [['color', '#1565c0']]));
  }
  for (const e of mergeEdges(graphEdges(g)).values()) {
    out.push(edgeStatement(`s${e.from}`, `s${e.to}`, [['label', labelLines(e.labels, 'center')], ['tooltip', esc(e.labels.join('\n'))]]));
  }
  if (g.cut.some((c) => c === 1)) {
    out.push(nodeStatement('unexplored', [['shape', 'plaintext'], ['label', '(not explored)'], ['fontcolor', '#888888']]));
    for (let i = 0; i < n; i++) {
      if (g.cut[i]) out.push(edgeStatement(`s${i}`, 'unexplored', [['style', 'dashed'], ['color', '#999999']]));
    }
  }
  out.push('}');
  return { dot: out.join('\n') + '\n', summarised: false, nodes: n };
}

export type { StateGraphPicture } from './stateGraphStyle.js';
