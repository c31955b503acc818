/**
 * The CLI's exit codes (DESIGN.md §6, plus 4 and 130) and the rule that
 * turns a CheckReport into one, so scripts and CI can act on the result.
 */
import type { CheckReport } from '../api/checkReport.js';
import { isAsExpected } from '../api/checkReport.js';

export const ExitCode = {
  /** Every property holds, or is violated where the spec says `expect violated`. */
  ok: 0,
  /** A property is violated unexpectedly, or holds where `expect violated` was declared. */
  unexpected: 1,
  /** Bad input or usage: spec errors (diagnostics), unreadable files, bad options. */
  usage: 2,
  /** A limit was reached (states, time, memory) before every result was decided. */
  inconclusive: 3,
  /** A bug in wfcheck itself ("internal error, please report"); never a user mistake. */
  internal: 4,
  /** Stopped by the user (Ctrl-C) before every result was decided: 128 + SIGINT. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A decided unexpected result wins over undecided ones (it is a definite
 * finding); otherwise any undecided result makes the run inconclusive.
 */
export function exitCodeForReport(report: CheckReport): ExitCode {
  const decided = report.properties.filter((p) => p.result !== 'unknown');
  if (decided.some((p) => !isAsExpected(p))) return ExitCode.unexpected;
  const undecided = report.properties.filter((p) => p.result === 'unknown');
  if (undecided.length === 0) return ExitCode.ok;
  const interrupted = report.stopReason === 'interrupted' || undecided.some((p) => p.reason === 'interrupted');
  return interrupted ? ExitCode.interrupted : ExitCode.inconclusive;
}
