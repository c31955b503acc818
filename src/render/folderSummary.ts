/**
 * One table for a whole folder of specs: flow, property, expected, result,
 * states, seconds — the view `npm start` gives of the flow library — and a
 * closing count. Unexpected results are marked so they stand out.
 */
import { isAsExpected, type CheckReport } from '../api/checkReport.js';
import { fingerprintNote } from './summaryTable.js';
import { formatSeconds, groupDigits } from './traceFormat.js';

export interface FolderEntry {
  /** Path shown for the spec (relative to the folder given). */
  readonly file: string;
  readonly report?: CheckReport;
  /** Set when the spec did not load (syntax or elaboration errors). */
  readonly error?: string;
}

function pad(cells: readonly string[], widths: readonly number[], right: ReadonlySet<number>): string {
  return cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
}

export function formatFolderSummary(entries: readonly FolderEntry[]): string {
  const rows: string[][] = [];
  let asExpected = 0;
  let unexpected = 0;
  let undecided = 0;
  let broken = 0;
  for (const e of entries) {
    const flow = e.file.replace(/\.wf$/, '');
    if (!e.report) {
      broken++;
      rows.push(['!', flow, '(does not load)', '', 'error', '', '']);
      continue;
    }
    for (const p of e.report.properties) {
      const ok = isAsExpected(p);
      if (p.result === 'unknown') undecided++;
      else if (ok) asExpected++;
      else unexpected++;
      const mark = p.result === 'unknown' ? '?' : ok ? '✓' : '✗';
      rows.push([mark, flow, p.name, p.expected ?? 'holds', p.result, groupDigits(p.states), formatSeconds(p.seconds)]);
    }
  }
  const header = ['', 'flow', 'property', 'expected', 'result', 'states', 'time'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
  const right = new Set([5, 6]);
  const lines = [pad(header, widths, right), ...rows.map((r) => pad(r, widths, right))];
  const total = asExpected + unexpected + undecided;
  const parts = [`${entries.length} specs, ${asExpected} of ${total} results as expected`];
  if (unexpected > 0) parts.push(`${unexpected} unexpected`);
  if (undecided > 0) parts.push(`${undecided} not decided`);
  if (broken > 0) parts.push(`${broken} specs do not load`);
  // Fingerprint mode: the largest chance over the folder that some spec missed a state.
  const fingerprinted = entries.flatMap((e) => (e.report?.fingerprint !== undefined ? [e.report.fingerprint] : []));
  if (fingerprinted.length > 0) {
    parts.push(fingerprintNote(fingerprinted[0].bits, Math.max(...fingerprinted.map((f) => f.missProbability))));
  }
  return `${lines.join('\n')}\n${parts.join(', ')}\n`;
}
