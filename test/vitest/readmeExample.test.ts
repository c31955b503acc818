/**
 * The README's example test, run exactly as written: its imports of
 * 'vitest', 'wfcheck' and 'wfcheck/vitest' are bound to this repository's
 * sources, its body is transpiled (types stripped) and run here, so its
 * describe/it blocks are tests of this file. test/pack runs it again in a
 * fresh project against the packed tarball.
 */
import ts from 'typescript';
import * as vitest from 'vitest';
import * as wfcheck from '../../src/index.js';
import '../../src/vitest.js';
import { readmeExample } from './readmeExample.js';

const modules: Record<string, Record<string, unknown>> = { vitest, wfcheck };
const IMPORT = /^import\s+(?:\{([^}]*)\}\s+from\s+)?'([^']+)';\n/gm;

const example = readmeExample();
const names: string[] = [];
const values: unknown[] = [];
const sideEffects: string[] = [];
for (const m of example.matchAll(IMPORT)) {
  const [, list, source] = m;
  if (list === undefined) {
    sideEffects.push(source);
    continue;
  }
  const module = modules[source];
  if (module === undefined) throw new Error(`the README example imports from '${source}', which this test does not provide`);
  for (const name of list.split(',').map((n) => n.trim()).filter(Boolean)) {
    if (!(name in module)) throw new Error(`'${source}' has no export '${name}' (used by the README example)`);
    names.push(name);
    values.push(module[name]);
  }
}
// The matchers come from importing 'wfcheck/vitest' (done above with the sources).
if (sideEffects.join() !== 'wfcheck/vitest') throw new Error(`the README example should import 'wfcheck/vitest' for its matchers, not ${JSON.stringify(sideEffects)}`);

const body = ts.transpileModule(example.replace(IMPORT, ''), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
// Registers the example's describe/it blocks as tests of this file.
new Function(...names, body)(...values);
