/**
 * The README's example test (section "Using wfcheck in tests"), as text:
 * run in this repository by readmeExample.test.ts and in a fresh project
 * against the packed tarball by test/pack.
 */
import { readFileSync } from 'node:fs';

/** The ```ts block of "Using wfcheck in tests" that starts with `// transfer.test.ts`. */
export function readmeExample(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const example = /```ts\n(\/\/ transfer\.test\.ts\n[\s\S]*?)```/.exec(readme)?.[1];
  if (example === undefined) throw new Error('README.md has no ```ts block starting with // transfer.test.ts');
  return example;
}
