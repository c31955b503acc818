/**
 * The live progress line on a terminal: states, states/s, queue and the
 * explorer's memory, redrawn in place on stderr. Shown only once a run has
 * lasted about a second, and cleared before anything else is printed, so
 * short runs and captured output never see it.
 */
import type { Progress } from '../explore/exploration.js';
import { groupDigits } from '../render/traceFormat.js';

/** Where main() sends live figures when the output is a terminal (and not --json/--mcc). */
export interface ProgressIo {
  readonly onProgress?: (p: Progress) => void;
}

/** Runs shorter than this show no progress at all. */
export const PROGRESS_DELAY_MS = 1000;
/** At most this often, so a fast explorer does not flood the terminal. */
const REDRAW_MS = 100;

export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  return `${Math.ceil(bytes / 2 ** 10)} KiB`;
}

export function formatProgress(p: Progress): string {
  const rate = p.seconds > 0 ? p.states / p.seconds : 0;
  return (
    `exploring: ${groupDigits(p.states)} states, ${groupDigits(rate)} states/s, ` +
    `queue ${groupDigits(p.queue)}, memory ${formatBytes(p.bytes)}, ${p.seconds.toFixed(0)}s`
  );
}

const CLEAR_LINE = '\r\x1b[K';

export class ProgressLine {
  private drawn = false;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private readonly started: number;

  private readonly width: number;

  /** `columns`: the terminal's width (the line is cut to fit, so it never wraps); unknown or 0 means 80. */
  constructor(
    private readonly write: (text: string) => void,
    columns: number | undefined = undefined,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.width = columns !== undefined && columns > 0 ? columns : 80;
    this.started = now();
  }

  update(p: Progress): void {
    const t = this.now();
    if (t - this.started < PROGRESS_DELAY_MS || t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.drawn = true;
    this.write(`${CLEAR_LINE}${formatProgress(p).slice(0, Math.max(10, this.width - 1))}`);
  }

  /** Erases the line (if shown), before other output or at the end. */
  clear(): void {
    if (!this.drawn) return;
    this.drawn = false;
    this.write(CLEAR_LINE);
  }
}
