/**
 * Pieces shared by the counterexample drawings (main path and witness-tree
 * branches): box and edge labels, tooltips and the colour scheme, so a
 * branch reads exactly like the path it hangs off.
 */
import type { TraceStep } from '../counterexample/counterexample.js';
import type { ValueChange } from '../system/stateView.js';
import { formatAssignment, fullLocation, humanOutcome, shortLocation } from './traceFormat.js';

export const RED = '#c62828';
export const RED_FILL = '#fde0e0';
export const BLUE = '#1565c0';
export const BLUE_FILL = '#e3eefc';
export const GREY = '#555555';
export const PLAIN_FILL = '#f7f7f7';

/** Branch colours (line, fill), distinct from the main path's grey/red/blue; reused cyclically. */
export const BRANCH_COLOURS: ReadonlyArray<readonly [string, string]> = [
  ['#6a1b9a', '#f3e5f5'],
  ['#00695c', '#e0f2f1'],
  ['#e65100', '#fff3e0'],
  ['#4e342e', '#efebe9'],
  ['#ad1457', '#fce4ec'],
];

export function boxLines(title: string, values: readonly string[], max: number): string[] {
  if (values.length === 0) return [title, '(no change)'];
  if (values.length <= max) return [title, ...values];
  const hidden = values.length - max;
  // ASCII dots: the WebAssembly Graphviz has no width metrics for non-ASCII characters.
  return [title, ...values.slice(0, max), `... ${hidden} more (hover for all)`];
}

export function changedValues(changes: readonly ValueChange[]): string[] {
  return changes.map((c) => formatAssignment(c.name, c.after));
}

export function stepLabel(step: TraceStep, n: number, sources: ReadonlyMap<string, string>): string[] {
  const lines = [`${n}. ${step.label}`];
  if (step.outcome !== undefined) lines.push(`(${humanOutcome(step.outcome)})`);
  const where = [
    step.instance === undefined ? '' : `[${step.instance}]`,
    step.span === undefined ? '' : shortLocation(step.span, sources),
  ].filter((s) => s !== '');
  if (where.length > 0) lines.push(where.join(' '));
  return lines;
}

export function stepTooltip(step: TraceStep, sources: ReadonlyMap<string, string>): string {
  return step.span === undefined ? step.transition : `${step.transition}\n${fullLocation(step.span, sources)}`;
}
