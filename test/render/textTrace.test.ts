import { describe, expect, it } from 'vitest';
import { formatTrace } from '../../src/render/textTrace.js';
import { expectGolden } from '../golden/expectGolden.js';
import { faultTrace, lassoTrace, pathTrace, SOURCES } from './sampleTraces.js';

describe('formatTrace', () => {
  it('prints a path with outcomes, instances, locations and changes (golden)', () => {
    expectGolden('text/pathTrace.txt', formatTrace(pathTrace(), SOURCES));
  });

  it('marks where a lasso loops and where it goes back (golden)', () => {
    expectGolden('text/lassoTrace.txt', formatTrace(lassoTrace(), SOURCES));
  });

  it('ends a fault trace with the fault message (golden)', () => {
    expectGolden('text/faultTrace.txt', formatTrace(faultTrace(), SOURCES));
  });

  it('aligns the location column of every step', () => {
    const stepLines = formatTrace(pathTrace(), SOURCES)
      .split('\n')
      .filter((l) => /^\s+\d+\. /.test(l));
    expect(stepLines).toHaveLength(4);
    const columns = new Set(stepLines.map((l) => l.indexOf('escrow.wf:')));
    expect(columns.size).toBe(1);
  });

  it('shows the location as the base name and line of the step span', () => {
    const text = formatTrace(pathTrace(), SOURCES);
    expect(text).toContain('ReleaseFunds  (failed after effect)  [o1]  escrow.wf:8');
  });

  it('falls back to the file name when the source text is unknown', () => {
    const text = formatTrace(pathTrace(), new Map());
    expect(text).toContain('[o1]  escrow.wf\n');
  });

  it('wraps long value lists at the requested width', () => {
    const lines = formatTrace(pathTrace(), SOURCES, { width: 40 }).split('\n');
    expect(lines.every((l) => l.length <= 40 || /^\S|^\s+\d+\. /.test(l))).toBe(true);
    expect(lines).toContain('       escrow = 10, tgt = 0,');
    expect(lines).toContain('       phase = start, note = none,');
  });

  it('handles a violation in the initial state (no steps)', () => {
    const cex = { ...pathTrace(), steps: [], states: pathTrace().states.slice(0, 1) };
    expect(formatTrace(cex, SOURCES).split('\n')[0]).toBe(
      'Counterexample (path, 0 steps): invariant "conservation" is violated: escrow + tgt == 10 is false',
    );
  });
});
