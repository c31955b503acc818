/**
 * `model.check(target)`: one property of the spec by name (declared, or a
 * built-in: in_range, sound, deadlock_free), or else a CTL/LTL formula
 * elaborated in the model's scope exactly as the spec's own properties are.
 * Either way one exploration and one CheckResult.
 */
import { SpecError, error } from '../diagnostics/diagnostic.js';
import { isPnmlSpec } from '../mcc/checkPnml.js';
import { SOUND_PROPERTY } from '../mcc/soundProperty.js';
import type { PropertyIR } from '../model/model.js';
import type { Progress } from '../explore/exploration.js';
import { RANGE_PROPERTY, checkSpec } from './checkSpec.js';
import type { PropertyReport } from './checkReport.js';
import { toCheckResult, type CheckResult } from './checkResult.js';
import type { LoadedSpec } from './loadedSpec.js';
import { loadSpecText } from './loadSpec.js';

export interface ModelCheckOptions {
  /** Stop after storing this many states: undecided results are `unknown`. */
  readonly maxStates?: number;
  readonly timeoutMs?: number;
  /** Budget for the explorer's tables (bytes). */
  readonly maxMemoryBytes?: number;
  /** Polled during exploration; true stops it (results become `unknown`). */
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (p: Progress) => void;
}

const DEADLOCK_FREE = 'deadlock_free';

function limitsOf(o: ModelCheckOptions): ModelCheckOptions {
  return {
    ...(o.maxStates !== undefined ? { maxStates: o.maxStates } : {}),
    ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.maxMemoryBytes !== undefined ? { maxMemoryBytes: o.maxMemoryBytes } : {}),
    ...(o.shouldStop !== undefined ? { shouldStop: o.shouldStop } : {}),
    ...(o.onProgress !== undefined ? { onProgress: o.onProgress } : {}),
  };
}

function declaredNames(spec: LoadedSpec): string[] {
  return spec.model.properties.toArray().map((p) => p.name);
}

/** Names check() treats as properties: the spec's own and the built-in ones. */
export function propertyNames(spec: LoadedSpec): string[] {
  return [...new Set([RANGE_PROPERTY, ...declaredNames(spec), SOUND_PROPERTY, DEADLOCK_FREE])];
}

/** A property name the spec does not use (for formulas elaborated alongside its properties). */
export function freshPropertyName(spec: LoadedSpec, base: string): string {
  const taken = new Set(propertyNames(spec));
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

/** The spec with the `deadlock_free` template added when it does not declare it (no atom needed, so the compiled system is unchanged). */
function withDeadlockFreedom(spec: LoadedSpec): LoadedSpec {
  if (declaredNames(spec).includes(DEADLOCK_FREE)) return spec;
  const property: PropertyIR = { kind: 'deadlock_free', name: DEADLOCK_FREE, text: DEADLOCK_FREE, expect: 'holds', span: spec.model.span };
  return { ...spec, model: spec.model.set('properties', spec.model.properties.push(property)) };
}

/** The one report of property `name` (checked on its own). */
function reportOf(spec: LoadedSpec, name: string, options: ModelCheckOptions): PropertyReport {
  const target = name === DEADLOCK_FREE ? withDeadlockFreedom(spec) : spec;
  const report = checkSpec(target, { ...limitsOf(options), properties: [name] });
  const found = report.properties.find((p) => p.name === name);
  if (found === undefined) throw new Error(`internal: checkSpec gave no result for property '${name}'`);
  return found;
}

/** Checks one property by name; an unknown name is WF401 (with a suggestion). */
export function checkProperty(spec: LoadedSpec, name: string, options: ModelCheckOptions = {}): CheckResult {
  return toCheckResult(reportOf(spec, name, options));
}

/** Checks a formula given as text (CTL when it uses a CTL operator, else LTL) in the model's scope. */
export function checkFormulaText(spec: LoadedSpec, text: string, options: ModelCheckOptions = {}): CheckResult {
  if (isPnmlSpec(spec)) {
    throw new SpecError([error('WF402', `formulas cannot be given for a PNML net (${spec.file}); check its properties with an MCC property file (--mcc-formulas)`)]);
  }
  const name = freshPropertyName(spec, 'formula');
  const extended = loadSpecText(spec.text, spec.file, { formulas: [{ name, text }] });
  // A formula given here has no `expect` of its own.
  return toCheckResult({ ...reportOf(extended, name, options), expected: undefined }, text.trim());
}

/** A property name if the spec (or the built-ins) has it, otherwise a formula. */
export function checkModel(spec: LoadedSpec, target: string, options: ModelCheckOptions = {}): CheckResult {
  return propertyNames(spec).includes(target.trim()) ? checkProperty(spec, target.trim(), options) : checkFormulaText(spec, target, options);
}
