/**
 * `wfcheck check net.pnml` end to end, in-process: the default properties
 * and MCC figures in --json, `--mcc-formulas` answers under their XML ids,
 * `--mcc` lines as MCC tools print them, and usage errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../cli/memoryIo.js';
import { pnmlText } from '../pnml/pnmlText.js';

const dir = mkdtempSync(join(tmpdir(), 'wfcheck-pnml-'));
const philosophers = join(dir, 'philosophers.pnml');
writeFileSync(
  philosophers,
  pnmlText({
    places: 'think1=1 think2=1 fork1=1 fork2=1 left1 left2 eat1 eat2',
    transitions: ['take1: think1 + fork1 -> left1', 'dine1: left1 + fork2 -> eat1', 'rel1: eat1 -> think1 + fork1 + fork2', 'take2: think2 + fork2 -> left2', 'dine2: left2 + fork1 -> eat2', 'rel2: eat2 -> think2 + fork1 + fork2'],
  }),
);
const properties = join(dir, 'properties.xml');
writeFileSync(
  properties,
  `<?xml version="1.0"?>
<property-set xmlns="http://mcc.lip6.fr/">
  <property><id>P-ReachabilityDeadlock-0</id><formula><exists-path><finally><deadlock/></finally></exists-path></formula></property>
  <property><id>P-UpperBounds-0</id><formula><place-bound><place>fork1</place><place>fork2</place></place-bound></formula></property>
  <property><id>P-CTLCardinality-0</id><formula><all-paths><globally><integer-le><tokens-count><place>eat1</place><place>eat2</place></tokens-count><integer-constant>1</integer-constant></integer-le></globally></all-paths></formula></property>
  <property><id>P-CTLFireability-0</id><formula><all-paths><globally><exists-path><finally><is-fireable><transition>dine1</transition></is-fireable></finally></exists-path></globally></all-paths></formula></property>
</property-set>
`,
);

async function run(...argv: string[]) {
  const io = memoryIo(dir);
  const code = await main(['check', ...argv], io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('wfcheck check on PNML', () => {
  it('--json reports the default properties and the MCC figures', async () => {
    const r = await run('philosophers.pnml', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & { properties: { name: string; result: string }[] };
    expect([json.states, json.transitions, json.maxTokensInPlace, json.maxTokensPerMarking]).toEqual([6, 8, 1, 4]);
    expect(json.properties.map((p) => [p.name, p.result])).toEqual([
      ['in_range', 'holds'],
      ['deadlock_free', 'violated'],
    ]);
  });

  it('--mcc-formulas answers each property under its id, bounds as numbers', async () => {
    const r = await run('philosophers.pnml', '--mcc-formulas', 'properties.xml', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { properties: { name: string; kind: string; result: string; bound?: number; formula: string }[] };
    expect(json.properties.map((p) => [p.name, p.kind, p.result, p.bound])).toEqual([
      ['P-ReachabilityDeadlock-0', 'ReachabilityDeadlock', 'holds', undefined],
      ['P-UpperBounds-0', 'UpperBounds', 'holds', 2],
      ['P-CTLCardinality-0', 'CTLCardinality', 'holds', undefined],
      ['P-CTLFireability-0', 'CTLFireability', 'violated', undefined],
    ]);
    expect(json.properties[3].formula).toBe('AG(EF(fireable(dine1)))');
  });

  it('--mcc prints FORMULA lines, and STATE_SPACE lines without a property file', async () => {
    const answers = await run('philosophers.pnml', '--mcc-formulas', 'properties.xml', '--mcc');
    expect(answers.stdout).toBe(
      [
        'FORMULA P-ReachabilityDeadlock-0 TRUE TECHNIQUES EXPLICIT',
        'FORMULA P-UpperBounds-0 2 TECHNIQUES EXPLICIT',
        'FORMULA P-CTLCardinality-0 TRUE TECHNIQUES EXPLICIT',
        'FORMULA P-CTLFireability-0 FALSE TECHNIQUES EXPLICIT',
        '',
      ].join('\n'),
    );
    const figures = await run('philosophers.pnml', '--mcc');
    expect(figures.stdout).toBe(
      ['STATE_SPACE STATES 6 TECHNIQUES EXPLICIT', 'STATE_SPACE TRANSITIONS 8 TECHNIQUES EXPLICIT', 'STATE_SPACE MAX_TOKEN_IN_PLACE 1 TECHNIQUES EXPLICIT', 'STATE_SPACE MAX_TOKEN_PER_MARKING 4 TECHNIQUES EXPLICIT', ''].join('\n'),
    );
    expect(figures.stderr).toBe('wfcheck: deadlock_free: violated\n');
  });

  it('--property picks MCC ids; unknown ids, missing files and mixed formats are usage errors', async () => {
    const one = await run('philosophers.pnml', '--mcc-formulas', 'properties.xml', '--property', 'P-UpperBounds-0', '--mcc');
    expect(one.stdout).toBe('FORMULA P-UpperBounds-0 2 TECHNIQUES EXPLICIT\n');
    const unknown = await run('philosophers.pnml', '--mcc-formulas', 'properties.xml', '--property', 'P-X');
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining("error WF401: no property named 'P-X'")]);
    const missing = await run('philosophers.pnml', '--mcc-formulas', 'nope.xml');
    expect([missing.code, missing.stderr]).toEqual([2, "error WF501: cannot read 'nope.xml': no such file\n"]);
    const both = await run('philosophers.pnml', '--mcc', '--json');
    expect([both.code, both.stderr]).toEqual([2, 'error WF502: --mcc and --json are two output formats; choose one\n']);
  });

  it('checks a WoPeD export: sound, with its operator transitions as plain ones', async () => {
    const io = memoryIo();
    const code = await main(['check', 'test/fixtures/pnml/woped-order.pnml', '--json'], io.io);
    const json = JSON.parse(io.stdout()) as { properties: { name: string; result: string }[] };
    expect(code).toBe(0);
    expect(json.properties.map((p) => [p.name, p.result])).toEqual([
      ['in_range', 'holds'],
      ['deadlock_free', 'holds'],
      ['sound', 'holds'],
    ]);
  });
});
