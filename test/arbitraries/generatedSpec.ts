/**
 * A generated spec: its DSL text and what kind of model it declares. It
 * prints as the spec text itself, so a failing fast-check run shows a spec
 * that can be pasted into a .wf file.
 */
import fc from 'fast-check';

export interface GeneratedSpec {
  readonly kind: 'net' | 'workflow' | 'system';
  readonly text: string;
}

export function generatedSpec(kind: GeneratedSpec['kind'], text: string): GeneratedSpec {
  return {
    kind,
    text,
    [fc.toStringMethod]: () => `\n----- generated ${kind} spec -----\n${text}\n-----`,
  } as GeneratedSpec;
}

/** Optional `expect …` suffix of a property (the verdicts are compared, not the expectations). */
export const expectation = fc.constantFrom('', '', '', ' expect violated', ' expect holds');
