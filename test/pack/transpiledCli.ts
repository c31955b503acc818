/**
 * A runnable copy of the CLI built from the current sources, for tests that
 * spawn `bin/wfcheck.js` as a real process (signals, exit codes, TTY-less
 * output): every src/ file transpiled on its own (no type check, so it
 * takes a second, not a full `tsc` build), laid out as the package is.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Builds the copy in a fresh temporary directory and returns the path of its bin/wfcheck.js. */
export function transpiledCli(): { root: string; bin: string } {
  const root = mkdtempSync(join(tmpdir(), 'wfcheck-cli-'));
  const options: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false };
  for (const file of sources(join(ROOT, 'src'))) {
    const out = join(root, 'dist', relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file }).outputText);
  }
  cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'grammar'), join(root, 'grammar'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, bin: join(root, 'bin', 'wfcheck.js') };
}
