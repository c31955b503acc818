/**
 * `parallel` and `race`. Branches run as their own threads; a join kind
 * says how the workflow waits for them (flows.md §0.3). Branches a join
 * stops waiting for, and race losers, are NOT cancelled unless the spec
 * says `cancel`: they keep running and their effects still land.
 */
import { error } from '../diagnostics/diagnostic.js';
import { binary, constant, slotRef } from '../model/expr.js';
import type { StmtAst } from '../parse/ast.js';
import { callSlots, lowerCall } from './lowerCall.js';
import type { StatementLowering } from './lowerStatements.js';
import type { Continuation, ThreadCtx } from './workflowContext.js';

export const JOIN_KINDS = ['wait_all', 'ordered_abort', 'ordered_continue', 'gather_raise'] as const;
export type JoinKind = (typeof JOIN_KINDS)[number];

function withResets(c: Continuation, resets: readonly number[]): Continuation {
  return resets.length === 0 ? c : { ...c, resets: [...(c.resets ?? []), ...resets] };
}

export function lowerParallel(L: StatementLowering, s: StmtAst & { kind: 'parallel' }, exit: number, t: ThreadCtx): number {
  const w = L.w;
  let join: JoinKind = 'wait_all';
  if (s.join) {
    if ((JOIN_KINDS as readonly string[]).includes(s.join.name)) join = s.join.name as JoinKind;
    else w.diags.push(error('WF201', `unknown join kind '${s.join.name}' (expected one of ${JOIN_KINDS.join(', ')})`, s.join.span));
  }
  const cluster = w.builder.addCluster(`parallel ${join}${s.cancel ? ' cancel' : ''}`, t.cluster);
  const entry = w.newPlace('parallel', s.span, t);
  const wait = w.newPlace('join', s.span, t);
  const n = s.branches.length;
  // wait_all (and ordered_continue without a per-failure block) remember failures in a flag.
  const perFailureBlock = join === 'ordered_continue' && s.handler?.kind === 'block';
  const flagged = join === 'wait_all' || (join === 'ordered_continue' && !perFailureBlock);
  const failedFlag = flagged ? w.hiddenCounter('parallel.failed', s.span, 1) : -1;

  const done: number[] = [];
  const failed: number[] = [];
  const entries: number[] = [];
  const branchPlaces: number[] = [];
  s.branches.forEach((branch, i) => {
    const places: number[] = [];
    const b: ThreadCtx = { fail: { post: [], updates: [] }, orphanable: true, cluster, places, inBranch: true };
    const d = w.newPlace(`branch${i + 1}.done`, branch.span, b);
    const x = flagged ? d : w.newPlace(`branch${i + 1}.failed`, branch.span, b);
    const fail: Continuation = flagged ? { post: [d], updates: [{ slot: failedFlag, value: constant(1) }] } : { post: [x], updates: [] };
    entries.push(L.seq([branch], d, { ...b, fail }));
    done.push(d);
    failed.push(x);
    branchPlaces.push(...places);
  });
  t.places.push(...branchPlaces);
  const cancel = s.cancel ? branchPlaces : [];
  w.step({ label: `parallel ${join}`, kind: 'step', span: s.span, pre: [entry], post: [wait, ...entries], cluster });

  // The failure handler is lowered once where every failing branch continues the same way.
  let shared: Continuation | undefined;
  const onFailure = (continueAt: number) => (shared ??= withResets(L.handler(s.handler, continueAt, t), cancel));
  const joinStep = (label: string, pre: number[], post: Continuation, guard?: ReturnType<typeof binary>) =>
    w.step({ label, kind: 'step', span: s.span, pre, post: post.post, updates: post.updates, resets: post.resets, guard, cluster });

  if (flagged) {
    const flag = slotRef(failedFlag);
    const clear = { slot: failedFlag, value: constant(0) };
    joinStep('join (all ok)', [wait, ...done], { post: [exit], updates: [] }, binary('==', flag, constant(0)));
    const f = onFailure(exit);
    joinStep('join (a branch failed)', [wait, ...done], { ...f, updates: [...f.updates, clear] }, binary('==', flag, constant(1)));
    return entry;
  }
  if (join === 'gather_raise') {
    joinStep('join (all ok)', [wait, ...done], { post: [exit], updates: [] });
    failed.forEach((x, i) => joinStep(`branch ${i + 1} failed`, [wait, x], onFailure(exit)));
    return entry;
  }
  // ordered_abort / ordered_continue: await branch 1, then 2, … in index order.
  let at = wait;
  for (let i = 0; i < n; i++) {
    const next = i === n - 1 ? exit : w.newPlace(`await${i + 2}`, s.branches[i + 1].span, t);
    joinStep(`await branch ${i + 1} (ok)`, [at, done[i]], { post: [next], updates: [] });
    const f = join === 'ordered_abort' ? onFailure(exit) : L.handler(s.handler, next, t);
    joinStep(`await branch ${i + 1} (failed)`, [at, failed[i]], f);
    at = next;
  }
  if (n === 0) joinStep('join', [wait], { post: [exit], updates: [] });
  return entry;
}

export function lowerRace(L: StatementLowering, s: StmtAst & { kind: 'race' }, exit: number, t: ThreadCtx): number {
  const w = L.w;
  const cluster = w.builder.addCluster(`race${s.cancel ? ' cancel' : ''}`, t.cluster);
  const entry = w.newPlace('race', s.span, t);
  const wait = w.newPlace('race.wait', s.span, t);
  const triggers = s.arms.map((arm, i) => w.newPlace(arm.kind === 'activity' ? `arm${i + 1}.${arm.activity.name}` : `${arm.kind}${i + 1}`, arm.span, t));
  // Timers and signals are only events: once another arm wins they are discarded.
  const timers = triggers.filter((_, i) => s.arms[i].kind !== 'activity');
  w.step({ label: 'race', kind: 'step', span: s.span, pre: [entry], post: [wait, ...triggers], cluster });
  // Only signals to wait for: the environment may send none of them (see `await signal`).
  if (s.arms.length > 0 && s.arms.every((arm) => arm.kind === 'signal')) {
    w.step({ label: 'no signal yet', kind: 'event', span: s.span, pre: [wait], post: [wait], cluster });
  }

  // A losing activity keeps running (unless `cancel`): when the race is decided it moves to its own
  // orphan place, so it can still complete (its effect lands) but never wins a later round of a loop.
  const ORPHANS_IN_FLIGHT = 3;
  const orphans = s.arms.map((arm, i) => (arm.kind === 'activity' && !s.cancel ? w.newPlace(`arm${i + 1}.orphan`, arm.span, t, ORPHANS_IN_FLIGHT) : -1));
  s.arms.forEach((arm, i) => {
    const trigger = triggers[i];
    const others = triggers.map((p, j) => ({ p, j })).filter(({ j }) => j !== i);
    // The winner discards pending timers and signals; with `cancel` it also cancels losing activities.
    const resets = others.filter(({ j }) => s.cancel || s.arms[j].kind !== 'activity').map(({ p }) => p);
    const moved = others.filter(({ j }) => orphans[j] >= 0);
    const pre = [wait, trigger, ...moved.map(({ p }) => p)];
    const toOrphans = moved.map(({ j }) => orphans[j]);
    const body = L.seq(arm.body, exit, t);
    if (arm.kind === 'timer' || arm.kind === 'signal') {
      const label = arm.kind === 'timer' ? `timer${arm.duration ? ` ${arm.duration}` : ''} fired` : `signal ${arm.signal.name}`;
      w.step({ label, kind: arm.kind === 'timer' ? 'timer' : 'event', span: arm.span, pre, post: [body, ...toOrphans], resets, cluster });
      return;
    }
    const a = L.activity(arm.activity);
    if (!a) return;
    const slots = callSlots(w, a, arm.span);
    const handled = L.handler(arm.handler, body, t);
    // Winning: the race is still open (the workflow waits on it).
    lowerCall(w, {
      activity: a,
      slots,
      span: arm.span,
      kind: 'complete',
      pre,
      ok: { post: [body, ...toOrphans], updates: [], resets },
      fail: { ...withResets(handled, resets), post: [...handled.post, ...toOrphans] },
      orphanable: t.orphanable,
      cluster,
    });
    if (orphans[i] < 0) return;
    // Lost: another arm won; it still completes and its effect lands, nobody looks at the result.
    lowerCall(w, {
      activity: a,
      slots,
      span: arm.span,
      kind: 'complete',
      pre: [orphans[i]],
      ok: { post: [], updates: [] },
      fail: { post: [], updates: [] },
      orphanable: true,
      cluster,
    });
  });
  return entry;
}
