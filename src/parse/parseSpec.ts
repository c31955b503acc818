/**
 * parseSpec(text, file): the only entry to the DSL parser. Syntax errors
 * come back as located diagnostics, never as exceptions.
 */
import { failed, ok, type Result } from '../diagnostics/diagnostic.js';
import type { SpecAst } from './ast.js';
import { getWorkflowGrammar } from './grammars.js';
import { syntaxDiagnostic } from './syntaxError.js';
import { buildAst } from './toAst.js';

export function parseSpec(text: string, file: string): Result<SpecAst> {
  const match = getWorkflowGrammar().match(text, 'Spec');
  if (match.failed()) return failed([syntaxDiagnostic(match, text, file)]);
  const { ast, diagnostics } = buildAst(match, file);
  return diagnostics.length > 0 ? failed(diagnostics) : ok(ast);
}
