/**
 * The public way in: `loadSpec(path)` / `parseSpec(text)` give a
 * LoadedModel, a LoadedSpec (so `checkSpec` takes it) that can also check
 * one property or formula at a time — what unit tests and the vitest
 * matchers call.
 */
import type { CheckReport } from './checkReport.js';
import type { CheckResult } from './checkResult.js';
import { checkModel, type ModelCheckOptions } from './checkModel.js';
import { checkSpec } from './checkSpec.js';
import { checkConservation } from './conservation.js';
import type { LoadedSpec } from './loadedSpec.js';
import { loadSpec as loadSpecFile, loadSpecText, type LoadOptions } from './loadSpec.js';

export interface LoadedModel extends LoadedSpec {
  /**
   * Checks one property of the spec by name (its own, or `in_range`,
   * `sound`, `deadlock_free`), or else a CTL/LTL formula written as in a
   * spec, e.g. `model.check('AG (src + locked + dst == 100)')`.
   * Throws SpecError for a formula that does not parse or elaborate.
   */
  check(formulaOrPropertyName: string, options?: ModelCheckOptions): CheckResult;
  /** Checks that integer expression `expr` keeps its initial value in every reachable state. */
  checkConserves(expr: string, options?: ModelCheckOptions): CheckResult;
  /** Every property of the spec, with one exploration: what `wfcheck check` reports. */
  checkAll(options?: ModelCheckOptions & { readonly properties?: readonly string[] }): CheckReport;
}

/** Adds the checking methods to a loaded spec. */
export function toLoadedModel(spec: LoadedSpec): LoadedModel {
  return {
    ...spec,
    check: (target, options) => checkModel(spec, target, options),
    checkConserves: (expr, options) => checkConservation(spec, expr, options),
    checkAll: (options) => checkSpec(spec, options),
  };
}

/** Reads, parses, elaborates and compiles a `.wf` spec or `.pnml` net; user mistakes throw SpecError. */
export async function loadSpec(path: string, options: LoadOptions = {}): Promise<LoadedModel> {
  return toLoadedModel(await loadSpecFile(path, options));
}

/** The same from text; `file` names it in diagnostics and traces. */
export function parseSpec(text: string, file = '<spec>', options: LoadOptions = {}): LoadedModel {
  return toLoadedModel(loadSpecText(text, file, options));
}
