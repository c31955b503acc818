/**
 * How exploring worker threads rebuild a spec's TransitionSystem (see
 * explore/parallel): from its text and file name, compiled again. The
 * compiled model is deterministic, so transition ids and layout agree
 * with the main thread's (the workers check a fingerprint).
 */
import type { SystemSource } from '../explore/parallel/workerProtocol.js';
import type { TransitionSystem } from '../system/transitionSystem.js';
import type { LoadedSpec } from './loadedSpec.js';
import { loadSpecText } from './loadSpec.js';

interface SpecText {
  readonly text: string;
  readonly file: string;
}

/** Called in each worker with the `arg` of specSource(). */
export function buildSystem(arg: SpecText): TransitionSystem {
  return loadSpecText(arg.text, arg.file).system;
}

/** Where workers get the spec's system: extra formulas only add atoms, which workers do not evaluate. */
export function specSource(spec: LoadedSpec): SystemSource {
  const arg: SpecText = { text: spec.text, file: spec.file };
  return { module: new URL('./workerSystem.js', import.meta.url).href, arg };
}
