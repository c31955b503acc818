/**
 * Workflow-net soundness on the textbook examples, each written both as a
 * DSL net (`--property sound`) and as PNML (where `sound` is a default
 * property of workflow nets): option to complete, proper completion and no
 * dead transitions, each failure with its evidence; and the workflow
 * reading of soundness for DSL workflows.
 */
import { describe, expect, it } from 'vitest';
import type { PropertyReport } from '../../../src/api/checkReport.js';
import { checkSpec } from '../../../src/api/checkSpec.js';
import { loadSpecText } from '../../../src/api/loadSpec.js';
import { dslNetText, pnmlText, type NetLines } from '../../pnml/pnmlText.js';

/** `sound` through both front ends; both must agree on everything but the step locations. */
function sound(net: NetLines): PropertyReport {
  const dsl = checkSpec(loadSpecText(dslNetText(net), 'n.wf'), { properties: ['sound'] }).properties.find((p) => p.name === 'sound')!;
  const pnml = checkSpec(loadSpecText(pnmlText(net), 'n.pnml')).properties.find((p) => p.name === 'sound')!;
  expect(pnml.result).toBe(dsl.result);
  expect(pnml.counterexample?.summary).toBe(dsl.counterexample?.summary);
  expect(pnml.counterexample?.steps.map((s) => s.transition)).toEqual(dsl.counterexample?.steps.map((s) => s.transition));
  return dsl;
}

describe('sound (workflow nets)', () => {
  it('holds for a sequence with an AND-split and AND-join, and for an XOR loop', () => {
    expect(sound({ places: 'i p1 p2 q1 q2 o', transitions: ['split: i -> p1 + p2', 'a: p1 -> q1', 'b: p2 -> q2', 'join: q1 + q2 -> o'] }).result).toBe('holds');
    expect(sound({ places: 'i p o', transitions: ['start: i -> p', 'redo: p -> p', 'finish: p -> o'] }).result).toBe('holds');
  });

  it('XOR-split into AND-join: no run can end, and the join is dead', () => {
    const r = sound({ places: 'i p1 p2 o', transitions: ['a: i -> p1', 'b: i -> p2', 'join: p1 + p2 -> o'] });
    expect(r.result).toBe('violated');
    expect(r.counterexample?.summary).toBe(
      "not sound: no option to complete: from the initial state the final marking (one token in 'o', nothing else) can no longer be reached; dead (never possible): 'join'",
    );
    expect(r.counterexample?.steps).toEqual([]);
  });

  it('a branch that runs into a dead end: the trace leads to where it gets stuck', () => {
    const r = sound({ places: 'i p1 p2 q o', transitions: ['a: i -> p1', 'b: i -> p2', 'c: p1 -> o', 'd: p2 -> q', 'e: q + p1 -> o'] });
    expect(r.result).toBe('violated');
    expect(r.counterexample?.summary).toBe(
      "not sound: no option to complete: from the last state of this trace the final marking (one token in 'o', nothing else) can no longer be reached; dead (never possible): 'e'",
    );
    expect(r.counterexample?.steps.map((s) => s.transition)).toEqual(['b']);
  });

  it('AND-split into XOR-join: the sink is marked while a token is left behind', () => {
    const r = sound({ places: 'i p1 p2 o', transitions: ['split: i -> p1 + p2', 'b: p1 -> o', 'c: p2 -> o'] });
    expect(r.result).toBe('violated');
    expect(r.counterexample?.summary).toBe(
      "not sound: improper completion: the last marking of this trace marks the sink while other tokens remain; no option to complete: from the initial state the final marking (one token in 'o', nothing else) can no longer be reached",
    );
    expect(r.counterexample?.steps.map((s) => s.transition)).toEqual(['split', 'b']);
  });

  it('a transition that can never fire makes an otherwise fine net unsound', () => {
    const r = sound({ places: 'i p r o', transitions: ['a: i -> p', 'c: i -> r', 'b: p -> o', 'd: r -> o', 'both: p + r -> o'] });
    expect(r.result).toBe('violated');
    expect(r.counterexample?.summary).toBe("not sound: dead (never possible): 'both'");
    expect(r.counterexample?.steps).toEqual([]);
  });

  it('is checked from one token in the source, whatever the file marks', () => {
    const net = { places: 'i=3 p o', transitions: ['a: i -> p', 'b: p -> o'] };
    expect(sound(net).result).toBe('holds');
  });

  it('a net that is not a workflow net gets `sound` only when asked, violated with the reason', () => {
    const net = { places: 'i j o', transitions: ['t: i + j -> o'] };
    const pnml = checkSpec(loadSpecText(pnmlText(net), 'n.pnml'));
    expect(pnml.properties.map((p) => p.name)).toEqual(['in_range', 'deadlock_free']);
    const asked = checkSpec(loadSpecText(pnmlText(net), 'n.pnml'), { properties: ['sound'] }).properties;
    expect(asked.map((p) => [p.name, p.result, p.counterexample?.summary])).toEqual([
      ['sound', 'violated', "not a workflow net: it has 2 source places (places without input arcs): 'i', 'j'"],
    ]);
  });

  it('in a PNML workflow net the final marking is not a deadlock, and an empty file marking starts at [i]', () => {
    const report = checkSpec(loadSpecText(pnmlText({ places: 'i p o', transitions: ['a: i -> p', 'b: p -> o'] }), 'n.pnml'));
    expect(report.states).toBe(3);
    expect(report.properties.map((p) => [p.name, p.result])).toEqual([
      ['in_range', 'holds'],
      ['deadlock_free', 'holds'],
      ['sound', 'holds'],
    ]);
  });
});

describe('sound (workflows)', () => {
  const workflow = (main: string) => `workflow W {\n  var x: 0..10 = 0\n  activity A\n  activity B\n  main {\n${main}\n  }\n}\n`;
  const soundOf = (main: string) => checkSpec(loadSpecText(workflow(main), 'w.wf'), { properties: ['sound'] }).properties.find((p) => p.name === 'sound')!;

  it('holds when every run can end and every step can happen', () => {
    expect(soundOf('    A\n    B').result).toBe('holds');
  });

  it('names a call site that can never run', () => {
    const r = soundOf('    A\n    if x > 5 { B }');
    expect(r.result).toBe('violated');
    expect(r.counterexample?.summary).toMatch(/^not sound: dead \(never possible\): 'B \(w\.wf:7:16\)'/);
  });

  it('finds a state from which the workflow can no longer end', () => {
    const r = soundOf('    either { A } or { while x == 0 { B } }');
    expect(r.result).toBe('violated');
    expect(r.counterexample?.summary).toBe('not sound: no option to complete: from the last state of this trace a terminal state can no longer be reached');
    expect(r.counterexample?.steps.length).toBeGreaterThan(0);
  });
});
