/**
 * The one seam between the CLI and the checking API: load a spec and check
 * it. main() loads the real pipeline lazily (so `--help` stays fast) and
 * tests can pass a fake that returns a hand-made report.
 */
import type { CheckReport } from '../api/checkReport.js';
import type { CheckOptions } from '../api/loadedSpec.js';

export interface CheckedSpec {
  /** The spec's file name as spans refer to it. */
  readonly file: string;
  /** The spec text, for locations in traces. */
  readonly text: string;
  readonly report: CheckReport;
}

/** Throws SpecError for user mistakes (unreadable file, syntax, names, unknown property). */
export type CheckPipeline = (path: string, options: CheckOptions) => Promise<CheckedSpec>;
