/**
 * The Promela export without SPIN: the text of a small net pinned whole,
 * storage types and offsets, identifiers and comments that carry no spec
 * text, pre-state copies for parallel updates, the property translation,
 * and the export's reading of the IR (transitionEffects) checked against
 * the compiled engine on random nets, workflows and systems.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSpecText } from '../../src/api/loadSpec.js';
import { explore } from '../../src/explore/explore.js';
import { exportPromela } from '../../src/export/exportPromela.js';
import { commentName, NameTable, sanitize } from '../../src/export/promelaNames.js';
import { slotStorage } from '../../src/export/promelaStorage.js';
import { randomNetSpec } from '../arbitraries/randomNetSpec.js';
import { randomSharedSystemSpec, randomWorkflowSpec } from '../arbitraries/randomWorkflowSpec.js';
import { interpretEffects } from './effectsInterpreter.js';
import { swapModel } from './swapModel.js';

const deep = process.env.WFCHECK_DEEP !== undefined;
const runs = (base: number) => (deep ? base * 20 : base);

const TINY = `net Tiny {
  place idle = 1, busy, done capacity 2
  transition start: idle -> busy
  transition finish: busy -> 2*done
  transition reset: 2*done -> idle
  invariant one_job: idle + busy <= 1
  ltl progress: G (busy == 1 -> F done >= 1)
  deadlock_free
}
`;

const TINY_PROMELA = `/*
 * net Tiny, exported by wfcheck: 3 slots, 3 transitions.
 * SPIN's reachable states are wfcheck's, one for one (same count): one global per slot,
 * one d_step per transition, so every state is a loop-head state of process \`model\`.
 * Variables take at most 3 bytes; above ~1000 compile pan with -DVECTORSZ=<bytes>.
 * State space:  spin -o2 -a model.pml && gcc -O2 -DNOREDUCE -DSAFETY -DNOCLAIM -o pan pan.c && ./pan -m10000000 -c0
 * LTL property: spin -o2 -DNO_MONITOR -a model.pml && gcc -O2 -DNOREDUCE -o pan pan.c && ./pan -a -N <name>
 * (-o2 keeps write-only variables in the state: without it SPIN drops them and may count fewer states.)
 */

byte p_idle = 1; /* place idle: 0..255 */
byte p_busy = 0; /* place busy: 0..255 */
byte p_done = 0; /* place done: 0..2 */

active proctype model() {
end:
  do
  /* t0 net start */
  :: d_step { (p_idle >= 1) ->
      if
      :: (p_busy <= 254) -> p_idle = p_idle - 1; p_busy = p_busy + 1
      :: else -> assert(false) /* range fault: a value leaves its declared range */
      fi
    }
  /* t1 net finish */
  :: d_step { (p_busy >= 1) ->
      if
      :: (p_done <= 0) -> p_busy = p_busy - 1; p_done = p_done + 2
      :: else -> assert(false) /* range fault: a value leaves its declared range */
      fi
    }
  /* t2 net reset */
  :: d_step { (p_done >= 2) ->
      if
      :: (p_idle <= 254) -> p_done = p_done - 2; p_idle = p_idle + 1
      :: else -> assert(false) /* range fault: a value leaves its declared range */
      fi
    }
  od
}

/* Invariants and deadlock freedom: moves only when one is violated, so it adds no state. */
#ifndef NO_MONITOR
active proctype monitor() {
end:
  do
  /* invariant one_job */
  :: d_step { !((p_idle + p_busy) <= 1) -> assert(((p_idle + p_busy) <= 1)) }
  /* deadlock_free: a state without successors must be terminal */
  :: atomic { timeout -> assert(0) }
  od
}
#endif

/* ltl progress */
#define ap_progress_0 (p_busy == 1)
#define ap_progress_1 (p_done >= 1)
ltl ltl_progress { [] ((ap_progress_0 -> <> (ap_progress_1))) }
`;

/** Every comment of a Promela text, without its delimiters. */
function comments(text: string): string[] {
  return [...text.matchAll(/\/\*([\s\S]*?)\*\//g)].map((m) => m[1]);
}

describe('exportPromela', () => {
  it('writes a net as globals, one d_step per transition, a monitor and ltl blocks (pinned)', () => {
    expect(exportPromela(loadSpecText(TINY, 'tiny.wf').model)).toBe(TINY_PROMELA);
  });

  it('leaves the properties out on request', () => {
    const text = exportPromela(loadSpecText(TINY, 'tiny.wf').model, { properties: false });
    expect(text).not.toContain('monitor');
    expect(text).not.toContain('ltl');
    expect(text.match(/:: d_step/g)).toHaveLength(3);
  });

  it('stores ranges in the narrowest type, shifted when they do not fit it', () => {
    expect(slotStorage(0, 1)).toEqual({ type: 'bit', offset: 0, bytes: 1 });
    expect(slotStorage(5, 5)).toEqual({ type: 'bit', offset: 5, bytes: 1 });
    expect(slotStorage(0, 255)).toEqual({ type: 'byte', offset: 0, bytes: 1 });
    expect(slotStorage(-2, 3)).toEqual({ type: 'byte', offset: -2, bytes: 1 });
    expect(slotStorage(-5, 300)).toEqual({ type: 'short', offset: 0, bytes: 2 });
    expect(slotStorage(40000, 50000)).toEqual({ type: 'short', offset: 72768, bytes: 2 });
    expect(slotStorage(-70000, 70000)).toEqual({ type: 'int', offset: 0, bytes: 4 });
    expect(slotStorage(-2147483647, 2147483647)).toEqual({ type: 'int', offset: 0, bytes: 4 });
    expect(() => slotStorage(0, 2 ** 32)).toThrow(RangeError);
  });

  it('writes shifted slots as value - offset and reads them back with the offset', () => {
    const spec = loadSpecText(
      `workflow Shifted {
  var s: 40000..50000 = 40000
  var n: -2..2 = -2
  main { s = s + 1000; n = n + 1 }
  invariant low: s < 45000 && n < 2
}`,
      'shifted.wf',
    );
    const text = exportPromela(spec.model);
    expect(text).toContain('short v_s = -32768; /* var s: 40000..50000, stored as value - (72768) */');
    expect(text).toContain('byte v_n = 0; /* var n: -2..2, stored as value - (-2) */');
    expect(text).toContain('v_s = ((v_s + 72768) + 1000) - 72768');
    expect(text).toContain('v_n = ((v_n - 2) + 1) + 2');
    expect(text).toContain('assert((((v_s + 72768) < 45000) && ((v_n - 2) < 2)))');
  });

  it('copies pre-state values that a later assignment of the same step reads', () => {
    const text = exportPromela(swapModel());
    expect(text).toContain('hidden int tmp_0;');
    expect(text).toContain('-> tmp_0 = v_x; v_x = v_y; v_y = ((tmp_0 >= 2) -> 0 : (tmp_0 + 1))');
  });

  it('sanitizes names: identifiers and comments carry letters, digits and underscores only', () => {
    expect(sanitize('o1.@LockFunds.count')).toBe('o1_LockFunds_count');
    expect(sanitize('evil */ int x; /*')).toBe('evil_int_x');
    expect(commentName('*/')).toBe('-');
    const names = new NameTable();
    expect([names.take('v', 'a.b'), names.take('v', 'a-b'), names.take('v', '')]).toEqual(['v_a_b', 'v_a_b_2', 'v']);
    const spec = loadSpecText(
      `workflow Flow {
  var done: bool = false
  activity Pay may fail { done = true }
  main { Pay or continue }
  invariant paid_once: done -> !done || done
  ctl eventually: AF done
}
system Shop { instances 2 of Flow }`,
      'shop.wf',
    );
    const text = exportPromela(spec.model);
    for (const c of comments(text)) expect(c).not.toMatch(/[@"]/);
    expect(text).not.toContain('AF done');
    expect(text).toContain('/* ctl Flow1_eventually: CTL has no SPIN counterpart; skipped */');
    // Outside comments only identifiers, numbers and Promela operators remain.
    expect(text.replace(/\/\*[\s\S]*?\*\//g, '')).toMatch(/^[A-Za-z0-9_ \n(){}:;=<>!&|+\-*\[\],#]*$/);
  });

  it('translates LTL with SPIN operators, negates E formulas and guards X behind a macro', () => {
    const spec = loadSpecText(
      `net Loop {
  place a = 1, b
  transition go: a -> b
  transition back: b -> a
  ltl release: (a == 1) R (b == 0 || a == 1)
  ltl weakly: (a == 1) W (b == 1)
  ltl next: X (b == 1)
  ltl some: E F (b == 1)
}`,
      'loop.wf',
    );
    const text = exportPromela(spec.model);
    expect(text).toContain('ltl ltl_release { (ap_release_0 V ap_release_1) }');
    expect(text).toContain('ltl ltl_weakly { (ap_weakly_0 W ap_weakly_1) }');
    expect(text).toContain('#ifdef WITH_NEXT\n#define ap_next_0 (p_b == 1)\nltl ltl_next { X (ap_next_0) }\n#endif');
    expect(text).toContain('/* ltl some: E f holds iff SPIN finds this claim (!f) violated */');
    expect(text).toContain('ltl ltl_some { !(<> (ap_some_0)) }');
  });
});

describe('the export reads the IR as the compiled engine does', () => {
  const generators = [
    { name: 'nets', arb: randomNetSpec, numRuns: 60, seed: 0xe1f01 },
    { name: 'workflows', arb: randomWorkflowSpec(), numRuns: 40, seed: 0xe1f02 },
    { name: 'systems', arb: randomSharedSystemSpec(), numRuns: 20, seed: 0xe1f03 },
  ];
  for (const g of generators) {
    it(`same states and faults on random ${g.name}`, () => {
      let compared = 0;
      fc.assert(
        fc.property(g.arb, (gen) => {
          const spec = loadSpecText(gen.text, `random-${g.name}.wf`);
          const x = explore(spec.system, { maxStates: 20_000 });
          const ours = interpretEffects(spec.model, 20_000);
          if (x.status.kind !== 'complete' || ours === undefined) return;
          expect(ours.states).toBe(x.states);
          expect(ours.faults > 0).toBe(x.faults.length > 0);
          compared++;
        }),
        { numRuns: runs(g.numRuns), seed: g.seed },
      );
      expect(compared).toBeGreaterThan(runs(g.numRuns) / 2);
    });
  }

  it('the swap model has its parallel meaning', () => {
    expect(interpretEffects(swapModel(), 100)?.states).toBe(6);
  });
});
