/**
 * Golden-file check: compare text with a committed file under test/golden/.
 * `UPDATE_GOLDEN=1 npx vitest run …` rewrites the files (review the diff!);
 * a missing file is a failure, never silently created.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_ROOT = dirname(fileURLToPath(import.meta.url));

/** `relPath` is relative to test/golden, e.g. `dot/pathTrace.dot`. */
export function expectGolden(relPath: string, text: string): void {
  const path = join(GOLDEN_ROOT, relPath);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, 'utf8');
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`golden file test/golden/${relPath} is missing; create it with UPDATE_GOLDEN=1 and review it`);
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
}
