/**
 * The report page's stylesheet, inlined into the page: system fonts only,
 * nothing fetched, readable when printed, wide pictures scroll sideways.
 */
export const REPORT_CSS = `
:root { --ok: #2e7d32; --bad: #c62828; --unknown: #a66a00; --muted: #666; --line: #ddd; --loop: #1565c0; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d1d1d; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 6px; padding-top: 12px; border-top: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 6px; }
h4 { font-size: 14px; margin: 18px 0 6px; }
code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; background: #f3f3f3; border-radius: 3px; padding: 1px 4px; white-space: nowrap; }
code.src { display: block; width: fit-content; margin-top: 2px; white-space: pre-wrap; color: #333; }
.muted, .none { color: var(--muted); }
.figures { color: var(--muted); margin: 0 0 16px; }
.verdict { display: inline-block; padding: 6px 12px; border-radius: 6px; font-weight: 600; margin: 4px 0 8px; }
.verdict.ok { background: #e0f2e9; color: var(--ok); }
.verdict.unexpected { background: #fde0e0; color: var(--bad); }
.verdict.unknown { background: #fff3d6; color: var(--unknown); }
table { border-collapse: collapse; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 5px 10px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; background: #fafafa; border-bottom: 2px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.properties td.formula code { white-space: pre-wrap; }
tr.unexpected td { background: #fff5f5; }
.mark { font-weight: 700; }
.mark.ok { color: var(--ok); }
.mark.unexpected { color: var(--bad); }
.mark.unknown { color: var(--unknown); }
.result { font-weight: 600; }
.result.ok { color: var(--ok); }
.result.unexpected { color: var(--bad); }
.result.unknown { color: var(--unknown); }
.outcome { color: #444; font-style: italic; }
.instance, .loc { color: var(--muted); }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 8px; }
.badge.loop { background: #e3eefc; color: var(--loop); }
.badge.bad { background: #fde0e0; color: var(--bad); }
tr.loop-start td { border-top: 2px solid var(--loop); }
tr.loop-back td { color: var(--loop); font-style: italic; }
tr.fault td { background: #fff5f5; }
table.steps td:last-child code { margin: 0 4px 3px 0; display: inline-block; }
.picture { overflow-x: auto; margin: 8px 0 12px; padding: 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.picture svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
.branch { margin-left: 16px; padding-left: 12px; border-left: 3px solid #e0d0ea; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media print { .picture { overflow: visible; } h2 { break-before: page; } }
`;
