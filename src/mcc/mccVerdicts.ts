/**
 * Answers MCC properties on an explored net: UpperBounds from the token
 * figures, reachability-shaped formulas (ReachabilityDeadlock, EF/AG of a
 * proposition) from atoms watched during the one exploration, and every
 * other CTL/LTL formula by the logic's checkFormula on the same system.
 */
import type { PropertyReport } from '../api/checkReport.js';
import type { CompiledModel } from '../compile/compileModel.js';
import { pathCounterexample } from '../counterexample/explainEvidence.js';
import { evidenceCounterexample } from '../counterexample/explainTree.js';
import type { Exploration } from '../explore/exploration.js';
import type { ExploreLimits } from '../explore/limits.js';
import { checkFormula } from '../logic/checkFormula.js';
import { isCtl, type Formula } from '../logic/formula.js';
import { not } from '../model/expr.js';
import type { AtomId } from '../system/transitionSystem.js';
import type { MccProperty, MccPropertySet } from './readProperties.js';
import { evaluateReachability, reachabilityLeaves, type ReachLeaf, type Tri } from './reachabilityShape.js';

/** Longest evidence turned into a counterexample (each state becomes a named view). */
const MAX_TRACE_STATES = 10_000;

/** MCC atoms compiled into one round's system, and the atoms to watch while exploring it. */
export class MccPlan {
  readonly watch: AtomId[] = [];
  private readonly compiled = new Map<string, AtomId>();
  private readonly watchIndex = new Map<AtomId, number>();

  constructor(
    private readonly set: MccPropertySet,
    readonly properties: readonly MccProperty[],
    private readonly system: CompiledModel,
  ) {
    for (const p of properties) {
      if (p.query.kind !== 'formula') continue;
      for (const leaf of reachabilityLeaves(p.query.formula) ?? []) {
        if (leaf.kind === 'now') continue;
        const atom = this.atom(leaf.atom, leaf.kind === 'AG');
        if (!this.watchIndex.has(atom)) {
          this.watchIndex.set(atom, this.watch.length);
          this.watch.push(atom);
        }
      }
    }
  }

  /** Some selected formula is CTL beyond reachability: keep the exploration's edges for labelling. */
  get needsGraph(): boolean {
    return this.properties.some((p) => p.query.kind === 'formula' && reachabilityLeaves(p.query.formula) === undefined && isCtl(p.query.formula));
  }

  /** The system atom for table atom `k` (negated for AG leaves, whose violations are watched). */
  atom(k: number, negated = false): AtomId {
    const key = `${negated ? '!' : ''}${k}`;
    let id = this.compiled.get(key);
    if (id === undefined) {
      const { text, expr } = this.set.atoms[k];
      id = this.system.addAtom({ name: `mcc atom ${key}`, text: negated ? `!(${text})` : text, expr: negated ? not(expr) : expr });
      this.compiled.set(key, id);
    }
    return id;
  }

  /** The formula with the set's atom indices replaced by this system's atom ids. */
  remap(f: Formula): Formula {
    switch (f.kind) {
      case 'true':
      case 'false':
        return f;
      case 'atom':
        return { kind: 'atom', atom: this.atom(f.atom) };
      case 'not':
      case 'EX':
      case 'AX':
      case 'EF':
      case 'AF':
      case 'EG':
      case 'AG':
      case 'X':
      case 'F':
      case 'G':
        return { kind: f.kind, arg: this.remap(f.arg) };
      case 'A':
      case 'E':
        return { kind: f.kind, path: this.remap(f.path) };
      default:
        return { kind: f.kind, left: this.remap(f.left), right: this.remap(f.right) };
    }
  }

  /** First state where the watched atom holds, or -1. */
  hit(x: Exploration, leaf: ReachLeaf): number {
    return x.watched[this.watchIndex.get(this.atom(leaf.atom, leaf.kind === 'AG'))!];
  }
}

export interface MccContext {
  readonly plan: MccPlan;
  readonly system: CompiledModel;
  readonly exploration: Exploration;
  /** UpperBounds answers, by property index in plan.properties (complete explorations only). */
  readonly bounds?: ReadonlyMap<number, number>;
  readonly limits: ExploreLimits;
  /** Why undecided results are undecided, when exploration was cut short. */
  readonly unknownReason?: string;
}

export function mccReport(ctx: MccContext, index: number): PropertyReport {
  const p = ctx.plan.properties[index];
  const started = performance.now();
  const x = ctx.exploration;
  const common = { name: p.id, kind: p.category, formula: p.text, states: x.states };
  const undecided = (reason: string): PropertyReport => ({ ...common, result: 'unknown', reason, seconds: x.seconds });
  if (p.query.kind === 'bound') {
    const bound = ctx.bounds?.get(index);
    return bound === undefined ? undecided(ctx.unknownReason ?? 'the state space is not complete') : { ...common, result: 'holds', bound, seconds: x.seconds };
  }
  const f = p.query.formula;
  if (reachabilityLeaves(f) !== undefined) {
    const initial = new Int32Array(ctx.system.layout.stateWords);
    ctx.system.initial(initial);
    const leafValue = (leaf: ReachLeaf): Tri => {
      if (leaf.kind === 'now') return ctx.system.label(initial, ctx.plan.atom(leaf.atom));
      const seen = ctx.plan.hit(x, leaf) >= 0;
      if (seen) return leaf.kind === 'EF';
      return ctx.unknownReason === undefined ? leaf.kind === 'AG' : undefined;
    };
    const value = evaluateReachability(f, leafValue);
    if (value === undefined) return undecided(ctx.unknownReason ?? 'undecided');
    // AG a refuted: the path to the first state where a fails.
    if (!value && f.kind === 'AG') {
      const hit = ctx.plan.hit(x, { kind: 'AG', atom: f.arg.kind === 'atom' ? f.arg.atom : -1 });
      return { ...common, result: 'violated', seconds: x.seconds, counterexample: pathCounterexample(ctx.system, x.store, hit, `${p.text} is false here`) };
    }
    return { ...common, result: value ? 'holds' : 'violated', seconds: x.seconds };
  }
  // CTL labelling reuses the exploration when it kept its edges; LTL explores its product with the automaton.
  const shared = x.graph !== undefined && x.faults.length === 0 ? { exploration: x } : {};
  const check = checkFormula(ctx.system, ctx.plan.remap(f), { limits: ctx.limits, ...shared });
  const seconds = (performance.now() - started) / 1000;
  const v = check.verdict;
  if (v.result === 'unknown') return { ...common, states: check.states, result: 'unknown', reason: v.reason === 'fault' ? 'a place overflowed' : `exploration stopped early (${v.reason})`, seconds };
  if (v.result === 'holds') return { ...common, states: check.states, result: 'holds', seconds };
  const evidence = v.evidence;
  // A depth-first lasso can run through millions of states: shown only when a person could read it.
  const readable = evidence !== undefined && evidence.states.length > 0 && evidence.states.length <= MAX_TRACE_STATES;
  const counterexample = readable && check.evidenceStore ? evidenceCounterexample(check.evidenceSystem, check.evidenceStore, evidence, `${p.text} is false`) : undefined;
  return { ...common, states: check.states, result: 'violated', seconds, ...(counterexample ? { counterexample } : {}) };
}
