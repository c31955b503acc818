/**
 * One differential check of a generated spec: load it (parser, elaborator,
 * compiler), explore the IR with the plain interpreter, and hold the packed
 * BFS and DFS explorers, checkSpec's verdicts and its counterexamples to
 * what the interpreter found.
 */
import { expect } from 'vitest';
import type { CheckReport } from '../../src/api/checkReport.js';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import type { LoadedSpec } from '../../src/api/loadedSpec.js';
import { formatDiagnostics } from '../../src/diagnostics/codeFrame.js';
import { SpecError } from '../../src/diagnostics/diagnostic.js';
import { explore } from '../../src/explore/explore.js';
import type { Exploration } from '../../src/explore/exploration.js';
import { MAX_LISTED_DEADLOCKS, MAX_LISTED_FAULTS } from '../../src/explore/searchRun.js';
import { unpack } from '../../src/system/stateLayout.js';
import type { GeneratedSpec } from '../arbitraries/generatedSpec.js';
import { type Interpretation, interpretModel, stateKeyOf, step } from '../reference/irInterpreter.js';
import { interpretedVerdicts } from './interpretedVerdicts.js';
import { replayCounterexample } from './replayCounterexample.js';
import { specFeatures } from './specFeatures.js';

/** Specs whose state space exceeds this are skipped (counted, not checked). */
export const STATE_LIMIT = 5000;

export function loadGenerated(spec: GeneratedSpec): LoadedSpec {
  try {
    return loadSpecText(spec.text, 'generated.wf');
  } catch (e) {
    if (e instanceof SpecError) throw new Error(`a generated ${spec.kind} spec did not load:\n${formatDiagnostics(e.diagnostics, e.sources)}\n${spec.text}`);
    throw new Error(`internal error loading a generated ${spec.kind} spec: ${(e as Error).stack}\n${spec.text}`);
  }
}

/** Unpacked key of every stored state, by index. */
function storedKeys(spec: LoadedSpec, x: Exploration): string[] {
  const s = new Int32Array(x.store.stateWords);
  const keys: string[] = [];
  for (let i = 0; i < x.states; i++) {
    x.store.read(i, s);
    keys.push(stateKeyOf(unpack(spec.system.layout, s)));
  }
  return keys;
}

/** Watched atoms for the model's properties, and each property's index into them. */
function watchedAtoms(spec: LoadedSpec): { watch: number[]; index: (number | undefined)[] } {
  const watch: number[] = [];
  const index = spec.system.propertyAtoms.map((atom) => {
    if (atom === undefined) return undefined;
    watch.push(atom);
    return watch.length - 1;
  });
  return { watch, index };
}

function compareBfs(spec: LoadedSpec, ref: Interpretation): void {
  const { watch, index } = watchedAtoms(spec);
  const x = explore(spec.system, { watch });
  expect(x.status).toEqual({ kind: 'complete' });
  expect({ states: x.states, edges: x.transitions, deadlocks: x.deadlockCount, faulty: x.faults.length > 0 }).toEqual({
    states: ref.states,
    edges: ref.edges,
    deadlocks: ref.deadlocks,
    faulty: ref.faults.length > 0,
  });
  const keys = storedKeys(spec, x);
  // Same states, and the BFS parent tree gives the interpreter's depths.
  const depth: number[] = [];
  keys.forEach((key, i) => {
    expect(ref.depth.has(key), `stored state ${key} is not reachable in the IR`).toBe(true);
    depth.push(i === 0 ? 0 : depth[x.store.parent(i)] + 1);
    expect(depth[i]).toBe(ref.depth.get(key));
  });
  expect(new Set(keys).size).toBe(x.states);
  const dead = new Set(x.deadlocks.map((d) => keys[d]));
  if (x.deadlockCount <= MAX_LISTED_DEADLOCKS) expect(dead).toEqual(ref.deadlockStates);
  for (const key of dead) expect(ref.deadlockStates.has(key), `deadlock ${key} is not dead in the IR`).toBe(true);

  const refFaults = new Set(ref.faults.map((f) => `${f.state}|${f.transition}`));
  const faultPairs = new Set(x.faults.map((f) => `${keys[f.state]}|${f.transition}`));
  for (const pair of faultPairs) expect(refFaults.has(pair), `fault ${pair} does not fault in the IR`).toBe(true);
  if (x.faults.length < MAX_LISTED_FAULTS) expect(faultPairs.size).toBe(refFaults.size);
  if (x.faults.length > 0) expect(depth[x.faults[0].state]).toBe(ref.faultDepth);

  ref.properties.forEach((p, k) => {
    const w = index[k];
    if (w === undefined) return;
    const hit = x.watched[w];
    expect(hit < 0 ? -1 : depth[hit], `first hit of ${p.kind} ${p.name}`).toBe(p.firstHit);
  });
}

/** DFS with stored edges: same counts, and each state's stored edges are exactly its IR successors. */
function compareDfs(spec: LoadedSpec, ref: Interpretation): void {
  const { watch, index } = watchedAtoms(spec);
  const x = explore(spec.system, { watch, order: 'dfs', storeEdges: true });
  expect(x.status).toEqual({ kind: 'complete' });
  expect({ states: x.states, edges: x.transitions, deadlocks: x.deadlockCount, faulty: x.faults.length > 0 }).toEqual({
    states: ref.states,
    edges: ref.edges,
    deadlocks: ref.deadlocks,
    faulty: ref.faults.length > 0,
  });
  const keys = storedKeys(spec, x);
  const graph = x.graph!;
  keys.forEach((key, i) => {
    expect(ref.depth.has(key), `DFS stored ${key}, unreachable in the IR`).toBe(true);
    const stored: string[] = [];
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) stored.push(`${graph.labels[e]}>${keys[graph.targets[e]]}`);
    const want = step(spec.model, key.split(',').map(Number)).flatMap(({ transition, next }) => (next ? [`${transition}>${stateKeyOf(next)}`] : []));
    expect(stored.sort(), `edges of ${key}`).toEqual(want.sort());
  });
  ref.properties.forEach((p, k) => {
    const w = index[k];
    if (w !== undefined) expect(x.watched[w] >= 0, `DFS: ${p.name} seen`).toBe(p.firstHit >= 0);
  });
}

/** Stopping once every watched atom is seen must not change where they were first seen. */
function compareEarlyStop(spec: LoadedSpec, ref: Interpretation): void {
  const { watch, index } = watchedAtoms(spec);
  if (watch.length === 0) return;
  const x = explore(spec.system, { watch, stopWhenWatchedFound: true });
  const all = ref.properties.every((p, k) => index[k] === undefined || p.firstHit >= 0);
  // It stops only once all are seen (or completes anyway when that happens at the very end).
  if (x.status.kind === 'stopped') expect({ reason: x.status.reason, all }).toEqual({ reason: 'watched-found', all: true });
  else expect(x.states).toBe(ref.states);
  ref.properties.forEach((p, k) => {
    const w = index[k];
    if (w === undefined) return;
    const hit = x.watched[w];
    expect(hit < 0 ? -1 : x.store.pathTo(hit).transitions.length, `early stop: first hit of ${p.name}`).toBe(p.firstHit);
  });
}

function compareCheckSpec(spec: LoadedSpec, ref: Interpretation): CheckReport {
  const report = checkSpec(spec);
  expect({ states: report.states, transitions: report.transitions, complete: report.complete }).toEqual({ states: ref.states, transitions: ref.edges, complete: true });
  const expected = interpretedVerdicts(spec.model, ref);
  const judged = report.properties.filter((p) => expected.has(p.name));
  expect(judged.map((p) => p.name).sort()).toEqual([...expected.keys()].sort());
  for (const p of judged) {
    const want = expected.get(p.name)!;
    expect(p.result, `verdict of ${p.kind} ${p.name}: ${p.formula}`).toBe(want.result);
    if (p.result !== 'violated' || p.kind === 'reachable') continue;
    replayCounterexample(spec, p);
    // BFS evidence is shortest.
    expect(p.counterexample!.steps.length, `length of ${p.name}'s counterexample`).toBe(want.depth);
  }
  return report;
}

/**
 * Limits make `unknown`, never a wrong verdict: stopped halfway, a property
 * is decided only by evidence already seen (a violation, a witness), agrees
 * with the complete run, and its counterexample still replays.
 */
function compareStoppedCheck(spec: LoadedSpec, ref: Interpretation, full: CheckReport): void {
  if (ref.states < 2) return;
  const report = checkSpec(spec, { maxStates: Math.floor(ref.states / 2) });
  expect({ complete: report.complete, stopReason: report.stopReason }).toEqual({ complete: false, stopReason: 'max-states' });
  for (const p of report.properties) {
    if (p.result === 'unknown') continue;
    const whole = full.properties.find((q) => q.name === p.name);
    expect(p.result, `${p.kind} ${p.name} decided differently under a state limit`).toBe(whole?.result);
    expect(p.result, `${p.kind} ${p.name} decided without evidence under a state limit`).toBe(p.kind === 'reachable' ? 'holds' : 'violated');
    if (p.result === 'violated' && p.kind !== 'reachable') replayCounterexample(spec, p);
  }
}

/** 'skipped' when the spec is over STATE_LIMIT; else what it exercised (see specFeatures). */
export type Outcome = { readonly kind: 'skipped' } | { readonly kind: 'checked'; readonly features: ReadonlySet<string> };

/** All differential checks for one generated spec. */
export function checkAgainstInterpreter(generated: GeneratedSpec): Outcome {
  const spec = loadGenerated(generated);
  const ref = interpretModel(spec.model, STATE_LIMIT);
  if (!ref.complete) return { kind: 'skipped' };
  compareBfs(spec, ref);
  compareDfs(spec, ref);
  compareEarlyStop(spec, ref);
  compareStoppedCheck(spec, ref, compareCheckSpec(spec, ref));
  return { kind: 'checked', features: specFeatures(spec.model, ref, interpretedVerdicts(spec.model, ref)) };
}
