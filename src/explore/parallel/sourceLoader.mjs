// Module hooks for workers run from the TypeScript sources (tests only):
// an import of x.js that does not exist loads x.ts, transpiled on its own
// by the typescript package (a dev dependency), as vitest would run it.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

let ts;

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (!specifier.endsWith('.js') || !(specifier.startsWith('.') || specifier.startsWith('file:'))) throw e;
    return next(`${specifier.slice(0, -3)}.ts`, context);
  }
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  ts ??= (await import('typescript')).default;
  const file = fileURLToPath(url);
  const text = await readFile(file, 'utf8');
  const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, inlineSourceMap: true };
  const { outputText } = ts.transpileModule(text, { compilerOptions, fileName: file });
  return { format: 'module', source: outputText, shortCircuit: true };
}
