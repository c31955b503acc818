import { describe, expect, it } from 'vitest';
import type { CheckReport, PropertyReport } from '../../src/api/checkReport.js';
import { ExitCode, exitCodeForReport } from '../../src/cli/exitCodes.js';
import { sampleReport } from '../render/sampleTraces.js';

function withProperties(...properties: PropertyReport[]): CheckReport {
  return { ...sampleReport(), properties };
}

const [violated, violatedAsExpected, unknown, holds] = sampleReport().properties;

describe('exitCodeForReport', () => {
  it('is 0 when every result is as expected (including expected violations)', () => {
    expect(exitCodeForReport(withProperties(holds, violatedAsExpected))).toBe(ExitCode.ok);
    expect(exitCodeForReport(withProperties())).toBe(0);
  });

  it('is 1 for an unexpected violation, even when other results are unknown', () => {
    expect(exitCodeForReport(withProperties(holds, violated))).toBe(1);
    expect(exitCodeForReport(withProperties(unknown, violated))).toBe(1);
  });

  it('is 1 when a property holds although a violation was expected', () => {
    expect(exitCodeForReport(withProperties({ ...holds, expected: 'violated' }))).toBe(1);
  });

  it('is 3 when a limit left a result undecided', () => {
    expect(exitCodeForReport(withProperties(holds, unknown))).toBe(ExitCode.inconclusive);
    expect(exitCodeForReport(withProperties({ ...unknown, expected: 'violated' }))).toBe(3);
  });

  it('is 130 when the undecided results come from an interruption', () => {
    expect(exitCodeForReport(withProperties(holds, { ...unknown, reason: 'interrupted' }))).toBe(130);
    const report = { ...withProperties(unknown), stopReason: 'interrupted' as const };
    expect(exitCodeForReport(report)).toBe(ExitCode.interrupted);
  });
});
