/**
 * The real CheckPipeline: loadSpec then checkSpec from src/api. Kept in its
 * own module so main() imports the whole checker only when it checks.
 */
import { checkSpec } from '../api/checkSpec.js';
import { loadSpec } from '../api/loadSpec.js';
import type { CheckPipeline } from './checkPipeline.js';

export const apiPipeline: CheckPipeline = async (path, options) => {
  const spec = await loadSpec(path, options.formulas ? { formulas: options.formulas } : {});
  return { file: spec.file, text: spec.text, report: checkSpec(spec, options) };
};
