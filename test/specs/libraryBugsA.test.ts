/**
 * The documented bugs of coinbase-payment, uber-datacenter-deployment and
 * smart-manufacturing-production (flows.md §2.2, §4a.1, §4c.4), and of the
 * extra flows alibaba-double11-order, uber-ride-order, zillow-real-estate-
 * transaction and stripe-payment-orchestration, are found as documented:
 * each test pins the counterexample's step names, so a different violation
 * of the same property does not pass for the documented one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/api/checkReport.js';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import type { Counterexample, TraceStep } from '../../src/counterexample/counterexample.js';

/**
 * A step as flows.md writes traces: `Activity` for a successful completion,
 * `Activity (outcome)` otherwise, `compensate C` for a saga compensation,
 * `end: failed|completed|return` for the workflow's end; `Instance: …` in systems.
 * Other steps (branch decisions, joins) are kept only in 'all' mode.
 */
function stepName(s: TraceStep): string {
  const who = s.instance ? `${s.instance}: ` : '';
  if (s.kind === 'end') return `${who}end: ${s.label}`;
  if (s.kind === 'compensate') return `${who}compensate ${s.label}${s.outcome && s.outcome !== 'ok' ? ` (${s.outcome})` : ''}`;
  return `${who}${s.label}${s.outcome && s.outcome !== 'ok' ? ` (${s.outcome})` : ''}`;
}

/** Activity calls, compensations and the workflow's end: the steps flows.md's traces name. */
function isActivityStep(s: TraceStep): boolean {
  return s.kind === 'complete' || s.kind === 'compensate' || s.kind === 'end';
}

const reports = new Map<string, CheckReport>();

/** Each spec is checked once, with all its properties. */
function reportOf(file: string): CheckReport {
  let report = reports.get(file);
  if (!report) {
    report = checkSpec(loadSpecText(readFileSync(file, 'utf8'), file));
    reports.set(file, report);
  }
  return report;
}

function counterexample(file: string, property: string): Counterexample {
  const p = reportOf(file).properties.find((q) => q.name === property);
  expect(p, `${property} in ${file}`).toBeDefined();
  expect(p?.result).toBe('violated');
  expect(p?.expected).toBe('violated');
  expect(p?.counterexample).toBeDefined();
  return p?.counterexample as Counterexample;
}

/** The counterexample's activity steps (see isActivityStep), or all of its steps. */
function trace(file: string, property: string, mode: 'activities' | 'all' = 'activities'): string[] {
  const cex = counterexample(file, property);
  return cex.steps.filter((s) => mode === 'all' || isActivityStep(s)).map(stepName);
}

/** The value of `name` in the counterexample's last state. */
function finalValue(file: string, property: string, name: string): unknown {
  const cex = counterexample(file, property);
  return cex.states[cex.states.length - 1].values.get(name);
}

describe('coinbase-payment (flows.md §2.2)', () => {
  const file = 'specs/payments/coinbase-payment.wf';
  const p1 = 'CoinbasePayment1';

  it('note 1: the seed property 1 as written fails on the first failure path', () => {
    expect(trace(file, `${p1}.balance_after`)).toEqual([`${p1}: ValidateAccount (failed)`, `${p1}: end: failed`]);
  });

  it('note 2: a failed audit record is swallowed (no TransactionExecuted event)', () => {
    expect(trace(file, `${p1}.audit_recorded`)).toEqual([
      `${p1}: ValidateAccount`,
      `${p1}: LockFunds`,
      `${p1}: ProcessPayment`,
      `${p1}: RecordTransaction (retry)`,
      `${p1}: RecordTransaction (failed)`,
      `${p1}: end: completed`,
    ]);
  });

  it('note 2: with fail-after-effect and a retry, the event is recorded twice', () => {
    const twice = [`${p1}: ValidateAccount`, `${p1}: LockFunds`, `${p1}: ProcessPayment`, `${p1}: RecordTransaction (retry after effect)`, `${p1}: RecordTransaction`];
    expect(trace(file, `${p1}.at_most_once(RecordTransaction)`)).toEqual(twice);
    // exactly_once is refuted by the shorter of the two, the double record.
    expect(trace(file, `${p1}.exactly_once(RecordTransaction)`)).toEqual(twice);
  });

  it('note 3: a failed UnlockFunds is swallowed and the funds stay locked', () => {
    const stuck = [`${p1}: ValidateAccount`, `${p1}: LockFunds`, `${p1}: ProcessPayment (failed)`, `${p1}: UnlockFunds (failed)`, `${p1}: end: failed`];
    expect(trace(file, `${p1}.no_stuck_funds`)).toEqual(stuck);
    expect(finalValue(file, `${p1}.no_stuck_funds`, `${p1}.held`)).toBe(10);
    // The intended property 1 is refuted by the same path.
    expect(trace(file, `${p1}.balance_after_intended`)).toEqual(stuck);
  });

  it('note 4: ProcessPayment pays, times out, and UnlockFunds credits the payer again', () => {
    expect(trace(file, 'money')).toEqual([`${p1}: ValidateAccount`, `${p1}: LockFunds`, `${p1}: ProcessPayment (failed after effect)`, `${p1}: UnlockFunds`]);
    expect(finalValue(file, 'money', 'bal')).toBe(100);
    expect(finalValue(file, 'money', `${p1}.paid`)).toBe(10);
  });

  it('note 5: a duplicate submission of the same payment charges the payer twice', () => {
    const p2 = 'CoinbasePayment2';
    expect(trace(file, 'no_double_charge')).toEqual([
      `${p1}: ValidateAccount`,
      `${p1}: LockFunds`,
      `${p1}: ProcessPayment`,
      `${p2}: ValidateAccount`,
      `${p2}: LockFunds`,
      `${p2}: ProcessPayment`,
    ]);
    expect(finalValue(file, 'no_double_charge', 'bal')).toBe(80);
  });
});

describe('uber-datacenter-deployment (flows.md §4a.1)', () => {
  const file = 'specs/infrastructure/uber-datacenter-deployment.wf';
  // DeployGroup of group 1 uses up its three retries: the policy of 002 §2.1.4.
  const group1Fails = ['GroupServers', 'DeployGroup (retry)', 'DeployGroup (retry)', 'DeployGroup (retry)', 'DeployGroup (failed)'];

  it('note 1: the rollback races in-flight DeployGroup siblings (one version violated)', () => {
    expect(trace(file, 'one_version')).toEqual([...group1Fails, 'RollbackDeployment', 'DeployGroup', 'end: failed']);
    expect(finalValue(file, 'one_version', 'deployed')).toBe(1);
  });

  it('note 1: a sibling lands after the rollback completed (the handler ran before it)', () => {
    expect(trace(file, 'rollback_is_final', 'all')).toEqual([
      'GroupServers',
      'if groups > 0 (true)',
      'parallel ordered_abort',
      'DeployGroup (retry)',
      'DeployGroup (retry)',
      'DeployGroup (retry)',
      'DeployGroup (failed)',
      'await branch 1 (failed)',
      'RollbackDeployment',
      'DeployGroup',
    ]);
  });

  it('note 2: a failed rollback is swallowed', () => {
    expect(trace(file, 'rollback_automatic')).toEqual([
      ...group1Fails,
      'RollbackDeployment (retry)',
      'RollbackDeployment (retry)',
      'RollbackDeployment (retry)',
      'RollbackDeployment (failed)',
      'end: failed',
    ]);
  });

  it('note 5: GroupServers fails unchecked, zero groups deploy, verification passes vacuously', () => {
    expect(trace(file, 'completed_everywhere')).toEqual([
      'GroupServers (retry)',
      'GroupServers (retry)',
      'GroupServers (retry)',
      'GroupServers (failed)',
      'VerifyDeployment',
      'end: completed',
    ]);
  });
});

describe('smart-manufacturing-production (flows.md §4c.4)', () => {
  const file = 'specs/manufacturing/smart-manufacturing-production.wf';
  const allTasksOk = ['ScheduleProduction', 'PrepareMaterials', 'ExecuteTask', 'ExecuteTask', 'ExecuteTask'];

  it('note 1: QC fails the product, rework succeeds, the workflow reports success', () => {
    // Branch decisions kept: QualityCheck answered (ok) with Passed = false.
    expect(trace(file, 'rework_is_not_success', 'all').slice(9)).toEqual(['QualityCheck', 'if !passed (true)', 'ReworkProduction', 'end: return']);
    expect(trace(file, 'rework_is_not_success')).toEqual([...allTasksOk, 'QualityCheck', 'ReworkProduction', 'end: return']);
  });

  it('note 1 (the combined property): shortest by the unchecked CompleteProduction', () => {
    expect(trace(file, 'success_means_quality')).toEqual([...allTasksOk, 'QualityCheck', 'CompleteProduction (failed)', 'end: completed']);
  });

  it('note 2: compensation runs while a sibling task still runs and consumes returned material', () => {
    expect(trace(file, 'no_consumption_after_compensation')).toEqual(['ScheduleProduction', 'PrepareMaterials', 'ExecuteTask (failed)', 'CompensateProduction', 'ExecuteTask']);
    expect(finalValue(file, 'no_consumption_after_compensation', 'reserved')).toBe(-1);
  });

  it('note 3: under U1 a QC error passes into rework and success', () => {
    expect(trace(file, 'qc_error_not_success')).toEqual([...allTasksOk, 'QualityCheck (failed)', 'ReworkProduction', 'end: return']);
  });

  it('note 4: a failed CompensateProduction is swallowed and the reservation stays', () => {
    expect(trace(file, 'no_stranded_reservation')).toEqual(['ScheduleProduction', 'PrepareMaterials', 'ExecuteTask (failed)', 'CompensateProduction (failed)', 'end: failed']);
  });
});

describe('extra flows', () => {
  it('alibaba-double11-order notes 1 and 4: both orders pass the checks, both sell', () => {
    const file = 'specs/orders/alibaba-double11-order.wf';
    const [a, b] = ['DoubleElevenOrder1', 'DoubleElevenOrder2'];
    const race = [
      `${a}: CheckRateLimit`,
      `${a}: QuickInventoryCheck`,
      `${b}: CheckRateLimit`,
      `${b}: QuickInventoryCheck`,
      `${a}: AsyncProcessOrder`,
      `${b}: AsyncProcessOrder`,
    ];
    expect(trace(file, 'no_oversell')).toEqual(race);
    expect(trace(file, 'rate_limited')).toEqual(race);
  });

  it('alibaba-double11-order note 2: a failed AsyncProcessOrder is acknowledged as success', () => {
    const a = 'DoubleElevenOrder1';
    expect(trace('specs/orders/alibaba-double11-order.wf', `${a}.completed_only_if_processed`)).toEqual([
      `${a}: CheckRateLimit`,
      `${a}: QuickInventoryCheck`,
      `${a}: AsyncProcessOrder (failed)`,
      `${a}: end: completed`,
    ]);
  });

  it('uber-ride-order note 1: the rider does not confirm and the driver is never released', () => {
    expect(trace('specs/orders/uber-ride-order.wf', 'driver_released', 'all')).toEqual([
      'MatchDriver',
      'if !assigned (false)',
      'CalculatePrice',
      'ConfirmRide',
      'if !confirmed (true)',
      'fail "ride not confirmed"',
      'end: failed',
    ]);
  });

  it('uber-ride-order note 2: the ride completes unpaid', () => {
    expect(trace('specs/orders/uber-ride-order.wf', 'completed_only_if_paid')).toEqual(['MatchDriver', 'CalculatePrice', 'ConfirmRide', 'MonitorRide', 'ProcessPayment (failed)', 'end: completed']);
  });

  it('uber-ride-order note 3: polling forever while the trip never ends (a lasso)', () => {
    const cex = counterexample('specs/orders/uber-ride-order.wf', 'terminates');
    expect(cex.kind).toBe('lasso');
    const names = cex.steps.map(stepName);
    expect(names.slice(0, cex.loopStart)).toEqual(['MatchDriver', 'if !assigned (false)', 'CalculatePrice', 'ConfirmRide', 'if !confirmed (false)']);
    expect(names.slice(cex.loopStart)).toEqual(['while !trip_over (true)', 'MonitorRide']);
  });

  it('zillow note 1: financing fails, contract and inspection stay, nothing is withdrawn', () => {
    expect(trace('specs/real-estate/zillow-real-estate-transaction.wf', 'failed_withdraws_all')).toEqual([
      'VerifyProperty',
      'ScheduleViewing',
      'ProcessOffer',
      'PrepareContract',
      'ArrangeInspection',
      'ProcessFinancing (failed)',
      'end: failed',
    ]);
  });

  it('zillow note 2: PrepareContract fails and the inspection lands after the workflow failed', () => {
    expect(trace('specs/real-estate/zillow-real-estate-transaction.wf', 'no_booking_after_failure')).toEqual([
      'VerifyProperty',
      'ScheduleViewing',
      'ProcessOffer',
      'PrepareContract (failed)',
      'ProcessFinancing',
      'end: failed',
      'ArrangeInspection',
    ]);
  });

  it('zillow note 3: CompleteTransaction fails and the workflow returns nil', () => {
    expect(trace('specs/real-estate/zillow-real-estate-transaction.wf', 'completed_only_if_closed').slice(-2)).toEqual(['CompleteTransaction (failed)', 'end: completed']);
  });

  it('stripe (derived): the automatic bank-API retry debits twice', () => {
    expect(trace('specs/payments/stripe-payment-orchestration.wf', 'at_most_once(DebitBank)')).toEqual(['ValidatePayment', 'DebitBank (retry after effect)', 'DebitBank']);
  });

  it('stripe (derived): a debit that lands and times out on the last attempt stays held', () => {
    expect(trace('specs/payments/stripe-payment-orchestration.wf', 'no_stuck_hold')).toEqual([
      'ValidatePayment',
      'DebitBank (retry)',
      'DebitBank (retry)',
      'DebitBank (failed after effect)',
      'end: failed',
    ]);
  });

  it('stripe (derived): a failed audit event is swallowed', () => {
    expect(trace('specs/payments/stripe-payment-orchestration.wf', 'audit_trail')).toEqual(['ValidatePayment', 'AuthorizeCard', 'Capture', 'RecordEvent (failed)', 'end: completed']);
  });
});
