import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWriteError, sameFile, writeFileAtomic } from '../../src/cli/writeAtomic.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wfcheck-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const target = join(dir, 'out.dot');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new ✓');
    expect(readFileSync(target, 'utf8')).toBe('new ✓');
    expect(readdirSync(dir)).toEqual(['out.dot']);
  });

  it('fails without leftovers when the directory does not exist', async () => {
    const target = join(dir, 'missing', 'out.dot');
    const failure = await writeFileAtomic(target, 'x').then(() => undefined, (e: unknown) => e);
    expect(describeWriteError(failure)).toBe('its directory does not exist');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails without leftovers when the target is a directory', async () => {
    const failure = await writeFileAtomic(dir, 'x').then(() => undefined, (e: unknown) => e);
    expect(describeWriteError(failure)).toBe('it is a directory');
    expect(readdirSync(dirname(dir)).filter((n) => n.startsWith(`${basename(dir)}.tmp-`))).toEqual([]);
  });
});

describe('sameFile', () => {
  it('sees through symlinks and accepts files that do not exist yet', async () => {
    const spec = join(dir, 'spec.wf');
    writeFileSync(spec, 'workflow W {}');
    symlinkSync(spec, join(dir, 'link.wf'));
    expect(await sameFile(spec, join(dir, 'link.wf'))).toBe(true);
    expect(await sameFile(spec, join(dir, 'other.wf'))).toBe(false);
    expect(await sameFile(join(dir, 'a'), join(dir, 'a'))).toBe(true);
  });
});
