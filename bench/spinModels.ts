/**
 * The models `npm run bench:spin` measures: the larger nets of the MCC
 * conformance set (by default those of 100,000+ states, as listed in its
 * manifest.json) and N concurrent transfer sagas over shared accounts.
 */
import { join } from 'node:path';
import { loadSpec, loadSpecText } from '../src/api/loadSpec.js';
import type { LoadedSpec } from '../src/api/loadedSpec.js';
import { mccDirectory, readManifest } from './mccConformance.js';
import { transferSagaSpec } from './sagaModel.js';

/** How to load a model again in a fresh process: a PNML path or `saga:N`. */
export interface BenchModel {
  readonly name: string;
  readonly source: string;
  /** The oracle's state count where one is known (MCC nets). */
  readonly expectedStates?: number;
}

export const SAGA_SIZES: readonly number[] = [4, 5];

export function benchModels(minStates: number, only?: RegExp): BenchModel[] {
  const dir = mccDirectory();
  const nets = (readManifest(dir)?.models ?? [])
    .filter((m) => m.states >= minStates)
    .sort((a, b) => a.states - b.states)
    .map((m) => ({ name: m.name, source: join(dir, m.pnml), expectedStates: m.states }));
  const sagas = SAGA_SIZES.map((n) => ({ name: `transfer-saga-x${n}`, source: `saga:${n}` }));
  return [...nets, ...sagas].filter((m) => only === undefined || only.test(m.name));
}

export async function loadBenchModel(source: string): Promise<LoadedSpec> {
  const saga = /^saga:(\d+)$/.exec(source);
  return saga === null ? loadSpec(source) : loadSpecText(transferSagaSpec(Number(saga[1])), `transfer-saga-${saga[1]}.wf`);
}
