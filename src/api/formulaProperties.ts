/**
 * Formulas given outside the spec (CLI --formula, the API) → property
 * declarations of the model: parsed on their own, so errors point into the
 * formula text, and declared ctl when they use a CTL operator, ltl otherwise.
 */
import { SpecError } from '../diagnostics/diagnostic.js';
import type { FormulaAst, PropertyAst } from '../parse/ast.js';
import { parseFormula } from '../parse/parseFormula.js';

const CTL = new Set(['EX', 'AX', 'EF', 'AF', 'EG', 'AG', 'EU', 'AU', 'EW', 'AW']);

function usesCtl(f: FormulaAst): boolean {
  if (CTL.has(f.kind)) return true;
  if (f.kind === 'atom' || f.kind === 'deadlock') return false;
  if ('arg' in f) return usesCtl(f.arg);
  if ('path' in f) return usesCtl(f.path);
  return usesCtl(f.left) || usesCtl(f.right);
}

export interface FormulaSource {
  readonly name: string;
  readonly text: string;
}

export function formulaProperties(formulas: readonly FormulaSource[], sources: Map<string, string>): PropertyAst[] {
  return formulas.map(({ name, text }) => {
    const file = `<${name}>`;
    sources.set(file, text);
    const parsed = parseFormula(text, file);
    if (!parsed.ok) throw new SpecError(parsed.diagnostics, sources);
    const span = { file, start: 0, end: text.length };
    return { kind: usesCtl(parsed.value) ? 'ctl' : 'ltl', name: { name, span }, formula: parsed.value, span, sourceText: text };
  });
}
