/**
 * Checks a loaded spec's properties with one exploration: invariants and
 * reachability by watched atoms (BFS, so counterexamples are shortest),
 * deadlock freedom from the dead states found, and the built-in range
 * check. A verdict that needs the whole state space is `unknown` whenever
 * exploration stopped early or a range fault cut it short; in fingerprint
 * mode, so is every property that needs the stored graph (ctl, ltl, sound).
 */
import { SpecError, error } from '../diagnostics/diagnostic.js';
import { pathCounterexample } from '../counterexample/explainEvidence.js';
import { explore } from '../explore/explore.js';
import { exploreParallel } from '../explore/parallel/exploreParallel.js';
import type { Exploration } from '../explore/exploration.js';
import type { PropertyIR } from '../model/model.js';
import { suggest } from '../elaborate/scope.js';
import type { CheckReport, PropertyReport } from './checkReport.js';
import { checkTemporal } from './temporalProperty.js';
import { exploreLimits, type CheckOptions, type LoadedSpec } from './loadedSpec.js';
import type { Progress } from '../explore/exploration.js';
import { checkPnmlSpec, isPnmlSpec } from '../mcc/checkPnml.js';
import { SOUND_PROPERTY, checkSoundProperty } from '../mcc/soundProperty.js';
import { specSource } from './workerSystem.js';

export const RANGE_PROPERTY = 'in_range';

function selectProperties(spec: LoadedSpec, names: readonly string[] | undefined): number[] {
  const all = spec.model.properties.toArray();
  if (!names || names.length === 0) return all.map((_, i) => i);
  const known = [RANGE_PROPERTY, SOUND_PROPERTY, ...all.map((p) => p.name)];
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new SpecError(
      unknown.map((n) => {
        const hint = suggest(n, known);
        return error('WF401', `no property named '${n}' in ${spec.file}${hint ? ` (did you mean '${hint}'?)` : ''}; it has: ${known.join(', ')}`);
      }),
    );
  }
  return all.map((_, i) => i).filter((i) => names.includes(all[i].name));
}

/** Why a property is not decided in fingerprint mode: it needs the stored graph, which that mode does not keep. */
export function fingerprintUnsupported(kind: string): string {
  return `fingerprint mode (--fingerprint) decides invariants, reachability, deadlock freedom and ranges only; a ${kind} property needs the stored state graph: check it without --fingerprint`;
}

function unknownReason(x: Exploration): string | undefined {
  if (x.status.kind === 'stopped') return `exploration stopped early (${x.status.reason}) after ${x.states} states`;
  if (x.faults.length > 0) return `a value left its declared range (see ${RANGE_PROPERTY}), so the states beyond it were not explored`;
  return undefined;
}

/** CheckOptions plus live figures of the main exploration (the CLI's progress line). */
export interface CheckSpecOptions extends CheckOptions {
  readonly onProgress?: (p: Progress) => void;
}

export function checkSpec(spec: LoadedSpec, options: CheckSpecOptions = {}): CheckReport {
  // PNML nets (and MCC property files) have their own defaults, figures and place widening.
  if (isPnmlSpec(spec) || options.mccFormulas !== undefined) {
    if (options.fingerprint) throw new SpecError([error('WF402', `--fingerprint is not supported for PNML nets and MCC formulas (${spec.file}); check without it`)]);
    return checkPnmlSpec(spec, options);
  }
  const fingerprint = options.fingerprint === true;
  const { system, model } = spec;
  const selected = selectProperties(spec, options.properties);
  const props = model.properties.toArray();
  const watch: number[] = [];
  const watchIndex = new Map<number, number>();
  for (const i of selected) {
    const atom = system.propertyAtoms[i];
    if (atom !== undefined) {
      watchIndex.set(i, watch.length);
      watch.push(atom);
    }
  }
  const needsGraph = !fingerprint && selected.some((i) => props[i].kind === 'ctl');
  const exploreOptions = {
    watch,
    storeEdges: needsGraph,
    ...(fingerprint ? { fingerprint } : {}),
    ...exploreLimits(options),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  // Fingerprint mode has no parallel store: it explores on one thread.
  const workers = fingerprint ? 1 : (options.workers ?? 1);
  const x = workers > 1 ? exploreParallel(system, exploreOptions, { workers, source: specSource(spec) }) : explore(system, exploreOptions);
  const reason = unknownReason(x);
  const base = { states: x.states, seconds: x.seconds };

  const reports: PropertyReport[] = [];
  const wantRange = !options.properties || options.properties.length === 0 || options.properties.includes(RANGE_PROPERTY);
  if (wantRange) {
    const fault = x.faults[0];
    const common = { ...base, name: RANGE_PROPERTY, kind: 'range', formula: 'every variable stays within its declared range' };
    if (fault) {
      reports.push({
        ...common,
        result: 'violated',
        counterexample: pathCounterexample(system, x.store, fault.state, `${RANGE_PROPERTY} is violated: ${fault.message}`, fault),
      });
    } else if (x.status.kind === 'stopped') {
      reports.push({ ...common, result: 'unknown', reason: reason! });
    } else {
      reports.push({ ...common, result: 'holds' });
    }
  }
  for (const i of selected) {
    const p = props[i];
    if ((p.kind === 'ctl' || p.kind === 'ltl') && fingerprint) {
      const kind = (p.kind === 'ctl' ? p.template : undefined) ?? p.kind;
      reports.push({ name: p.name, kind, formula: p.text, expected: p.expect, result: 'unknown', reason: fingerprintUnsupported(kind), states: x.states, seconds: 0 });
    } else if (p.kind === 'ctl' || p.kind === 'ltl') reports.push(checkTemporal(spec, p, options, x.graph ? x : undefined));
    else reports.push(checkOne(spec, p, x, watchIndex.get(i), reason));
  }
  // `sound` is a built-in template: checked when asked for by name (its own exploration, with edges).
  if (options.properties?.includes(SOUND_PROPERTY) && !props.some((p) => p.name === SOUND_PROPERTY)) {
    reports.push(
      fingerprint
        ? { name: SOUND_PROPERTY, kind: 'sound', formula: SOUND_PROPERTY, result: 'unknown', reason: fingerprintUnsupported('sound'), states: x.states, seconds: 0 }
        : checkSoundProperty(spec, options),
    );
  }
  return {
    file: spec.file,
    model: model.name,
    modelKind: model.kind,
    states: x.states,
    transitions: x.transitions,
    complete: x.status.kind === 'complete',
    ...(x.status.kind === 'stopped' ? { stopReason: x.status.reason } : {}),
    seconds: x.seconds,
    bytesPerState: x.states > 0 ? x.bytes / x.states : 0,
    ...(x.fingerprint !== undefined ? { fingerprint: x.fingerprint } : {}),
    properties: reports,
  };
}

function checkOne(spec: LoadedSpec, p: Exclude<PropertyIR, { kind: 'ctl' | 'ltl' }>, x: Exploration, watched: number | undefined, reason: string | undefined): PropertyReport {
  const common = { name: p.name, kind: (p.kind === 'invariant' ? p.template : undefined) ?? p.kind, formula: p.text, expected: p.expect, states: x.states, seconds: x.seconds };
  const undecided = (): PropertyReport => ({ ...common, result: 'unknown', reason: reason! });
  switch (p.kind) {
    case 'invariant': {
      const hit = x.watched[watched!];
      if (hit >= 0) {
        return { ...common, result: 'violated', counterexample: pathCounterexample(spec.system, x.store, hit, `invariant ${p.name} is false: ${p.text}`) };
      }
      return reason ? undecided() : { ...common, result: 'holds' };
    }
    case 'reachable': {
      const hit = x.watched[watched!];
      if (hit >= 0) return { ...common, result: 'holds' };
      return reason ? undecided() : { ...common, result: 'violated' };
    }
    case 'deadlock_free': {
      const dead = x.deadlocks[0];
      if (dead !== undefined) {
        return {
          ...common,
          result: 'violated',
          counterexample: pathCounterexample(spec.system, x.store, dead, 'deadlock: no step is possible and the model has not ended'),
        };
      }
      return reason ? undecided() : { ...common, result: 'holds' };
    }
  }
}
