import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/render/summaryTable.js';
import { expectGolden } from '../golden/expectGolden.js';
import { sampleReport } from './sampleTraces.js';

describe('formatSummary', () => {
  it('prints one aligned row per property with unexpected results marked (golden)', () => {
    expectGolden('text/summary.txt', formatSummary(sampleReport()));
  });

  it('colours only the marks, and only when asked', () => {
    const plain = formatSummary(sampleReport());
    expect(plain).not.toContain('\u001b[');
    const coloured = formatSummary(sampleReport(), { color: true });
    expect(coloured).toContain('\u001b[31;1m✗\u001b[0m  conservation');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('has no limit note for a complete run where everything is as expected', () => {
    const r = sampleReport();
    const text = formatSummary({ ...r, complete: false, stopReason: undefined, properties: [r.properties[3]] });
    expect(text.split('\n')[0]).toMatch(/, 1.23s, stopped early$/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 of 1 as expected');
    const done = formatSummary({ ...r, complete: true, stopReason: undefined, properties: [] });
    expect(done).toContain('   (no properties)\n0 of 0 as expected\n');
    expect(done.split('\n')[0]).toBe('specs/demo/escrow.wf: workflow Escrow — 12,345 states, 67,890 transitions, 1.23s');
  });
});

describe('formatSummary headline', () => {
  it('uses the singular for one state or transition', () => {
    const r = sampleReport();
    const text = formatSummary({ ...r, states: 1, transitions: 1, complete: true, stopReason: undefined });
    expect(text.split('\n')[0]).toBe('specs/demo/escrow.wf: workflow Escrow — 1 state, 1 transition, 1.23s');
  });
});

describe('reasons', () => {
  it('describes stop reasons in words and passes other reasons through', () => {
    const r = sampleReport();
    const [, , unknown] = r.properties;
    const text = formatSummary({ ...r, properties: [{ ...unknown, reason: 'timeout' }, { ...unknown, name: 'x', reason: 'range fault cut exploration' }] });
    expect(text).toContain('not decided: time limit reached');
    expect(text).toContain('not decided: range fault cut exploration');
  });
});
