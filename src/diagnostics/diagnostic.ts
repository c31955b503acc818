/**
 * Errors are values: a code, a message and (nearly always) a span. Phases
 * collect them and return Result; only the API boundary throws SpecError.
 */
import type { DiagnosticCode, Severity } from './codes.js';
import type { SourceSpan } from './span.js';

export interface RelatedInfo {
  readonly message: string;
  readonly span: SourceSpan;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span?: SourceSpan;
  readonly related?: readonly RelatedInfo[];
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function ok<T>(value: T, warnings: readonly Diagnostic[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function failed<T>(diagnostics: readonly Diagnostic[]): Result<T> {
  return { ok: false, diagnostics };
}

export function error(
  code: DiagnosticCode,
  message: string,
  span?: SourceSpan,
  related?: readonly RelatedInfo[],
): Diagnostic {
  return { code, severity: 'error', message, ...(span ? { span } : {}), ...(related ? { related } : {}) };
}

/** The one exception type user mistakes travel in; the CLI maps it to exit 2. */
export class SpecError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  /** File texts by name, so the printer can show carets without rereading. */
  readonly sources: ReadonlyMap<string, string>;
  constructor(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string> = new Map()) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
    this.name = 'SpecError';
    this.diagnostics = diagnostics;
    this.sources = sources;
  }
}

/** Exhaustiveness guard for discriminated unions. */
export function unreachable(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify(x)}`);
}
