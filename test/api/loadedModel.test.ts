/**
 * The typed API: loadSpec/parseSpec give a model whose check() takes a
 * property name or a formula and answers holds | violated | unknown with
 * the counterexample and the figures; results agree with checkSpec; formula
 * mistakes are located diagnostics; limits give unknown, never holds.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/diagnostics/codeFrame.js';
import { SpecError } from '../../src/diagnostics/diagnostic.js';
import { checkSpec, loadSpec, parseSpec, type CheckResult } from '../../src/index.js';

const TRANSFER = `workflow Transfer {
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
`;
const transfer = parseSpec(TRANSFER, 'transfer.wf');

/** The SpecError's diagnostics as the CLI prints them. */
function diagnosticsOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SpecError) return formatDiagnostics(e.diagnostics, e.sources);
    throw e;
  }
  throw new Error('expected a SpecError');
}

function verdict(r: CheckResult): [string, string, string] {
  return [r.name, r.kind, r.result];
}

describe('model.check(property name)', () => {
  it('answers each property of a real spec exactly as checkSpec does', async () => {
    const model = await loadSpec('specs/payments/coinbase-crosschain-transfer.wf');
    const all = checkSpec(model);
    for (const p of all.properties) {
      const r = model.check(p.name);
      expect(verdict(r)).toEqual([p.name, p.kind, p.result]);
      expect(r.expected).toBe(p.expected);
      expect(r.result === 'violated' && r.counterexample?.steps.map((s) => s.label)).toEqual(p.counterexample?.steps.map((s) => s.label) ?? false);
    }
  });

  it('a violated property carries its counterexample; one that holds does not', () => {
    const bad = transfer.check('never_paid');
    expect(bad.result).toBe('violated');
    if (bad.result !== 'violated') return;
    expect(bad.counterexample?.steps.map((s) => `${s.label} ${s.outcome ?? ''}`.trim())).toEqual(['Lock ok', 'Release ok']);
    expect(bad.expected).toBe('violated');
    const good = transfer.check('funds_conserved');
    expect(good).toMatchObject({ name: 'funds_conserved', kind: 'invariant', formula: 'src + locked + dst == 100', result: 'holds' });
    expect(good.stats.states).toBe(7);
    expect(good.stats.seconds).toBeGreaterThanOrEqual(0);
  });

  it('built-ins by name, declared or not: in_range, deadlock_free, sound', async () => {
    expect(verdict(transfer.check('in_range'))).toEqual(['in_range', 'range', 'holds']);
    expect(verdict(transfer.check('deadlock_free'))).toEqual(['deadlock_free', 'deadlock_free', 'holds']);
    expect(verdict(transfer.check('sound'))).toEqual(['sound', 'sound', 'holds']);
    const philosophers = await loadSpec('specs/nets/two-philosophers.wf');
    const dead = philosophers.check('deadlock_free');
    expect(dead.result).toBe('violated');
    expect(dead.result === 'violated' && dead.counterexample?.steps.map((s) => s.label).sort()).toEqual(['takeLeft1', 'takeLeft2']);
  });
});

describe('model.check(formula)', () => {
  it('CTL when the formula uses a CTL operator, LTL otherwise; named by its text', () => {
    expect(verdict(transfer.check('AG (src + locked + dst == 100)'))).toEqual(['AG (src + locked + dst == 100)', 'ctl', 'holds']);
    expect(verdict(transfer.check('  EF dst == 100 '))).toEqual(['EF dst == 100', 'ctl', 'holds']);
    expect(verdict(transfer.check('G (dst == 100 -> src == 0)'))).toEqual(['G (dst == 100 -> src == 0)', 'ltl', 'holds']);
    const r = transfer.check('F dst == 100');
    expect(verdict(r)).toEqual(['F dst == 100', 'ltl', 'violated']);
    expect(r.result === 'violated' && r.counterexample?.kind).toBe('lasso');
    expect(r.expected).toBeUndefined();
  });

  it('a formula that names a property of the spec still works (fresh internal names)', () => {
    const model = parseSpec('workflow W {\n  var x: 0..3 = 0\n  main { x = 1 }\n  invariant formula: x < 2\n}\n', 'w.wf');
    expect(verdict(model.check('AG x < 2'))).toEqual(['AG x < 2', 'ctl', 'holds']);
    expect(verdict(model.check('formula'))).toEqual(['formula', 'invariant', 'holds']);
  });

  it('mistakes in a formula are located in the formula text', () => {
    expect(diagnosticsOf(() => transfer.check('AG (dst > 0 -> sr == 0)'))).toBe(
      "<formula>:1:16: error WF201: undefined name 'sr' (did you mean 'src'?)\n  |\n1 | AG (dst > 0 -> sr == 0)\n  |                ^^",
    );
    expect(diagnosticsOf(() => transfer.check('AG (dst > 0'))).toBe(
      '<formula>:1:12: error WF101: syntax error: expected ")", found end of file\n  |\n1 | AG (dst > 0\n  |            ^',
    );
    expect(diagnosticsOf(() => transfer.check('AG F dst == 100'))).toBe(
      "<formula>:1:4: error WF402: 'F' is LTL, but this is a ctl property: write AF or EF, or declare the property as ltl\n  |\n1 | AG F dst == 100\n  |    ^^^^^^^^^^^^",
    );
  });

  it('formulas are refused for PNML nets, which have no DSL scope', () => {
    const pnml = parseSpec(
      '<?xml version="1.0"?>\n<pnml><net id="n" type="http://www.pnml.org/version-2009/grammar/ptnet"><page id="p">' +
        '<place id="a"><initialMarking><text>1</text></initialMarking></place></page></net></pnml>\n',
      'n.pnml',
    );
    expect(diagnosticsOf(() => pnml.check('AG true'))).toBe(
      'error WF402: formulas cannot be given for a PNML net (n.pnml); check its properties with an MCC property file (--mcc-formulas)',
    );
  });
});

describe('limits', () => {
  it('a limit gives unknown with the reason and the figures reached, never holds', () => {
    for (const target of ['funds_conserved', 'AG (src + locked + dst == 100)', 'G dst >= 0', 'deadlock_free', 'sound']) {
      const r = transfer.check(target, { maxStates: 3 });
      expect(r.result, target).toBe('unknown');
      expect(r.result === 'unknown' && r.reason, target).toMatch(/max-states/);
      expect(r.stats.states, target).toBeLessThanOrEqual(3);
    }
  });

  it('shouldStop interrupts; checkAll respects limits too', () => {
    let polls = 0;
    const r = transfer.check('funds_conserved', { shouldStop: () => ++polls > 0 });
    expect(r.result === 'unknown' && r.reason).toMatch(/interrupted/);
    const full = transfer.checkAll({ maxStates: 5 });
    expect(full.complete).toBe(false);
    expect(full.properties.every((p) => p.result !== 'holds')).toBe(true);
  });
});

describe('conservation', () => {
  it('AG (expr == its initial value)', () => {
    const r = transfer.checkConserves('src + locked + dst');
    expect(r).toMatchObject({ name: 'conserves src + locked + dst', kind: 'ctl', formula: 'AG ((src + locked + dst) == 100)', result: 'holds' });
    const partial = transfer.checkConserves('src + locked');
    expect(partial.result).toBe('violated');
    expect(partial.result === 'violated' && partial.counterexample?.steps.map((s) => s.label)).toEqual(['Lock', 'Release']);
  });

  it('negative initial values', () => {
    const model = parseSpec('workflow W {\n  var a: -5..5 = -3\n  var b: -5..5 = 0\n  activity Move { a += 1; b -= 1 }\n  main { Move }\n}\n', 'w.wf');
    expect(model.checkConserves('a + b')).toMatchObject({ formula: 'AG ((a + b) == -3)', result: 'holds' });
    expect(model.checkConserves('a')).toMatchObject({ formula: 'AG ((a) == -3)', result: 'violated' });
  });

  it('only integer expressions', () => {
    expect(diagnosticsOf(() => transfer.checkConserves('dst == 0'))).toBe(
      '<conserved>:1:2: error WF203: expected int, found bool\n  |\n1 | (dst == 0) <= 0\n  |  ^^^^^^^^',
    );
  });
});
