/**
 * Turns a failed ohm match into our Diagnostic: the rightmost failure
 * position and what was expected there, pointing at the offending token.
 */
import type { FailedMatchResult } from 'ohm-js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';

function tokenEnd(text: string, start: number): number {
  if (start >= text.length) return start;
  const rest = text.slice(start);
  const m = /^[\p{L}\p{N}_]+/u.exec(rest);
  if (m) return start + m[0].length;
  return start + [...rest][0].length;
}

export function syntaxDiagnostic(result: FailedMatchResult, text: string, file: string): Diagnostic {
  const pos = result.getRightmostFailurePosition();
  const expected = result.getExpectedText();
  const found = pos >= text.length ? 'end of file' : JSON.stringify(text.slice(pos, tokenEnd(text, pos)));
  return error('WF101', `syntax error: expected ${expected}, found ${found}`, { file, start: pos, end: tokenEnd(text, pos) });
}
