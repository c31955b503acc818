/**
 * THE model IR: a net with data. Every front end (workflow, machine, net,
 * system, PNML) lowers to this; the compiler turns it into a TransitionSystem.
 *
 * State = one integer per slot. Places are slots whose value is a token
 * count; variables are slots with a declared type. A transition moves tokens
 * along weighted arcs, may require a guard over the (pre-)state, and assigns
 * slots in parallel (all right-hand sides read the pre-state). Every
 * transition carries the span of the spec construct it came from.
 */
import { List, Record, type RecordOf } from 'immutable';
import type { SourceSpan } from '../diagnostics/span.js';
import type { Expr } from './expr.js';
import type { FairnessIR, TemporalFormula } from './temporal.js';
import type { ValueType } from './types.js';

export type SlotRole =
  | 'var' // user data variable (local to an instance or shared)
  | 'place' // user-declared net place or machine state
  | 'control' // control-flow place generated from workflow structure
  | 'activity' // activity bookkeeping: in-flight, outcomes, effect counts
  | 'status'; // workflow status (running / completed / failed / aborted)

export interface SlotProps {
  /** Qualified display name, unique in the model (e.g. `escrow`, `o2.stock`, `o1.@LockFunds.count`). */
  readonly name: string;
  readonly role: SlotRole;
  readonly type: ValueType;
  readonly initial: number;
  readonly span?: SourceSpan;
  /** Instance prefix for multi-instance systems. */
  readonly instance?: string;
  /** Hidden slots are left out of state views unless they change (control places). */
  readonly hidden?: boolean;
}

export interface Arc {
  readonly slot: number;
  readonly weight: number;
}

export interface Update {
  readonly slot: number;
  readonly value: Expr;
}

/** What a transition means to a reader of a trace. */
export type TransitionKind =
  | 'step' // plain workflow step (assignment, branch, join, …)
  | 'start' // activity scheduled
  | 'complete' // activity completed (outcome says how)
  | 'compensate' // a compensation step
  | 'timer' // a timer fired
  | 'event' // environment event (signal, cancellation)
  | 'end' // workflow reached an end (completed, failed, aborted)
  | 'machine' // state machine edge
  | 'net'; // P/T net transition

/** Activity outcomes, and for branching steps which way the condition went. */
export type Outcome = 'ok' | 'failed' | 'failed after effect' | 'retry' | 'retry after effect' | 'cancelled' | 'cancelled after effect' | 'true' | 'false';

export interface NetTransitionProps {
  /** Unique name (used in --json steps and DOT). */
  readonly name: string;
  /** What a trace shows: usually the activity or event name. */
  readonly label: string;
  readonly kind: TransitionKind;
  readonly outcome?: Outcome;
  readonly origin: SourceSpan;
  readonly instance?: string;
  readonly pre: readonly Arc[];
  readonly post: readonly Arc[];
  readonly guard?: Expr;
  readonly updates: readonly Update[];
  /**
   * Places emptied by the step (cancellation of an abandoned branch): after
   * the step a reset place holds exactly what its post arcs put there.
   */
  readonly resets?: readonly number[];
  /** Nested structure (parallel block, race, saga …) this transition belongs to: for drawings. */
  readonly cluster?: string;
}

export type Expectation = 'holds' | 'violated';

export type PropertyIR =
  | {
      readonly kind: 'invariant';
      readonly name: string;
      readonly expr: Expr;
      readonly text: string;
      readonly expect: Expectation;
      readonly span: SourceSpan;
      /** The template it was lowered from (conserves, exactly_once, …), for reports. */
      readonly template?: string;
    }
  | { readonly kind: 'reachable'; readonly name: string; readonly expr: Expr; readonly text: string; readonly expect: Expectation; readonly span: SourceSpan }
  | { readonly kind: 'deadlock_free'; readonly name: string; readonly text: string; readonly expect: Expectation; readonly span: SourceSpan }
  | TemporalPropertyIR;

export type TemporalPropertyIR =
  | { readonly kind: 'ctl'; readonly name: string; readonly formula: TemporalFormula; readonly text: string; readonly expect: Expectation; readonly span: SourceSpan; readonly template?: string }
  | { readonly kind: 'ltl'; readonly name: string; readonly formula: TemporalFormula; readonly text: string; readonly expect: Expectation; readonly span: SourceSpan };

export type ModelKind = 'workflow' | 'machine' | 'net' | 'system';

export interface Cluster {
  readonly id: string;
  readonly label: string;
  readonly parent?: string;
}

export interface ModelProps {
  readonly kind: ModelKind;
  readonly name: string;
  readonly span: SourceSpan;
  readonly slots: List<Slot>;
  readonly transitions: List<NetTransition>;
  /**
   * Holds in states where the model has properly ended, so having no
   * successor there is termination, not deadlock (workflow finished,
   * machine in a final state). FALSE for plain nets: every dead marking is a deadlock.
   */
  readonly terminal: Expr;
  readonly properties: List<PropertyIR>;
  readonly clusters: List<Cluster>;
  /** Fairness assumptions for liveness (`fair weak|strong …`); none by default. */
  readonly fairness: List<FairnessIR>;
}

/*
 * The IR is immutable (immutable-js Records and Lists): front ends build it
 * once, later phases only read it, and tests compare models structurally
 * with `is()`. Expressions stay plain readonly unions (like Quint's IR).
 */
export type Slot = RecordOf<SlotProps>;
export type NetTransition = RecordOf<NetTransitionProps>;
export type Model = RecordOf<ModelProps>;

const slotDefaults: SlotProps = {
  name: '',
  role: 'var',
  type: { kind: 'bool' },
  initial: 0,
  span: undefined,
  instance: undefined,
  hidden: undefined,
};
const SlotRecord = Record<SlotProps>(slotDefaults, 'Slot');
export function makeSlot(props: SlotProps): Slot {
  return SlotRecord(props);
}

const noSpan: SourceSpan = { file: '', start: 0, end: 0 };
const transitionDefaults: NetTransitionProps = {
  name: '',
  label: '',
  kind: 'step',
  outcome: undefined,
  origin: noSpan,
  instance: undefined,
  pre: [],
  post: [],
  guard: undefined,
  updates: [],
  resets: undefined,
  cluster: undefined,
};
const TransitionRecord = Record<NetTransitionProps>(transitionDefaults, 'NetTransition');
export function makeTransition(props: NetTransitionProps): NetTransition {
  return TransitionRecord(props);
}

const modelDefaults: ModelProps = {
  kind: 'net',
  name: '',
  span: noSpan,
  slots: List(),
  transitions: List(),
  terminal: { kind: 'const', value: 0 },
  properties: List(),
  clusters: List(),
  fairness: List(),
};
const ModelRecord = Record<ModelProps>(modelDefaults, 'Model');
export function makeModel(props: {
  kind: ModelKind;
  name: string;
  span: SourceSpan;
  slots: Iterable<Slot>;
  transitions: Iterable<NetTransition>;
  terminal: Expr;
  properties: Iterable<PropertyIR>;
  clusters: Iterable<Cluster>;
  fairness?: Iterable<FairnessIR>;
}): Model {
  return ModelRecord({
    ...props,
    slots: List(props.slots),
    transitions: List(props.transitions),
    properties: List(props.properties),
    clusters: List(props.clusters),
    fairness: List(props.fairness ?? []),
  });
}
