/**
 * Test doubles for the CLI: an in-memory CliIo that records stdout and
 * stderr, and a fake CheckPipeline that returns a given report (or throws)
 * and remembers how it was called.
 */
import type { CheckReport } from '../../src/api/checkReport.js';
import type { CheckOptions } from '../../src/api/loadedSpec.js';
import type { CheckPipeline } from '../../src/cli/checkPipeline.js';
import type { CliIo } from '../../src/cli/cliIo.js';
import { SPEC_FILE, SPEC_TEXT } from '../render/sampleTraces.js';

export interface MemoryIo {
  readonly io: CliIo;
  stdout(): string;
  stderr(): string;
}

export function memoryIo(cwd: string = process.cwd(), isTTY = false): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd, isTTY },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

export interface FakePipeline {
  readonly pipeline: CheckPipeline;
  readonly calls: Array<{ path: string; options: CheckOptions }>;
}

export function fakePipeline(result: CheckReport | Error): FakePipeline {
  const calls: Array<{ path: string; options: CheckOptions }> = [];
  const pipeline: CheckPipeline = async (path, options) => {
    calls.push({ path, options });
    if (result instanceof Error) throw result;
    return { file: SPEC_FILE, text: SPEC_TEXT, report: result };
  };
  return { pipeline, calls };
}
