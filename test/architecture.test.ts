/**
 * The layering rules of STYLE.md, checked by reading import lines: the
 * exploration core and the logic see models only through system/, and
 * every folder imports only what its row allows. Also: no source file
 * grows past 500 lines.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Folder (first path segment under src/) each file imports from. */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"](\.[^'"]+)['"]/gm)) {
    const target = relative(SRC, resolve(dirname(file), m[1]));
    if (target.startsWith('..')) continue;
    out.push(target.includes('/') ? target.split('/')[0] : target.replace(/\.js$/, ''));
  }
  return out;
}

// STYLE.md "Who may import whom" (diagnostics/ is a leaf shared by all), with the edges this codebase needs and why:
// render reads the CheckReport type it renders (api/checkReport is a leaf type module);
// api/checkSpec uses elaborate/scope's name suggestion for WF401 hints.
const allowed: Record<string, string[]> = {
  diagnostics: [],
  system: ['diagnostics'],
  parse: ['diagnostics'],
  model: ['diagnostics'],
  elaborate: ['parse', 'model', 'diagnostics'],
  compile: ['model', 'system'],
  explore: ['system', 'diagnostics'],
  pnml: ['model', 'diagnostics'],
  // MCC property files compile their atoms into the system and build logic formulas.
  // It also produces PropertyReports for the PNML check (api/checkReport and api/loadedSpec are type-only leaves).
  mcc: ['model', 'diagnostics', 'logic', 'compile', 'system', 'explore', 'pnml', 'counterexample', 'api'],
  logic: ['system', 'explore', 'parse', 'diagnostics'],
  counterexample: ['system', 'explore', 'logic', 'diagnostics'],
  render: ['counterexample', 'model', 'explore', 'system', 'diagnostics', 'api'],
  api: ['diagnostics', 'system', 'parse', 'elaborate', 'model', 'compile', 'explore', 'logic', 'counterexample', 'render', 'pnml', 'mcc'],
  cli: ['api', 'render', 'diagnostics', 'explore', 'export'],
  export: ['model', 'diagnostics', 'api', 'compile', 'system'],
  index: ['api', 'diagnostics', 'system', 'counterexample', 'render', 'explore', 'model'],
  vitest: ['api', 'render', 'diagnostics', 'logic', 'counterexample'],
};

describe('architecture', () => {
  const all = files(SRC);

  it('folders import only what STYLE.md allows', () => {
    const violations: string[] = [];
    for (const f of all) {
      const rel = relative(SRC, f);
      const folder = rel.includes('/') ? rel.split('/')[0] : rel.replace(/\.ts$/, '');
      const ok = allowed[folder];
      expect(ok, `no layering rule for src/${folder}`).toBeDefined();
      for (const target of importedFolders(f)) {
        if (target !== folder && !ok.includes(target)) violations.push(`src/${rel} imports src/${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('explore/ and logic/ never import a front end', () => {
    for (const f of all.filter((f) => /src\/(explore|logic)\//.test(f))) {
      expect(importedFolders(f).filter((t) => ['model', 'parse', 'compile', 'elaborate', 'pnml'].includes(t)), f).toEqual([]);
    }
  });

  it('no source file is longer than 500 lines', () => {
    const long = all.filter((f) => readFileSync(f, 'utf8').split('\n').length > 500).map((f) => relative(SRC, f));
    expect(long).toEqual([]);
  });

  it('ohm-js is imported only by parse/', () => {
    const users = all.filter((f) => /from ['"]ohm-js['"]/.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f).split('/')[0]);
    expect([...new Set(users)]).toEqual(['parse']);
  });
});
