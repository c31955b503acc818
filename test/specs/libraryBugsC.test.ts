/**
 * The documented bugs of nih-spatial-proteomics, walmart-supply-chain and six extra flows are found
 * as flows.md documents them: each test pins the counterexample's activity steps (activity calls and
 * compensations with their outcomes, "ok" left implicit; control steps filtered out so the pin reads
 * like the flows.md trace), and for lassos the stem and the loop separately.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import type { PropertyReport } from '../../src/api/checkReport.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import type { LoadedSpec } from '../../src/api/loadedSpec.js';
import type { TraceStep } from '../../src/counterexample/counterexample.js';

const isActivity = (s: TraceStep): boolean => s.kind === 'complete' || s.kind === 'compensate';
/** Walmart's pins also keep the ordered join's awaits, which say which supplier's purchase failed. */
const isActivityOrAwait = (s: TraceStep): boolean => isActivity(s) || s.label.startsWith('await branch');

const name = (s: TraceStep): string => `${s.label}${s.outcome && s.outcome !== 'ok' && isActivity(s) ? ` (${s.outcome})` : ''}`;

const specs = new Map<string, LoadedSpec>();
const reports = new Map<string, PropertyReport>();

/** The property's report (each spec loaded and each property checked once per file run). */
function violation(file: string, property: string): PropertyReport {
  const key = `${file}#${property}`;
  let p = reports.get(key);
  if (!p) {
    let spec = specs.get(file);
    if (!spec) specs.set(file, (spec = loadSpecText(readFileSync(file, 'utf8'), file)));
    [p] = checkSpec(spec, { properties: [property] }).properties;
    reports.set(key, p);
  }
  expect(p.result).toBe('violated');
  expect(p.counterexample).toBeDefined();
  return p;
}

/** A path's steps, filtered. */
function pathSteps(file: string, property: string, keep: (s: TraceStep) => boolean = isActivity): string[] {
  const cex = violation(file, property).counterexample!;
  expect(cex.kind).toBe('path');
  return cex.steps.filter(keep).map(name);
}

/** A lasso's stem and loop, filtered. */
function lassoSteps(file: string, property: string): { stem: string[]; loop: string[] } {
  const cex = violation(file, property).counterexample!;
  expect(cex.kind).toBe('lasso');
  const at = cex.loopStart!;
  return { stem: cex.steps.slice(0, at).filter(isActivity).map(name), loop: cex.steps.slice(at).filter(isActivity).map(name) };
}

/** The value of `variable` in the counterexample's last state. */
function lastValue(file: string, property: string, variable: string): unknown {
  const states = violation(file, property).counterexample!.states;
  return states[states.length - 1].values.get(variable);
}

const NIH = 'specs/pipelines/nih-spatial-proteomics.wf';
const WALMART = 'specs/supply-chain/walmart-supply-chain.wf';
const IOT = 'specs/iot/aws-iot-device-management.wf';
const RIOT = 'specs/games/riot-game-logic.wf';
const DEERE = 'specs/iot/john-deere-smart-farming.wf';
const AWS = 'specs/scheduling/aws-resource-scheduling.wf';
const NYT = 'specs/media/nyt-news-content.wf';
const SPLUNK = 'specs/security/splunk-security-monitoring.wf';

describe('nih-spatial-proteomics (flows.md §4b.8)', () => {
  it('bug 1: QC says "not passed" and the workflow completes successfully with None', () => {
    expect(pathSteps(NIH, 'success_has_result')).toEqual(['DataPreprocessing', 'QualityControl', 'OverlayOrganelleMarkers']);
    expect(lastValue(NIH, 'success_has_result', 'qc_passed')).toBe(false);
    expect(lastValue(NIH, 'success_has_result', 'workflow')).toBe('completed');
  });
  it('bug 2: overlay_organelle_markers raises, the workflow fails, quality_control is still running', () => {
    expect(pathSteps(NIH, 'no_orphaned_qc')).toEqual(['DataPreprocessing', 'OverlayOrganelleMarkers (failed)']);
  });
  it('bug 2: no cleanup happens — the preprocessed data is never cleaned', () => {
    expect(pathSteps(NIH, 'rejected_data_cleaned')).toEqual(['DataPreprocessing', 'QualityControl (failed)']);
  });
  it('bug 3: the gather branches have no timeout, so 48 h is exceeded before training starts', () => {
    expect(pathSteps(NIH, 'duration_48h')).toEqual(['DataPreprocessing', 'QualityControl', 'OverlayOrganelleMarkers']);
    expect(lastValue(NIH, 'duration_48h', 'overlay_hours')).toBe(49);
  });
  it('bug 3: with QC bounded, a train_svm_model attempt times out and its retry adds another 24 h', () => {
    expect(pathSteps(NIH, 'duration_48h_bounded_qc')).toEqual([
      'DataPreprocessing',
      'QualityControl',
      'OverlayOrganelleMarkers',
      'TrainSvmModel (retry after effect)',
      'TrainSvmModel',
    ]);
    expect(lastValue(NIH, 'duration_48h_bounded_qc', 'hours')).toBe(51);
  });
});

describe('walmart-supply-chain (flows.md §4d.3)', () => {
  it('bug 1: s1 ok, s2 fails → HandlePurchaseFailure → ManageWarehouse → CoordinateDelivery: half the order delivered', () => {
    expect(pathSteps(WALMART, 'no_partial_delivery', isActivityOrAwait)).toEqual([
      'SelectSuppliers',
      'PurchaseFromSupplier',
      'PurchaseFromSupplier (failed)',
      'await branch 1 (ok)',
      'await branch 2 (failed)',
      'HandlePurchaseFailure',
      'ManageWarehouse',
      'CoordinateDelivery',
    ]);
  });
  it('bug 1 (U1 reading of SelectSuppliers): no suppliers, nothing purchased, and the run reports success', () => {
    expect(pathSteps(WALMART, 'success_means_delivered')).toEqual(['SelectSuppliers (failed)', 'ManageWarehouse', 'CoordinateDelivery']);
  });
  it('bug 2: both purchases fail and HandlePurchaseFailure(order) runs twice with the same argument', () => {
    expect(pathSteps(WALMART, 'at_most_once(HandlePurchaseFailure)', isActivityOrAwait)).toEqual([
      'SelectSuppliers',
      'PurchaseFromSupplier (failed)',
      'PurchaseFromSupplier (failed)',
      'await branch 1 (failed)',
      'HandlePurchaseFailure',
      'await branch 2 (failed)',
      'HandlePurchaseFailure',
    ]);
  });
  it('bug 3: delivery fails, the failure is ignored and the purchase orders are never cancelled', () => {
    expect(pathSteps(WALMART, 'no_stranded_purchases')).toEqual([
      'SelectSuppliers',
      'PurchaseFromSupplier',
      'PurchaseFromSupplier',
      'ManageWarehouse',
      'CoordinateDelivery (failed)',
    ]);
  });
});

describe('aws-iot-device-management (flows.md §4c.2)', () => {
  it('note 2: the device breaks, RecoverDevice fails (ignored), and the loop collects from a dead device forever', () => {
    const { stem, loop } = lassoSteps(IOT, 'faults_recovered');
    expect(stem[0]).toBe('RegisterDevice');
    expect(loop).toEqual(['CheckDeviceStatus', 'RecoverDevice (failed)', 'CollectData', 'ProcessData', 'StoreData']);
    const cex = violation(IOT, 'faults_recovered').counterexample!;
    expect(cex.states.slice(cex.loopStart!).every((s) => s.values.get('healthy') === false)).toBe(true);
  });
  it('note 1: non-terminating by design', () => {
    expect(lassoSteps(IOT, 'terminates').stem).toEqual(['RegisterDevice']);
  });
});

describe('riot-game-logic (flows.md §4c.3)', () => {
  const settleFails = ['InitializeGame', 'WaitForPlayerAction', 'ValidateAction', 'UpdateGameState', 'UpdateLeaderboard', 'CheckGameEnd', 'SettleGame (failed)'];
  it('note 2: CheckGameEnd true → SettleGame fails (ignored) → break → return nil: ended, never settled', () => {
    expect(pathSteps(RIOT, 'exactly_once(SettleGame)')).toEqual(settleFails);
  });
  it('note 3: the leaderboard keeps the unsettled game', () => {
    expect(pathSteps(RIOT, 'leaderboard_only_settled')).toEqual(settleFails);
  });
  it('note 1: without fairness, invalid actions go on forever', () => {
    expect(lassoSteps(RIOT, 'terminates')).toEqual({ stem: ['InitializeGame'], loop: ['WaitForPlayerAction', 'ValidateAction'] });
    const cex = violation(RIOT, 'terminates').counterexample!;
    expect(cex.states.slice(cex.loopStart!).every((s) => s.values.get('valid') === false)).toBe(true);
  });
});

describe('john-deere-smart-farming (flows.md §4c.5)', () => {
  it('CoordinateSeeder fails → HandleDeviceFailure does not repair → the monitoring loop polls forever', () => {
    expect(lassoSteps(DEERE, 'seeder_failure_recorded')).toEqual({
      stem: ['CollectSensorData', 'GenerateFarmingPlan', 'CoordinateSeeder (failed)', 'CoordinateTractor', 'CoordinateHarvester', 'HandleDeviceFailure'],
      loop: ['MonitorOperation'],
    });
  });
  it('AF RecordFarmingData fails for any unrepaired device (here the harvester)', () => {
    expect(lassoSteps(DEERE, 'data_recorded')).toEqual({
      stem: ['CollectSensorData', 'GenerateFarmingPlan', 'CoordinateTractor', 'CoordinateSeeder', 'CoordinateHarvester (failed)', 'HandleDeviceFailure'],
      loop: ['MonitorOperation'],
    });
  });
});

describe('aws-resource-scheduling (flows.md §4e.8)', () => {
  it('note 1: Reoptimize replaces the allocation; its tasks are never scheduled', () => {
    expect(pathSteps(AWS, 'monitors_running_allocation')).toEqual([
      'PredictDemand',
      'OptimizeAllocation',
      'ScheduleResource',
      'ScheduleResource',
      'MonitorUsage',
      'Reoptimize',
    ]);
  });
  it('note 2: a scheduling failure "handled" without repair polls forever', () => {
    expect(lassoSteps(AWS, 'terminates')).toEqual({
      stem: ['PredictDemand', 'OptimizeAllocation', 'ScheduleResource', 'ScheduleResource (failed)', 'HandleSchedulingFailure'],
      loop: ['MonitorUsage'],
    });
  });
});

describe('nyt-news-content (flows.md §4e.1)', () => {
  const processed = ['ContentReview', 'FormatContent', 'GenerateMetadata', 'OptimizeImages', 'GenerateSEO'];
  it('bug 1: Web ok → Mobile fails (ignored) → Newsletter ok → Social ok → success on 3 of 4 platforms', () => {
    expect(pathSteps(NYT, 'success_on_mobile')).toEqual([
      ...processed,
      'PublishWeb',
      'PublishMobile (failed)',
      'PublishNewsletter',
      'PublishSocial',
      'TrackAnalytics',
    ]);
  });
  it('bug 1 (general form): all-or-nothing publication fails at whichever platform fails', () => {
    expect(pathSteps(NYT, 'all_or_nothing_publication')).toEqual([
      ...processed,
      'PublishWeb',
      'PublishMobile',
      'PublishNewsletter',
      'PublishSocial (failed)',
      'TrackAnalytics',
    ]);
  });
  it('bug 2: the processing outputs are dropped — the first publish already ships the raw article', () => {
    expect(pathSteps(NYT, 'publishes_processed_content')).toEqual([...processed, 'PublishWeb']);
  });
});

describe('splunk-security-monitoring (flows.md §4e.7)', () => {
  const detect = ['CollectSecurityEvents', 'DetectMalware', 'DetectIntrusion', 'DetectAnomaly'];
  it('bug 1: DetectIntrusion fails → zero result, IsThreat = false → the threat is silently dropped', () => {
    expect(pathSteps(SPLUNK, 'collected_threat_alerted')).toEqual([
      'CollectSecurityEvents',
      'DetectMalware',
      'DetectIntrusion (failed)',
      'DetectAnomaly',
      'RecordCompliance',
    ]);
  });
  it('bug 2: SendAlert fails (ignored) — an analysed threat is never alerted', () => {
    expect(pathSteps(SPLUNK, 'analysed_threat_alerted')).toEqual([...detect, 'AnalyzeThreats', 'AutoResponse', 'SendAlert (failed)', 'RecordCompliance']);
  });
  it('bug 2: AutoResponse fails (ignored) — a high-severity threat gets no response', () => {
    expect(pathSteps(SPLUNK, 'high_severity_responded')).toEqual([...detect, 'AnalyzeThreats', 'AutoResponse (failed)', 'SendAlert', 'RecordCompliance']);
  });
  it('bug 3: AnalyzeThreats fails → Severity "" → no auto-response for a real high-severity threat', () => {
    expect(pathSteps(SPLUNK, 'detected_threat_responded')).toEqual([...detect, 'AnalyzeThreats (failed)', 'SendAlert', 'RecordCompliance']);
  });
});
