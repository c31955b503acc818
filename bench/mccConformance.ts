/**
 * Runs one net of the MCC conformance set (../shared/conformance/mcc) through
 * the public checking API and compares every figure and formula answer with
 * the MCC's oracle. Shared by the conformance test (small nets) and
 * `npm run conformance` (all nets, with a table).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CheckReport } from '../src/api/checkReport.js';
import { checkSpec } from '../src/api/checkSpec.js';
import { loadSpecText } from '../src/api/loadSpec.js';

export interface ManifestFormulas {
  readonly category: string;
  readonly file: string;
  readonly ids: readonly string[];
  readonly expected: readonly (boolean | number | null)[];
}

export interface ManifestModel {
  readonly name: string;
  readonly pnml: string;
  readonly states: number;
  readonly transitions: number;
  readonly maxTokenInPlace: number;
  readonly maxTokenPerMarking: number;
  readonly deadlock: boolean;
  readonly formulas: readonly ManifestFormulas[];
}

export interface Manifest {
  readonly count: number;
  readonly models: readonly ManifestModel[];
}

/** Where the set lives: $WFCHECK_MCC_DIR, else ../shared/conformance/mcc beside the repository. */
export function mccDirectory(): string {
  return resolve(process.env.WFCHECK_MCC_DIR ?? join('..', 'shared', 'conformance', 'mcc'));
}

export function readManifest(dir = mccDirectory()): Manifest | undefined {
  const file = join(dir, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined;
}

export interface Mismatch {
  readonly what: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface NetResult {
  readonly name: string;
  readonly states: number;
  readonly edges: number;
  /** Seconds of the figures run (one exploration). */
  readonly seconds: number;
  /** Seconds for everything: figures and every formula file. */
  readonly totalSeconds: number;
  readonly figuresOk: boolean;
  /** Answers compared (oracle not null) and how many matched. */
  readonly formulas: { readonly ok: number; readonly total: number; readonly undecided: number };
  readonly mismatches: readonly Mismatch[];
}

/** `EF deadlock` as an MCC property file: one run gives the figures and the MCC's deadlock answer. */
const DEADLOCK_QUERY = `<?xml version="1.0"?>
<property-set xmlns="http://mcc.lip6.fr/">
  <property><id>deadlock-ReachabilityDeadlock</id><formula><exists-path><finally><deadlock/></finally></exists-path></formula></property>
</property-set>
`;

function answerOf(report: CheckReport, id: string): boolean | number | undefined {
  const p = report.properties.find((q) => q.name === id);
  if (p === undefined || p.result === 'unknown') return undefined;
  if (p.bound !== undefined) return p.bound;
  return p.result === 'holds';
}

export interface RunOptions {
  /** Categories to check (default: all in the manifest entry). */
  readonly categories?: (category: string) => boolean;
}

export function runNet(model: ManifestModel, dir = mccDirectory(), options: RunOptions = {}): NetResult {
  const path = join(dir, model.pnml);
  const spec = loadSpecText(readFileSync(path, 'utf8'), path);
  const mismatches: Mismatch[] = [];
  const started = performance.now();
  const figures = checkSpec(spec, { mccFormulas: { file: 'deadlock.xml', text: DEADLOCK_QUERY } });
  const seconds = (performance.now() - started) / 1000;
  const compare = (what: string, expected: unknown, actual: unknown) => {
    if (expected !== actual) mismatches.push({ what, expected, actual });
  };
  compare('states', model.states, figures.states);
  compare('transitions', model.transitions, figures.transitions);
  compare('maxTokenInPlace', model.maxTokenInPlace, figures.maxTokensInPlace);
  compare('maxTokenPerMarking', model.maxTokenPerMarking, figures.maxTokensPerMarking);
  compare('deadlock', model.deadlock, answerOf(figures, 'deadlock-ReachabilityDeadlock'));
  const figuresOk = mismatches.length === 0;
  let ok = 0;
  let total = 0;
  let undecided = 0;
  for (const f of model.formulas) {
    if (options.categories && !options.categories(f.category)) continue;
    const file = join(dir, f.file);
    const report = checkSpec(spec, { mccFormulas: { file, text: readFileSync(file, 'utf8') } });
    f.ids.forEach((id, i) => {
      const expected = f.expected[i];
      if (expected === null) return;
      total++;
      const actual = answerOf(report, id);
      if (actual === undefined) undecided++;
      if (actual === expected) ok++;
      else mismatches.push({ what: `${f.category} ${id}`, expected, actual: actual ?? 'undecided' });
    });
  }
  const totalSeconds = (performance.now() - started) / 1000;
  return { name: model.name, states: figures.states, edges: figures.transitions, seconds, totalSeconds, figuresOk, formulas: { ok, total, undecided }, mismatches };
}
