/**
 * A state graph too big to draw, summarised by control location: states
 * with the same control places marked (and workflow status) are one box
 * saying how many states it stands for and what kinds. A system of several
 * workflow instances gets one such drawing per instance (the projection on
 * its own locations; the other instances' moves are left out), since the
 * product of their locations is itself a hairball. Plain nets and machines
 * are grouped by their places. If even the groups are too many, the first
 * ones in BFS order are drawn and the rest folded into one box.
 */
import { nonTrivialComponents, stronglyConnectedComponents } from '../explore/scc.js';
import { formatValue } from '../model/types.js';
import { readSlot } from '../system/stateLayout.js';
import { defaultsStatement, edgeStatement, esc, labelLines, nodeStatement } from './dot.js';
import { CUT, DEADLOCK, ENDED, FAULT, stateFacts, VIOLATION, type ReachableGraph } from './reachableGraph.js';
import { colourKey, edgeText, flagStyle, graphHeader, incompleteNote, mergeEdges, type StateGraphPicture } from './stateGraphStyle.js';
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
  onCycle: number;
}

/** One summarised drawing: a workflow instance (or the whole model) and the slots that say where it is. */
interface Part {
  readonly instance?: string;
  readonly keySlots: readonly number[];
}

function count(n: number, one: string, many: string = `${one}s`): string {
  return `${groupDigits(n)} ${n === 1 ? one : many}`;
}

function groupLines(g: Group): string[] {
  const out = [count(g.count, 'state')];
  if (g.ended > 0) out.push(`${groupDigits(g.ended)} ended`);
  if (g.deadlocks > 0) out.push(count(g.deadlocks, 'deadlock'));
  if (g.violating > 0) out.push(`${groupDigits(g.violating)} ${g.violating === 1 ? 'violates' : 'violate'} an invariant`);
  if (g.onCycle > 0) out.push(`${groupDigits(g.onCycle)} on a cycle`);
  return out;
}

/**
 * Numbers distinct keys 0, 1, 2, … in order of first sight, without making
 * a string per state (this runs over every stored state): a hash picks the
 * candidates, stored copies of the keys decide.
 */
function locator(width: number): (key: Int32Array) => number {
  const byHash = new Map<number, number[]>();
  const keys: Int32Array[] = [];
  return (key) => {
    let h = 0x811c9dc5;
    for (let k = 0; k < width; k++) h = Math.imul(h ^ key[k], 0x01000193);
    const candidates = byHash.get(h);
    if (candidates !== undefined) {
      for (const c of candidates) {
        const known = keys[c];
        let same = true;
        for (let k = 0; k < width && same; k++) same = known[k] === key[k];
        if (same) return c;
      }
    }
    keys.push(key.slice());
    if (candidates === undefined) byHash.set(h, [keys.length - 1]);
    else candidates.push(keys.length - 1);
    return keys.length - 1;
  };
}

function partsOf(g: ReachableGraph): Part[] {
  const slots = g.model.slots.toArray();
  const located = slots.flatMap((s, i) => (s.role === 'control' || s.role === 'status' ? [i] : []));
  if (!located.some((i) => slots[i].role === 'control')) return [{ keySlots: slots.flatMap((s, i) => (s.role === 'place' ? [i] : [])) }];
  const instances = [...new Set(located.map((i) => slots[i].instance))];
  if (instances.length <= 1 || instances.includes(undefined)) return [{ keySlots: located }];
  return instances.map((instance) => ({ ...(instance !== undefined ? { instance } : {}), keySlots: located.filter((i) => slots[i].instance === instance) }));
}

export function quotientToDot(g: ReachableGraph, maxNodes: number): StateGraphPicture {
  const model = g.model;
  const slots = model.slots.toArray();
  const layout = g.system.layout;
  const facts = stateFacts(g);
  const text = stateText(g);
  const n = g.graph.states;
  const { offsets, targets, labels } = g.graph;
  const sccs = stronglyConnectedComponents(g.graph);
  const cyclic = nonTrivialComponents(g.graph, sccs);
  const parts = partsOf(g);
  const s = new Int32Array(g.store.stateWords);

  const out: string[] = [];
  let drawnTotal = 0;
  let groupTotal = 0;
  let flagsDrawn = 0;
  let budget = Math.max(1, maxNodes);
  parts.forEach((part, p) => {
    // Group the states by this part's location, numbering groups in BFS order of their first state.
    const groupOf = new Int32Array(n);
    const groups: Group[] = [];
    const locate = locator(part.keySlots.length);
    const key = new Int32Array(part.keySlots.length);
    for (let i = 0; i < n; i++) {
      g.store.read(i, s);
      for (let k = 0; k < key.length; k++) key[k] = readSlot(layout, s, part.keySlots[k]);
      const id = locate(key);
      if (id === groups.length) groups.push({ first: i, count: 0, flags: 0, violating: 0, deadlocks: 0, ended: 0, onCycle: 0 });
      const grp = groups[id];
      const f = facts.flags[i];
      groupOf[i] = id;
      grp.count++;
      grp.flags |= f;
      if (f & VIOLATION) grp.violating++;
      if (f & (DEADLOCK | FAULT)) grp.deadlocks++;
      if (f & ENDED) grp.ended++;
      if (cyclic[sccs.component[i]]) grp.onCycle++;
    }
    groupTotal += groups.length;
    const drawn = Math.min(groups.length, Math.max(1, Math.ceil(budget / (parts.length - p))));
    budget -= drawn;
    const folded = groups.length - drawn;
    drawnTotal += drawn + (folded > 0 ? 1 : 0);
    const id = (k: number): string => (k >= drawn ? `more${p}` : `q${p}_${k}`);
    // Inside an instance's own drawing its name goes without saying.
    const prefix = part.instance === undefined ? '' : `${part.instance} `;
    const unprefixed = (name: string): string => (part.instance !== undefined && name.startsWith(`${part.instance}.`) ? name.slice(part.instance.length + 1) : name);

    // Edge text per transition, computed once (hundreds of thousands of edges share a few dozen).
    const texts: string[] = [];
    const mine: boolean[] = [];
    for (let t = 0; t < g.system.transitionCount; t++) {
      const info = g.system.transitionInfo(t);
      texts.push(edgeText(part.instance === undefined ? info : { ...info, instance: undefined }));
      mine.push(part.instance === undefined || info.instance === part.instance);
    }
    const seen = new Set<string>();
    const raw: [number, number, string][] = [];
    for (let i = 0; i < n; i++) {
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const from = Math.min(groupOf[i], drawn);
        const to = Math.min(groupOf[targets[e]], drawn);
        // Another instance's move leaves this one where it was: not part of its picture.
        if (from === to && !mine[labels[e]]) continue;
        const label = from === drawn || to === drawn ? '' : texts[labels[e]];
        const key = `${from}>${to}>${label}`;
        if (seen.has(key)) continue;
        seen.add(key);
        raw.push([from, to, label]);
      }
    }

    const body: string[] = [];
    for (let k = 0; k < drawn; k++) {
      const grp = groups[k];
      flagsDrawn |= grp.flags;
      const values = text.values(grp.first);
      const where = text
        .location(values)
        .filter((l) => part.instance === undefined || l.startsWith(prefix))
        .map((l) => l.slice(prefix.length));
      const status = part.keySlots
        .filter((i) => slots[i].role !== 'control' && !slots[i].hidden)
        .map((i) => `${unprefixed(slots[i].name)} = ${displayValue(formatValue(slots[i].type, values[i]))}`);
      const none = grp.ended === grp.count ? '(ended)' : '(done: no control place marked)';
      const lines = [`L${k}${k === 0 ? ' (initial)' : ''}`, ...(where.length === 0 ? [none] : where), ...status, ...groupLines(grp)];
      // Green only when every state ended, red fill only when every state violates; a red border when some do.
      const flags = grp.flags & ~(grp.ended < grp.count ? ENDED : 0) & ~(grp.violating < grp.count ? VIOLATION : 0) & ~CUT;
      const style = flagStyle(flags).map(([k, v]) => (grp.violating > 0 && k === 'color' ? ([k, '#c62828'] as const) : grp.violating > 0 && k === 'penwidth' ? ([k, 2.5] as const) : ([k, v] as const)));
      body.push(nodeStatement(id(k), [['id', id(k)], ['label', labelLines(lines, 'left')], ['tooltip', esc(lines.join('\n'))], ...style]));
    }
    if (folded > 0) {
      const states = groups.slice(drawn).reduce((sum, x) => sum + x.count, 0);
      const lines = [count(folded, 'more location'), `(${count(states, 'state')}) not drawn`];
      body.push(nodeStatement(id(drawn), [['id', id(drawn)], ['label', labelLines(lines, 'center')], ['style', 'dashed,rounded'], ['color', '#888888'], ['fontcolor', '#555555']]));
    }
    body.push(nodeStatement(`start${p}`, [['shape', 'point'], ['width', 0.08], ['color', '#1565c0'], ['tooltip', 'start']]));
    body.push(edgeStatement(`start${p}`, id(0), [['color', '#1565c0']]));
    for (const e of mergeEdges(raw).values()) {
      const shown = e.labels.filter((l) => l !== '');
      const label = shown.length > MAX_EDGE_LABELS ? [...shown.slice(0, MAX_EDGE_LABELS - 1), `... ${shown.length - MAX_EDGE_LABELS + 1} more`] : shown;
      body.push(
        edgeStatement(id(e.from), id(e.to), [
          ['label', label.length === 0 ? undefined : labelLines(label, 'center')],
          ['tooltip', shown.length === 0 ? undefined : esc(shown.join('\n'))],
          ['style', e.from === drawn || e.to === drawn ? 'dashed' : undefined],
        ]),
      );
    }
    if (part.instance === undefined) {
      out.push(...body);
    } else {
      const title = `${part.instance}: ${count(groups.length, 'location')}${folded > 0 ? `, ${groupDigits(drawn)} drawn` : ''}`;
      out.push(`  subgraph cluster_part${p} {`, `  ${defaultsStatement('graph', [['label', esc(title)], ['style', 'rounded'], ['color', '#999999']])}`);
      out.push(...body.map((l) => `  ${l}`), '  }');
    }
  });

  const per = parts.length > 1 ? `, one drawing per instance (${groupDigits(groupTotal)} locations in all)` : ` (${count(groupTotal, 'location')})`;
  const title = [
    `${model.kind} ${model.name}: ${groupDigits(n)} states, ${groupDigits(offsets[n])} transitions`,
    `SUMMARY: more than ${groupDigits(maxNodes)} states, so states are grouped by control location${per}`,
    ...(incompleteNote(g.complete, g.stopReason) === undefined ? [] : [incompleteNote(g.complete, g.stopReason)!]),
    colourKey(flagsDrawn, false),
  ];
  return { dot: [...graphHeader('summary', title), ...out, '}'].join('\n') + '\n', summarised: true, nodes: drawnTotal };
}
