/**
 * The documented bugs of flows.md §4d.4 (allstate-claim-processing), §4d.1
 * (google-ads-bidding) and §3.4 (didi-ride-hailing) are found as documented:
 * each property's counterexample is pinned to the step sequence of the
 * catalogue's trace, so a different violation cannot pass for the documented one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import type { Counterexample, TraceStep } from '../../src/counterexample/counterexample.js';
import type { DisplayValue } from '../../src/system/stateView.js';

/** Checks one property of a spec file and returns its (expected) counterexample. */
function counterexample(file: string, property: string): Counterexample {
  const report = checkSpec(loadSpecText(readFileSync(file, 'utf8'), file), { properties: [property] });
  const p = report.properties.find((r) => r.name === property);
  expect(p?.result, `${file} ${property}`).toBe('violated');
  expect(p?.counterexample).toBeDefined();
  return p!.counterexample!;
}

/**
 * The steps the catalogue's traces speak of: activity completions and compensations, the
 * workflow's end, and the environment's choices named by `env` (assignments such as
 * `alert = true` inside `either`). Control steps (if, while, join bookkeeping) are left out.
 * A step reads `Instance.Activity (outcome)`, the outcome omitted when it is ok.
 */
function steps(ce: Counterexample, env: readonly string[] = [], from = 0, to = ce.steps.length): string[] {
  const shown = (s: TraceStep): boolean =>
    s.kind === 'complete' || s.kind === 'compensate' || s.kind === 'end' || env.some((v) => s.label.startsWith(`${v} = `));
  return ce.steps
    .slice(from, to)
    .filter(shown)
    .map((s) => `${s.instance ? `${s.instance}.` : ''}${s.label}${s.outcome && s.outcome !== 'ok' ? ` (${s.outcome})` : ''}`);
}

function finalValue(ce: Counterexample, name: string): DisplayValue | undefined {
  return ce.states[ce.states.length - 1].values.get(name);
}

describe('allstate-claim-processing (flows.md §4d.4)', () => {
  const file = 'specs/insurance/allstate-claim-processing.wf';
  const env = ['fraudulent'];

  it('bug 1: ValidateClaim says false and the claim ends with no decision', () => {
    const ce = counterexample(file, 'claim_decided');
    expect(steps(ce)).toEqual(['ValidateClaim', 'failed']);
    expect(finalValue(ce, 'valid')).toBe(false);
    expect(finalValue(ce, 'paid')).toBe(false);
    expect(finalValue(ce, 'rejected')).toBe(false);
  });

  it('bug 2: ProcessPayment fails, the error is dropped, compliance is recorded and the workflow succeeds', () => {
    const ce = counterexample(file, 'success_only_if_paid');
    expect(steps(ce)).toEqual(['ValidateClaim', 'FraudDetection', 'AssessRisk', 'ApproveClaim', 'ProcessPayment (failed)', 'RecordCompliance', 'completed']);
    expect(finalValue(ce, 'compliance')).toBe(true);
  });

  it('bug 3: FraudDetection fails open and a fraudulent claim is paid', () => {
    const ce = counterexample(file, 'paid_only_if_approved_and_clean');
    expect(steps(ce, env)).toEqual(['fraudulent = true', 'ValidateClaim', 'FraudDetection (failed)', 'AssessRisk', 'ApproveClaim', 'ProcessPayment']);
  });

  it('bug 3 contrast: approval fails closed, so nothing is paid without approval', () => {
    const report = checkSpec(loadSpecText(readFileSync(file, 'utf8'), file), { properties: ['paid_only_if_approved'] });
    expect(report.properties.map((p) => p.result)).toEqual(['holds']);
  });

  it('bug 4: a fraud rejection leaves no compliance record', () => {
    const ce = counterexample(file, 'rejection_audited');
    expect(steps(ce, env)).toEqual(['fraudulent = true', 'ValidateClaim', 'FraudDetection', 'RejectClaim', 'failed']);
  });
});

describe('google-ads-bidding (flows.md §4d.1)', () => {
  const file = 'specs/advertising/google-ads-bidding.wf';

  it('bug 1: both requests pass CheckBudget before either ServeAd, and spend exceeds the budget', () => {
    const ce = counterexample(file, 'budget_control');
    // Only the budget race's steps: the bidding and fraud checks around them are not part of it.
    const race = steps(ce).filter((s) => /\.(CheckBudget|ServeAd)/.test(s));
    expect(race).toEqual(['AdBidding1.CheckBudget', 'AdBidding2.CheckBudget', 'AdBidding1.ServeAd', 'AdBidding2.ServeAd']);
    expect(finalValue(ce, 'spent')).toBe(2);
  });

  it('bug 2: FraudDetection fails open and fraudulent traffic is served and billed', () => {
    const ce = counterexample(file, 'AdBidding1.no_billing_for_fraud');
    expect(steps(ce, ['fraudulent'])).toEqual([
      'AdBidding1.fraudulent = true',
      'AdBidding1.RealTimeBidding',
      'AdBidding1.CheckBudget',
      'AdBidding1.FraudDetection (failed)',
      'AdBidding1.ServeAd',
      'AdBidding1.RecordBilling',
    ]);
  });

  it('bug 3: the ad is served and RecordBilling fails, ignored: never billed', () => {
    const ce = counterexample(file, 'AdBidding1.served_then_billed');
    // The witness is a maximal path, so the other instance runs too; this instance's steps are the trace.
    const own = steps(ce).filter((s) => s.startsWith('AdBidding1.'));
    expect(own).toEqual([
      'AdBidding1.RealTimeBidding',
      'AdBidding1.CheckBudget',
      'AdBidding1.FraudDetection',
      'AdBidding1.ServeAd',
      'AdBidding1.RecordBilling (retry)',
      'AdBidding1.RecordBilling (failed)',
      'AdBidding1.completed',
    ]);
  });

  it('bug 3: RecordBilling fails after its effect and the retry bills twice', () => {
    const ce = counterexample(file, 'AdBidding1.at_most_once(RecordBilling)');
    expect(steps(ce)).toEqual([
      'AdBidding1.RealTimeBidding',
      'AdBidding1.CheckBudget',
      'AdBidding1.FraudDetection',
      'AdBidding1.ServeAd',
      'AdBidding1.RecordBilling (retry after effect)',
      'AdBidding1.RecordBilling',
    ]);
    expect(finalValue(ce, 'AdBidding1.billed')).toBe(2);
  });
});

describe('didi-ride-hailing (flows.md §3.4, with the Uber bugs of §3.3)', () => {
  const file = 'specs/orders/didi-ride-hailing.wf';
  const env = ['alert', 'trip_ended', 'rider_cancelled'];
  const ride = ['MatchDriver', 'CalculatePrice', 'ConfirmRide'];

  it('Didi bug 1: the alert rises and clears between two polls and is never handled', () => {
    const ce = counterexample(file, 'alert_seen');
    expect(steps(ce, env)).toEqual([...ride, 'alert = true', 'alert = false', 'trip_ended = true', 'MonitorRide', 'ProcessPayment', 'completed']);
  });

  it('Didi bug 1 (liveness): SafetyAlert ⇒ AF handled fails with a missed alert', () => {
    const ce = counterexample(file, 'alert_handled');
    expect(ce.kind).toBe('lasso');
    // Stem up to the first poll: the alert came and went before it.
    expect(steps(ce, env).slice(0, 6)).toEqual([...ride, 'alert = true', 'alert = false', 'MonitorRide']);
    expect(steps(ce).includes('HandleSafetyAlert')).toBe(false);
  });

  it('Didi bug 2: a failed poll reads as "no alert" and the alert is dropped', () => {
    const ce = counterexample(file, 'failed_poll_keeps_alert');
    expect(steps(ce, env)).toEqual([...ride, 'alert = true', 'trip_ended = true', 'MonitorRide (failed)', 'alert = false', 'MonitorRide', 'ProcessPayment', 'completed']);
  });

  it('Didi bug 3: HandleSafetyAlert fails, nobody escalates, the ride completes', () => {
    const ce = counterexample(file, 'unhandled_alert_not_ignored');
    expect(steps(ce, env)).toEqual([...ride, 'alert = true', 'trip_ended = true', 'MonitorRide', 'HandleSafetyAlert (failed)', 'ProcessPayment', 'completed']);
  });

  it('Uber bug 1: ConfirmRide says no and the driver is never released', () => {
    const ce = counterexample(file, 'driver_released');
    expect(steps(ce)).toEqual([...ride, 'failed']);
    expect(finalValue(ce, 'confirmed')).toBe(false);
    expect(finalValue(ce, 'driver_held')).toBe(true);
  });

  it('Uber bug 2: the ride completes and ProcessPayment fails, ignored', () => {
    const ce = counterexample(file, 'completed_only_if_paid');
    expect(steps(ce, env)).toEqual([...ride, 'trip_ended = true', 'MonitorRide', 'ProcessPayment (failed)', 'completed']);
  });

  it('Uber bug 3: after the rider cancels, the loop polls forever', () => {
    const ce = counterexample(file, 'cancelled_ride_ends');
    expect(ce.kind).toBe('lasso');
    const loopStart = ce.loopStart!;
    expect(steps(ce, env, 0, loopStart)).toContain('rider_cancelled = true');
    const loop = steps(ce, env, loopStart);
    expect(loop.length).toBeGreaterThan(0);
    expect(new Set(loop)).toEqual(new Set(['MonitorRide']));
  });
});
