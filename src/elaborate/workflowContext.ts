/**
 * Shared state for lowering one workflow instance: its scope, slots,
 * activities and the helpers every construct uses to add transitions.
 * Statement lowering is continuation-passing: each construct gets the place
 * to continue at and returns its own entry place.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lineColumnAt, type SourceSpan } from '../diagnostics/span.js';
import { and, binary, constant, not, slotRef, type Expr } from '../model/expr.js';
import type { NetTransitionProps, TransitionKind, Outcome, Update } from '../model/model.js';
import type { ActivityDeclAst } from '../parse/ast.js';
import type { Effect } from './lowerEffect.js';
import type { NetBuilder } from './netBuilder.js';
import type { Scope } from './scope.js';

/** Values of the per-instance `workflow` status slot. Alive = running | compensating. */
export const STATUS_VALUES = ['running', 'compensating', 'completed', 'failed'] as const;
export const RUNNING = 0;
export const COMPENSATING = 1;
export const COMPLETED = 2;
export const FAILED = 3;

export interface ActivityInfo {
  readonly name: string;
  readonly ast: ActivityDeclAst;
  readonly mayFail: boolean;
  readonly failAfterEffect: boolean;
  readonly idempotent: boolean;
  /** Workflow cancellation does not cancel it (it runs on a disconnected context). */
  readonly disconnected: boolean;
  /** 0 = no retries. */
  readonly retry: number | 'forever';
  /** Alternative effects (one unless the effect uses `either`). */
  readonly effects: readonly Effect[];
}

/** Where control goes next, and what else that step writes. */
export interface Continuation {
  readonly post: readonly number[];
  readonly updates: readonly Update[];
  readonly resets?: readonly number[];
}

export interface ThreadCtx {
  /** Where a failure inside this thread goes (main: unwind; branch: branch failed). */
  readonly fail: Continuation;
  /** Branch threads can be orphaned: their activities may complete after the workflow ended. */
  readonly orphanable: boolean;
  readonly cluster?: string;
  /** Places created for this thread (a cancelling join resets them). */
  readonly places: number[];
  readonly inBranch: boolean;
}

/** History slots of an activity, created only when a property mentions them. */
export interface ActivityTracking {
  /** done(A): A has completed successfully at least once. */
  done?: number;
  /** failed(A): a call of A has failed for good (retries used up). */
  failed?: number;
  /** count(A): how many times A's effect has landed. */
  count?: number;
  /** compensated(A): A's compensation (or A as a compensation) has completed. */
  compensated?: number;
  /** cancelled(A): a call of A (compensations included) resolved as cancelled. */
  cancelled?: number;
  /** compensation_complete's order history for the pairs where this step comes first. */
  order?: OrderPair[];
}

/**
 * An ordered pair of compensable steps (A before B) and its two history
 * flags: `after` (B completed while A had) and `inverted` (A's compensation
 * completed while `after` held and B's compensation had not completed).
 */
export interface OrderPair {
  readonly first: string;
  readonly second: string;
  readonly firstCompensation: string;
  readonly secondCompensation: string;
  readonly after: number;
  readonly inverted: number;
}

export const COUNT_LIMIT = 7;

export class InstanceLowering {
  readonly activities = new Map<string, ActivityInfo>();
  readonly tracking = new Map<string, ActivityTracking>();
  /** Compensation sites: index + 1 is the value pushed on the stack. */
  readonly compensationSites: { readonly activity: ActivityInfo; readonly span: SourceSpan }[] = [];
  compStack: number[] = [];
  compSp = -1;
  compFailed = new Map<string, number>();
  /** Pairs tracked for compensation_complete's order clause (empty unless a property needs them). */
  orderPairs: OrderPair[] = [];
  unwindPlace = -1;
  /** The `cancelled` slot of a `cancellable` workflow, or -1. */
  cancelled = -1;
  /** Flags the cancel event sets from the state it happens in (see cancelCapture). */
  readonly cancelCaptures: Update[] = [];
  private placeCounter = 0;

  constructor(
    readonly builder: NetBuilder,
    readonly text: string,
    readonly scope: Scope,
    readonly diags: Diagnostic[],
    readonly statusSlot: number,
    /** '' or 'o1.' */
    readonly prefix: string,
    readonly instance: string | undefined,
  ) {}

  get alive(): Expr {
    return binary('<=', slotRef(this.statusSlot), constant(COMPENSATING));
  }

  get dead(): Expr {
    return not(this.alive);
  }

  setStatus(value: number): Update {
    return { slot: this.statusSlot, value: constant(value) };
  }

  location(span: SourceSpan): string {
    const { line, column } = lineColumnAt(this.text, span.start);
    return `${line}:${column}`;
  }

  source(span: SourceSpan): string {
    return this.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim().replace(/;$/, '');
  }

  newPlace(what: string, span: SourceSpan | undefined, thread: ThreadCtx | undefined, capacity = 1): number {
    const at = span ? this.location(span) : String(this.placeCounter);
    this.placeCounter++;
    const p = this.builder.addControlPlace(`${this.prefix}@${what}@${at}`, span, this.instance, 0, capacity);
    thread?.places.push(p);
    return p;
  }

  /** A hidden flag that the cancel event sets to the value of `expr` in the state it happens in. */
  cancelCapture(what: string, span: SourceSpan, expr: Expr): number {
    const slot = this.hiddenCounter(what, span, 1);
    this.cancelCaptures.push({ slot, value: expr });
    return slot;
  }

  hiddenCounter(what: string, span: SourceSpan, hi: number): number {
    return this.builder.addSlot({
      name: `${this.prefix}@${what}@${this.location(span)}`,
      role: 'activity',
      type: { kind: 'int', lo: 0, hi },
      initial: 0,
      span,
      instance: this.instance,
      hidden: true,
    });
  }

  transition(props: {
    label: string;
    kind: TransitionKind;
    span: SourceSpan;
    pre: readonly number[];
    post: readonly number[];
    guard?: Expr;
    updates?: readonly Update[];
    resets?: readonly number[];
    outcome?: Outcome;
    cluster?: string;
  }): void {
    const t: NetTransitionProps = {
      name: `${this.prefix}${props.label}${props.outcome ? `.${props.outcome.replace(/ /g, '_')}` : ''}@${this.location(props.span)}`,
      label: props.label,
      kind: props.kind,
      outcome: props.outcome,
      origin: props.span,
      instance: this.instance,
      pre: props.pre.map((slot) => ({ slot, weight: 1 })),
      post: props.post.map((slot) => ({ slot, weight: 1 })),
      guard: props.guard && !(props.guard.kind === 'const' && props.guard.value !== 0) ? props.guard : undefined,
      updates: props.updates ?? [],
      resets: props.resets && props.resets.length > 0 ? props.resets : undefined,
      cluster: props.cluster,
    };
    this.builder.addTransition(t);
  }

  /** A workflow-code step: runs only while the workflow is alive. */
  step(props: Parameters<InstanceLowering['transition']>[0]): void {
    this.transition({ ...props, guard: and(this.alive, props.guard ?? constant(1)) });
  }
}
