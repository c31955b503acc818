/**
 * `wfcheck check <folder>`: every .wf spec below the folder, in path order,
 * each checked as `wfcheck check <spec>` would, summarised in one table
 * (or one JSON object with a report per spec). Exit 0 only when every
 * result is as expected.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CheckOptions } from '../../api/loadedSpec.js';
import { formatDiagnostics } from '../../diagnostics/codeFrame.js';
import { SpecError } from '../../diagnostics/diagnostic.js';
import { formatFolderSummary, type FolderEntry } from '../../render/folderSummary.js';
import { reportToJson } from '../../render/jsonReport.js';
import { formatTrace } from '../../render/textTrace.js';
import { isAsExpected } from '../../api/checkReport.js';
import type { CheckPipeline } from '../checkPipeline.js';
import type { CliIo } from '../cliIo.js';
import { ExitCode, exitCodeForReport } from '../exitCodes.js';

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function specsBelow(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const p = join(dir, name);
    if (await isDirectory(p)) out.push(...(await specsBelow(p)));
    else if (name.endsWith('.wf')) out.push(p);
  }
  return out;
}

export async function runCheckFolder(dir: string, options: CheckOptions & { json?: boolean }, io: CliIo, pipeline: CheckPipeline): Promise<ExitCode> {
  const files = await specsBelow(dir);
  const entries: FolderEntry[] = [];
  const jsonReports: unknown[] = [];
  const traces: string[] = [];
  let code: ExitCode = ExitCode.ok;
  const worse = (c: ExitCode) => {
    const rank = (x: ExitCode) => (x === ExitCode.unexpected || x === ExitCode.interrupted ? 3 : x === ExitCode.usage ? 2 : x === ExitCode.inconclusive ? 1 : 0);
    if (rank(c) > rank(code)) code = c;
  };
  for (const file of files) {
    const shown = relative(dir, file);
    try {
      const checked = await pipeline(file, options);
      const sources = new Map([[checked.file, checked.text]]);
      entries.push({ file: shown, report: checked.report });
      if (options.json) jsonReports.push(reportToJson(checked.report, sources));
      for (const p of checked.report.properties) {
        if (p.result === 'violated' && !isAsExpected(p) && p.counterexample) traces.push(`\n--- ${shown}: ${p.name}: VIOLATED (expected to hold) ---\n${formatTrace(p.counterexample, sources)}`);
      }
      worse(exitCodeForReport(checked.report));
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      entries.push({ file: shown, error: e.message });
      io.stderr(`${formatDiagnostics(e.diagnostics, e.sources)}\n`);
      worse(ExitCode.usage);
    }
  }
  if (options.json) {
    io.stdout(`${JSON.stringify({ folder: dir, specs: jsonReports }, null, 2)}\n`);
  } else {
    io.stdout(formatFolderSummary(entries));
    for (const t of traces) io.stdout(t);
  }
  return code;
}
