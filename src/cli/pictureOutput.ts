/**
 * Where a picture goes: standard output, or a file written atomically
 * (never the spec file itself), in the format asked for or implied by the
 * file's extension. Shared by `graph`, `net` and `check --report`.
 */
import { isAbsolute, resolve } from 'node:path';
import { error, SpecError } from '../diagnostics/diagnostic.js';
import type { CliIo } from './cliIo.js';
import { describeWriteError, sameFile, writeFileAtomic } from './writeAtomic.js';

export type PictureFormat = 'dot' | 'svg';

export function usageError(message: string): SpecError {
  return new SpecError([error('WF502', message)]);
}

/** Relative paths resolve against io.cwd; unchanged when that is the process's cwd, so messages show what was typed. */
export function specPath(file: string, io: CliIo): string {
  return isAbsolute(file) || io.cwd === process.cwd() ? file : resolve(io.cwd, file);
}

/** `--format` if given, else `svg` for an `--out` ending in .svg, else DOT. */
export function pictureFormat(format: PictureFormat | undefined, out: string | undefined): PictureFormat {
  if (format !== undefined) return format;
  return out !== undefined && /\.svg$/i.test(out) ? 'svg' : 'dot';
}

/** Refuses (usage error) an output path that names the spec file. */
export async function checkOutputPath(option: string, given: string, file: string, io: CliIo): Promise<string> {
  const path = resolve(io.cwd, given);
  if (await sameFile(path, resolve(io.cwd, file))) {
    throw usageError(`${option} ${given} is the spec file itself; refusing to overwrite it`);
  }
  return path;
}

/**
 * Writes `text` to the file (atomically) or, without one, to stdout.
 * Returns false (after saying why on stderr) when the file cannot be written.
 */
export async function emit(text: string, out: { given: string; path: string } | undefined, what: string, io: CliIo): Promise<boolean> {
  if (out === undefined) {
    io.stdout(text);
    return true;
  }
  try {
    await writeFileAtomic(out.path, text);
  } catch (e) {
    io.stderr(`wfcheck: error: cannot write ${out.given}: ${describeWriteError(e)}\n`);
    return false;
  }
  io.stderr(`wfcheck: wrote ${what} to ${out.given}\n`);
  return true;
}
