/**
 * The grammar accepts every workflow construct, one small spec each, and
 * builds the AST shape the elaborator relies on (asserted without spans for
 * the tricky ones: else-if chains, handler attachment, race arms).
 */
import { describe, expect, it } from 'vitest';
import type { StmtAst } from '../../src/parse/ast.js';
import { parseOk, parseWorkflow, withoutSpans } from '../builders.js';

/** The statements of `main { body }` in a workflow with the given declarations. */
function mainOf(body: string, decls = ''): readonly StmtAst[] {
  const wf = parseWorkflow(`${decls}\nmain {\n${body}\n}`);
  return wf.main!.body;
}

describe('grammar: declarations', () => {
  it('var and shared with range, negative range, bool and enum types', () => {
    const wf = parseWorkflow('var a: 0..3 = 1\nvar b: -5..-1 = -2\nshared c: bool = true\nvar d: {Red, Green} = Green\nmain {}');
    expect(withoutSpans(wf.vars)).toEqual([
      { kind: 'var', name: { name: 'a' }, type: { kind: 'range', lo: 0, hi: 3 }, init: { kind: 'number', value: 1 } },
      { kind: 'var', name: { name: 'b' }, type: { kind: 'range', lo: -5, hi: -1 }, init: { kind: 'unary', op: '-', arg: { kind: 'number', value: 2 } } },
      { kind: 'shared', name: { name: 'c' }, type: { kind: 'bool' }, init: { kind: 'bool', value: true } },
      { kind: 'var', name: { name: 'd' }, type: { kind: 'enum', values: [{ name: 'Red' }, { name: 'Green' }] }, init: { kind: 'name', name: 'Green' } },
    ]);
  });

  it('names may start with a keyword (variable, iffy, done_x) but not be one', () => {
    const wf = parseWorkflow('var variable: bool = true\nvar iffy: 0..1 = 0\nvar done_x: bool = false\nmain {}');
    expect(wf.vars.map((v) => v.name.name)).toEqual(['variable', 'iffy', 'done_x']);
  });

  it('activity options, each alone and combined, in any order', () => {
    const wf = parseWorkflow(
      [
        'activity A',
        'activity B may fail',
        'activity C may fail after effect',
        'activity D idempotent',
        'activity E may fail retry 3',
        'activity F may fail retry forever',
        'activity G retry 2 idempotent may fail after effect',
        'main {}',
      ].join('\n'),
    );
    expect(wf.activities.map((a) => [a.name.name, withoutSpans(a.options)])).toEqual([
      ['A', []],
      ['B', [{ kind: 'mayFail' }]],
      ['C', [{ kind: 'failAfterEffect' }]],
      ['D', [{ kind: 'idempotent' }]],
      ['E', [{ kind: 'mayFail' }, { kind: 'retry', count: 3 }]],
      ['F', [{ kind: 'mayFail' }, { kind: 'retry', count: 'forever' }]],
      ['G', [{ kind: 'retry', count: 2 }, { kind: 'idempotent' }, { kind: 'failAfterEffect' }]],
    ]);
  });

  it('effects: assignments with = += -=, if/else, either/or/or', () => {
    const wf = parseWorkflow('var x: 0..9 = 0\nactivity A { x = 1; x += 2 x -= 1 if x > 1 { x = 0 } else { x = 9 } either { x = 3 } or { x = 4 } or {} }\nmain {}');
    expect(withoutSpans(wf.activities[0].effect)).toEqual([
      { kind: 'assign', target: { name: 'x' }, op: '=', value: { kind: 'number', value: 1 } },
      { kind: 'assign', target: { name: 'x' }, op: '+=', value: { kind: 'number', value: 2 } },
      { kind: 'assign', target: { name: 'x' }, op: '-=', value: { kind: 'number', value: 1 } },
      {
        kind: 'if',
        cond: { kind: 'binary', op: '>', left: { kind: 'name', name: 'x' }, right: { kind: 'number', value: 1 } },
        then: [{ kind: 'assign', target: { name: 'x' }, op: '=', value: { kind: 'number', value: 0 } }],
        else: [{ kind: 'assign', target: { name: 'x' }, op: '=', value: { kind: 'number', value: 9 } }],
      },
      {
        kind: 'either',
        branches: [[{ kind: 'assign', target: { name: 'x' }, op: '=', value: { kind: 'number', value: 3 } }], [{ kind: 'assign', target: { name: 'x' }, op: '=', value: { kind: 'number', value: 4 } }], []],
      },
    ]);
  });

  it('an effect-less activity and an empty effect block mean the same', () => {
    const wf = parseWorkflow('activity A\nactivity B {}\nmain {}');
    expect(wf.activities.map((a) => a.effect)).toEqual([[], []]);
  });

  it('keeps every main block so the elaborator can report extras', () => {
    const wf = parseWorkflow('main { skip }\nmain { return }');
    expect(wf.mains).toHaveLength(2);
    expect(wf.main).toBe(wf.mains[0]);
  });
});

describe('grammar: statements', () => {
  it('assignments, calls, skip, return, fail and abort with and without reason', () => {
    const body = mainOf('x = 1\nx += 1\nx -= 1\nA\nskip\nfail\nfail "boom"\nabort\nabort "stop \\"now\\""\nreturn', 'var x: 0..3 = 0\nactivity A');
    expect(withoutSpans(body)).toEqual([
      { kind: 'assign', target: { name: 'x' }, op: '=', value: { kind: 'number', value: 1 } },
      { kind: 'assign', target: { name: 'x' }, op: '+=', value: { kind: 'number', value: 1 } },
      { kind: 'assign', target: { name: 'x' }, op: '-=', value: { kind: 'number', value: 1 } },
      { kind: 'call', activity: { name: 'A' } },
      { kind: 'skip' },
      { kind: 'fail' },
      { kind: 'fail', reason: 'boom' },
      { kind: 'abort' },
      { kind: 'abort', reason: 'stop "now"' },
      { kind: 'return' },
    ]);
  });

  it('semicolons are optional, also between statements on one line', () => {
    const withSemis = withoutSpans(mainOf('x = 1; A; skip; fail "f";', 'var x: 0..3 = 0\nactivity A'));
    const without = withoutSpans(mainOf('x = 1 A skip fail "f"', 'var x: 0..3 = 0\nactivity A'));
    expect(without).toEqual(withSemis);
    expect((without as unknown[]).length).toBe(4);
  });

  it('comments // and /* */ are spaces, also inside statements', () => {
    const body = mainOf('// a line comment\nA /* inline */ compensate /* here too */ B // trailing\n/* multi\n line */ skip', 'activity A\nactivity B');
    expect(withoutSpans(body)).toEqual([{ kind: 'call', activity: { name: 'A' }, compensation: { name: 'B' } }, { kind: 'skip' }]);
  });

  it('a call takes its compensation and handler; each handler form', () => {
    const body = mainOf('A compensate U or continue\nA or fail\nA or fail "why"\nA or abort\nA or abort "why"\nA or { skip }\nA compensate U', 'activity A\nactivity U');
    expect(withoutSpans(body)).toEqual([
      { kind: 'call', activity: { name: 'A' }, compensation: { name: 'U' }, handler: { kind: 'continue' } },
      { kind: 'call', activity: { name: 'A' }, handler: { kind: 'fail' } },
      { kind: 'call', activity: { name: 'A' }, handler: { kind: 'fail', reason: 'why' } },
      { kind: 'call', activity: { name: 'A' }, handler: { kind: 'abort' } },
      { kind: 'call', activity: { name: 'A' }, handler: { kind: 'abort', reason: 'why' } },
      { kind: 'call', activity: { name: 'A' }, handler: { kind: 'block', body: [{ kind: 'skip' }] } },
      { kind: 'call', activity: { name: 'A' }, compensation: { name: 'U' } },
    ]);
  });

  it('`compensate with X` registers a compensation on its own', () => {
    expect(withoutSpans(mainOf('compensate with U', 'activity U'))).toEqual([{ kind: 'register', compensation: { name: 'U' } }]);
  });

  it('else-if chains nest as an if in the else list', () => {
    const body = mainOf('if x == 0 { A } else if x == 1 { B } else { skip }', 'var x: 0..3 = 0\nactivity A\nactivity B');
    const cond = (v: number) => ({ kind: 'binary', op: '==', left: { kind: 'name', name: 'x' }, right: { kind: 'number', value: v } });
    expect(withoutSpans(body)).toEqual([
      {
        kind: 'if',
        cond: cond(0),
        then: [{ kind: 'call', activity: { name: 'A' } }],
        else: [{ kind: 'if', cond: cond(1), then: [{ kind: 'call', activity: { name: 'B' } }], else: [{ kind: 'skip' }] }],
      },
    ]);
  });

  it('if without else has an empty else list', () => {
    expect(withoutSpans(mainOf('if true { skip }'))).toEqual([{ kind: 'if', cond: { kind: 'bool', value: true }, then: [{ kind: 'skip' }], else: [] }]);
  });

  it('while, repeat, either with several or-branches, nested blocks', () => {
    const body = mainOf('while x < 2 { x += 1 }\nrepeat 3 { { skip } }\neither { A } or { B } or { skip }', 'var x: 0..3 = 0\nactivity A\nactivity B');
    expect(withoutSpans(body)).toEqual([
      {
        kind: 'while',
        cond: { kind: 'binary', op: '<', left: { kind: 'name', name: 'x' }, right: { kind: 'number', value: 2 } },
        body: [{ kind: 'assign', target: { name: 'x' }, op: '+=', value: { kind: 'number', value: 1 } }],
      },
      { kind: 'repeat', count: 3, body: [{ kind: 'block', body: [{ kind: 'skip' }] }] },
      { kind: 'either', branches: [[{ kind: 'call', activity: { name: 'A' } }], [{ kind: 'call', activity: { name: 'B' } }], [{ kind: 'skip' }]] },
    ]);
  });

  it('parallel: each statement is a branch; join kind, cancel and handler; a handler inside binds to the call', () => {
    const body = mainOf('parallel ordered_abort cancel {\n  A or fail\n  { B; A }\n} or abort "x"\nparallel { A }\nparallel gather_raise { A } or continue', 'activity A\nactivity B');
    expect(withoutSpans(body)).toEqual([
      {
        kind: 'parallel',
        join: { name: 'ordered_abort' },
        cancel: true,
        branches: [
          { kind: 'call', activity: { name: 'A' }, handler: { kind: 'fail' } },
          { kind: 'block', body: [{ kind: 'call', activity: { name: 'B' } }, { kind: 'call', activity: { name: 'A' } }] },
        ],
        handler: { kind: 'abort', reason: 'x' },
      },
      { kind: 'parallel', cancel: false, branches: [{ kind: 'call', activity: { name: 'A' } }] },
      { kind: 'parallel', join: { name: 'gather_raise' }, cancel: false, branches: [{ kind: 'call', activity: { name: 'A' } }], handler: { kind: 'continue' } },
    ]);
  });

  it('every join kind name parses (unknown ones are an elaboration error, not a syntax error)', () => {
    for (const join of ['wait_all', 'ordered_abort', 'ordered_continue', 'gather_raise', 'wait_any']) {
      const [p] = mainOf(`parallel ${join} { A }`, 'activity A');
      expect(p.kind === 'parallel' && p.join?.name).toBe(join);
    }
  });

  it('race arms: activity with handler and body, bare activity, timers with and without duration', () => {
    const body = mainOf('race cancel {\n  A or continue => { x = 1 }\n  B\n  timer 24h => { fail "timeout" }\n  timer => {}\n}\nrace { A timer 30min => { skip } }', 'var x: 0..1 = 0\nactivity A\nactivity B');
    expect(withoutSpans(body)).toEqual([
      {
        kind: 'race',
        cancel: true,
        arms: [
          { kind: 'activity', activity: { name: 'A' }, handler: { kind: 'continue' }, body: [{ kind: 'assign', target: { name: 'x' }, op: '=', value: { kind: 'number', value: 1 } }] },
          { kind: 'activity', activity: { name: 'B' }, body: [] },
          { kind: 'timer', duration: '24h', body: [{ kind: 'fail', reason: 'timeout' }] },
          { kind: 'timer', body: [] },
        ],
      },
      { kind: 'race', cancel: false, arms: [{ kind: 'activity', activity: { name: 'A' }, body: [] }, { kind: 'timer', duration: '30min', body: [{ kind: 'skip' }] }] },
    ]);
  });

  it('timer durations in every unit', () => {
    for (const d of ['10ms', '5s', '30min', '24h', '7d']) {
      const [r] = mainOf(`race { timer ${d} => {} }`);
      expect(r.kind === 'race' && r.arms[0].kind === 'timer' && r.arms[0].duration).toBe(d);
    }
  });
});

describe('grammar: spans', () => {
  const text = 'workflow W {\n  activity A\n  activity U\n  main {\n    A compensate U or continue\n    if true { fail "x" } else { skip }\n  }\n}\n';
  const spec = parseOk(text);

  it('a statement span covers its source text exactly', () => {
    const wf = spec.decls[0];
    if (wf.kind !== 'workflow') throw new Error('workflow expected');
    const [call, cond] = wf.main!.body;
    expect(text.slice(call.span.start, call.span.end)).toBe('A compensate U or continue');
    expect(text.slice(cond.span.start, cond.span.end)).toBe('if true { fail "x" } else { skip }');
    expect(call.span.file).toBe('snippet.wf');
  });

  it('every AST node carries a span inside the text (state references carry theirs on the name)', () => {
    const missing: string[] = [];
    const visit = (x: unknown, path: string): void => {
      if (Array.isArray(x)) return x.forEach((v, i) => visit(v, `${path}[${i}]`));
      if (x === null || typeof x !== 'object') return;
      const o = x as Record<string, unknown>;
      const span = o.span as { start: number; end: number } | undefined;
      if (!span && !(o.kind === 'state' && 'name' in o)) missing.push(path);
      if (span && !(span.start >= 0 && span.start <= span.end && span.end <= text.length)) missing.push(`${path} (bad span)`);
      for (const [k, v] of Object.entries(o)) if (k !== 'span') visit(v, `${path}.${k}`);
    };
    visit(spec, 'spec');
    expect(missing).toEqual([]);
  });
});
