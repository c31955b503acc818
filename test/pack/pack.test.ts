/**
 * The package as users get it: `npm pack` (which builds) gives a tarball of
 * compiled JavaScript, declarations and grammars; installed into an empty
 * project it runs `npx wfcheck check`, `import { loadSpec } from 'wfcheck'`
 * and the README's example test through `import 'wfcheck/vitest'`, and its
 * types check. The packing happens in a copy of the sources, so the working
 * tree (and its dist/) is left alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readmeExample } from '../vitest/readmeExample.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** Packing builds with tsc and installing may fetch the dependencies: minutes on a busy machine. */
const SLOW = 240_000;

let project = '';
let packedFiles: string[] = [];

/** Runs a command; npm's own warnings about the machine's npm configuration are left out of stderr, and colours out of both. */
function run(command: string, args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  const plain = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');
  const stderr = plain(r.stderr)
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n');
  return { code: r.status, stdout: plain(r.stdout), stderr };
}

/** The files the package is made of, copied so that packing (and its build) happens away from the working tree. */
function copySources(): string {
  const copy = mkdtempSync(join(tmpdir(), 'wfcheck-pack-src-'));
  for (const entry of ['package.json', 'package-lock.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'grammar', 'src', 'bench']) {
    cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

const SPEC = `workflow Pay {
  var paid: 0..1 = 0
  activity Charge may fail { paid += 1 }
  main { Charge or continue }
  invariant at_most_once: paid <= 1
  reachable can_pay: paid == 1
  deadlock_free
}
`;

beforeAll(() => {
  const sources = copySources();
  const out = mkdtempSync(join(tmpdir(), 'wfcheck-pack-'));
  const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--pack-destination', out], { cwd: sources, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as {
    filename: string;
    files: { path: string }[];
  }[];
  packedFiles = packed[0].files.map((f) => f.path).sort();
  project = mkdtempSync(join(tmpdir(), 'wfcheck-consumer-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  const install = run(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(out, packed[0].filename)], project);
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
  // vitest (an optional peer dependency) and typescript as the consumer's own dev tools: this repository's copies.
  for (const tool of ['vitest', 'typescript', '@types']) symlinkSync(join(ROOT, 'node_modules', tool), join(project, 'node_modules', tool), 'dir');
  writeFileSync(join(project, 'pay.wf'), SPEC);
}, SLOW);

describe('npm pack', () => {
  it('holds compiled JavaScript with declarations, the grammars and the command, not TypeScript sources', () => {
    for (const f of ['bin/wfcheck.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/vitest.js', 'dist/src/vitest.d.ts', 'dist/src/cli/cliWorker.js', 'grammar/workflow.ohm', 'grammar/formula.ohm', 'README.md', 'package.json']) {
      expect(packedFiles).toContain(f);
    }
    expect(packedFiles.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(packedFiles.filter((f) => f.startsWith('test/') || f.startsWith('src/'))).toEqual([]);
  });
});

describe('installed into an empty project', () => {
  it('npx wfcheck check runs on a spec', () => {
    const r = run('npx', ['--no-install', 'wfcheck', 'check', 'pay.wf'], project);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pay\.wf: workflow Pay — \d+ states, \d+ transitions, [\d.]+s\n/);
    expect(r.stdout).toContain('4 of 4 as expected');
    const usage = run('npx', ['--no-install', 'wfcheck', 'check', 'nope.wf'], project);
    expect(usage).toEqual({ code: 2, stdout: '', stderr: "error WF501: cannot read 'nope.wf': no such file\n" });
  });

  it("import { loadSpec } from 'wfcheck' works", () => {
    writeFileSync(
      join(project, 'use.mjs'),
      "import { loadSpec, checkSpec } from 'wfcheck';\n" +
        "const model = await loadSpec('pay.wf');\n" +
        "console.log(model.check('AG paid <= 1').result, model.check('can_pay').result, checkSpec(model).properties.length);\n",
    );
    expect(run(process.execPath, ['use.mjs'], project)).toEqual({ code: 0, stdout: 'holds holds 4\n', stderr: '' });
  });

  it("the README's example test passes with import 'wfcheck/vitest'", () => {
    writeFileSync(join(project, 'transfer.test.ts'), readmeExample());
    const r = run(process.execPath, [join(project, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', project, '--reporter', 'verbose'], project);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Tests\s+5 passed \(5\)/);
  });

  it('the types check: the API, and the matchers on expect', () => {
    mkdirSync(join(project, 'types'), { recursive: true });
    writeFileSync(
      join(project, 'types', 'use.ts'),
      `import { expect } from 'vitest';
import { loadSpec, type CheckResult, type LoadedModel } from 'wfcheck';
import 'wfcheck/vitest';

const model: LoadedModel = await loadSpec('pay.wf');
const result: CheckResult = model.check('AG paid <= 1', { maxStates: 100 });
if (result.result === 'violated') console.log(result.counterexample?.steps.length);
if (result.result === 'unknown') console.log(result.reason);
expect(model).toSatisfy('AG paid <= 1', { dot: 'x.dot' });
expect(model).toHold('at_most_once');
expect(model).toBeDeadlockFree();
expect(model).toBeSound({ timeoutMs: 1000 });
expect(model).toConserve('paid');
expect(5).toSatisfy((n: number) => n > 1);
// @ts-expect-error a formula is text
expect(model).toSatisfy(42);
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] }, include: ['types'] }),
    );
    const r = run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], project);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
