/**
 * The `--json` output (DESIGN.md §6, a fixed contract other tools parse):
 * a CheckReport as plain JSON data with a stable key order. Counterexample
 * steps carry names, outcomes, `file:line:col` locations and new values.
 */
import type { CheckReport, PropertyReport } from '../api/checkReport.js';
import { isAsExpected } from '../api/checkReport.js';
import type { Counterexample, TraceStep } from '../counterexample/counterexample.js';
import type { StopReason } from '../explore/limits.js';
import type { DisplayValue, StateView, ValueChange } from '../system/stateView.js';
import { fullLocation } from './traceFormat.js';

export type JsonValues = { readonly [name: string]: DisplayValue };

export interface JsonStep {
  /** 1-based; step k leads from state k-1 to state k. */
  readonly step: number;
  /** What happened, for humans (usually the activity name). */
  readonly name: string;
  /** The unique transition name. */
  readonly transition: string;
  readonly kind?: string;
  readonly outcome?: string;
  readonly instance?: string;
  /** `file:line:col` of the spec element. */
  readonly location?: string;
}

export interface JsonStateStep extends JsonStep {
  /** New values of what this step changed. */
  readonly changes: JsonValues;
}

export interface JsonFault extends JsonStep {
  readonly message: string;
}

export interface JsonCounterexample {
  readonly kind: Counterexample['kind'];
  readonly summary: string;
  /** Every value in the initial state (state 0). */
  readonly initial: JsonValues;
  readonly steps: readonly JsonStateStep[];
  /** Lassos: the state the last state steps back to (0 = initial, k = after step k). */
  readonly loopStart?: number;
  /** A step whose effect leaves a declared range; it has no successor state. */
  readonly fault?: JsonFault;
  /** CTL witness trees: sub-witnesses hanging off state `at` (0 = initial, k = after step k). */
  readonly branches?: readonly { readonly at: number; readonly note: string; readonly witness: JsonCounterexample }[];
}

export interface JsonProperty {
  readonly name: string;
  readonly kind: string;
  readonly formula: string;
  readonly result: PropertyReport['result'];
  readonly expected?: 'holds' | 'violated';
  readonly asExpected: boolean;
  readonly reason?: string;
  readonly states: number;
  readonly seconds: number;
  readonly bound?: number;
  readonly counterexample?: JsonCounterexample;
}

export interface JsonReport {
  readonly file: string;
  readonly model: string;
  readonly modelKind: string;
  readonly states: number;
  readonly transitions: number;
  readonly complete: boolean;
  readonly stopReason?: StopReason;
  readonly seconds: number;
  readonly bytesPerState: number;
  /** Fingerprint mode only: storage and the probability that a state was missed. */
  readonly fingerprint?: { readonly bits: number; readonly missProbability: number };
  readonly maxTokensInPlace?: number;
  readonly maxTokensPerMarking?: number;
  readonly properties: readonly JsonProperty[];
}

/** Milliseconds are all anyone reads; more digits only make diffs noisy. */
function roundSeconds(s: number): number {
  return Math.round(s * 1000) / 1000;
}

function viewValues(view: StateView): JsonValues {
  const out: Record<string, DisplayValue> = {};
  for (const [name, value] of view) out[name] = value;
  return out;
}

function changeValues(changes: readonly ValueChange[]): JsonValues {
  const out: Record<string, DisplayValue> = {};
  for (const c of changes) out[c.name] = c.after;
  return out;
}

function stepJson(step: TraceStep, n: number, sources: ReadonlyMap<string, string>): JsonStep {
  return {
    step: n,
    name: step.label,
    transition: step.transition,
    ...(step.kind !== undefined ? { kind: step.kind } : {}),
    ...(step.outcome !== undefined ? { outcome: step.outcome } : {}),
    ...(step.instance !== undefined ? { instance: step.instance } : {}),
    ...(step.span !== undefined ? { location: fullLocation(step.span, sources) } : {}),
  };
}

export function counterexampleToJson(
  cex: Counterexample,
  sources: ReadonlyMap<string, string>,
): JsonCounterexample {
  const initial = cex.states[0];
  return {
    kind: cex.kind,
    summary: cex.summary,
    initial: initial === undefined ? {} : viewValues(initial.values),
    steps: cex.steps.map((s, i) => ({
      ...stepJson(s, i + 1, sources),
      changes: changeValues(cex.states[i + 1]?.changes ?? []),
    })),
    ...(cex.loopStart !== undefined ? { loopStart: cex.loopStart } : {}),
    ...(cex.fault !== undefined
      ? { fault: { ...stepJson(cex.fault.step, cex.steps.length + 1, sources), message: cex.fault.message } }
      : {}),
    ...(cex.branches && cex.branches.length > 0
      ? { branches: cex.branches.map((b) => ({ at: b.at, note: b.note, witness: counterexampleToJson(b.witness, sources) })) }
      : {}),
  };
}

function propertyJson(p: PropertyReport, sources: ReadonlyMap<string, string>): JsonProperty {
  return {
    name: p.name,
    kind: p.kind,
    formula: p.formula,
    result: p.result,
    ...(p.expected !== undefined ? { expected: p.expected } : {}),
    asExpected: isAsExpected(p),
    ...(p.reason !== undefined ? { reason: p.reason } : {}),
    states: p.states,
    seconds: roundSeconds(p.seconds),
    ...(p.bound !== undefined ? { bound: p.bound } : {}),
    ...(p.counterexample !== undefined ? { counterexample: counterexampleToJson(p.counterexample, sources) } : {}),
  };
}

export function reportToJson(report: CheckReport, sources: ReadonlyMap<string, string>): JsonReport {
  return {
    file: report.file,
    model: report.model,
    modelKind: report.modelKind,
    states: report.states,
    transitions: report.transitions,
    complete: report.complete,
    ...(report.stopReason !== undefined ? { stopReason: report.stopReason } : {}),
    seconds: roundSeconds(report.seconds),
    bytesPerState: report.bytesPerState,
    ...(report.fingerprint !== undefined ? { fingerprint: { bits: report.fingerprint.bits, missProbability: report.fingerprint.missProbability } } : {}),
    ...(report.maxTokensInPlace !== undefined ? { maxTokensInPlace: report.maxTokensInPlace } : {}),
    ...(report.maxTokensPerMarking !== undefined ? { maxTokensPerMarking: report.maxTokensPerMarking } : {}),
    properties: report.properties.map((p) => propertyJson(p, sources)),
  };
}
