/**
 * `import 'wfcheck/vitest'` registers model-checking matchers on vitest's
 * expect: toSatisfy(formula), toHold(property), toBeDeadlockFree(),
 * toBeSound(), toConserve(expr). A failure prints the counterexample as a
 * text trace (and, if asked, where its DOT file was written); a result a
 * limit left undecided fails both `expect` and `expect.not`.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, type MatcherState } from 'vitest';
import { checkFormulaText, checkProperty, type ModelCheckOptions } from './api/checkModel.js';
import type { CheckResult } from './api/checkResult.js';
import { checkConservation } from './api/conservation.js';
import type { LoadedSpec } from './api/loadedSpec.js';
import { formatDiagnostics } from './diagnostics/codeFrame.js';
import { SpecError, unreachable } from './diagnostics/diagnostic.js';
import { counterexampleToDot } from './render/counterexampleDot.js';
import { formatTrace } from './render/textTrace.js';

export interface MatcherOptions extends ModelCheckOptions {
  /**
   * Write the counterexample of a failing check as Graphviz DOT to this file.
   * Without it, the environment variable WFCHECK_DOT_DIR names a directory
   * where each failing test's counterexample is written (named after the test).
   */
  readonly dot?: string;
}

interface MatcherOutcome {
  readonly pass: boolean;
  readonly message: () => string;
}

type Predicate = (value: unknown) => boolean;

function isLoadedSpec(x: unknown): x is LoadedSpec {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o.file === 'string' && typeof o.text === 'string' && typeof o.model === 'object' && typeof o.system === 'object';
}

function requireSpec(received: unknown, matcher: string): LoadedSpec {
  if (isLoadedSpec(received)) return received;
  const hint = typeof (received as { then?: unknown } | null)?.then === 'function' ? ' (received a Promise: did you forget to await loadSpec(…)?)' : '';
  throw new TypeError(`${matcher}: expected a model from loadSpec() or parseSpec()${hint}`);
}

/** Runs a check; spec mistakes (a bad formula, an unknown property) fail the test with the located diagnostics. */
function run(check: () => CheckResult): CheckResult {
  try {
    return check();
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    // Rethrown with the located diagnostics as the message, which is all vitest shows.
    const located = new Error(formatDiagnostics(e.diagnostics, e.sources));
    located.name = 'SpecError';
    throw located;
  }
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'counterexample';
}

/** Where the DOT goes, if anywhere: the option, else WFCHECK_DOT_DIR/<test name>.dot. */
function dotPath(options: MatcherOptions | undefined, testName: string | undefined): string | undefined {
  if (options?.dot !== undefined) return resolve(options.dot);
  const dir = process.env.WFCHECK_DOT_DIR;
  return dir ? resolve(dir, `${slug(testName ?? 'counterexample')}.dot`) : undefined;
}

/** Whole file or none: a temporary file renamed over the target. */
function writeDot(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${slug(path)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function figures(r: CheckResult): string {
  return `${r.stats.states.toLocaleString('en-US')} states, ${r.stats.seconds.toFixed(2)}s`;
}

/** The verdict of `what` as a matcher outcome: pass when it holds (or, under .not, when it is violated). */
function verdict(state: MatcherState, spec: LoadedSpec, r: CheckResult, what: string, hint: string, options: MatcherOptions | undefined): MatcherOutcome {
  const model = `${spec.model.kind} ${spec.model.name} (${spec.file})`;
  switch (r.result) {
    case 'holds':
      return { pass: true, message: () => `${hint}\n\nExpected ${what} to be violated in ${model}, but it holds (${figures(r)}).` };
    case 'unknown':
      // Undecided is a failure either way: it must never read as holds, nor as violated.
      return { pass: state.isNot, message: () => `${hint}\n\n${what} was not decided in ${model}: ${r.reason} (${figures(r)}). Raise the limits to decide it.` };
    case 'violated': {
      const lines = [`${hint}`, '', `Expected ${what} to hold in ${model}, but it is violated (${figures(r)}).`];
      const cex = r.counterexample;
      if (cex !== undefined && !state.isNot) {
        const sources = new Map([[spec.file, spec.text]]);
        lines.push('', formatTrace(cex, sources).trimEnd());
        const path = dotPath(options, state.currentTestName);
        if (path !== undefined) {
          writeDot(path, counterexampleToDot(cex, sources));
          lines.push('', `The counterexample is drawn in ${path} (Graphviz DOT).`);
        }
      }
      const message = lines.join('\n');
      return { pass: false, message: () => message };
    }
    default:
      return unreachable(r);
  }
}

function hintFor(state: MatcherState, matcher: string, argument: string): string {
  return `expect(model)${state.isNot ? '.not' : ''}.${matcher}(${argument})`;
}

/** vitest's own toSatisfy(predicate, message?), which a string argument would otherwise shadow. */
function predicateOutcome(state: MatcherState, received: unknown, predicate: Predicate, message: string | undefined): MatcherOutcome {
  const { printReceived, printExpected, matcherHint } = state.utils;
  const pass = predicate(received);
  const expected = message ?? printExpected(predicate);
  return {
    pass,
    message: () =>
      pass
        ? `${matcherHint('.not.toSatisfy', 'received', '')}\n\nExpected value to not satisfy:\n${expected}\nReceived:\n${printReceived(received)}`
        : `${matcherHint('.toSatisfy', 'received', '')}\n\nExpected value to satisfy:\n${expected}\n\nReceived:\n${printReceived(received)}`,
  };
}

expect.extend({
  toSatisfy(this: MatcherState, received: unknown, formula: string | Predicate, options?: MatcherOptions | string): MatcherOutcome {
    if (typeof formula === 'function') return predicateOutcome(this, received, formula, typeof options === 'string' ? options : undefined);
    if (typeof formula !== 'string') throw new TypeError('toSatisfy: expected a formula (string) or a predicate function');
    const opts = typeof options === 'string' ? undefined : options;
    const spec = requireSpec(received, 'toSatisfy');
    const r = run(() => checkFormulaText(spec, formula, opts));
    return verdict(this, spec, r, formula.trim(), hintFor(this, 'toSatisfy', JSON.stringify(formula.trim())), opts);
  },
  toHold(this: MatcherState, received: unknown, property: string, options?: MatcherOptions): MatcherOutcome {
    const spec = requireSpec(received, 'toHold');
    const r = run(() => checkProperty(spec, property, options));
    return verdict(this, spec, r, `property ${property} (${r.formula})`, hintFor(this, 'toHold', JSON.stringify(property)), options);
  },
  toBeDeadlockFree(this: MatcherState, received: unknown, options?: MatcherOptions): MatcherOutcome {
    const spec = requireSpec(received, 'toBeDeadlockFree');
    const r = run(() => checkProperty(spec, 'deadlock_free', options));
    return verdict(this, spec, r, 'deadlock freedom', hintFor(this, 'toBeDeadlockFree', ''), options);
  },
  toBeSound(this: MatcherState, received: unknown, options?: MatcherOptions): MatcherOutcome {
    const spec = requireSpec(received, 'toBeSound');
    const r = run(() => checkProperty(spec, 'sound', options));
    return verdict(this, spec, r, 'soundness', hintFor(this, 'toBeSound', ''), options);
  },
  toConserve(this: MatcherState, received: unknown, expr: string, options?: MatcherOptions): MatcherOutcome {
    const spec = requireSpec(received, 'toConserve');
    const r = run(() => checkConservation(spec, expr, options));
    return verdict(this, spec, r, `conservation of ${expr.trim()} (${r.formula})`, hintFor(this, 'toConserve', JSON.stringify(expr.trim())), options);
  },
});

// Interface merging must repeat vitest's own type parameters (`T = any`) exactly.
declare module 'vitest' {
  interface Assertion<T = any> {
    /** The model satisfies this CTL/LTL formula (CTL when it uses a CTL operator), e.g. `'AG (src + dst == 100)'`. */
    toSatisfy(formula: string, options?: MatcherOptions): void;
    /** vitest's own: the value passes `predicate`. */
    toSatisfy<E>(predicate: (value: E) => boolean, message?: string): void;
  }
  interface Matchers<T = any> {
    /** The spec's property `name` holds (its own, or `in_range`, `sound`, `deadlock_free`), whatever the spec expects. */
    toHold(name: string, options?: MatcherOptions): void;
    /** No reachable state is stuck before the model has properly ended. */
    toBeDeadlockFree(options?: MatcherOptions): void;
    /** Workflow-net soundness: option to complete, proper completion, no dead steps. */
    toBeSound(options?: MatcherOptions): void;
    /** Integer expression `expr` keeps its initial value in every reachable state. */
    toConserve(expr: string, options?: MatcherOptions): void;
  }
}
