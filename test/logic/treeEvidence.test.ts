/**
 * A CTL violation that needs two witnesses (the negation is a conjunction
 * of two EF's) comes out as a tree: in the Counterexample, in --json
 * (counterexample.kind "tree" with branches) and in the text trace.
 */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import { reportToJson } from '../../src/render/jsonReport.js';
import { formatTrace } from '../../src/render/textTrace.js';

const SPEC = `workflow W {
  var x: 0..2 = 0
  main { either { x = 1 } or { x = 2 } }
  ctl never_both_ways: AG (x != 1) || AG (x != 2) expect violated
}
`;

describe('CTL witness trees', () => {
  it('reach the report, the JSON and the text trace', () => {
    const spec = loadSpecText(SPEC, 'tree.wf');
    const report = checkSpec(spec, { properties: ['never_both_ways'] });
    const cex = report.properties[0].counterexample!;
    expect(cex.kind).toBe('tree');
    expect(cex.branches!.map((b) => b.note)).toEqual(['EF !((x != 1))', 'EF !((x != 2))']);
    const finals = cex.branches!.map((b) => b.witness.states[b.witness.states.length - 1].values.get('x'));
    expect(finals.sort()).toEqual([1, 2]);
    const json = reportToJson(report, new Map([['tree.wf', SPEC]])) as unknown as { properties: { counterexample: { kind: string; branches: { at: number; witness: { steps: unknown[] } }[] } }[] };
    const c = json.properties[0].counterexample;
    expect(c.kind).toBe('tree');
    expect(c.branches.map((b) => b.at)).toEqual([0, 0]);
    expect(c.branches.every((b) => b.witness.steps.length >= 2)).toBe(true);
    const text = formatTrace(cex, new Map([['tree.wf', SPEC]]));
    expect(text.match(/-- from the initial state: /g)?.length).toBe(2);
  });
});
