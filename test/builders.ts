/**
 * Test builders: wrap DSL snippets into whole specs and load them through
 * the real pipeline (parse → elaborate → compile), so tests read like the
 * DSL (as Quint's test/builders do). Also state counts and error capture.
 */
import { loadSpecText } from '../src/api/loadSpec.js';
import type { LoadedSpec } from '../src/api/loadedSpec.js';
import { formatDiagnostics } from '../src/diagnostics/codeFrame.js';
import { SpecError } from '../src/diagnostics/diagnostic.js';
import { explore } from '../src/explore/explore.js';
import type { Exploration } from '../src/explore/exploration.js';
import { readSlot } from '../src/system/stateLayout.js';
import type { SpecAst, WorkflowAst } from '../src/parse/ast.js';
import { parseSpec } from '../src/parse/parseSpec.js';

export const SNIPPET_FILE = 'snippet.wf';

/** `workflow W { decls  main { body }  props }` as text. */
export function workflowText(decls: string, mainBody: string, props = '', name = 'W'): string {
  return `workflow ${name} {\n${decls}\nmain {\n${mainBody}\n}\n${props}\n}\n`;
}

/** A whole spec text, loaded. Throws SpecError on any user mistake. */
export function specFromText(text: string, file = SNIPPET_FILE): LoadedSpec {
  return loadSpecText(text, file);
}

/** Workflow items (vars, activities, main, properties) wrapped in `workflow W { … }`, loaded. */
export function modelFromSnippet(items: string, name = 'W'): LoadedSpec {
  return loadSpecText(`workflow ${name} {\n${items}\n}\n`, SNIPPET_FILE);
}

/** Declarations plus a main body (plus optional properties), loaded. */
export function workflowFromBody(decls: string, mainBody: string, props = ''): LoadedSpec {
  return loadSpecText(workflowText(decls, mainBody, props), SNIPPET_FILE);
}

/** Parse only; fails the test (throws) with the formatted diagnostics on a syntax error. */
export function parseOk(text: string, file = SNIPPET_FILE): SpecAst {
  const r = parseSpec(text, file);
  if (!r.ok) throw new Error(formatDiagnostics(r.diagnostics, new Map([[file, text]])));
  return r.value;
}

/** Parse a workflow made of `items` and return its AST. */
export function parseWorkflow(items: string): WorkflowAst {
  const d = parseOk(`workflow W {\n${items}\n}\n`).decls[0];
  if (d.kind !== 'workflow') throw new Error(`expected a workflow, got ${d.kind}`);
  return d;
}

/** The SpecError that loading `text` throws; fails if it loads or throws anything else. */
export function specErrorOf(text: string, file = SNIPPET_FILE): SpecError {
  try {
    loadSpecText(text, file);
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw new Error(`expected a SpecError, got ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  throw new Error(`expected ${file} to be rejected, but it loaded`);
}

/** What users see for a rejected spec: the full formatDiagnostics output. */
export function errorOutput(text: string, file = SNIPPET_FILE): string {
  const e = specErrorOf(text, file);
  return formatDiagnostics(e.diagnostics, e.sources);
}

/** Diagnostic codes of a rejected spec, in reporting order. */
export function errorCodes(text: string, file = SNIPPET_FILE): string[] {
  return specErrorOf(text, file).diagnostics.map((d) => d.code);
}

export interface StateCount {
  readonly states: number;
  /** Edges: (state, enabled transition) pairs. */
  readonly transitions: number;
  /** Dead states where the model has not ended. */
  readonly deadlocks: number;
  /** Dead states where the model has properly ended (workflow terminated, machine final). */
  readonly terminals: number;
  /** Range / capacity faults met on the way. */
  readonly faults: number;
  readonly complete: boolean;
}

/** The full exploration of a loaded spec (BFS, every edge stored). */
export function exploreSpec(spec: LoadedSpec): Exploration {
  return explore(spec.system, { storeEdges: true });
}

/** Reachable-state figures of a loaded spec. */
export function countStates(spec: LoadedSpec): StateCount {
  const x = exploreSpec(spec);
  let terminals = 0;
  const s = new Int32Array(x.store.stateWords);
  const g = x.graph!;
  for (let i = 0; i < x.states; i++) {
    if (g.offsets[i + 1] !== g.offsets[i]) continue;
    x.store.read(i, s);
    if (spec.system.label(s, spec.system.terminalAtom)) terminals++;
  }
  return {
    states: x.states,
    transitions: x.transitions,
    deadlocks: x.deadlockCount,
    terminals,
    faults: x.faults.length,
    complete: x.status.kind === 'complete',
  };
}

/** Every reachable state as slot name → raw integer value, hidden control slots included. */
export function reachableStates(spec: LoadedSpec): Record<string, number>[] {
  const x = exploreSpec(spec);
  const slots = spec.model.slots.toArray();
  const s = new Int32Array(x.store.stateWords);
  const out: Record<string, number>[] = [];
  for (let i = 0; i < x.states; i++) {
    x.store.read(i, s);
    const rec: Record<string, number> = {};
    slots.forEach((slot, k) => (rec[slot.name] = readSlot(spec.system.layout, s, k)));
    out.push(rec);
  }
  return out;
}

/** Visible (non-hidden) values of every reachable state, as `describe` shows them. */
export function reachableViews(spec: LoadedSpec): Record<string, string | number | boolean>[] {
  const x = exploreSpec(spec);
  const s = new Int32Array(x.store.stateWords);
  const out: Record<string, string | number | boolean>[] = [];
  for (let i = 0; i < x.states; i++) {
    x.store.read(i, s);
    out.push(spec.system.describe(s).toObject());
  }
  return out;
}

/** Distinct visible states, each as a stable `name=value …` string, sorted. */
export function distinctViews(spec: LoadedSpec): string[] {
  const keys = reachableViews(spec).map((v) =>
    Object.entries(v)
      .map(([k, x]) => `${k}=${String(x)}`)
      .join(' '),
  );
  return [...new Set(keys)].sort();
}
