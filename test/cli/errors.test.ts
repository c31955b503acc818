/**
 * Every kind of user mistake through the real CLI, with its exact message:
 * a coded diagnostic with file:line:col and a caret excerpt wherever there
 * is a location, exit 2, nothing on stdout. Internal errors print one line
 * asking for a report (exit 4), with the stack only under --debug.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakePipeline, memoryIo } from './memoryIo.js';

const dir = mkdtempSync(join(tmpdir(), 'wfcheck-errors-'));
const files: Record<string, string> = {
  'syntax.wf': 'workflow W {\n  var x: 0..3 = 0\n  main {\n    x = = 1\n  }\n}\n',
  'names.wf': 'workflow W {\n  var x: 0..3 = 0\n  main {\n    x = y + 1\n  }\n}\n',
  'types.wf': 'workflow W {\n  var x: 0..3 = 0\n  var b: bool = false\n  main {\n    x = b\n  }\n}\n',
  'range.wf': 'workflow W {\n  var x: 0..3 = 0\n  main { x = 9 }\n}\n',
  'initial.wf': 'workflow W {\n  var x: 0..3 = 7\n  main { x = 1 }\n}\n',
  'huge.wf': 'workflow W {\n  var x: 0..3 = 0\n  main { x = 1 }\n  invariant i: x < 9999999999999999999999\n}\n',
  'logic.wf': 'workflow W {\n  var x: 0..3 = 0\n  main { x = 1 }\n  ctl c: AG (x < 2 U x > 0)\n}\n',
  'ok.wf': 'workflow W {\n  var x: 0..3 = 0\n  main { x = 1 }\n  invariant small: x < 1\n}\n',
  'broken.pnml': '<?xml version="1.0"?>\n<pnml><net id="n" type="http://www.pnml.org/version-2009/grammar/ptnet">\n  <page id="p">\n    <place id="a">\n  </page>\n</net></pnml>\n',
  'truncated.pnml': '<?xml version="1.0"?>\n<pnml><net id="n" type="http://www.pnml.org/version-2009/grammar/ptnet">\n  <page id="p">\n',
  'empty.pnml': '',
  'html.pnml': '<?xml version="1.0"?>\n<html><body/></html>\n',
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
mkdirSync(join(dir, 'adir'));

/** Runs in `dir`; paths in messages are shown relative to it, as a user who typed them there sees them. */
async function run(...argv: string[]) {
  const m = memoryIo(dir);
  const code = await main(argv, m.io);
  const relative = (text: string): string => text.split(`${dir}/`).join('');
  return { code, stdout: relative(m.stdout()), stderr: relative(m.stderr()) };
}

const frame = (location: string, message: string, line: number, source: string, caret: string): string =>
  `${location}: error ${message}\n  |\n${line} | ${source}\n  | ${caret}\n`;

describe('spec mistakes: coded, located, with a caret excerpt (exit 2)', () => {
  it.each([
    ['syntax', 'syntax.wf', frame('syntax.wf:4:9', 'WF101: syntax error: expected an identifier, "false", "true", a natural number, "(", "-", or "!", found "="', 4, '    x = = 1', '        ^')],
    ['an undefined name', 'names.wf', frame("names.wf:4:9", "WF201: undefined name 'y' (did you mean 'x'?)", 4, '    x = y + 1', '        ^')],
    ['a type mismatch', 'types.wf', frame('types.wf:5:9', 'WF203: expected int, found bool', 5, '    x = b', '        ^')],
    ['an assignment out of range', 'range.wf', frame('range.wf:3:10', "WF206: this assignment always leaves the range 0..3 of 'x': the new value is 9", 3, '  main { x = 9 }', '         ^^^^^')],
    ['a number too large', 'huge.wf', frame('huge.wf:4:20', 'WF102: number 9999999999999999999999 is out of range (at most 2147483647 in absolute value)', 4, '  invariant i: x < 9999999999999999999999', '                   ^^^^^^^^^^^^^^^^^^^^^^')],
    ['the wrong logic', 'logic.wf', frame('logic.wf:4:14', "WF402: 'U' is LTL, but this is a ctl property: write AU or EU, or declare the property as ltl", 4, '  ctl c: AG (x < 2 U x > 0)', '             ^^^^^^^^^^^^^')],
  ])('%s', async (_, file, expected) => {
    expect(await run('check', file)).toEqual({ code: 2, stdout: '', stderr: expected });
  });

  it('an initial value out of range', async () => {
    const r = await run('check', 'initial.wf');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(frame('initial.wf:2:17', "WF204: initial value 7 of 'x' is outside its range 0..3", 2, '  var x: 0..3 = 7', '                ^'))).toBe(true);
  });

  it('the same diagnostics from `graph` and `net`', async () => {
    const expected = { code: 2, stdout: '', stderr: frame("names.wf:4:9", "WF201: undefined name 'y' (did you mean 'x'?)", 4, '    x = y + 1', '        ^') };
    expect(await run('graph', 'names.wf')).toEqual(expected);
    expect(await run('net', 'names.wf')).toEqual(expected);
  });
});

describe('unreadable input (exit 2)', () => {
  it.each([
    ['a missing file', 'missing.wf', "error WF501: cannot read 'missing.wf': no such file\n"],
    ['PNML that is not well-formed XML', 'broken.pnml', frame('broken.pnml:5:3', 'WF101: malformed XML: unexpected close tag', 5, '  </page>', '  ^^^^^^^')],
    ['PNML cut short', 'truncated.pnml', frame('truncated.pnml:3:3', 'WF101: malformed XML: unclosed tag: page', 3, '  <page id="p">', '  ^^^^^')],
    ['an empty PNML file', 'empty.pnml', frame('empty.pnml:1:1', 'WF101: malformed XML: document must contain a root element', 1, '', '^')],
    ['XML that is not PNML', 'html.pnml', frame('html.pnml:2:1', 'WF303: not a PNML document: the root element is <html>, expected <pnml>', 2, '<html><body/></html>', '^^^^^^')],
  ])('%s', async (_, file, expected) => {
    expect(await run('check', file)).toEqual({ code: 2, stdout: '', stderr: expected });
  });
});

describe('bad command lines (exit 2)', () => {
  const usage = "(run 'wfcheck check --help' for usage)\n";
  it.each([
    [['check', 'ok.wf', '--bogus'], `wfcheck: error: unknown option '--bogus'\n${usage}`],
    [['check', 'ok.wf', '--max-states', '0'], `wfcheck: error: option '--max-states <n>' argument '0' is invalid. Expected a positive whole number, e.g. 100000.\n${usage}`],
    [['check', 'ok.wf', '--timeout', 'soon'], `wfcheck: error: option '--timeout <seconds>' argument 'soon' is invalid. Expected a positive number of seconds, e.g. 60 or 0.5.\n${usage}`],
    [['check', 'ok.wf', '--max-memory', 'lots'], `wfcheck: error: option '--max-memory <size>' argument 'lots' is invalid. Expected a memory size such as 512M or 2G (at least 1K).\n${usage}`],
    [['check', 'ok.wf', '--workers', '0'], `wfcheck: error: option '--workers <n>' argument '0' is invalid. Expected a whole number of threads from 1 to 64.\n${usage}`],
    [['check', 'ok.wf', '--property', 'smal'], "error WF401: no property named 'smal' in ok.wf (did you mean 'small'?); it has: in_range, sound, small\n"],
    [['check', 'ok.wf', '--dot', 'ok.wf'], 'error WF502: --dot ok.wf is the spec file itself; refusing to overwrite it\n'],
  ])('%j', async (argv, expected) => {
    expect(await run(...argv)).toEqual({ code: 2, stdout: '', stderr: expected });
  });

  it('an output file that cannot be written: the results, then the reason (exit 2), and no file', async () => {
    const r = await run('check', 'ok.wf', '--dot', 'nodir/cex.dot');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('--- small: VIOLATED (expected to hold) ---');
    expect(r.stderr).toBe('wfcheck: error: cannot write nodir/cex.dot: its directory does not exist\n');
    expect(readdirSync(dir).some((f) => f.includes('.tmp-'))).toBe(false);
  });
});

describe('internal errors', () => {
  const boom = (): Error => {
    const e = new TypeError("Cannot read properties of undefined (reading 'x')");
    e.stack = `TypeError: ${e.message}\n    at check (src/api/checkSpec.ts:1:1)`;
    return e;
  };

  it('one line asking for a report, exit 4, and how to see more', async () => {
    const m = memoryIo(dir);
    expect(await main(['check', 'ok.wf'], m.io, fakePipeline(boom()).pipeline)).toBe(4);
    expect(m.stdout()).toBe('');
    expect(m.stderr()).toBe(
      "wfcheck: internal error: Cannot read properties of undefined (reading 'x') (please report this)\n" +
        'wfcheck: run again with --debug to see where it happened\n',
    );
  });

  it('the stack only under --debug', async () => {
    const m = memoryIo(dir);
    expect(await main(['check', 'ok.wf', '--debug'], m.io, fakePipeline(boom()).pipeline)).toBe(4);
    expect(m.stderr()).toBe(
      "wfcheck: internal error: Cannot read properties of undefined (reading 'x') (please report this)\n" +
        "TypeError: Cannot read properties of undefined (reading 'x')\n    at check (src/api/checkSpec.ts:1:1)\n",
    );
  });
});
