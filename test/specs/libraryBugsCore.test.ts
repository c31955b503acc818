/**
 * The documented bugs of the first showcase flows are found as flows.md
 * documents them: each test pins the activity steps of the counterexample
 * (activities, compensations and their outcomes; control steps filtered
 * out), so a different violation cannot pass for the documented one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';

function activitySteps(file: string, property: string): { kind: string | undefined; steps: string[] } {
  const spec = loadSpecText(readFileSync(file, 'utf8'), file);
  const [p] = checkSpec(spec, { properties: [property] }).properties;
  expect(p.result).toBe('violated');
  const cex = p.counterexample!;
  const steps = cex.steps
    .filter((s) => s.kind === 'complete' || s.kind === 'compensate')
    .map((s) => `${s.instance ? `${s.instance.replace(/^\D+/, '#')} ` : ''}${s.label}${s.outcome && s.outcome !== 'ok' ? ` (${s.outcome})` : ''}`);
  return { kind: cex.kind, steps };
}

const COINBASE = 'specs/payments/coinbase-crosschain-transfer.wf';
const AMAZON = 'specs/orders/amazon-order-saga.wf';
const EPIC = 'specs/compliance/epic-medical-record.wf';
const NETFLIX = 'specs/pipelines/netflix-chunk-encoding.wf';

describe('coinbase-crosschain-transfer (flows.md §2.1)', () => {
  it('note 1: property 2 (atomicity) fails when LockFunds fails — the source is never locked', () => {
    expect(activitySteps(COINBASE, 'atomicity')).toEqual({ kind: 'path', steps: ['LockFunds (failed)'] });
  });
  it('note 2: a failed monitor counts as a confirmation and the funds are released', () => {
    expect(activitySteps(COINBASE, 'released_only_if_confirmed').steps).toEqual(['LockFunds', 'MonitorConfirmation (failed)', 'ReleaseFunds']);
  });
  it('note 4: a failed compensation is swallowed — funds stay locked', () => {
    expect(activitySteps(COINBASE, 'atomicity_once_locked').steps).toEqual(['LockFunds', 'MonitorConfirmation', 'UnlockFunds (failed)']);
  });
  it('note 5: ReleaseFunds fails after its effect and the defer unlocks the source too (conservation)', () => {
    expect(activitySteps(COINBASE, 'conservation').steps).toEqual(['LockFunds', 'MonitorConfirmation', 'ReleaseFunds (failed after effect)', 'UnlockFunds']);
  });
  it('note 5 (LockFunds): locked, then an error — no compensation registered, funds stuck', () => {
    expect(activitySteps(COINBASE, 'no_stuck_funds').steps).toEqual(['LockFunds (failed after effect)']);
  });
  it('note 6: cancelled after the lock, the timer path returns and the deferred UnlockFunds fails at once on the cancelled ctx', () => {
    const spec = loadSpecText(readFileSync(COINBASE, 'utf8'), COINBASE);
    const [p] = checkSpec(spec, { properties: ['unlock_survives_cancel'] }).properties;
    expect(p.result).toBe('violated');
    expect(p.counterexample!.steps.map((s) => `${s.label}${s.outcome && s.outcome !== 'ok' ? ` (${s.outcome})` : ''}`)).toEqual([
      'status = Running',
      'LockFunds',
      'cancel requested',
      'race',
      'timer 24h fired',
      'fail "confirmation timeout"',
      'UnlockFunds (cancelled)',
    ]);
  });
});

describe('amazon-order-saga (flows.md §3.1)', () => {
  it('note 1: NotifyWarehouse fails; Refund and Unlock run, the shipping label is never cancelled', () => {
    expect(activitySteps(AMAZON, 'AmazonOrder1.no_label_for_failed_order').steps).toEqual([
      '#1 CheckInventory',
      '#1 LockInventory',
      '#1 ProcessPayment',
      '#1 CreateShippingLabel',
      '#1 NotifyWarehouse (failed)',
      '#1 RefundPayment',
      '#1 UnlockInventory',
    ]);
  });
  it('note 2: a sibling of the failed branch lands anyway — the warehouse is told about a refunded order', () => {
    expect(activitySteps(AMAZON, 'AmazonOrder1.no_shipping_after_refund').steps).toEqual([
      '#1 CheckInventory',
      '#1 LockInventory',
      '#1 ProcessPayment',
      '#1 CreateShippingLabel (failed)',
      '#1 NotifyWarehouse',
      '#1 RefundPayment',
    ]);
  });
  it('note 3: the unchecked payment fails (U1) and the order ships and completes unpaid', () => {
    expect(activitySteps(AMAZON, 'AmazonOrder1.completed_only_if_paid').steps).toEqual([
      '#1 CheckInventory',
      '#1 LockInventory',
      '#1 ProcessPayment (failed)',
      '#1 CreateShippingLabel',
      '#1 NotifyWarehouse',
      '#1 UpdateTracking',
      '#1 SendConfirmationEmail',
    ]);
  });
  it('note 4: check-then-lock race between two orders for the last unit (oversell)', () => {
    expect(activitySteps(AMAZON, 'no_oversell').steps).toEqual(['#1 CheckInventory', '#2 CheckInventory', '#1 LockInventory', '#2 LockInventory']);
  });
  it('property 2 (compensation completeness) fails: a compensation can fail and nobody looks', () => {
    expect(activitySteps(AMAZON, 'AmazonOrder1.compensation_completeness').steps).toEqual([
      '#1 CheckInventory',
      '#1 LockInventory',
      '#1 ProcessPayment',
      '#1 UnlockInventory (failed)',
      '#2 CheckInventory',
    ]);
  });
});

describe('epic-medical-record (flows.md §4c.1)', () => {
  it('note 2: sharing is never audited, even on the happy path (a lasso ending in the terminal state)', () => {
    expect(activitySteps(EPIC, 'audit_completeness')).toEqual({
      kind: 'lasso',
      steps: ['VerifyAccess', 'EncryptData', 'CreateVersion', 'RecordAudit', 'ShareWithInstitutions'],
    });
  });
  it('note 3: encryption fails open — a version is created from an unencrypted payload', () => {
    expect(activitySteps(EPIC, 'versions_are_encrypted').steps).toEqual(['VerifyAccess', 'EncryptData (failed)', 'CreateVersion']);
  });
});

describe('netflix-chunk-encoding (flows.md §4b.1)', () => {
  it('note 1: ◇∀completed fails without fairness — a chunk retried forever (a lasso)', () => {
    const spec = loadSpecText(readFileSync(NETFLIX, 'utf8'), NETFLIX);
    const [p] = checkSpec(spec, { properties: ['all_completed'] }).properties;
    const cex = p.counterexample!;
    expect(cex.kind).toBe('lasso');
    const loop = cex.steps.slice(cex.loopStart!).map((s) => `${s.label} (${s.outcome})`);
    expect(loop).toEqual(['EncodeChunk2 (retry)']);
  });
});
