/**
 * Test builders: wrap DSL snippets into whole specs and load them through
 * the real pipeline (parse → elaborate → compile), so tests read like the
 * DSL (as Quint's test/builders do). Also state counts and error capture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpecText } from '../src/api/loadSpec.js';
import type { LoadedSpec } from '../src/api/loadedSpec.js';
import { formatDiagnostics } from '../src/diagnostics/codeFrame.js';
import { SpecError } from '../src/diagnostics/diagnostic.js';
import { explore } from '../src/explore/explore.js';
import type { Exploration } from '../src/explore/exploration.js';
import type { SpecAst, WorkflowAst } from '../src/parse/ast.js';
import { parseSpec } from '../src/parse/parseSpec.js';

export const SNIPPET_FILE = 'snippet.wf';

const TEST_ROOT = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = dirname(TEST_ROOT);

export interface Fixture {
  /** Path relative to the repository root, as diagnostics print it. */
  readonly file: string;
  readonly text: string;
}

/** `test/fixtures/specs/<kind>/<name>.wf`, read as a user's file would be. */
export function fixture(kind: 'bad' | 'good', name: string): Fixture {
  const path = join(TEST_ROOT, 'fixtures', 'specs', kind, `${name}.wf`);
  return { file: relative(REPO_ROOT, path), text: readFileSync(path, 'utf8') };
}

/** Names (without .wf) of every fixture of a kind. */
export function fixtureNames(kind: 'bad' | 'good'): string[] {
  return readdirSync(join(TEST_ROOT, 'fixtures', 'specs', kind))
    .filter((f) => f.endsWith('.wf'))
    .map((f) => f.slice(0, -3))
    .sort();
}

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

/** States with no successor (ended or deadlocked), as visible values. */
export function deadEndViews(spec: LoadedSpec): Record<string, string | number | boolean>[] {
  const x = exploreSpec(spec);
  const g = x.graph!;
  const s = new Int32Array(x.store.stateWords);
  const out: Record<string, string | number | boolean>[] = [];
  for (let i = 0; i < x.states; i++) {
    if (g.offsets[i + 1] !== g.offsets[i]) continue;
    x.store.read(i, s);
    out.push(spec.system.describe(s).toObject());
  }
  return out;
}

export interface EdgeView {
  readonly from: Record<string, string | number | boolean>;
  readonly to: Record<string, string | number | boolean>;
  /** Transition label, with its outcome when it has one: `A (ok)`. */
  readonly step: string;
}

/** Every edge of the reachable graph, endpoints as visible values. */
export function edgeViews(spec: LoadedSpec): EdgeView[] {
  const x = exploreSpec(spec);
  const g = x.graph!;
  const s = new Int32Array(x.store.stateWords);
  const view = (i: number) => {
    x.store.read(i, s);
    return spec.system.describe(s).toObject();
  };
  const out: EdgeView[] = [];
  for (let i = 0; i < x.states; i++) {
    for (let k = g.offsets[i]; k < g.offsets[i + 1]; k++) {
      const info = spec.system.transitionInfo(g.labels[k]);
      out.push({ from: view(i), to: view(g.targets[k]), step: info.outcome ? `${info.label} (${info.outcome})` : info.label });
    }
  }
  return out;
}

/** A copy of an AST (or any JSON-like value) without `span` fields, for shape assertions. */
export function withoutSpans(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (key, value: unknown) => (key === 'span' ? undefined : value)));
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
