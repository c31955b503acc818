/**
 * Hand-built counterexamples and reports for the renderer tests: a path, a
 * lasso and a range fault over a small spec text, with spans found in that
 * text so every `file:line` in the output can be checked by eye.
 */
import { OrderedMap } from 'immutable';
import type { CheckReport } from '../../src/api/checkReport.js';
import type { Counterexample, TraceState, TraceStep } from '../../src/counterexample/counterexample.js';
import type { SourceSpan } from '../../src/diagnostics/span.js';
import { diffViews, type DisplayValue, type StateView } from '../../src/system/stateView.js';

export const SPEC_FILE = 'specs/demo/escrow.wf';

export const SPEC_TEXT = `workflow Escrow {
  var escrow: 0..10 = 10
  var tgt: 0..10 = 0
  var phase: {start, locked, paid} = start
  var note: {none, "odd\\name"} = none

  activity LockFunds may fail { phase = locked }
  activity ReleaseFunds may fail after effect { escrow -= 10; tgt += 10 }
  activity Überweisung { tgt += 1 }
  activity Poll { }

  invariant conservation: escrow + tgt == 10
}
`;

export const SOURCES: ReadonlyMap<string, string> = new Map([[SPEC_FILE, SPEC_TEXT]]);

/** The span of the first occurrence of `needle` in the spec text. */
export function spanOf(needle: string): SourceSpan {
  const start = SPEC_TEXT.indexOf(needle);
  if (start < 0) throw new Error(`not in the sample spec: ${needle}`);
  return { file: SPEC_FILE, start, end: start + needle.length };
}

function step(label: string, extra: Partial<TraceStep> = {}): TraceStep {
  return {
    transition: [extra.instance, label, extra.outcome].filter((p) => p !== undefined).join('.'),
    label,
    span: spanOf(`activity ${label}`),
    ...extra,
  };
}

const INITIAL: ReadonlyArray<readonly [string, DisplayValue]> = [
  ['escrow', 10],
  ['tgt', 0],
  ['phase', 'start'],
  ['note', 'none'],
  ['o1.done', false],
  ['o2.done', false],
];

/** States from the initial values and one update per step. */
function states(updates: ReadonlyArray<Readonly<Record<string, DisplayValue>>>): TraceState[] {
  let view: StateView = OrderedMap<string, DisplayValue>(INITIAL.map(([k, v]) => [k, v] as [string, DisplayValue]));
  const out: TraceState[] = [{ values: view, changes: diffViews(undefined, view) }];
  for (const u of updates) {
    const before = view;
    view = view.merge(u);
    out.push({ values: view, changes: diffViews(before, view) });
  }
  return out;
}

export function pathTrace(): Counterexample {
  return {
    kind: 'path',
    summary: 'invariant "conservation" is violated: escrow + tgt == 10 is false',
    steps: [
      step('LockFunds', { instance: 'o1', kind: 'activity', outcome: 'completed' }),
      step('ReleaseFunds', { instance: 'o1', kind: 'activity', outcome: 'failed_after_effect' }),
      step('Poll', { instance: 'o2', kind: 'activity' }),
      step('ReleaseFunds', { instance: 'o1', kind: 'activity', outcome: 'completed' }),
    ],
    states: states([
      { phase: 'locked' },
      { escrow: 0, tgt: 10, note: 'odd\\name' },
      {},
      { escrow: 0, tgt: 10, phase: 'paid', 'o1.done': true },
    ]),
  };
}

export function lassoTrace(): Counterexample {
  return {
    kind: 'lasso',
    summary: 'terminates is violated: Poll can repeat forever',
    steps: [step('LockFunds'), step('Poll', { outcome: 'not_ready' }), step('Poll', { outcome: 'ready' })],
    states: states([{ phase: 'locked' }, { 'o1.done': true }, { 'o1.done': false }]),
    loopStart: 1,
  };
}

export function faultTrace(): Counterexample {
  return {
    kind: 'path',
    summary: 'range: tgt would leave 0..10',
    steps: [step('ReleaseFunds', { outcome: 'completed' })],
    states: states([{ escrow: 0, tgt: 10 }]),
    fault: { step: step('Überweisung'), message: 'tgt would become 11, outside 0..10' },
  };
}

/** A report with one property of each status. */
export function sampleReport(): CheckReport {
  return {
    file: SPEC_FILE,
    model: 'Escrow',
    modelKind: 'workflow',
    states: 12345,
    transitions: 67890,
    complete: false,
    stopReason: 'max-states',
    seconds: 1.23456,
    bytesPerState: 24,
    properties: [
      { name: 'conservation', kind: 'invariant', formula: 'escrow + tgt == 10', result: 'violated', counterexample: pathTrace(), states: 40, seconds: 0.0123 },
      { name: 'terminates', kind: 'terminates', formula: 'AF terminated', result: 'violated', expected: 'violated', counterexample: lassoTrace(), states: 12345, seconds: 0.5 },
      { name: 'deadlock_free', kind: 'deadlock_free', formula: 'AG !deadlock', result: 'unknown', reason: 'max-states', states: 12345, seconds: 1.2 },
      { name: 'range', kind: 'range', formula: 'every update stays in its range', result: 'holds', states: 12345, seconds: 1.2 },
    ],
  };
}

/** States continuing from `from`'s values (a sub-witness starts at a state of its parent). */
function statesFrom(from: TraceState, updates: ReadonlyArray<Readonly<Record<string, DisplayValue>>>): TraceState[] {
  let view = from.values;
  const out: TraceState[] = [{ values: view, changes: diffViews(undefined, view) }];
  for (const u of updates) {
    const before = view;
    view = view.merge(u);
    out.push({ values: view, changes: diffViews(before, view) });
  }
  return out;
}

/**
 * A CTL witness tree for AG (phase == locked -> AF o1.done): the main path
 * reaches a locked state; branch A is the lasso on which o1.done never
 * holds, branch B a note on the initial state.
 */
export function treeTrace(): Counterexample {
  const main = states([{ phase: 'locked' }, { tgt: 1 }]);
  const loop: Counterexample = {
    kind: 'lasso',
    summary: 'AF o1.done fails: Poll can repeat forever',
    steps: [step('Poll', { outcome: 'not_ready' }), step('Poll', { outcome: 'not_ready' })],
    states: statesFrom(main[1], [{ note: 'odd\\name' }, { note: 'none' }]),
    loopStart: 1,
  };
  const here: Counterexample = {
    kind: 'path',
    summary: 'phase == start',
    steps: [],
    states: statesFrom(main[0], []),
  };
  return {
    kind: 'tree',
    summary: 'ctl eventually_done is violated: AG (phase == locked -> AF o1.done)',
    steps: [step('LockFunds', { outcome: 'completed' }), step('Überweisung')],
    states: main,
    branches: [
      { at: 1, note: 'AF o1.done fails from here', witness: loop },
      { at: 0, note: 'phase == locked is false here', witness: here },
    ],
  };
}
