/**
 * The short table the CLI prints first: one aligned row per property with
 * its expected and actual result, so an unexpected result stands out even
 * without colour (a mark in the first column and a note at the end).
 */
import type { CheckReport, PropertyReport } from '../api/checkReport.js';
import { isAsExpected } from '../api/checkReport.js';
import { describeReason, describeStopReason, formatSeconds, groupDigits } from './traceFormat.js';

export interface SummaryOptions {
  /** Colour the marks with ANSI escapes (only for terminals). */
  readonly color?: boolean;
}

type Status = 'ok' | 'unexpected' | 'unknown';

const MARK: Record<Status, string> = { ok: '✓', unexpected: '✗', unknown: '?' };
const ANSI: Record<Status, string> = { ok: '\u001b[32m', unexpected: '\u001b[31;1m', unknown: '\u001b[33m' };
const RESET = '\u001b[0m';

function statusOf(p: PropertyReport): Status {
  if (p.result === 'unknown') return 'unknown';
  return isAsExpected(p) ? 'ok' : 'unexpected';
}

function note(p: PropertyReport, status: Status): string {
  if (status === 'unexpected') return `<-- UNEXPECTED (expected ${p.expected ?? 'holds'})`;
  if (status === 'unknown') return p.reason === undefined ? 'not decided' : `not decided: ${describeReason(p.reason)}`;
  return '';
}

function count(n: number, noun: string): string {
  return `${groupDigits(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** Fingerprint mode is never silent: the mode and the chance that a state was missed. */
export function fingerprintNote(bits: number, missProbability: number): string {
  const p = missProbability === 0 ? '0' : missProbability < 1e-3 ? missProbability.toExponential(1) : missProbability.toPrecision(2);
  return `${bits}-bit fingerprints (a state missed with probability <= ${p})`;
}

function headline(report: CheckReport): string {
  const figures = [
    count(report.states, 'state'),
    count(report.transitions, 'transition'),
    formatSeconds(report.seconds),
  ];
  if (report.fingerprint !== undefined) figures.push(fingerprintNote(report.fingerprint.bits, report.fingerprint.missProbability));
  if (!report.complete) {
    figures.push(report.stopReason === undefined ? 'stopped early' : `stopped early: ${describeStopReason(report.stopReason)}`);
  }
  return `${report.file}: ${report.modelKind} ${report.model} — ${figures.join(', ')}`;
}

function footer(report: CheckReport, statuses: readonly Status[]): string {
  const tally = (s: Status): number => statuses.filter((x) => x === s).length;
  const parts = [`${tally('ok')} of ${statuses.length} as expected`];
  if (tally('unexpected') > 0) parts.push(`${tally('unexpected')} unexpected`);
  if (tally('unknown') > 0) parts.push(`${tally('unknown')} not decided`);
  let text = parts.join(', ');
  if (!report.complete && tally('unknown') > 0) {
    text += '\nThe exploration stopped at a limit; a larger limit may decide the rest.';
  }
  return text;
}

export function formatSummary(report: CheckReport, options: SummaryOptions = {}): string {
  const statuses = report.properties.map(statusOf);
  const head = ['property', 'kind', 'expected', 'result', 'states', 'time', ''];
  const rows = report.properties.map((p, i) => [
    p.name,
    p.kind,
    p.expected ?? 'holds',
    p.result,
    groupDigits(p.states),
    formatSeconds(p.seconds),
    note(p, statuses[i]),
  ]);
  const numeric = [false, false, false, false, true, true, false];
  const widths = head.map((h, c) => rows.reduce((w, r) => Math.max(w, r[c].length), h.length));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();

  const out = [headline(report), `   ${line(head)}`];
  rows.forEach((r, i) => {
    const status = statuses[i];
    const mark = options.color ? `${ANSI[status]}${MARK[status]}${RESET}` : MARK[status];
    out.push(`${mark}  ${line(r)}`);
  });
  if (rows.length === 0) out.push('   (no properties)');
  out.push(footer(report, statuses));
  return out.join('\n') + '\n';
}
