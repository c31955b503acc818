/**
 * Spec text or file → LoadedSpec (parsed, elaborated, compiled). User
 * mistakes throw SpecError with every diagnostic found, never anything else.
 */
import { readFile } from 'node:fs/promises';
import { SpecError, error } from '../diagnostics/diagnostic.js';
import { compileModel } from '../compile/compileModel.js';
import { elaborate } from '../elaborate/elaborate.js';
import { parseSpec } from '../parse/parseSpec.js';
import type { LoadedSpec } from './loadedSpec.js';

export function loadSpecText(text: string, file = '<input>'): LoadedSpec {
  const sources = new Map([[file, text]]);
  const parsed = parseSpec(text, file);
  if (!parsed.ok) throw new SpecError(parsed.diagnostics, sources);
  const model = elaborate(parsed.value, text);
  if (!model.ok) throw new SpecError(model.diagnostics, sources);
  return { file, text, model: model.value, system: compileModel(model.value) };
}

export async function loadSpec(path: string): Promise<LoadedSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new SpecError([error('WF501', `cannot read '${path}': ${why}`)]);
  }
  return loadSpecText(text, path);
}
