/**
 * Lowers one activity call site to its completion transitions, modelling
 * at-least-once engines: each attempt ends ok (effect lands), failed (no
 * effect) or failed after its effect; failed attempts are retried by the
 * engine per the activity's policy; an idempotent activity's effect lands
 * at most once per call. The activity is in flight while its thread's
 * token sits on the call's entry place.
 */
import type { SourceSpan } from '../diagnostics/span.js';
import { and, binary, constant, not, or, slotRef, TRUE, type Expr } from '../model/expr.js';
import type { Outcome, Update } from '../model/model.js';
import { effectUpdates, type Effect } from './lowerEffect.js';
import type { ActivityInfo, Continuation, InstanceLowering } from './workflowContext.js';

/** Per-call bookkeeping slots, shared by every variant of the same call. */
export interface CallSlots {
  /** Retry attempt counter (retry N), or -1. */
  readonly attempt: number;
  /** Idempotency marker: the effect has landed during this call, or -1. */
  readonly effected: number;
}

export function callSlots(w: InstanceLowering, activity: ActivityInfo, span: SourceSpan): CallSlots {
  const canFail = activity.mayFail || activity.failAfterEffect;
  const retries = canFail && typeof activity.retry === 'number' && activity.retry > 0 ? activity.retry : 0;
  const repeats = canFail && activity.failAfterEffect && activity.retry !== 0;
  return {
    attempt: retries > 0 ? w.hiddenCounter(`${activity.name}.attempt`, span, retries) : -1,
    effected: activity.idempotent && repeats ? w.hiddenCounter(`${activity.name}.effected`, span, 1) : -1,
  };
}

export interface CallSite {
  readonly activity: ActivityInfo;
  readonly slots: CallSlots;
  readonly span: SourceSpan;
  readonly kind: 'complete' | 'compensate';
  readonly pre: readonly number[];
  readonly guard?: Expr;
  readonly ok: Continuation;
  /** Where a final failure goes. */
  readonly fail: Continuation;
  /** Extra alternatives on success (guard + writes), e.g. one per compensation-stack depth. */
  readonly okVariants?: readonly { readonly guard: Expr; readonly updates: readonly Update[] }[];
  /** Also emit "workflow already ended" variants: the effect lands, the token is dropped. */
  readonly orphanable: boolean;
  readonly cluster?: string;
}

type Leaving = { kind: 'leave'; cont: Continuation } | { kind: 'stay' };

function merge(effect: Effect | undefined, ...lists: (readonly Update[])[]): Update[] {
  const out = new Map<number, Update>();
  if (effect) for (const u of effectUpdates(effect)) out.set(u.slot, u);
  for (const list of lists) for (const u of list) out.set(u.slot, u);
  return [...out.values()];
}

/** Writes to the activity's history slots for one completion outcome. */
function trackingUpdates(w: InstanceLowering, a: ActivityInfo, outcome: Outcome, effectLanded: boolean, leaving: boolean, compensation: boolean): Update[] {
  const t = w.tracking.get(a.name);
  if (!t) return [];
  const out: Update[] = [];
  const set = (slot: number | undefined) => slot !== undefined && out.push({ slot, value: constant(1) });
  if (effectLanded && t.count !== undefined) out.push({ slot: t.count, value: binary('+', slotRef(t.count), constant(1)) });
  if (leaving && outcome === 'ok') set(compensation ? t.compensated : t.done);
  if (leaving && outcome !== 'ok' && !compensation) set(t.failed);
  if (leaving && (outcome === 'cancelled' || outcome === 'cancelled after effect')) set(t.cancelled);
  if (leaving && outcome === 'ok') out.push(...orderUpdates(w, a, compensation));
  return out;
}

/** compensation_complete's order history (see OrderPair) on a successful completion of `a`. */
function orderUpdates(w: InstanceLowering, a: ActivityInfo, compensation: boolean): Update[] {
  const out: Update[] = [];
  for (const p of w.orderPairs) {
    if (!compensation && p.second === a.name) {
      const firstDone = w.tracking.get(p.first)?.done;
      if (firstDone !== undefined) out.push({ slot: p.after, value: or(slotRef(p.after), slotRef(firstDone)) });
    }
    if (compensation && p.firstCompensation === a.name) {
      const secondCompensated = w.tracking.get(p.secondCompensation)?.compensated;
      const pending = secondCompensated === undefined ? slotRef(p.after) : and(slotRef(p.after), not(slotRef(secondCompensated)));
      out.push({ slot: p.inverted, value: or(slotRef(p.inverted), pending) });
    }
  }
  return out;
}

function hasEffect(a: ActivityInfo): boolean {
  return a.effects.some((e) => e.size > 0);
}

export function lowerCall(w: InstanceLowering, site: CallSite): void {
  const a = site.activity;
  const { attempt, effected } = site.slots;
  const canFail = a.mayFail || a.failAfterEffect;
  const resetBookkeeping: Update[] = [
    ...(attempt >= 0 ? [{ slot: attempt, value: constant(0) }] : []),
    ...(effected >= 0 ? [{ slot: effected, value: constant(0) }] : []),
  ];
  const retryLimit = typeof a.retry === 'number' ? a.retry : Infinity;
  // In a cancellable workflow, once cancellation is requested a call on the workflow's context
  // resolves only as cancelled: a call not yet scheduled never runs, one in flight is abandoned.
  const cancellable = w.cancelled >= 0 && !a.disconnected;
  const notCancelled = cancellable ? not(slotRef(w.cancelled)) : TRUE;
  const base = site.guard ?? TRUE;
  const okVariants = site.okVariants ?? [{ guard: TRUE, updates: [] }];

  const emit = (outcome: Outcome, effect: Effect | undefined, leaving: Leaving, guard: Expr, updates: readonly Update[], alive: boolean | 'dead') => {
    const cont = leaving.kind === 'leave' ? leaving.cont : { post: site.pre, updates: [] };
    const dead = alive === 'dead';
    const tracked = trackingUpdates(w, a, outcome, effect !== undefined, leaving.kind === 'leave', site.kind === 'compensate');
    const stepGuard = and(base, guard, alive === true ? w.alive : dead ? w.dead : TRUE);
    w.transition({
      label: a.name,
      kind: site.kind,
      outcome,
      span: site.span,
      pre: site.pre,
      post: dead ? [] : cont.post,
      guard: stepGuard,
      updates: merge(effect, dead ? [] : cont.updates, updates, tracked),
      resets: dead ? undefined : cont.resets,
      cluster: site.cluster,
    });
  };

  // One transition per effect alternative; with an idempotency marker, a
  // second landing of the effect is split off as a no-op.
  const withEffect = (outcome: Outcome, leaving: Leaving, guard: Expr, updates: readonly Update[], alive: boolean | 'dead') => {
    const landed = leaving.kind === 'stay' && effected >= 0 ? [{ slot: effected, value: constant(1) }] : [];
    for (const effect of a.effects) {
      if (effected >= 0) {
        emit(outcome, effect, leaving, and(guard, binary('==', slotRef(effected), constant(0))), [...updates, ...landed], alive);
      } else {
        emit(outcome, effect, leaving, guard, updates, alive);
      }
    }
    if (effected >= 0) emit(outcome, undefined, leaving, and(guard, binary('==', slotRef(effected), constant(1))), updates, alive);
  };

  const finalFailGuard: Expr = a.retry === 'forever' ? constant(0) : attempt >= 0 ? binary('==', slotRef(attempt), constant(retryLimit)) : TRUE;
  const retryGuard: Expr = a.retry === 'forever' ? TRUE : attempt >= 0 ? binary('<', slotRef(attempt), constant(retryLimit)) : constant(0);
  const retryUpdates: Update[] = attempt >= 0 ? [{ slot: attempt, value: binary('+', slotRef(attempt), constant(1)) }] : [];

  const variantsFor = (alive: boolean | 'dead') => {
    // Once the workflow has ended its in-flight activities run on; cancellation no longer matters.
    const live = alive === 'dead' ? TRUE : notCancelled;
    // Success.
    for (const v of okVariants) {
      withEffect('ok', { kind: 'leave', cont: site.ok }, and(live, v.guard), [...resetBookkeeping, ...(alive === 'dead' ? [] : v.updates)], alive);
    }
    if (!canFail) return;
    // Final failure (retries used up, or none configured). Once the workflow
    // has ended nobody retries, so any failed attempt is the last one.
    const guard = alive === 'dead' ? TRUE : and(live, finalFailGuard);
    if (!(guard.kind === 'const' && guard.value === 0)) {
      emit('failed', undefined, { kind: 'leave', cont: site.fail }, guard, resetBookkeeping, alive);
      if (a.failAfterEffect) withEffect('failed after effect', { kind: 'leave', cont: site.fail }, guard, resetBookkeeping, alive);
    }
  };

  variantsFor(true);
  // Retries: the engine re-runs a failed attempt while the workflow lives.
  if (canFail && !(retryGuard.kind === 'const' && retryGuard.value === 0)) {
    emit('retry', undefined, { kind: 'stay' }, and(notCancelled, retryGuard), retryUpdates, true);
    if (a.failAfterEffect) withEffect('retry after effect', { kind: 'stay' }, and(notCancelled, retryGuard), retryUpdates, true);
  }
  // Cancelled: the call fails at once with a cancellation error. An attempt already running
  // may still have landed its effect (activities are cancelled only cooperatively).
  if (cancellable) {
    const cancelled = slotRef(w.cancelled);
    // Only an attempt already in flight when cancellation came can have landed (at-least-once
    // activities): the cancel event records, per such call, whether the call was in flight.
    const inFlight = a.failAfterEffect && hasEffect(a) ? w.cancelCapture(`${a.name}.in_flight_at_cancel`, site.span, and(...site.pre.map((p) => binary('>=', slotRef(p), constant(1))), base)) : -1;
    const clear = inFlight >= 0 ? [...resetBookkeeping, { slot: inFlight, value: constant(0) }] : resetBookkeeping;
    emit('cancelled', undefined, { kind: 'leave', cont: site.fail }, cancelled, clear, true);
    if (inFlight >= 0) withEffect('cancelled after effect', { kind: 'leave', cont: site.fail }, and(cancelled, slotRef(inFlight)), clear, true);
  }
  if (site.orphanable) variantsFor('dead');
}
