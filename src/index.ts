/**
 * wfcheck's public API: load a spec, check it, render what it found.
 * An explicit list; everything else is internal.
 */
export { loadSpec, parseSpec, toLoadedModel } from './api/loadedModel.js';
export type { LoadedModel } from './api/loadedModel.js';
export { loadSpecText } from './api/loadSpec.js';
export type { LoadOptions } from './api/loadSpec.js';
export { checkSpec, RANGE_PROPERTY } from './api/checkSpec.js';
export type { CheckSpecOptions } from './api/checkSpec.js';
export { checkProperty, checkFormulaText } from './api/checkModel.js';
export type { ModelCheckOptions } from './api/checkModel.js';
export { checkConservation, conservationFormula } from './api/conservation.js';
export type { CheckResult, CheckStats } from './api/checkResult.js';
export { isAsExpected } from './api/checkReport.js';
export type { CheckReport, PropertyReport, PropertyResult } from './api/checkReport.js';
export type { CheckOptions, LoadedSpec } from './api/loadedSpec.js';
export { SpecError } from './diagnostics/diagnostic.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export type { DiagnosticCode } from './diagnostics/codes.js';
export type { SourceSpan } from './diagnostics/span.js';
export { formatDiagnostic, formatDiagnostics } from './diagnostics/codeFrame.js';
export type { Counterexample, TraceStep, TraceState } from './counterexample/counterexample.js';
export { formatTrace } from './render/textTrace.js';
export { counterexampleToDot } from './render/counterexampleDot.js';
export { dotToSvg } from './render/svg.js';
export { reportToJson } from './render/jsonReport.js';
export type { TransitionSystem, TransitionInfo, AtomId, TransitionId } from './system/transitionSystem.js';
export type { StateView, ValueChange, DisplayValue } from './system/stateView.js';
export { explore } from './explore/explore.js';
export type { Exploration, ExploreOptions, Progress } from './explore/exploration.js';
export type { StopReason } from './explore/limits.js';
