/**
 * The look shared by the full and the summarised state-graph drawings:
 * colours per kind of state, the colour key in the title, edge labels
 * from transition infos, and the pale backgrounds of cycles (SCCs).
 */
import type { TransitionInfo } from '../system/transitionSystem.js';
import { defaultsStatement, esc, labelLines, SANS_FONT, type DotAttributes } from './dot.js';
import { CUT, DEADLOCK, ENDED, FAULT, INITIAL, VIOLATION } from './reachableGraph.js';
import { describeStopReason, groupDigits, humanOutcome } from './traceFormat.js';
import type { StopReason } from '../explore/limits.js';

/** The colour key, naming only the kinds of states present (flags OR-ed over the drawn states). */
export function colourKey(flags: number, cycles: boolean): string {
  const parts = ['bold blue: initial'];
  if (flags & ENDED) parts.push('green: ended');
  if (flags & (DEADLOCK | FAULT)) parts.push('orange: deadlock or range fault');
  if (flags & VIOLATION) parts.push('red: invariant violated');
  if (cycles) parts.push('shaded: cycle');
  return parts.join(' - ');
}

/** Fill and border by what the state is; a violation's red border wins over the rest. */
export function flagStyle(f: number): DotAttributes {
  let fill = '#f7f7f7';
  let color = '#555555';
  let penwidth: number | undefined;
  let peripheries: number | undefined;
  let style = 'rounded,filled';
  if (f & ENDED) {
    fill = '#e0f2e9';
    color = '#2e7d32';
    peripheries = 2;
  }
  if (f & (DEADLOCK | FAULT)) {
    fill = '#ffe0b2';
    color = '#e65100';
    penwidth = 2;
  }
  if (f & INITIAL) {
    color = '#1565c0';
    penwidth = 2.5;
  }
  if (f & VIOLATION) {
    fill = f & (DEADLOCK | FAULT) ? fill : '#fde0e0';
    color = '#c62828';
    penwidth = 2.5;
  }
  if (f & CUT) style = 'rounded,filled,dashed';
  return [
    ['style', style],
    ['fillcolor', fill],
    ['color', color],
    ['penwidth', penwidth],
    ['peripheries', peripheries],
  ];
}

/** Pale backgrounds for cycles, distinct from the state fills. */
const CYCLE_FILLS = ['#eef3fb', '#f4eefa', '#eef8f6', '#fbf6ea'];

export function cycleAttributes(n: number, states: number, unit: string): DotAttributes {
  return [
    ['label', `cycle (${groupDigits(states)} ${unit}${states === 1 ? '' : 's'})`],
    ['style', 'rounded,filled'],
    ['fillcolor', CYCLE_FILLS[n % CYCLE_FILLS.length]],
    ['color', '#b0bec5'],
    ['fontcolor', '#546e7a'],
    ['fontsize', 9],
    ['labeljust', 'l'],
  ];
}

export function edgeText(info: TransitionInfo): string {
  const who = info.instance === undefined ? '' : `${info.instance}: `;
  return `${who}${info.label}${info.outcome === undefined ? '' : ` (${humanOutcome(info.outcome)})`}`;
}

export function incompleteNote(complete: boolean, stopReason: StopReason | undefined): string | undefined {
  if (complete) return undefined;
  return `INCOMPLETE: ${stopReason === undefined ? 'exploration stopped early' : describeStopReason(stopReason)}; dashed states have successors not drawn`;
}

export interface StateGraphPicture {
  readonly dot: string;
  /** True when the graph was too big and was drawn summarised. */
  readonly summarised: boolean;
  /** Boxes drawn. */
  readonly nodes: number;
}

/** Graph attributes shared with the summary drawing. */
export function graphHeader(name: string, title: readonly string[]): string[] {
  return [
    `digraph ${name} {`,
    defaultsStatement('graph', [
      ['rankdir', 'TB'],
      ['fontname', SANS_FONT],
      ['fontsize', 12],
      ['label', labelLines(title, 'center')],
      ['labelloc', 't'],
      ['pad', 0.3],
      ['nodesep', 0.3],
      ['ranksep', 0.45],
      ['tooltip', esc(title[0])],
    ]),
    defaultsStatement('node', [['shape', 'box'], ['fontname', SANS_FONT], ['fontsize', 9], ['margin', '0.12,0.05']]),
    defaultsStatement('edge', [['color', '#666666'], ['fontname', SANS_FONT], ['fontsize', 8], ['arrowsize', 0.7]]),
  ];
}

/** Parallel edges between the same two nodes become one edge listing every label once. */
export function mergeEdges(edges: Iterable<readonly [number, number, string]>): Map<string, { from: number; to: number; labels: string[] }> {
  const merged = new Map<string, { from: number; to: number; labels: string[] }>();
  for (const [from, to, label] of edges) {
    const key = `${from}>${to}`;
    const e = merged.get(key);
    if (e === undefined) merged.set(key, { from, to, labels: [label] });
    else if (!e.labels.includes(label)) e.labels.push(label);
  }
  return merged;
}

