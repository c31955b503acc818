/**
 * The grammar for the other model kinds and for properties: state machines
 * (initial/final, [*] edges, events, guards, actions), P/T nets (weights,
 * capacities, empty arc lists), systems, and property declarations.
 */
import { describe, expect, it } from 'vitest';
import type { DeclAst } from '../../src/parse/ast.js';
import { parseOk, parseWorkflow, withoutSpans } from '../builders.js';

function onlyDecl(text: string): DeclAst {
  const spec = parseOk(text);
  expect(spec.decls).toHaveLength(1);
  return spec.decls[0];
}

describe('grammar: state machines', () => {
  it('initial, final lists, [*] edges, `on E` and `: E` events, when, do, vars', () => {
    const m = onlyDecl(
      [
        'machine M {',
        '  var n: 0..2 = 0',
        '  initial A',
        '  [*] -> A',
        '  A -> B on go when n < 2 do { n += 1 }',
        '  B -> C : stop;',
        '  C -> A',
        '  B -> [*]',
        '  final C, D',
        '  deadlock_free',
        '}',
      ].join('\n'),
    );
    if (m.kind !== 'machine') throw new Error('machine expected');
    expect(m.initial.map((i) => i.name)).toEqual(['A']);
    expect(m.finals.map((i) => i.name)).toEqual(['C', 'D']);
    expect(m.vars.map((v) => v.name.name)).toEqual(['n']);
    expect(m.properties.map((p) => p.kind)).toEqual(['deadlock_free']);
    expect(withoutSpans(m.edges)).toEqual([
      { from: { kind: 'star' }, to: { kind: 'state', name: { name: 'A' } }, action: [] },
      {
        from: { kind: 'state', name: { name: 'A' } },
        to: { kind: 'state', name: { name: 'B' } },
        event: { name: 'go' },
        guard: { kind: 'binary', op: '<', left: { kind: 'name', name: 'n' }, right: { kind: 'number', value: 2 } },
        action: [{ kind: 'assign', target: { name: 'n' }, op: '+=', value: { kind: 'number', value: 1 } }],
      },
      { from: { kind: 'state', name: { name: 'B' } }, to: { kind: 'state', name: { name: 'C' } }, event: { name: 'stop' }, action: [] },
      { from: { kind: 'state', name: { name: 'C' } }, to: { kind: 'state', name: { name: 'A' } }, action: [] },
      { from: { kind: 'state', name: { name: 'B' } }, to: { kind: 'star' }, action: [] },
    ]);
  });

  it('[*] -> [*] is syntax (the elaborator rejects it with a located error)', () => {
    const m = onlyDecl('machine M {\n  [*] -> [*]\n}');
    expect(m.kind === 'machine' && withoutSpans(m.edges)).toEqual([{ from: { kind: 'star' }, to: { kind: 'star' }, action: [] }]);
  });
});

describe('grammar: P/T nets', () => {
  it('places with initial tokens and capacity, weighted arcs, empty input or output lists', () => {
    const n = onlyDecl(
      ['net N {', '  place p = 2 capacity 3, q, r capacity 1', '  place s = 1;', '  transition t: 2*p + q -> 3*r', '  transition src: -> p', '  transition sink: q ->', '  transition idle: ->', '}'].join('\n'),
    );
    if (n.kind !== 'net') throw new Error('net expected');
    expect(withoutSpans(n.places)).toEqual([
      { name: { name: 'p' }, initial: 2, capacity: 3 },
      { name: { name: 'q' }, initial: 0 },
      { name: { name: 'r' }, initial: 0, capacity: 1 },
      { name: { name: 's' }, initial: 1 },
    ]);
    expect(withoutSpans(n.transitions)).toEqual([
      { name: { name: 't' }, inputs: [{ place: { name: 'p' }, weight: 2 }, { place: { name: 'q' }, weight: 1 }], outputs: [{ place: { name: 'r' }, weight: 3 }] },
      { name: { name: 'src' }, inputs: [], outputs: [{ place: { name: 'p' }, weight: 1 }] },
      { name: { name: 'sink' }, inputs: [{ place: { name: 'q' }, weight: 1 }], outputs: [] },
      { name: { name: 'idle' }, inputs: [], outputs: [] },
    ]);
  });
});

describe('grammar: systems', () => {
  it('shared variables, `instances N of W`, `instance a, b: W`, properties', () => {
    const spec = parseOk(
      ['workflow W { main {} }', 'system S {', '  shared stock: -1..1 = 1', '  instances 2 of W', '  instance a, b: W;', '  invariant ok: stock >= -1', '}'].join('\n'),
    );
    const s = spec.decls[1];
    if (s.kind !== 'system') throw new Error('system expected');
    expect(withoutSpans(s.shared)).toEqual([
      { kind: 'shared', name: { name: 'stock' }, type: { kind: 'range', lo: -1, hi: 1 }, init: { kind: 'number', value: 1 } },
    ]);
    expect(withoutSpans(s.instances)).toEqual([
      { kind: 'count', count: 2, workflow: { name: 'W' } },
      { kind: 'named', names: [{ name: 'a' }, { name: 'b' }], workflow: { name: 'W' } },
    ]);
    expect(s.properties.map((p) => p.kind)).toEqual(['invariant']);
  });

  it('a file may hold several declarations of each kind (choosing one is elaboration)', () => {
    const spec = parseOk('workflow A { main {} }\nmachine M { initial X }\nnet N { place p }\nsystem S { instances 1 of A }');
    expect(spec.decls.map((d) => [d.kind, d.name.name])).toEqual([
      ['workflow', 'A'],
      ['machine', 'M'],
      ['net', 'N'],
      ['system', 'S'],
    ]);
  });

  it('an empty file and a file of comments parse to no declarations', () => {
    expect(parseOk('').decls).toEqual([]);
    expect(parseOk('// only\n/* comments */\n').decls).toEqual([]);
  });
});

describe('grammar: properties', () => {
  it('invariant, reachable and deadlock_free, each with expect violated | holds or none', () => {
    const wf = parseWorkflow(
      [
        'var x: 0..1 = 0',
        'main {}',
        'invariant i1: x <= 1',
        'invariant i2: x == 0 expect violated',
        'reachable r1: x == 1 expect holds;',
        'reachable r2: completed',
        'deadlock_free',
        'deadlock_free expect violated',
      ].join('\n'),
    );
    expect(wf.properties.map((p) => [p.kind, p.kind === 'invariant' || p.kind === 'reachable' ? p.name.name : '-', p.kind === 'fair' ? '-' : (p.expect ?? 'none')])).toEqual([
      ['invariant', 'i1', 'none'],
      ['invariant', 'i2', 'violated'],
      ['reachable', 'r1', 'holds'],
      ['reachable', 'r2', 'none'],
      ['deadlock_free', '-', 'none'],
      ['deadlock_free', '-', 'violated'],
    ]);
  });
});
