/**
 * A state graph too big to draw, summarised: states are grouped by control
 * location (the values of the control places and workflow status; the
 * places themselves for plain nets and machines), each group drawn once
 * with how many states it stands for and what kinds of states it holds.
 * If even the groups are too many, the first ones in BFS order are drawn
 * and the rest folded into one box.
 */
import type { StateGraph } from '../explore/exploration.js';
import { nonTrivialComponents, stronglyConnectedComponents } from '../explore/scc.js';
import { formatValue } from '../model/types.js';
import { readSlot } from '../system/stateLayout.js';
import { edgeStatement, esc, labelLines, nodeStatement, defaultsStatement } from './dot.js';
import { CUT, DEADLOCK, ENDED, FAULT, stateFacts, VIOLATION, type ReachableGraph } from './reachableGraph.js';
import { cycleAttributes, edgeText, flagStyle, graphHeader, colourKey, incompleteNote, mergeEdges, type StateGraphPicture } from './stateGraphStyle.js';
import { stateText } from './stateLabels.js';
import { formatValue as displayValue, groupDigits } from './traceFormat.js';

const MAX_EDGE_LABELS = 4;

interface Group {
  readonly first: number;
  count: number;
  flags: number;
  violating: number;
  deadlocks: number;
  ended: number;
}

function plural(n: number, word: string): string {
  return `${groupDigits(n)} ${word}${n === 1 ? '' : 's'}`;
}

function groupLines(g: Group): string[] {
  const out = [plural(g.count, 'state')];
  if (g.ended > 0) out.push(`${groupDigits(g.ended)} ended`);
  if (g.deadlocks > 0) out.push(`${plural(g.deadlocks, 'deadlock')}`);
  if (g.violating > 0) out.push(`${groupDigits(g.violating)} violate an invariant`);
  return out;
}

function csrOf(nodes: number, edges: Iterable<{ from: number; to: number }>): StateGraph {
  const lists: number[][] = Array.from({ length: nodes }, () => []);
  for (const e of edges) lists[e.from].push(e.to);
  const offsets = new Int32Array(nodes + 1);
  lists.forEach((l, i) => (offsets[i + 1] = offsets[i] + l.length));
  const targets = Int32Array.from(lists.flat());
  return { states: nodes, offsets, targets, labels: new Int32Array(targets.length) };
}

export function quotientToDot(g: ReachableGraph, maxNodes: number): StateGraphPicture {
  const model = g.model;
  const slots = model.slots.toArray();
  const layout = g.system.layout;
  let keySlots = slots.flatMap((s, i) => (s.role === 'control' || s.role === 'status' ? [i] : []));
  if (!keySlots.some((i) => slots[i].role === 'control')) keySlots = slots.flatMap((s, i) => (s.role === 'place' ? [i] : []));
  const facts = stateFacts(g);
  const text = stateText(g);

  const n = g.graph.states;
  const groupOf = new Int32Array(n);
  const groups: Group[] = [];
  const byKey = new Map<string, number>();
  const s = new Int32Array(g.store.stateWords);
  for (let i = 0; i < n; i++) {
    g.store.read(i, s);
    const key = keySlots.map((k) => readSlot(layout, s, k)).join(',');
    let id = byKey.get(key);
    if (id === undefined) {
      id = groups.length;
      byKey.set(key, id);
      groups.push({ first: i, count: 0, flags: 0, violating: 0, deadlocks: 0, ended: 0 });
    }
    const grp = groups[id];
    const f = facts.flags[i];
    groupOf[i] = id;
    grp.count++;
    grp.flags |= f;
    if (f & VIOLATION) grp.violating++;
    if (f & (DEADLOCK | FAULT)) grp.deadlocks++;
    if (f & ENDED) grp.ended++;
  }
  // Groups are numbered in BFS order of their first state; beyond the budget they fold into one box.
  const drawn = Math.min(groups.length, Math.max(1, maxNodes));
  const folded = groups.length - drawn;
  const nodeOf = (grp: number): number => (grp < drawn ? grp : drawn);
  const foldedStates = groups.slice(drawn).reduce((sum, x) => sum + x.count, 0);

  const raw: [number, number, string][] = [];
  const { offsets, targets, labels } = g.graph;
  for (let i = 0; i < n; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const from = nodeOf(groupOf[i]);
      const to = nodeOf(groupOf[targets[e]]);
      raw.push([from, to, from === drawn || to === drawn ? '' : edgeText(g.system.transitionInfo(labels[e]))]);
    }
  }
  const edges = [...mergeEdges(raw).values()];
  const nodeCount = drawn + (folded > 0 ? 1 : 0);
  const sccs = stronglyConnectedComponents(csrOf(nodeCount, edges));
  const cyclic = nonTrivialComponents(csrOf(nodeCount, edges), sccs);

  const locationWord = keySlots.some((i) => slots[i].role === 'control') ? 'control locations' : 'markings';
  const title = [
    `${model.kind} ${model.name}: ${groupDigits(n)} states, ${groupDigits(offsets[n])} transitions`,
    `SUMMARY: more than ${groupDigits(maxNodes)} states, so states are grouped by control location (${groupDigits(groups.length)} ${locationWord}${folded > 0 ? `, ${groupDigits(drawn)} drawn` : ''})`,
    ...(incompleteNote(g.complete, g.stopReason) === undefined ? [] : [incompleteNote(g.complete, g.stopReason)!]),
    colourKey(groups.slice(0, drawn).reduce((a, x) => a | x.flags, 0), cyclic.some((c) => c === 1)),
  ];
  const out = graphHeader('summary', title);
  const node = (k: number): string => {
    const grp = groups[k];
    const values = text.values(grp.first);
    const where = text.location(values);
    const key = keySlots
      .filter((i) => slots[i].role !== 'control' && !slots[i].hidden)
      .map((i) => `${slots[i].name} = ${displayValue(formatValue(slots[i].type, values[i]))}`);
    const lines = [`L${k}${k === 0 ? ' (initial)' : ''}`, ...(where.length === 0 ? ['(no control place marked)'] : where), ...key, ...groupLines(grp)];
    const flags = grp.flags & ~(grp.ended < grp.count ? ENDED : 0) & ~CUT;
    return nodeStatement(`q${k}`, [['id', `q${k}`], ['label', labelLines(lines, 'left')], ['tooltip', esc(lines.join('\n'))], ...flagStyle(flags)]);
  };
  const inCycle = new Map<number, number[]>();
  for (let k = 0; k < drawn; k++) {
    const c = sccs.component[k];
    if (cyclic[c]) inCycle.set(c, [...(inCycle.get(c) ?? []), k]);
  }
  [...inCycle.values()].forEach((ks, c) => {
    out.push(`  subgraph cluster_cycle${c} {`, `  ${defaultsStatement('graph', cycleAttributes(c, ks.length, 'location'))}`);
    for (const k of ks) out.push(`  ${node(k)}`);
    out.push('  }');
  });
  for (let k = 0; k < drawn; k++) if (!cyclic[sccs.component[k]]) out.push(node(k));
  if (folded > 0) {
    const lines = [`${plural(folded, 'more location')}`, `(${plural(foldedStates, 'state')}) not drawn`];
    out.push(nodeStatement('more', [['id', 'more'], ['label', labelLines(lines, 'center')], ['style', 'dashed,rounded'], ['color', '#888888'], ['fontcolor', '#555555']]));
  }
  out.push(nodeStatement('start', [['shape', 'point'], ['width', 0.08], ['color', '#1565c0'], ['tooltip', 'start']]));
  out.push(edgeStatement('start', 'q0', [['color', '#1565c0']]));
  for (const e of edges) {
    const id = (k: number): string => (k === drawn ? 'more' : `q${k}`);
    const shown = e.labels.filter((l) => l !== '');
    const label = shown.length > MAX_EDGE_LABELS ? [...shown.slice(0, MAX_EDGE_LABELS - 1), `... ${shown.length - MAX_EDGE_LABELS + 1} more`] : shown;
    out.push(
      edgeStatement(id(e.from), id(e.to), [
        ['label', label.length === 0 ? undefined : labelLines(label, 'center')],
        ['tooltip', shown.length === 0 ? undefined : esc(shown.join('\n'))],
        ['style', e.from === drawn || e.to === drawn ? 'dashed' : undefined],
      ]),
    );
  }
  out.push('}');
  return { dot: out.join('\n') + '\n', summarised: true, nodes: nodeCount };
}
