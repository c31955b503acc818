/**
 * The check results as one self-contained HTML page (`check --report`):
 * the spec, a table of properties (expected, result, states, time), and for
 * each violated property its counterexample picture (inline SVG) and step
 * table. Styles are inline and nothing is fetched, so the page works when
 * opened from disk, mailed or archived by CI.
 */
import type { CheckReport, PropertyReport } from '../api/checkReport.js';
import { isAsExpected } from '../api/checkReport.js';
import { escapeHtml, htmlId, inlineSvg } from './html.js';
import { REPORT_CSS } from './htmlStyle.js';
import { counterexampleTable } from './htmlTrace.js';
import { describeReason, describeStopReason, formatSeconds, groupDigits } from './traceFormat.js';

export interface HtmlReportInput {
  readonly report: CheckReport;
  readonly sources: ReadonlyMap<string, string>;
  /** Counterexample pictures (Graphviz SVG documents) by property name. */
  readonly pictures: ReadonlyMap<string, string>;
  /** `wfcheck 0.1.0`, for the footer. */
  readonly generator?: string;
}

type Status = 'ok' | 'unexpected' | 'unknown';

function statusOf(p: PropertyReport): Status {
  if (p.result === 'unknown') return 'unknown';
  return isAsExpected(p) ? 'ok' : 'unexpected';
}

const MARK: Record<Status, string> = { ok: '&#10003;', unexpected: '&#10007;', unknown: '?' };

export const sectionId = (name: string): string => `cex-${htmlId(name)}`;

function count(n: number, noun: string): string {
  return `${groupDigits(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function verdict(report: CheckReport, statuses: readonly Status[]): string {
  const tally = (s: Status): number => statuses.filter((x) => x === s).length;
  const parts = [`${tally('ok')} of ${statuses.length} as expected`];
  if (tally('unexpected') > 0) parts.push(`${tally('unexpected')} unexpected`);
  if (tally('unknown') > 0) parts.push(`${tally('unknown')} not decided`);
  const overall: Status = tally('unexpected') > 0 ? 'unexpected' : tally('unknown') > 0 ? 'unknown' : 'ok';
  const stopped = report.complete ? '' : ` <span class="muted">(exploration stopped early${report.stopReason === undefined ? '' : `: ${escapeHtml(describeStopReason(report.stopReason))}`})</span>`;
  return `<p class="verdict ${overall}">${escapeHtml(parts.join(', '))}</p>${stopped}`;
}

function propertyRow(p: PropertyReport, status: Status): string {
  const name = p.counterexample !== undefined ? `<a href="#${sectionId(p.name)}">${escapeHtml(p.name)}</a>` : escapeHtml(p.name);
  const note =
    status === 'unexpected'
      ? `unexpected (expected ${escapeHtml(p.expected ?? 'holds')})`
      : status === 'unknown' && p.reason !== undefined
        ? escapeHtml(describeReason(p.reason))
        : '';
  return [
    `<tr class="${status}">`,
    `<td class="mark ${status}" title="${status}">${MARK[status]}</td>`,
    `<td>${name}</td>`,
    `<td>${escapeHtml(p.kind)}</td>`,
    `<td class="formula"><code>${escapeHtml(p.formula)}</code></td>`,
    `<td>${escapeHtml(p.expected ?? 'holds')}</td>`,
    // Coloured by whether it was expected: a documented bug showing up is good news.
    `<td class="result ${status}">${escapeHtml(p.result)}</td>`,
    `<td class="num">${groupDigits(p.states)}</td>`,
    `<td class="num">${escapeHtml(formatSeconds(p.seconds))}</td>`,
    `<td>${note}</td>`,
    '</tr>',
  ].join('');
}

function counterexampleSection(p: PropertyReport, index: number, input: HtmlReportInput): string {
  const cex = p.counterexample!;
  const heading = isAsExpected(p) ? 'violated, as expected' : 'VIOLATED, expected to hold';
  const svg = input.pictures.get(p.name);
  const picture = svg === undefined ? '' : `<div class="picture">${inlineSvg(svg, `p${index}-`, `counterexample of ${p.name}`)}</div>`;
  const shape = `${cex.kind}, ${count(cex.steps.length, 'step')}${cex.fault === undefined ? '' : ' + fault'}`;
  return [
    `<section id="${sectionId(p.name)}">`,
    `<h2>${escapeHtml(p.name)}: <span class="${isAsExpected(p) ? 'muted' : 'result unexpected'}">${heading}</span></h2>`,
    `<p>${escapeHtml(cex.summary)} <span class="muted">(${escapeHtml(shape)})</span></p>`,
    picture,
    `<h3>Steps</h3>`,
    counterexampleTable(cex, input.sources),
    '</section>',
  ].join('\n');
}

export function reportToHtml(input: HtmlReportInput): string {
  const { report } = input;
  const statuses = report.properties.map(statusOf);
  const figures = [
    `${report.modelKind} <strong>${escapeHtml(report.model)}</strong>`,
    count(report.states, 'state'),
    count(report.transitions, 'transition'),
    escapeHtml(formatSeconds(report.seconds)),
  ];
  const title = `${report.model}: wfcheck report`;
  const rows = report.properties.map((p, i) => propertyRow(p, statuses[i]));
  const sections = report.properties.flatMap((p, i) => (p.result === 'violated' && p.counterexample !== undefined ? [counterexampleSection(p, i, input)] : []));
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be fetched: the page has to work from disk and offline.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(report.model)}</h1>`,
    `<p class="figures"><code>${escapeHtml(report.file)}</code> &middot; ${figures.join(' &middot; ')}</p>`,
    verdict(report, statuses),
    '</header>',
    '<main>',
    '<table class="properties">',
    '<thead><tr><th></th><th>property</th><th>kind</th><th>formula</th><th>expected</th><th>result</th><th class="num">states</th><th class="num">time</th><th></th></tr></thead>',
    '<tbody>',
    ...(rows.length === 0 ? ['<tr><td></td><td colspan="8" class="muted">no properties</td></tr>'] : rows),
    '</tbody>',
    '</table>',
    ...sections,
    '</main>',
    `<footer>${escapeHtml(input.generator ?? 'wfcheck')} &middot; ${count(sections.length, 'counterexample')}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
