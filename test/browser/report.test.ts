/**
 * The HTML report in a real browser: `check --report` on the Coinbase spec,
 * opened from disk in headless Debian chromium (through playwright-core).
 * The property table and the counterexample pictures must be rendered,
 * nothing may be fetched from the network, and a screenshot is saved to
 * test-output/report.png for people to look at. Without /usr/bin/chromium
 * this test fails and says how to install it, rather than passing silently.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../cli/memoryIo.js';

const CHROMIUM = '/usr/bin/chromium';
const SPEC = 'specs/payments/coinbase-crosschain-transfer.wf';
const SCREENSHOT = 'test-output/report.png';
// The flags a container without a user session or GPU needs, and no background traffic.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

interface Rendered {
  readonly rows: string[][];
  readonly pictures: { width: number; height: number; nodes: number }[];
  readonly stepRows: number;
  readonly title: string;
}

describe('the HTML report in headless chromium', () => {
  it('shows the property table and the counterexample pictures, fetching nothing', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does this in CI) to run the browser test`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'wfcheck-report-'));
    const file = join(dir, 'report.html');
    const m = memoryIo();
    const code = await main(['check', SPEC, '--report', file], m.io);
    expect(m.stderr()).toContain(`wrote the report to ${file}`);
    expect(code).toBe(0);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 20_000 });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const fetched: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) fetched.push(r.url());
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(msg.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      // Locators, not page.evaluate: the test compiles without the DOM type library.
      const rowLocators = await page.locator('table.properties tbody tr').all();
      const rows = await Promise.all(rowLocators.map((tr) => tr.locator('td').allTextContents()));
      const svgs = await page.locator('.picture svg').all();
      const pictures = await Promise.all(
        svgs.map(async (svg) => {
          const box = await svg.boundingBox();
          return { width: box?.width ?? 0, height: box?.height ?? 0, nodes: await svg.locator('g.node').count() };
        }),
      );
      const rendered: Rendered = {
        rows: rows.map((r) => r.map((cell) => cell.trim())),
        pictures,
        stepRows: await page.locator('table.steps tbody tr').count(),
        title: await page.title(),
      };

      expect(rendered.title).toBe('CrossChainTransfer: wfcheck report');
      const byName = new Map(rendered.rows.map((r) => [r[1], r]));
      expect(byName.get('conservation')?.slice(4, 6)).toEqual(['violated', 'violated']);
      expect(byName.get('in_range')?.slice(4, 6)).toEqual(['holds', 'holds']);
      expect(rendered.rows.every((r) => r[0] === '\u2713')).toBe(true);
      const violated = rendered.rows.filter((r) => r[5] === 'violated').length;
      expect(violated).toBeGreaterThan(0);
      expect(rendered.pictures).toHaveLength(violated);
      for (const p of rendered.pictures) {
        expect(p.width).toBeGreaterThan(100);
        expect(p.height).toBeGreaterThan(100);
        expect(p.nodes).toBeGreaterThan(1);
      }
      expect(rendered.stepRows).toBeGreaterThan(violated);
      expect(fetched).toEqual([]);
      expect(problems).toEqual([]);

      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(existsSync(SCREENSHOT)).toBe(true);
    } finally {
      await browser.close();
    }
  }, 30_000);
});
