/**
 * Spec text or file → LoadedSpec (parsed, elaborated, compiled). User
 * mistakes throw SpecError with every diagnostic found, never anything else.
 */
import { readFile } from 'node:fs/promises';
import { SpecError, error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compileModel } from '../compile/compileModel.js';
import { elaborate } from '../elaborate/elaborate.js';
import { parseSpec } from '../parse/parseSpec.js';
import { isPnmlSource, readPnml } from '../pnml/readPnml.js';
import { formulaProperties, type FormulaSource } from './formulaProperties.js';
import type { LoadedSpec } from './loadedSpec.js';

/** Diagnostics in the order they appear in the text (elaboration visits declarations out of order). */
function inSourceOrder(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => (a.span?.file ?? '').localeCompare(b.span?.file ?? '') || (a.span?.start ?? 0) - (b.span?.start ?? 0));
}

export interface LoadOptions {
  /** Extra properties given as formula text (named `formula1`, … unless named). */
  readonly formulas?: readonly (string | FormulaSource)[];
}

/** Where brackets and braces nest deepest: the place to point at when nesting overflows the stack. */
function deepestNesting(text: string): { start: number; end: number } {
  let depth = 0;
  let best = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') {
      depth++;
      if (depth > best) {
        best = depth;
        at = i;
      }
    } else if (c === ')' || c === '}' || c === ']') depth--;
  }
  return { start: at, end: at + 1 };
}

/**
 * The parser and elaborator recurse over the spec's nesting; nesting
 * hundreds of levels deep (only generated text does) overflows the stack.
 * That is reported as a located diagnostic, not an exception.
 */
export function loadSpecText(text: string, file = '<input>', options: LoadOptions = {}): LoadedSpec {
  try {
    return loadSpecTextUnguarded(text, file, options);
  } catch (e) {
    if (!(e instanceof RangeError) || !/call stack/i.test(e.message)) throw e;
    const span = { file, ...deepestNesting(text) };
    throw new SpecError([error('WF301', 'the spec nests too deeply for wfcheck (expressions or blocks nested hundreds of levels); flatten it', span)], new Map([[file, text]]));
  }
}

function loadSpecTextUnguarded(text: string, file: string, options: LoadOptions): LoadedSpec {
  if (isPnmlSource(file, text)) {
    const net = readPnml(text, file);
    return { file, text, model: net.model, system: compileModel(net.model) };
  }
  const sources = new Map([[file, text]]);
  const parsed = parseSpec(text, file);
  if (!parsed.ok) throw new SpecError(parsed.diagnostics, sources);
  const named = (options.formulas ?? []).map((f, i) => (typeof f === 'string' ? { name: `formula${i + 1}`, text: f } : f));
  const extra = formulaProperties(named, sources);
  const model = elaborate(parsed.value, text, extra);
  if (!model.ok) throw new SpecError(inSourceOrder(model.diagnostics), sources);
  return { file, text, model: model.value, system: compileModel(model.value) };
}

export async function loadSpec(path: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new SpecError([error('WF501', `cannot read '${path}': ${why}`)]);
  }
  return loadSpecText(text, path, options);
}
