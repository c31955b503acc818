/**
 * Checking a PNML net: one exploration (with place widths widened until no
 * place overflows) gives the MCC figures, in_range, deadlock_free and — for
 * a workflow net — `sound`; with an MCC property file, its properties
 * replace those and are answered on the same exploration where possible.
 * A PNML net declares no properties, so these are its defaults.
 */
import type { CheckReport, PropertyReport } from '../api/checkReport.js';
import { exploreLimits, type CheckOptions, type LoadedSpec } from '../api/loadedSpec.js';
import { pathCounterexample } from '../counterexample/explainEvidence.js';
import { SpecError, error } from '../diagnostics/diagnostic.js';
import type { Exploration, Progress } from '../explore/exploration.js';
import type { Model } from '../model/model.js';
import { isPnmlSource, readPnml } from '../pnml/readPnml.js';
import { exploreWidening } from './exploreWidening.js';
import { markingFigures } from './markingFigures.js';
import { MccPlan, mccReport } from './mccVerdicts.js';
import { readMccProperties, type MccProperty } from './readProperties.js';
import { SOUND_PROPERTY, notWorkflowNetReport, soundnessReport, soundnessSetup, type SoundnessSetup } from './soundProperty.js';
import type { SoundnessQuestion } from '../logic/templates/soundness.js';

export const RANGE_PROPERTY = 'in_range';
export const DEADLOCK_PROPERTY = 'deadlock_free';



function unknownReason(x: Exploration): string | undefined {
  if (x.status.kind === 'stopped') return `exploration stopped early (${x.status.reason}) after ${x.states} states`;
  if (x.faults.length > 0) return `a place would hold more than 2^31 - 1 tokens (see ${RANGE_PROPERTY}), so the states beyond it were not explored`;
  return undefined;
}

/** The names asked for, in file order; unknown names are a WF401 SpecError listing the known ones. */
function select(known: readonly string[], defaults: readonly string[], asked: readonly string[] | undefined, file: string): string[] {
  if (asked === undefined || asked.length === 0) return [...defaults];
  const unknown = asked.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    const listed = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
    throw new SpecError(unknown.map((n) => error('WF401', `no property named '${n}' for ${file}; it has: ${listed}`)));
  }
  return known.filter((n) => asked.includes(n));
}

/** Same initial values in every slot. */
function sameStart(a: Model, b: Model): boolean {
  return a.slots.every((s, i) => s.initial === b.slots.get(i)?.initial);
}

/** CheckOptions, plus live figures of the main exploration (the CLI's progress line). */
export interface PnmlCheckOptions extends CheckOptions {
  readonly onProgress?: (p: Progress) => void;
}

export function checkPnmlSpec(spec: LoadedSpec, options: PnmlCheckOptions = {}): CheckReport {
  const started = performance.now();
  const sources = new Map([[spec.file, spec.text]]);
  if (!isPnmlSpec(spec)) throw new SpecError([error('WF502', `--mcc-formulas needs a PNML net, and ${spec.file} is not one`)]);
  const net = readPnml(spec.text, spec.file);
  const setup: SoundnessSetup = soundnessSetup(net.model, sources);
  const mcc = options.mccFormulas === undefined ? undefined : readMccProperties(options.mccFormulas.text, options.mccFormulas.file, net);

  let names: string[];
  let mccSelected: MccProperty[] = [];
  if (mcc !== undefined) {
    names = select(mcc.properties.map((p) => p.id), mcc.properties.map((p) => p.id), options.properties, options.mccFormulas!.file);
    mccSelected = mcc.properties.filter((p) => names.includes(p.id));
  } else {
    const defaults = [RANGE_PROPERTY, DEADLOCK_PROPERTY, ...(setup.ok ? [SOUND_PROPERTY] : [])];
    names = select([RANGE_PROPERTY, DEADLOCK_PROPERTY, SOUND_PROPERTY], defaults, options.properties, spec.file);
  }
  const wantSound = names.includes(SOUND_PROPERTY);
  const emptyStart = net.model.slots.every((s) => s.initial === 0);
  // Outside MCC mode (where a net is taken exactly as given), a workflow net given without tokens
  // starts, as workflow nets do, with one token in its source place, and its proper end [o] is not a deadlock.
  const adjust = (m: Model): Model => {
    if (!setup.ok || setup.final === undefined || mcc !== undefined) return m;
    return (emptyStart ? setup.prepare(m) : m).set('terminal', setup.final);
  };
  const shareSound = wantSound && setup.ok && sameStart(adjust(net.model), setup.model);
  const limits = exploreLimits(options);
  let plan: MccPlan | undefined;
  let question: SoundnessQuestion | undefined;
  // Worker threads read the net as it is: only a check that leaves its model unadjusted explores on several.
  const asRead = !setup.ok || setup.final === undefined || mcc !== undefined;
  const w = exploreWidening(spec.text, spec.file, {
    model: (n) => adjust(n.model),
    ...(asRead && options.workers !== undefined ? { workers: options.workers } : {}),
    options: (system) => {
      plan = mcc === undefined ? undefined : new MccPlan(mcc, mccSelected, system);
      question = shareSound && setup.ok ? setup.question(system) : undefined;
      const progress = options.onProgress ? { onProgress: options.onProgress } : {};
      return { ...limits, ...progress, watch: plan?.watch ?? [], storeEdges: shareSound || (plan?.needsGraph ?? false) };
    },
  });
  const x = w.exploration;
  const reason = unknownReason(x);
  const placeSlots = w.model.slots.toArray().flatMap((s, i) => (s.role === 'place' ? [i] : []));
  const boundSets = mccSelected.flatMap((p) => (p.query.kind === 'bound' ? [p.query.places] : []));
  const figures = reason === undefined ? markingFigures(w.system.layout, x.store, placeSlots, boundSets) : undefined;

  const reports: PropertyReport[] = [];
  const fault = x.faults[0];
  const common = { states: x.states, seconds: x.seconds };
  if (names.includes(RANGE_PROPERTY) || (mcc !== undefined && fault !== undefined)) {
    const range = { ...common, name: RANGE_PROPERTY, kind: 'range', formula: 'no place holds more than 2^31 - 1 tokens' };
    if (fault) {
      const counterexample = pathCounterexample(w.system, x.store, fault.state, `${RANGE_PROPERTY} is violated: ${fault.message}`, fault);
      reports.push({ ...range, result: 'violated', counterexample });
    } else reports.push(x.status.kind === 'stopped' ? { ...range, result: 'unknown', reason: reason! } : { ...range, result: 'holds' });
  }
  if (names.includes(DEADLOCK_PROPERTY)) {
    const dead = x.deadlocks[0];
    const formula = setup.ok && mcc === undefined ? 'deadlock_free: every dead marking is the final marking [o]' : 'deadlock_free: some transition is enabled in every reachable marking';
    const d = { ...common, name: DEADLOCK_PROPERTY, kind: DEADLOCK_PROPERTY, formula };
    if (dead !== undefined) {
      const counterexample = pathCounterexample(w.system, x.store, dead, 'deadlock: no transition is enabled in the last marking');
      reports.push({ ...d, result: 'violated', counterexample });
    } else reports.push(reason ? { ...d, result: 'unknown', reason } : { ...d, result: 'holds' });
  }
  if (wantSound) reports.push(soundOf(setup, spec, options, shareSound ? { x, question: question!, system: w.system } : undefined));
  if (plan !== undefined) {
    const bounds = new Map<number, number>();
    let k = 0;
    mccSelected.forEach((p, i) => {
      if (p.query.kind === 'bound' && figures !== undefined) bounds.set(i, figures.bounds[k]);
      if (p.query.kind === 'bound') k++;
    });
    const ctx = { plan, system: w.system, exploration: x, bounds, limits, ...(reason !== undefined ? { unknownReason: reason } : {}) };
    mccSelected.forEach((_, i) => reports.push(mccReport(ctx, i)));
  }
  return {
    file: spec.file,
    model: net.model.name,
    modelKind: net.model.kind,
    states: x.states,
    transitions: x.transitions,
    complete: x.status.kind === 'complete',
    ...(x.status.kind === 'stopped' ? { stopReason: x.status.reason } : {}),
    seconds: (performance.now() - started) / 1000,
    bytesPerState: x.states > 0 ? x.bytes / x.states : 0,
    ...(figures !== undefined ? { maxTokensInPlace: figures.maxTokensInPlace, maxTokensPerMarking: figures.maxTokensPerMarking } : {}),
    properties: reports,
  };
}

/** `sound` from the shared exploration, or from its own one (from [i], places widened as needed). */
function soundOf(
  setup: SoundnessSetup,
  spec: LoadedSpec,
  options: CheckOptions,
  shared: { x: Exploration; question: SoundnessQuestion; system: LoadedSpec['system'] } | undefined,
): PropertyReport {
  if (shared !== undefined) return soundnessReport(setup, shared.system, shared.x, shared.question);
  if (!setup.ok) return notWorkflowNetReport(setup, spec.system);
  let question: SoundnessQuestion | undefined;
  const w = exploreWidening(spec.text, spec.file, {
    model: (n) => setup.prepare(n.model),
    options: (system) => {
      question = setup.question(system);
      return { ...exploreLimits(options), storeEdges: true };
    },
  });
  return soundnessReport(setup, w.system, w.exploration, question!);
}

/** A PNML spec: `.pnml` file, or XML text (what loadSpec dispatches on, too). */
export function isPnmlSpec(spec: { readonly file: string; readonly text: string }): boolean {
  return isPnmlSource(spec.file, spec.text);
}
