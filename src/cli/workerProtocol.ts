/**
 * What the CLI's main thread and its checking worker say to each other:
 * the worker's output and progress as messages, and a shared flag the
 * main thread raises on Ctrl-C for the worker's exploration to poll.
 */
import type { Progress } from '../explore/exploration.js';

export interface WorkerInput {
  readonly argv: readonly string[];
  readonly cwd: string;
  /** stdout is a terminal that may show colours. */
  readonly isTTY: boolean;
  /** stderr is a terminal: send live figures for the progress line. */
  readonly progress: boolean;
  /** One Int32, set to 1 when the user interrupts. */
  readonly stop: SharedArrayBuffer;
}

export type WorkerMessage =
  | { readonly kind: 'stdout'; readonly text: string }
  | { readonly kind: 'stderr'; readonly text: string }
  | { readonly kind: 'progress'; readonly progress: Progress }
  | { readonly kind: 'done'; readonly code: number };
