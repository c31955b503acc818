/**
 * parseFormula(text): a CTL/LTL formula on its own (CLI --formula, the API,
 * the vitest matchers), with the same syntax as in spec files.
 */
import { failed, ok, type Result } from '../diagnostics/diagnostic.js';
import type { FormulaAst } from './ast.js';
import { getFormulaGrammar } from './grammars.js';
import { syntaxDiagnostic } from './syntaxError.js';
import { buildFormulaAst } from './toAst.js';

export function parseFormula(text: string, file = '<formula>'): Result<FormulaAst> {
  const match = getFormulaGrammar().match(text, 'FormulaText');
  if (match.failed()) return failed([syntaxDiagnostic(match, text, file)]);
  const { ast, diagnostics } = buildFormulaAst(match, file);
  return diagnostics.length > 0 ? failed(diagnostics) : ok(ast);
}
