/**
 * `check --report FILE.html`: after checking, write the results as one
 * self-contained HTML page with a picture (one SVG rendering each) and a
 * step table for every violated property.
 */
import type { CheckedSpec } from '../checkPipeline.js';
import type { CliIo } from '../cliIo.js';
import { counterexampleToDot } from '../../render/counterexampleDot.js';
import { reportToHtml } from '../../render/htmlReport.js';
import { dotToSvg } from '../../render/svg.js';
import { emit } from '../pictureOutput.js';
import { packageVersion } from '../version.js';

/** Writes the page to `out`; false (after saying why on stderr) when it cannot be written. */
export async function writeHtmlReport(checked: CheckedSpec, out: { given: string; path: string }, io: CliIo): Promise<boolean> {
  const sources = new Map([[checked.file, checked.text]]);
  const pictures = new Map<string, string>();
  for (const p of checked.report.properties) {
    if (p.result !== 'violated' || p.counterexample === undefined) continue;
    pictures.set(p.name, await dotToSvg(counterexampleToDot(p.counterexample, sources)));
  }
  const html = reportToHtml({ report: checked.report, sources, pictures, generator: `wfcheck ${packageVersion()}` });
  return emit(html, out, 'the report', io);
}
