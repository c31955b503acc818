/**
 * The checker checks its own evidence on the bundled specs: every
 * counterexample is replayed through the TransitionSystem (same step
 * names, same values), invariant counterexamples end in a violating state,
 * and LTL lassos violate their formula when evaluated on the replayed word.
 */
import { is } from 'immutable';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import { toLogicFormula } from '../../src/api/temporalProperty.js';
import type { Counterexample } from '../../src/counterexample/counterexample.js';
import type { Formula } from '../../src/logic/formula.js';
import type { TransitionSystem } from '../../src/system/transitionSystem.js';
import { holdsOnLasso } from '../reference/ltlOnLasso.js';

function specFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? specFiles(p) : p.endsWith('.wf') ? [p] : [];
    });
}

/** Replays the trace; returns the state vectors it went through. */
function replay(system: TransitionSystem, cex: Counterexample): Int32Array<ArrayBufferLike>[] {
  const s0 = new Int32Array(system.layout.stateWords);
  system.initial(s0);
  expect(is(system.describe(s0), cex.states[0].values), 'initial state').toBe(true);
  const vectors: Int32Array<ArrayBufferLike>[] = [s0];
  cex.steps.forEach((step, i) => {
    const from = vectors[vectors.length - 1];
    let found: Int32Array | undefined;
    const n = system.successors(from, (t, next) => {
      if (!found && system.transitionInfo(t).name === step.transition && is(system.describe(next), cex.states[i + 1].values)) found = next.slice();
    });
    if (!found && step.kind === 'stutter' && n === 0) found = from;
    expect(found, `step ${i + 1} (${step.transition}) is not a move of the system`).toBeDefined();
    vectors.push(found!);
  });
  if (cex.loopStart !== undefined) expect(is(cex.states[cex.states.length - 1].values, cex.states[cex.loopStart].values)).toBe(true);
  return vectors;
}

function atomsOf(f: Formula, into: Set<number> = new Set()): Set<number> {
  if (f.kind === 'atom') into.add(f.atom);
  else if ('arg' in f) atomsOf(f.arg, into);
  else if ('path' in f) atomsOf(f.path, into);
  else if ('left' in f) {
    atomsOf(f.left, into);
    atomsOf(f.right, into);
  }
  return into;
}

describe('counterexamples of the bundled specs replay and violate', () => {
  for (const file of specFiles('specs')) {
    it(file, () => {
      const spec = loadSpecText(readFileSync(file, 'utf8'), file);
      const report = checkSpec(spec);
      const props = spec.model.properties.toArray();
      for (const p of report.properties) {
        const cex = p.counterexample;
        if (!cex || p.result !== 'violated') continue;
        const vectors = replay(spec.system, cex);
        const ir = props.find((q) => q.name === p.name);
        const last = vectors[vectors.length - 1];
        if (ir?.kind === 'invariant') {
          expect(spec.system.label(last, spec.system.propertyAtoms[props.indexOf(ir)]!), `${p.name}: last state violates it`).toBe(true);
        }
        if (ir?.kind === 'deadlock_free') expect(spec.system.successors(last, () => {})).toBe(0);
        if (ir?.kind === 'ltl' && cex.loopStart !== undefined) {
          const f = toLogicFormula(ir.formula, spec.system);
          const path = f.kind === 'A' || f.kind === 'E' ? f.path : f;
          const atoms = [...atomsOf(path)];
          const letters = vectors.slice(0, -1).map((v) => atoms.filter((a) => spec.system.label(v, a)));
          const lasso = { stem: letters.slice(0, cex.loopStart), loop: letters.slice(cex.loopStart) };
          expect(holdsOnLasso(path, lasso), `${p.name}: the lasso violates the formula`).toBe(false);
        }
      }
    });
  }
});
