/**
 * The wfcheck/vitest matchers: each passes and fails as documented, with
 * .not; failure messages (pinned) carry the counterexample trace and, when
 * asked, where the DOT was written; undecided results fail both ways;
 * vitest's own toSatisfy(predicate) still works.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/api/loadedModel.js';
import '../../src/vitest.js';

const transfer = parseSpec(
  `workflow Transfer {
  var src: 0..100 = 100
  var locked: 0..100 = 0
  var dst: 0..100 = 0
  activity Lock { src -= 100; locked += 100 }
  activity Unlock { locked -= 100; src += 100 }
  activity Release may fail { locked -= 100; dst += 100 }
  main {
    Lock compensate Unlock
    Release
  }
  invariant funds_conserved: src + locked + dst == 100
  invariant never_paid: dst == 0 expect violated
}
`,
  'transfer.wf',
);
const stuck = parseSpec('net Stuck {\n  place a = 1, b\n  transition t: a -> b\n}\n', 'stuck.wf');
/** A workflow net that completes with a token left behind. */
const leaky = parseSpec('net Leaky {\n  place i = 1, p, o\n  transition t: i -> o + p\n  transition u: p -> o\n}\n', 'leaky.wf');

/** The message of the assertion `f` makes fail, with the run's seconds (which vary) as `…s`. */
function failure(f: () => void): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message.replace(/ states, [\d.]+s\)/g, ' states, …s)');
  }
  throw new Error('expected the assertion to fail');
}

const TRACE_LOCK_RELEASE = `Counterexample (path, 2 steps): ctl formula is false: AG dst == 0
  initial state
       workflow = running, src = 100, locked = 0, dst = 0, Unlock.compensation_failed = false
  1. Lock  (ok)     transfer.wf:9
       src: 100 → 0, locked: 0 → 100
  2. Release  (ok)  transfer.wf:10
       locked: 100 → 0, dst: 0 → 100`;

describe('toSatisfy(formula)', () => {
  it('passes when the formula holds, fails with the trace when it does not', () => {
    expect(transfer).toSatisfy('AG (src + locked + dst == 100)');
    expect(transfer).toSatisfy('G (dst == 100 -> src == 0)');
    expect(failure(() => expect(transfer).toSatisfy('AG dst == 0'))).toBe(
      'expect(model).toSatisfy("AG dst == 0")\n\n' +
        'Expected AG dst == 0 to hold in workflow Transfer (transfer.wf), but it is violated (7 states, …s).\n\n' +
        TRACE_LOCK_RELEASE,
    );
  });

  it('.not passes on a violation and fails when the formula holds', () => {
    expect(transfer).not.toSatisfy('AF dst == 100');
    expect(failure(() => expect(transfer).not.toSatisfy('EF dst == 100'))).toBe(
      'expect(model).not.toSatisfy("EF dst == 100")\n\nExpected EF dst == 100 to be violated in workflow Transfer (transfer.wf), but it holds (7 states, …s).',
    );
  });

  it('an undecided result fails with and without .not', () => {
    const expected = 'AG dst >= 0 was not decided in workflow Transfer (transfer.wf): exploration stopped early (max-states) after 2 states (2 states, …s). Raise the limits to decide it.';
    expect(failure(() => expect(transfer).toSatisfy('AG dst >= 0', { maxStates: 2 }))).toBe(`expect(model).toSatisfy("AG dst >= 0")\n\n${expected}`);
    expect(failure(() => expect(transfer).not.toSatisfy('AG dst >= 0', { maxStates: 2 }))).toBe(`expect(model).not.toSatisfy("AG dst >= 0")\n\n${expected}`);
  });

  it('a formula mistake fails the test with the located diagnostic', () => {
    expect(failure(() => expect(transfer).toSatisfy('AG (dst > 0 -> sr == 0)'))).toBe(
      "<formula>:1:16: error WF201: undefined name 'sr' (did you mean 'src'?)\n  |\n1 | AG (dst > 0 -> sr == 0)\n  |                ^^",
    );
  });

  it("keeps vitest's own toSatisfy(predicate[, message])", () => {
    expect(5).toSatisfy((n: number) => n > 1);
    expect(5).not.toSatisfy((n: number) => n > 10);
    expect(failure(() => expect(5).toSatisfy((n: number) => n > 10, 'a big number'))).toContain('Expected value to satisfy:\na big number\n\nReceived:\n');
    expect(failure(() => expect(5).not.toSatisfy((n: number) => n > 1, 'small'))).toContain('Expected value to not satisfy:\nsmall\nReceived:\n');
    expect({ n: 5 }).toEqual({ n: expect.toSatisfy((n: number) => n === 5) });
  });

  it('refuses anything but a model, and says when a Promise was not awaited', () => {
    expect(() => expect({}).toSatisfy('AG true')).toThrow('toSatisfy: expected a model from loadSpec() or parseSpec()');
    expect(() => expect(Promise.resolve(transfer)).toSatisfy('AG true')).toThrow(
      'toSatisfy: expected a model from loadSpec() or parseSpec() (received a Promise: did you forget to await loadSpec(…)?)',
    );
  });
});

describe('toHold(property)', () => {
  it('by name, whatever the spec expects; unknown names fail with a suggestion', () => {
    expect(transfer).toHold('funds_conserved');
    expect(transfer).toHold('in_range');
    expect(transfer).not.toHold('never_paid');
    expect(failure(() => expect(transfer).toHold('never_paid'))).toBe(
      'expect(model).toHold("never_paid")\n\n' +
        'Expected property never_paid (dst == 0) to hold in workflow Transfer (transfer.wf), but it is violated (7 states, …s).\n\n' +
        TRACE_LOCK_RELEASE.replace('ctl formula is false: AG dst == 0', 'invariant never_paid is false: dst == 0'),
    );
    expect(failure(() => expect(transfer).toHold('funds'))).toBe(
      "error WF401: no property named 'funds' in transfer.wf; it has: in_range, sound, funds_conserved, never_paid",
    );
  });
});

describe('toBeDeadlockFree, toBeSound, toConserve', () => {
  it('deadlock freedom', () => {
    expect(transfer).toBeDeadlockFree();
    expect(failure(() => expect(stuck).toBeDeadlockFree())).toBe(
      'expect(model).toBeDeadlockFree()\n\n' +
        'Expected deadlock freedom to hold in net Stuck (stuck.wf), but it is violated (2 states, …s).\n\n' +
        'Counterexample (path, 1 step): deadlock: no step is possible and the model has not ended\n' +
        '  initial state\n       a = 1, b = 0\n  1. t  stuck.wf:3\n       a: 1 → 0, b: 0 → 1',
    );
  });

  it('soundness', () => {
    expect(transfer).toBeSound();
    expect(stuck).toBeSound();
    expect(failure(() => expect(leaky).toBeSound())).toBe(
      'expect(model).toBeSound()\n\n' +
        'Expected soundness to hold in net Leaky (leaky.wf), but it is violated (3 states, …s).\n\n' +
        'Counterexample (path, 1 step): not sound: improper completion: the last marking of this trace marks the sink while other tokens remain; ' +
        "no option to complete: from the initial state the final marking (one token in 'o', nothing else) can no longer be reached\n" +
        '  initial state\n       i = 1, p = 0, o = 0\n  1. t  leaky.wf:3\n       i: 1 → 0, p: 0 → 1, o: 0 → 1',
    );
  });

  it('conservation of an integer expression from its initial value', () => {
    expect(transfer).toConserve('src + locked + dst');
    expect(transfer).not.toConserve('src + locked');
    expect(failure(() => expect(transfer).toConserve('src + locked'))).toBe(
      'expect(model).toConserve("src + locked")\n\n' +
        'Expected conservation of src + locked (AG ((src + locked) == 100)) to hold in workflow Transfer (transfer.wf), but it is violated (7 states, …s).\n\n' +
        TRACE_LOCK_RELEASE.replace('AG dst == 0', 'AG ((src + locked) == 100)'),
    );
  });
});

describe('DOT files of failures', () => {
  const saved = process.env.WFCHECK_DOT_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.WFCHECK_DOT_DIR;
    else process.env.WFCHECK_DOT_DIR = saved;
  });

  it('written where the dot option says, and the message says where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfcheck-matcher-'));
    const path = join(dir, 'deep', 'cex.dot');
    const message = failure(() => expect(transfer).toSatisfy('AG dst == 0', { dot: path }));
    expect(message.endsWith(`\n\nThe counterexample is drawn in ${path} (Graphviz DOT).`)).toBe(true);
    expect(readFileSync(path, 'utf8')).toMatch(/^digraph counterexample \{\n[\s\S]*Release[\s\S]*\}\n$/);
    expect(readdirSync(join(dir, 'deep'))).toEqual(['cex.dot']);
  });

  it('or in WFCHECK_DOT_DIR, named after the test; nothing for passing checks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfcheck-matcher-'));
    process.env.WFCHECK_DOT_DIR = dir;
    expect(transfer).toSatisfy('AG (src + locked + dst == 100)');
    expect(transfer).not.toSatisfy('AG dst == 0');
    expect(readdirSync(dir)).toEqual([]);
    const message = failure(() => expect(stuck).toBeDeadlockFree());
    const file = join(dir, 'DOT-files-of-failures-or-in-WFCHECK_DOT_DIR-named-after-the-test-nothing-for-passing-checks.dot');
    expect(message).toContain(`The counterexample is drawn in ${file} (Graphviz DOT).`);
    expect(existsSync(file)).toBe(true);
  });
});

/** Compile-time checks (tsc runs over test/): the matchers' argument types; never called. */
export function matcherTypes(): void {
  // @ts-expect-error a formula is a string
  expect(transfer).toSatisfy(5);
  // @ts-expect-error toHold needs a property name
  expect(transfer).toHold();
  // @ts-expect-error options are limits and `dot`
  expect(transfer).toBeDeadlockFree({ maxStates: 'many' });
  expect(transfer).toSatisfy('AG true', { maxStates: 10, timeoutMs: 1000, maxMemoryBytes: 2 ** 20, dot: 'cex.dot' });
  expect(5).toSatisfy((n: number) => n > 1, 'a message');
  expect(transfer).not.toConserve('src', { maxStates: 10 });
}
