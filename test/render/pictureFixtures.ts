/**
 * The small specs the picture tests draw (test/fixtures/pictures), loaded
 * once per file through the real front end.
 */
import { loadSpec } from '../../src/api/loadSpec.js';
import type { LoadedSpec } from '../../src/api/loadedSpec.js';

export type PictureFixture = 'tiny-payment' | 'philosophers' | 'weighted' | 'door';

export const fixturePath = (name: PictureFixture): string => `test/fixtures/pictures/${name}.wf`;

export async function loadFixture(name: PictureFixture): Promise<{ spec: LoadedSpec; sources: ReadonlyMap<string, string> }> {
  const spec = await loadSpec(fixturePath(name));
  return { spec, sources: new Map([[spec.file, spec.text]]) };
}
