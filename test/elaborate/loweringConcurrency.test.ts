/**
 * Lowering of `parallel` (each join kind, with and without `cancel`) and
 * `race` (activity against timer), checked against hand-counted state
 * graphs and against which interleavings exist: orphaned branches and race
 * losers still land after the workflow moved on or ended, unless cancelled.
 *
 * Notation: W = the join is waiting; eA/dA/xA = branch A in flight / done /
 * failed (the join has not consumed it yet); E = end of main.
 */
import { describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../src/api/loadedSpec.js';
import { countStates, deadEndViews, edgeViews, workflowFromBody } from '../builders.js';

/** A may fail; B cannot fail and sets b. */
const AB = 'var b: bool = false\nactivity A may fail\nactivity B { b = true }';

function parallel(head: string, branches = 'A\nB'): LoadedSpec {
  return workflowFromBody(AB, `parallel ${head} {\n${branches}\n}`);
}

/** states, edges, terminals, deadlocks, faults */
function figures(spec: LoadedSpec): number[] {
  const c = countStates(spec);
  return [c.states, c.transitions, c.terminals, c.deadlocks, c.faults];
}

/** Some step taken after the workflow ended changes `v`. */
function landsAfterEnd(spec: LoadedSpec, v: string): boolean {
  return edgeViews(spec).some((e) => (e.from.workflow === 'failed' || e.from.workflow === 'completed') && e.from[v] !== e.to[v]);
}

function reachableWhere(spec: LoadedSpec, pred: (v: Record<string, string | number | boolean>) => boolean): boolean {
  return edgeViews(spec).some((e) => pred(e.from) || pred(e.to));
}

describe('parallel: join kinds', () => {
  it('wait_all (also the default): the join waits for every branch, then fails', () => {
    // start -> W with A∈{eA,dA,dA+flag} × B∈{eB,dB} = 6; join ok -> E -> completed; join failed -> unwind -> failed.
    // 1 + 6 + 2 + 2 = 11 states; edges 1 + (3+1+1+2+1+1) + 1 + 1 = 12.
    expect(figures(parallel('wait_all'))).toEqual([11, 12, 2, 0, 0]);
    expect(figures(parallel(''))).toEqual([11, 12, 2, 0, 0]);
    // B always lands before the workflow compensates.
    expect(reachableWhere(parallel('wait_all'), (v) => v.workflow === 'compensating' && v.b === false)).toBe(false);
  });

  it('ordered_abort {A, B}: A fails first in index order; B is orphaned and still lands after the end', () => {
    // W-states 6; after await 1 ok: [await2] × {eB,dB} (2); E, completed (2);
    // after await 1 failed: [unwind] × {eB,dB} (2), [failed] × {eB, dB, none} (3): 16 states.
    // Edges 1 + 11 (W: 3+2+2+2+1+1) + 2 (await2) + 1 (E) + 3 (unwind) + 1 (B lands when failed) = 19;
    // terminals: completed, failed+dB, failed.
    const spec = parallel('ordered_abort');
    expect(figures(spec)).toEqual([16, 19, 3, 0, 0]);
    expect(landsAfterEnd(spec, 'b')).toBe(true);
    expect(deadEndViews(spec).every((v) => v.b === true)).toBe(true);
  });

  it('ordered_abort cancel {A, B}: the failure cancels B, which never lands', () => {
    // As above, but the failure resets B's places, so B cannot land afterwards. B may have landed
    // *before* A's failure was seen (W-state xA×dB): its effect b = true stays, cancelling a place
    // cannot undo it. [unwind] and [failed] × {b false, b true}: 1 + 6 + 2 + 2 + 2 + 2 = 15 states;
    // edges 1 + 11 (W) + 2 (await2) + 1 (E) + 2 (unwind) = 17; terminals: completed, failed × {b, !b}.
    const spec = parallel('ordered_abort cancel');
    expect(figures(spec)).toEqual([15, 17, 3, 0, 0]);
    expect(landsAfterEnd(spec, 'b')).toBe(false);
    expect(deadEndViews(spec).some((v) => v.workflow === 'failed' && v.b === false)).toBe(true);
  });

  it('ordered_abort {B, A}: a failure of branch 2 is seen only after branch 1 was awaited', () => {
    // W: B∈{eB,dB} × A∈{eA,dA,xA} (6); [await2] × A (3); E, completed, unwind, failed: 14 states;
    // edges 1 + 10 + 4 + 1 + 1 = 17. No orphan: both branches are consumed before any end.
    const spec = parallel('ordered_abort', 'B\nA');
    expect(figures(spec)).toEqual([14, 17, 2, 0, 0]);
    expect(reachableWhere(spec, (v) => v.workflow === 'compensating' && v.b === false)).toBe(false);
  });

  it('gather_raise {B, A}: the first failure in time is seen at once, B still in flight', () => {
    // W 6; join ok -> E -> completed; branch 2 failed -> [unwind] × {eB,dB} -> [failed] × {eB,dB,none}: 14 states;
    // edges 1 + 10 + 1 + 3 + 1 = 16; terminals: completed, failed+dB, failed.
    const spec = parallel('gather_raise', 'B\nA');
    expect(figures(spec)).toEqual([14, 16, 3, 0, 0]);
    expect(reachableWhere(spec, (v) => v.workflow === 'compensating' && v.b === false)).toBe(true);
    expect(landsAfterEnd(spec, 'b')).toBe(true);
  });

  it('gather_raise cancel {A, B}: the failure cancels B', () => {
    // W 6; join ok -> E -> completed; A failed -> [unwind] (B reset) -> [failed], where B's effect may
    // already have landed (xA×dB): [unwind], [failed] × {b, !b}: 13 states; edges 1 + 10 + 2 + 1 = 14; 3 terminals.
    const spec = parallel('gather_raise cancel');
    expect(figures(spec)).toEqual([13, 14, 3, 0, 0]);
    expect(landsAfterEnd(spec, 'b')).toBe(false);
  });

  it('wait_all cancel: nothing is left to cancel when the join runs, so it is wait_all', () => {
    expect(figures(parallel('wait_all cancel'))).toEqual([11, 12, 2, 0, 0]);
  });

  it('ordered_continue without a handler block waits for all, then fails (like wait_all)', () => {
    expect(figures(parallel('ordered_continue'))).toEqual([11, 12, 2, 0, 0]);
  });

  it('ordered_continue with a handler block runs it once per failed branch, in index order', () => {
    // A, B both may fail. W: A∈{e,d,x} × B∈{e,d,x} (9); [handler 1] × B (3); [await2,h∈{0,1}] × B (6);
    // [handler 2, h∈{0,1}] (2); [E, h∈{0,1,2}] (3); [completed, h] (3); + start = 27 states.
    // Edges: 1 + 18 (W) + 5 (handler 1) + 8 (await2) + 2 + 3 = 37; completes with h = 0, 1 or 2.
    const spec = workflowFromBody('var h: 0..2 = 0\nactivity A may fail\nactivity B may fail', 'parallel ordered_continue {\nA\nB\n} or { h += 1 }');
    expect(figures(spec)).toEqual([27, 37, 3, 0, 0]);
    expect(deadEndViews(spec).map((v) => `${v.workflow} h=${v.h}`).sort()).toEqual(['completed h=0', 'completed h=1', 'completed h=2']);
  });

  it('a fail inside a branch fails the branch; the join then fails the workflow', () => {
    // start -> [W, A] -> [W, fail] -> [W, done+flag] -> [unwind] -> [failed]: 6 states.
    expect(figures(workflowFromBody('activity A', 'parallel { { A; fail "x" } }'))).toEqual([6, 5, 1, 0, 0]);
  });
});

describe('race', () => {
  const X = 'var x: 0..1 = 0\nactivity A { x = 1 }';

  it('activity against timer: the loser activity still lands, even after the workflow completed', () => {
    // [race] -> [wait, A, timer]; A wins -> [E,x=1] (timer dropped); timer wins -> [E, A in flight, x=0];
    // then A lands -> [E,x=1] (same state) or the workflow completes first -> [completed, A, x=0] -> A lands -> [completed,x=1].
    // 6 states; edges 1 + 2 + 1 + 2 + 1 = 7; one dead end, with x = 1.
    const spec = workflowFromBody(X, 'race {\nA\ntimer => { skip }\n}');
    expect(figures(spec)).toEqual([6, 7, 1, 0, 0]);
    expect(deadEndViews(spec)).toEqual([{ workflow: 'completed', x: 1 }]);
    expect(landsAfterEnd(spec, 'x')).toBe(true);
  });

  it('race cancel: the timer winning cancels A, whose effect never lands', () => {
    // [race] -> [wait, A, timer]; A wins -> [E,x=1] -> [completed,1]; timer wins (A reset) -> [E,x=0] -> [completed,0]: 6 states, 5 edges.
    const spec = workflowFromBody(X, 'race cancel {\nA\ntimer => { skip }\n}');
    expect(figures(spec)).toEqual([6, 5, 2, 0, 0]);
    expect(deadEndViews(spec).map((v) => v.x).sort()).toEqual([0, 1]);
  });

  it('a timer duration is only a label: the same graph with and without it', () => {
    const timed = workflowFromBody(X, 'race {\nA\ntimer 24h => { skip }\n}');
    expect(figures(timed)).toEqual([6, 7, 1, 0, 0]);
    expect(edgeViews(timed).map((e) => e.step)).toContain('timer 24h fired');
  });

  it('an arm with handler `or continue` and a body; the timer arm fails the workflow; the loser lands during and after unwinding', () => {
    // [race] -> [wait,A,T]; A wins ok or failed -> [body] -> [E,x=1] -> [completed,x=1];
    // timer -> [fail, A]; A (loser, ok|failed) lands from [fail,A], [unwind,A], [failed,A] -> [fail], [unwind], [failed].
    // States: 2 + 3 + 6 = 11; edges 1 + 3 + 1 + 1 + 3 + 1 + 3 + 1 + 2 = 16; dead ends: completed, failed.
    const spec = workflowFromBody('var x: 0..1 = 0\nactivity A may fail', 'race {\nA or continue => { x = 1 }\ntimer => { fail "timeout" }\n}');
    expect(figures(spec)).toEqual([11, 16, 2, 0, 0]);
    expect(deadEndViews(spec).map((v) => `${v.workflow} x=${v.x}`).sort()).toEqual(['completed x=1', 'failed x=0']);
  });
});
