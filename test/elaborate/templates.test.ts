/**
 * Property templates on tiny specs, each with a model where it holds and
 * one where it fails (and, for a failure, the activity steps of the
 * counterexample), so the README's meaning of every template is pinned.
 */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import type { PropertyReport } from '../../src/api/checkReport.js';

function check(text: string): PropertyReport[] {
  return checkSpec(loadSpecText(text, 'tiny.wf')).properties.filter((p) => p.name !== 'in_range');
}

function result(text: string, name: string): PropertyReport {
  const p = check(text).find((r) => r.name === name);
  if (!p) throw new Error(`no property ${name}`);
  return p;
}

function steps(p: PropertyReport): string[] {
  return (p.counterexample?.steps ?? [])
    .filter((s) => s.kind === 'complete' || s.kind === 'compensate')
    .map((s) => `${s.label}${s.outcome && s.outcome !== 'ok' ? ` (${s.outcome})` : ''}`);
}

const SAGA = (main: string, options = '') => `
workflow W {
  activity A
  activity B ${options}
  activity C may fail
  activity UndoA
  activity UndoB
  main { ${main} }
  compensation_complete
}`;

describe('compensation_complete', () => {
  it('holds for a saga that compensates every completed step, last first', () => {
    expect(result(SAGA('A compensate UndoA\nB compensate UndoB\nC'), 'compensation_complete').result).toBe('holds');
  });

  it('holds when parallel steps complete in either order (the stack follows completion order)', () => {
    expect(result(SAGA('parallel { A compensate UndoA\nB compensate UndoB }\nC'), 'compensation_complete').result).toBe('holds');
  });

  it('fails when a completed step with a compensation is not compensated', () => {
    const p = result(SAGA('A compensate UndoA\nB\nC', 'compensated by UndoB'), 'compensation_complete');
    expect(p.result).toBe('violated');
    expect(steps(p)).toEqual(['A', 'B', 'C (failed)', 'UndoA']);
  });

  it('fails when compensations run out of reverse completion order', () => {
    // UndoB is registered before B runs, so the stack unwinds UndoA first although B completed last.
    const p = result(SAGA('compensate with UndoB\nA compensate UndoA\nB\nC', 'compensated by UndoB'), 'compensation_complete');
    expect(p.result).toBe('violated');
    expect(steps(p)).toEqual(['A', 'B', 'C (failed)', 'UndoA', 'UndoB']);
  });

  it('fails when a compensation itself fails', () => {
    const p = result(SAGA('A compensate UndoA\nC').replace('activity UndoA', 'activity UndoA may fail'), 'compensation_complete');
    expect(p.result).toBe('violated');
    expect(steps(p)).toEqual(['A', 'C (failed)', 'UndoA (failed)']);
  });

  it('is vacuous on runs that complete', () => {
    expect(result(SAGA('A\nB', 'compensated by UndoB'), 'compensation_complete').result).toBe('holds');
  });
});

describe('conserves, at_most_once, exactly_once', () => {
  const MOVE = (options: string, extra = '') => `
workflow W {
  var a: 0..20 = 10
  var b: 0..20 = 0
  activity Move ${options} { a -= 5; b += 5 }
  main { Move or continue }
  conserves total: a + b
  at_most_once Move
  exactly_once Move
  ${extra}
}`;

  it('hold for a call whose effect lands once', () => {
    const r = check(MOVE(''));
    expect(r.map((p) => [p.name, p.result])).toEqual([
      ['total', 'holds'],
      ['at_most_once(Move)', 'holds'],
      ['exactly_once(Move)', 'holds'],
    ]);
  });

  it('a retried at-least-once call lands twice: at_most_once fails, conservation still holds', () => {
    const r = check(MOVE('may fail after effect retry 1'));
    expect(result(MOVE('may fail after effect retry 1'), 'at_most_once(Move)').result).toBe('violated');
    expect(steps(result(MOVE('may fail after effect retry 1'), 'at_most_once(Move)'))).toEqual(['Move (retry after effect)', 'Move']);
    expect(r.find((p) => p.name === 'total')?.result).toBe('holds');
  });

  it('an idempotent activity lands once even when retried', () => {
    expect(result(MOVE('may fail after effect retry 1 idempotent'), 'at_most_once(Move)').result).toBe('holds');
  });

  it('exactly_once fails when a completed run skipped the effect', () => {
    const p = result(MOVE('may fail'), 'exactly_once(Move)');
    expect(p.result).toBe('violated');
    expect(steps(p)).toEqual(['Move (failed)']);
  });

  it('conserves fails when an effect creates money', () => {
    const text = MOVE('').replace('b += 5', 'b += 6');
    const p = result(text, 'total');
    expect(p.result).toBe('violated');
    expect(steps(p)).toEqual(['Move']);
  });
});

describe('terminates, deadlock_free, reachable', () => {
  const POLL = (fair: string) => `
workflow W {
  var ready: bool = false
  activity Check may fail { ready = true }
  main { while !ready { Check or continue } }
  terminates
  deadlock_free
  reachable done_ok: completed
  ${fair}
}`;

  it('a polling loop terminates only under strong fairness of its activity', () => {
    expect(result(POLL(''), 'terminates').result).toBe('violated');
    expect(result(POLL(''), 'terminates').counterexample?.kind).toBe('lasso');
    expect(result(POLL('fair strong Check'), 'terminates').result).toBe('holds');
  });

  it('deadlock_free and reachable hold on the polling loop', () => {
    expect(result(POLL(''), 'deadlock_free').result).toBe('holds');
    expect(result(POLL(''), 'done_ok').result).toBe('holds');
  });

  it('a signal the environment may never send blocks termination, not deadlock freedom', () => {
    const text = `
workflow W {
  var x: 0..2 = 0
  main { await signal Go; x = 1 }
  terminates
  deadlock_free
  reachable two: x == 2
}`;
    expect(result(text, 'terminates').result).toBe('violated');
    expect(result(text, 'terminates').counterexample?.kind).toBe('lasso');
    expect(result(text, 'deadlock_free').result).toBe('holds');
    expect(result(text, 'two').result).toBe('violated');
    expect(result(`${text.slice(0, text.lastIndexOf('}'))}  fair weak signal Go\n}`, 'terminates').result).toBe('holds');
  });

  it('a race of signals only may wait forever, unless one signal is assumed to come', () => {
    const text = (fair: string) => `
workflow W {
  var x: 0..2 = 0
  main { race { signal A => { x = 1 } signal B => { x = 2 } } }
  terminates
  ${fair}
}`;
    expect(result(text(''), 'terminates').result).toBe('violated');
    expect(result(text('fair weak signal A'), 'terminates').result).toBe('holds');
    expect(() => loadSpecText(text('fair weak signal C'), 'tiny.wf')).toThrow(/no signal named 'C'/);
  });

  it('a net that gets stuck is not deadlock free', () => {
    const text = `
net N {
  place p = 1, q
  transition t: p -> q
  deadlock_free
}`;
    const p = result(text, 'deadlock_free');
    expect(p.result).toBe('violated');
    expect(p.counterexample?.steps.map((s) => s.label)).toEqual(['t']);
  });
});
