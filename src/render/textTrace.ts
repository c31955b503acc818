/**
 * A counterexample as terminal text, in the spirit of SPIN and TLC traces:
 * the summary, the initial values, then one aligned line per step with its
 * outcome, instance and spec location, followed by the values it changed.
 */
import type { Counterexample, TraceStep } from '../counterexample/counterexample.js';
import {
  formatChange,
  humanOutcome,
  shortLocation,
  stateAssignments,
  wrapItems,
} from './traceFormat.js';

export interface TextTraceOptions {
  /** Wrap value lists at this many columns (default 100). */
  readonly width?: number;
}

interface StepColumns {
  readonly number: string;
  readonly what: string;
  readonly instance: string;
  readonly location: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function header(cex: Counterexample): string {
  const parts = [cex.kind, plural(cex.steps.length, 'step')];
  if (cex.fault) parts[1] += ' + fault';
  if (cex.loopStart !== undefined) parts.push(`loop back to state ${cex.loopStart}`);
  return `Counterexample (${parts.join(', ')}): ${cex.summary}`;
}

function columns(step: TraceStep, n: number, sources: ReadonlyMap<string, string>): StepColumns {
  const outcome = step.outcome === undefined ? '' : `  (${humanOutcome(step.outcome)})`;
  return {
    number: `${n}.`,
    what: step.label + outcome,
    instance: step.instance === undefined ? '' : `[${step.instance}]`,
    location: step.span === undefined ? '' : shortLocation(step.span, sources),
  };
}

function widest(rows: readonly StepColumns[], key: keyof StepColumns): number {
  return rows.reduce((w, r) => Math.max(w, r[key].length), 0);
}

/** Render the rows with shared column widths; empty columns take no space. */
function alignRows(rows: readonly StepColumns[]): string[] {
  const wNum = widest(rows, 'number');
  const wWhat = widest(rows, 'what');
  const wInst = widest(rows, 'instance');
  return rows.map((r) => {
    const cells = [r.number.padStart(wNum), r.what.padEnd(wWhat)];
    if (wInst > 0) cells.push(r.instance.padEnd(wInst));
    cells.push(r.location);
    return `  ${cells[0]} ${cells.slice(1).join('  ')}`.trimEnd();
  });
}

function stateName(index: number): string {
  return index === 0 ? 'the initial state' : `state ${index}`;
}

export function formatTrace(
  cex: Counterexample,
  sources: ReadonlyMap<string, string>,
  options: TextTraceOptions = {},
): string {
  const width = options.width ?? 100;
  const rows = cex.steps.map((s, i) => columns(s, i + 1, sources));
  if (cex.fault) rows.push(columns(cex.fault.step, cex.steps.length + 1, sources));
  const lines = alignRows(rows);
  const numWidth = widest(rows, 'number');
  const detail = ' '.repeat(2 + numWidth + 3);
  const out: string[] = [header(cex)];

  const loopMark = (at: number): void => {
    if (cex.loopStart === at) out.push(`  -- loop starts here (${stateName(at)}) --`);
  };

  out.push('  initial state');
  const initial = cex.states[0];
  if (initial !== undefined) {
    const values = stateAssignments(initial.values);
    out.push(...(values.length === 0 ? [`${detail}(no values)`] : wrapItems(values, width, detail)));
  }
  loopMark(0);
  cex.steps.forEach((_, i) => {
    out.push(lines[i]);
    const changes = cex.states[i + 1]?.changes ?? [];
    if (changes.length === 0) out.push(`${detail}(no change)`);
    else out.push(...wrapItems(changes.map(formatChange), width, detail));
    loopMark(i + 1);
  });
  if (cex.fault) {
    out.push(lines[cex.steps.length]);
    out.push(`${detail}fault: ${cex.fault.message}`);
  }
  if (cex.loopStart !== undefined) {
    out.push(`  -- back to ${stateName(cex.loopStart)}; the loop repeats forever --`);
  }
  // CTL witness trees: each sub-witness follows, indented, from the state it hangs off.
  for (const b of cex.branches ?? []) {
    const sub = formatTrace(b.witness, sources, options).trimEnd().split('\n');
    out.push(`  -- from ${stateName(b.at)}: ${b.note} --`, ...sub.map((l) => `    ${l}`));
  }
  return out.join('\n') + '\n';
}
