/**
 * How an exploring worker thread rebuilds one widening round's system (see
 * exploreWidening.ts): the net read again with the round's place
 * capacities, compiled, and wrapped to raise the shared flag at an overflow
 * that widening can cure, as the main thread's copy does.
 */
import { compileModel } from '../compile/compileModel.js';
import { readPnml } from '../pnml/readPnml.js';
import type { TransitionSystem } from '../system/transitionSystem.js';
import { OverflowWatch } from './exploreWidening.js';

export interface WidenedNet {
  readonly text: string;
  readonly file: string;
  /** Per place (slot) index. */
  readonly capacities: readonly number[];
  readonly flag: SharedArrayBuffer;
}

export function buildSystem(arg: WidenedNet): TransitionSystem {
  const net = readPnml(arg.text, arg.file, { capacity: (i) => arg.capacities[i] });
  return new OverflowWatch(compileModel(net.model), net.model, arg.capacities, new Int32Array(arg.flag));
}
