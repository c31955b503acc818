/**
 * The Promela export checked by SPIN itself: for random nets, workflows and
 * systems, some bundled specs and hand-made corner cases, SPIN's "states,
 * stored" equals wfcheck's state count, and SPIN reports an error exactly
 * when wfcheck finds a range fault, a violated invariant or a forbidden
 * deadlock; SPIN's LTL verdicts equal wfcheck's on specs without fairness.
 * Skipped (with the reason in its title) without spin or gcc.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPan, runPan, spinMissing } from '../../bench/spinRun.js';
import { loadSpec, loadSpecText } from '../../src/api/loadSpec.js';
import { compileModel } from '../../src/compile/compileModel.js';
import { explore } from '../../src/explore/explore.js';
import { checkSpec } from '../../src/api/checkSpec.js';
import { exportPromela } from '../../src/export/exportPromela.js';
import { sanitize } from '../../src/export/promelaNames.js';
import type { Model } from '../../src/model/model.js';
import type { GeneratedSpec } from '../arbitraries/generatedSpec.js';
import { randomNetSpec } from '../arbitraries/randomNetSpec.js';
import { randomSharedSystemSpec, randomWorkflowSpec } from '../arbitraries/randomWorkflowSpec.js';
import { SWAP_STATES, swapModel } from './swapModel.js';

const missing = spinMissing();
if (missing !== undefined) console.warn(`SPIN state-count tests skipped: ${missing}`);
const deep = process.env.WFCHECK_DEEP !== undefined;
const runs = (base: number) => (deep ? base * 20 : base);
/** Bigger random models are skipped: the point is agreement, not size. */
const MAX_STATES = 20_000;
/** Verifiers built at once (gcc dominates; the CI machine has two cores). */
const PARALLEL = 2;

/** Fault, offsets of every width, a pre-state read, an invariant, deadlock freedom, LTL and CTL. */
const CORNERS = `workflow Corners {
  var x: -2..2 = -2
  var s: 40000..50000 = 40000
  var big: -70000..70000 = 69998
  var flag: bool = false
  activity Bump may fail after effect { s += 1000; flag = !flag; x = min(x + 1, 2); big = big + x }
  main {
    while x < 2 { Bump or continue }
  }
  invariant small: big <= 69999
  ltl settles: F G (x == 2)
  // SPIN reprints inline LTL without spaces: a unary minus after '<' once read as a broken '<->'.
  ltl negated: G !(x < -x && x < -1)
  ctl reach: EF (s == 42000)
  deadlock_free
}
`;

interface Outcome {
  readonly label: string;
  readonly ours: number;
  readonly spin: number;
  readonly ourErrors: boolean;
  readonly spinErrors: boolean;
}

/** wfcheck's figures and SPIN's for one model, or undefined when it has more than MAX_STATES states. */
async function compare(label: string, model: Model): Promise<Outcome | undefined> {
  const system = compileModel(model);
  const watch = model.properties.toArray().flatMap((p, i) => (p.kind === 'invariant' && system.propertyAtoms[i] !== undefined ? [system.propertyAtoms[i]!] : []));
  const x = explore(system, { watch, maxStates: MAX_STATES });
  if (x.status.kind !== 'complete') return undefined;
  const deadlockFree = model.properties.some((p) => p.kind === 'deadlock_free');
  const ourErrors = x.faults.length > 0 || x.watched.some((w) => w >= 0) || (deadlockFree && x.deadlockCount > 0);
  const dir = await mkdtemp(join(tmpdir(), 'wfcheck-spin-'));
  try {
    // -O0: many small verifiers, built to count states, not to run fast.
    await buildPan(exportPromela(model), dir, ['-O0', '-DNOREDUCE', '-DSAFETY', '-DNOCLAIM']);
    const pan = await runPan(dir, x.states);
    return { label, ours: x.states, spin: pan.statesStored, ourErrors, spinErrors: pan.errors > 0 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function compareAll(models: readonly { label: string; model: Model }[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (let i = 0; i < models.length; i += PARALLEL) {
    const batch = await Promise.all(models.slice(i, i + PARALLEL).map((m) => compare(m.label, m.model)));
    for (const r of batch) if (r !== undefined) out.push(r);
  }
  return out;
}

function expectAgreement(outcomes: readonly Outcome[]): void {
  for (const r of outcomes) {
    expect(r.spin, `SPIN's state count for ${r.label}`).toBe(r.ours);
    expect(r.spinErrors, `SPIN reports an error for ${r.label} exactly when wfcheck finds a fault or violation`).toBe(r.ourErrors);
  }
}

/** The generator's first n specs for a seed: fixed, so a failure prints a spec to paste into a .wf file. */
function sample(arb: fc.Arbitrary<GeneratedSpec>, n: number, seed: number, name: string): { label: string; model: Model }[] {
  return fc.sample(arb, { numRuns: n, seed }).map((g, i) => ({ label: `${name} #${i}:${String(g)}`, model: loadSpecText(g.text, `${name}.wf`).model }));
}

describe.skipIf(missing !== undefined)(`SPIN agrees on the state count${missing === undefined ? '' : ` (skipped: ${missing})`}`, () => {
  it('on bundled specs and corner cases', async () => {
    const models = [
      { label: 'swap', model: swapModel() },
      { label: 'corners', model: loadSpecText(CORNERS, 'corners.wf').model },
      ...(await Promise.all(['specs/nets/two-philosophers.wf', 'specs/payments/coinbase-crosschain-transfer.wf'].map(async (f) => ({ label: f, model: (await loadSpec(f)).model })))),
    ];
    const outcomes = await compareAll(models);
    expect(outcomes.map((o) => o.label)).toEqual(models.map((m) => m.label));
    expect(outcomes.find((o) => o.label === 'swap')?.ours).toBe(SWAP_STATES);
    expect(outcomes.find((o) => o.label === 'corners')?.ourErrors).toBe(true);
    expectAgreement(outcomes);
  });

  it('on random nets, workflows and systems', async () => {
    const models = [
      ...sample(randomNetSpec, runs(2), 0x59a01, 'net'),
      ...sample(randomWorkflowSpec(), runs(2), 0x59a02, 'workflow'),
      ...sample(randomSharedSystemSpec(), runs(1), 0x59a03, 'system'),
    ];
    const outcomes = await compareAll(models);
    expect(outcomes.length).toBeGreaterThan(models.length / 2);
    expectAgreement(outcomes);
  });

  it('on LTL and reachability verdicts of bundled specs without fairness', async () => {
    for (const file of ['specs/machines/coinbase-transfer-status.wf', 'specs/iot/aws-iot-device-management.wf']) {
      const spec = await loadSpec(file);
      expect(spec.model.fairness.size).toBe(0);
      const report = checkSpec(spec);
      const properties = spec.model.properties.toArray().filter((p) => p.kind === 'ltl' || p.kind === 'reachable');
      expect(properties.length).toBeGreaterThan(0);
      const dir = await mkdtemp(join(tmpdir(), 'wfcheck-spin-ltl-'));
      try {
        await buildPan(exportPromela(spec.model), dir, ['-O0', '-DNOREDUCE'], ['-DNO_MONITOR']);
        for (const p of properties) {
          const pan = await runPan(dir, 10_000, { extra: ['-a', '-N', `ltl_${sanitize(p.name)}`] });
          // A claim for `reachable` (G !goal) or `E f` (!f) is violated exactly when the property holds.
          const inverted = p.kind === 'reachable' || (p.kind === 'ltl' && p.formula.kind === 'E');
          const spinHolds = (pan.errors === 0) !== inverted;
          expect(report.properties.find((r) => r.name === p.name)?.result, `${file}: ${p.name}`).toBe(spinHolds ? 'holds' : 'violated');
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });
});
