/**
 * Lowering of sequential workflow constructs and activity outcomes, checked
 * against reachable-state counts worked out by hand (each count's
 * derivation is in the comment beside it). A state is the control place
 * holding the main thread's token, the variables, `workflow` and counters.
 */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import { countStates, deadEndViews, distinctViews, modelFromSnippet, workflowFromBody } from '../builders.js';

/** states, edges, dead ends that properly ended (terminals), deadlocks. */
function figures(decls: string, body: string): [number, number, number, number] {
  const c = countStates(workflowFromBody(decls, body));
  expect(c.complete).toBe(true);
  expect(c.faults).toBe(0);
  return [c.states, c.transitions, c.terminals, c.deadlocks];
}

describe('lowering: plain statements', () => {
  it('empty main: [end] -completed-> [completed]', () => {
    expect(figures('', '')).toEqual([2, 1, 1, 0]);
    expect(countStates(modelFromSnippet('main {}'))).toMatchObject({ states: 2, transitions: 1 });
  });

  it('one assignment: [x=1 pending] -> [end, x=1] -> [completed]', () => {
    expect(figures('var x: 0..1 = 0', 'x = 1')).toEqual([3, 2, 1, 0]);
  });

  it('skip adds no state; a nested block adds none either', () => {
    expect(figures('var x: 0..1 = 0', 'skip; { skip; { x = 1 } }')).toEqual([3, 2, 1, 0]);
  });

  it('if/else on data: only the taken branch is reachable', () => {
    // [if] -true-> [x = 1 pending] -> [end, x=1] -> [completed]; the false guard never holds.
    expect(figures('var x: 0..2 = 0', 'if x == 0 { x = 1 } else { x = 2 }')).toEqual([4, 3, 1, 0]);
    expect(distinctViews(workflowFromBody('var x: 0..2 = 0', 'if x == 0 { x = 1 } else { x = 2 }'))).not.toContain('workflow=completed x=2');
  });

  it('else-if chain: the middle branch', () => {
    // [if1] -false-> [if2] -true-> [x = 2 pending] -> [end] -> [completed]
    expect(figures('var x: 0..2 = 1', 'if x == 0 { x = 0 } else if x == 1 { x = 2 } else { skip }')).toEqual([5, 4, 1, 0]);
  });

  it('while with a counter to 3', () => {
    // [loop,i] for i = 0..3 (4), [body,i] for i = 0..2 (3), [end,3], [completed]: 9 states, a line of 8 edges.
    expect(figures('var i: 0..3 = 0', 'while i < 3 { i += 1 }')).toEqual([9, 8, 1, 0]);
  });

  it('repeat 3 with a hidden iteration counter reset on exit', () => {
    // [loop,k=i] for k = 0..3 (4), [body,k=i+1] (3), [end,k=0,i=3], [completed]: 9 states, 8 edges.
    expect(figures('var i: 0..3 = 0', 'repeat 3 { i += 1 }')).toEqual([9, 8, 1, 0]);
  });

  it('either: two branches, two ends', () => {
    // [either] -> [x=1 pending] | [x=2 pending] -> [end,x=1] | [end,x=2] -> [completed,x=1] | [completed,x=2]
    expect(figures('var x: 0..2 = 0', 'either { x = 1 } or { x = 2 }')).toEqual([7, 6, 2, 0]);
  });

  it('return ends completed at once; what follows is unreachable', () => {
    // [return] -> [completed]
    expect(figures('var x: 0..1 = 0', 'return\nx = 1')).toEqual([2, 1, 1, 0]);
  });
});

describe('lowering: activity outcomes', () => {
  it('a plain activity cannot fail', () => {
    // [A in flight] -ok-> [end] -> [completed]
    expect(figures('activity A', 'A')).toEqual([3, 2, 1, 0]);
  });

  it('may fail: ok → completed; failed → compensating → failed', () => {
    // [A] -ok-> [end] -> [completed];  [A] -failed-> [unwind, compensating] -> [failed]
    expect(figures('activity A may fail', 'A')).toEqual([5, 4, 2, 0]);
    expect(distinctViews(workflowFromBody('activity A may fail', 'A'))).toEqual(['workflow=compensating', 'workflow=completed', 'workflow=failed', 'workflow=running']);
  });

  it('may fail after effect: a failure with or without the effect', () => {
    // [A,x=0] -ok-> [end,1]; -failed-> [unwind,0]; -failed after effect-> [unwind,1]; each then ends: 7 states, 6 edges.
    expect(figures('var x: 0..1 = 0\nactivity A may fail after effect { x = 1 }', 'A')).toEqual([7, 6, 3, 0]);
    // Without an effect both failures reach the same state: 5 states, but still 3 edges out of [A].
    expect(figures('activity A may fail after effect', 'A')).toEqual([5, 5, 2, 0]);
  });

  it('retry 2: two retries, then the failure is final', () => {
    // [A,att=0..2] (3): ok and retry (att<2) from each, final failure only at att=2;
    // + [end], [unwind], [completed], [failed] = 7 states; edges 2+2+2+1+1 = 8.
    expect(figures('activity A may fail retry 2', 'A')).toEqual([7, 8, 2, 0]);
  });

  it('retry forever: never fails, a retry is a self-loop', () => {
    // [A] -retry-> [A], [A] -ok-> [end] -> [completed]
    expect(figures('activity A may fail retry forever', 'A')).toEqual([3, 3, 1, 0]);
  });

  it('idempotent: an effect repeated by a retry after effect lands once', () => {
    // [A,x=0,eff=0] -ok-> [end,1]; -retry-> self; -retry after effect-> [A,x=1,eff=1]
    // [A,x=1,eff=1] -ok (no effect)-> [end,1]; -retry-> self; -retry after effect (no effect)-> self
    // [end,1] -> [completed,1]: 4 states, 3+3+1 = 7 edges; x never exceeds 1.
    const decls = 'var x: 0..3 = 0\nactivity A may fail after effect idempotent retry forever { x += 1 }';
    expect(figures(decls, 'A')).toEqual([4, 7, 1, 0]);
    const report = checkSpec(workflowFromBody(decls, 'A', 'invariant once: x <= 1'));
    expect(report.properties.map((p) => `${p.name}: ${p.result}`)).toEqual(['in_range: holds', 'once: holds']);
  });

  it('not idempotent: each retry after effect repeats it, until x leaves its range', () => {
    // [A,x] x = 0..3 (4), [end,x] x = 1..3 (3), [completed,x] (3) = 10; at x = 3 both effectful steps fault (2).
    const c = countStates(workflowFromBody('var x: 0..3 = 0\nactivity A may fail after effect retry forever { x += 1 }', 'A'));
    expect([c.states, c.transitions, c.faults]).toEqual([10, 13, 2]);
  });

  it('or continue (fail-open): both outcomes go on to the next statement', () => {
    // [A] -ok-> [end]; [A] -failed-> [end] (same state): 3 states, 3 edges.
    expect(figures('activity A may fail', 'A or continue')).toEqual([3, 3, 1, 0]);
  });

  it('or abort: the failure ends the workflow failed at once, without compensating', () => {
    // [A] -ok-> [end] -> [completed]; [A] -failed-> [failed]
    expect(figures('activity A may fail', 'A or abort "x"')).toEqual([4, 3, 2, 0]);
    expect(distinctViews(workflowFromBody('activity A may fail', 'A or abort "x"'))).not.toContain('workflow=compensating');
  });

  it('or { block }: the handler runs, then the statement after the call', () => {
    // [A,h=0] -ok-> [B,0]; -failed-> [h+=1,0] -> [B,1]; [B,h] -> [end,h] -> [completed,h]: 8 states, 2+1+1+1+1+1 = 7 edges.
    expect(figures('var h: 0..1 = 0\nactivity A may fail\nactivity B', 'A or { h += 1 }\nB')).toEqual([8, 7, 2, 0]);
  });

  it('an effect with either gives one ok transition per alternative', () => {
    // [A] -ok(x=1)-> [end,1]; -ok(x=2)-> [end,2]; each completes: 5 states, 4 edges.
    expect(figures('var x: 0..2 = 0\nactivity A { either { x = 1 } or { x = 2 } }', 'A')).toEqual([5, 4, 2, 0]);
  });
});

describe('lowering: saga compensation, fail and abort', () => {
  const undoing = 'var log: 0..99 = 0\nactivity A\nactivity B\nactivity UndoA { log = log * 10 + 1 }\nactivity UndoB { log = log * 10 + 2 }';

  it('a stack of two unwinds in reverse: UndoB, then UndoA', () => {
    // [A] -> [B, stack=[A]] -> [fail, stack=[A,B]] -> [unwind, compensating] -UndoB-> [log=2] -UndoA-> [log=21] -> [failed]: 7 states.
    expect(figures(undoing, 'A compensate UndoA\nB compensate UndoB\nfail "boom"')).toEqual([7, 6, 1, 0]);
    const report = checkSpec(workflowFromBody(undoing, 'A compensate UndoA\nB compensate UndoB\nfail "boom"', 'invariant never_fails: !failed'));
    const cex = report.properties.find((p) => p.name === 'never_fails')!.counterexample!;
    expect(cex.steps.map((s) => `${s.kind}: ${s.label}${s.outcome ? ` (${s.outcome})` : ''}`)).toEqual([
      'complete: A (ok)',
      'complete: B (ok)',
      'step: fail "boom"',
      'compensate: UndoB (ok)',
      'compensate: UndoA (ok)',
      'end: failed',
    ]);
    expect(cex.states.at(-1)!.values.get('log')).toBe(21);
  });

  it('only compensations of steps that succeeded run', () => {
    // [A] -> [B,[A]]; B fails -> [unwind,[A]] -UndoA-> [unwind,[]] -> [failed,log=1]; B ok -> [end] -> [completed]: 7 states.
    const decls = undoing.replace('activity B', 'activity B may fail');
    expect(figures(decls, 'A compensate UndoA\nB compensate UndoB')).toEqual([7, 6, 2, 0]);
    expect(deadEndViews(workflowFromBody(decls, 'A compensate UndoA\nB compensate UndoB')).map((v) => `${v.workflow} log=${v.log}`).sort()).toEqual(['completed log=0', 'failed log=1']);
  });

  it('`compensate with X` pushes X without a call', () => {
    // [register] -> [fail,[UndoA]] -> [unwind] -UndoA-> [unwind,[]] -> [failed,log=1]: 5 states.
    expect(figures(undoing, 'compensate with UndoA\nfail')).toEqual([5, 4, 1, 0]);
  });

  it('a compensation that fails is recorded and unwinding goes on', () => {
    // [A] -> [fail,[U]] -> [unwind,[U]] -U ok-> [unwind,[]] | -U failed-> [unwind,[],U.compensation_failed] -> [failed] twice: 7 states.
    const decls = 'activity A\nactivity U may fail';
    expect(figures(decls, 'A compensate U\nfail')).toEqual([7, 6, 2, 0]);
    expect(deadEndViews(workflowFromBody(decls, 'A compensate U\nfail')).map((v) => v['U.compensation_failed']).sort()).toEqual([false, true]);
  });

  it('abort ends failed with no compensation; fail compensates', () => {
    // abort: [A] -> [abort,[UndoA]] -> [failed, stack kept]: 3 states.  fail: ... -> [unwind] -UndoA-> [unwind,[]] -> [failed]: 5 states.
    expect(figures(undoing, 'A compensate UndoA\nabort')).toEqual([3, 2, 1, 0]);
    expect(figures(undoing, 'A compensate UndoA\nfail')).toEqual([5, 4, 1, 0]);
    expect(deadEndViews(workflowFromBody(undoing, 'A compensate UndoA\nabort')).map((v) => v.log)).toEqual([0]);
    expect(deadEndViews(workflowFromBody(undoing, 'A compensate UndoA\nfail')).map((v) => v.log)).toEqual([1]);
  });
});
