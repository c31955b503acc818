/**
 * Random `workflow` specs (1–3 variables, 1–4 activities with random
 * options and effects, a random main body, properties, maybe `cancellable`) and random `system`
 * specs (two instances of a smaller workflow over one shared variable), as
 * DSL text. Sizes are kept small; the differential test skips the rare
 * spec whose state space is still too big.
 */
import fc from 'fast-check';
import { expectation, generatedSpec, type GeneratedSpec } from './generatedSpec.js';
import { boolExpr, type EnumName, type ExprEnv } from './randomExprText.js';
import { BodyRenderer, assignmentText, body, type BodyEnv, type IntVarGen, type StmtGen } from './randomWorkflowBody.js';

interface VarGen {
  /**
   * `wide`: an int with a wide declared range (17–32 bits packed) whose values stay small;
   * `unit`: an int with a single value (a 0-bit slot).
   */
  readonly kind: 'bool' | 'int' | 'wide' | 'unit' | 'enum';
  readonly lo: number;
  readonly width: number;
  readonly init: number;
}

interface ActivityGen {
  readonly fail: '' | ' may fail' | ' may fail after effect';
  readonly idempotent: boolean;
  readonly disconnected: boolean;
  readonly retry: '' | ' retry 1' | ' retry 2' | ' retry forever';
  readonly effect: readonly string[];
  readonly braces: boolean;
}

interface Declared {
  readonly lines: readonly string[];
  readonly env: BodyEnv;
}

const varArb: fc.Arbitrary<VarGen> = fc.record({
  kind: fc.constantFrom<VarGen['kind']>('bool', 'bool', 'int', 'int', 'int', 'wide', 'unit', 'enum', 'enum'),
  lo: fc.constantFrom(0, 0, 0, -1),
  width: fc.integer({ min: 1, max: 3 }),
  init: fc.nat({ max: 3 }),
});

/** Declared ranges of `wide` variables: several words, a 32-bit slot, a negative bound. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [-70000, 70000],
  [-2147483647, 2147483647],
  [0, 100000],
  [-5, 300],
];

const WORKFLOW_BUILTINS = ['completed', 'failed', 'terminated', 'running', 'compensating'];

/** Variable declarations → their lines and the names statements and expressions may use. */
function declare(vars: readonly VarGen[], shared: IntVarGen | undefined, activities: number): Declared {
  const lines: string[] = [];
  const intVars: IntVarGen[] = shared ? [shared] : [];
  const boolVars: string[] = [];
  const enumVars: EnumName[] = [];
  vars.forEach((v, i) => {
    switch (v.kind) {
      case 'bool':
        lines.push(`var b${i}: bool = ${v.init % 2 === 0 ? 'false' : 'true'}`);
        boolVars.push(`b${i}`);
        break;
      case 'int': {
        const hi = v.lo + v.width;
        lines.push(`var x${i}: ${v.lo}..${hi} = ${v.lo + (v.init % (v.width + 1))}`);
        intVars.push({ name: `x${i}`, lo: v.lo, hi });
        break;
      }
      case 'unit':
        lines.push(`var x${i}: 0..0 = 0`);
        intVars.push({ name: `x${i}`, lo: 0, hi: 0 });
        break;
      case 'wide': {
        const [lo, hi] = WIDE_RANGES[v.width % WIDE_RANGES.length];
        lines.push(`var x${i}: ${lo}..${hi} = ${Math.max(lo, v.init - 1)}`);
        intVars.push({ name: `x${i}`, lo, hi });
        break;
      }
      case 'enum': {
        const values = ['Red', 'Green', 'Blue'].slice(0, 2 + (v.width % 2)).map((c) => `${c}${i}`);
        lines.push(`var e${i}: {${values.join(', ')}} = ${values[v.init % values.length]}`);
        enumVars.push({ name: `e${i}`, values });
        break;
      }
    }
  });
  const expr: ExprEnv = { ints: intVars.map((v) => v.name), bools: boolVars, enums: enumVars };
  return { lines, env: { expr, intVars, boolVars, enumVars, activities } };
}

/**
 * Two assignments where the first reads what the second writes (`y = x; x += 1`):
 * the composed updates then only agree with sequential code if every right-hand
 * side reads the pre-state, which is what this pattern tests.
 */
function readThenWrite(env: BodyEnv): fc.Arbitrary<string> | undefined {
  const pairs: string[] = [];
  for (const x of env.intVars) {
    for (const y of env.intVars) {
      if (y === x) continue;
      pairs.push(`${y.name} = ${x.name}; ${x.name} = ${x.lo}`);
      if (x.hi > x.lo) pairs.push(`${y.name} = min(${x.name} + 1, ${y.hi}); ${x.name} -= 1`);
    }
    for (const b of env.boolVars) pairs.push(`${b} = ${x.name} > ${x.lo}; ${x.name} = ${x.hi}`);
  }
  for (const b of env.boolVars) {
    for (const c of env.boolVars) if (c !== b) pairs.push(`${c} = ${b}; ${b} = !${b}`);
    for (const x of env.intVars) pairs.push(`if ${b} { ${x.name} = ${x.lo} } else { ${x.name} = ${x.hi} } ${b} = !${b}`);
  }
  return pairs.length > 0 ? fc.constantFrom(...pairs) : undefined;
}

function effectStmts(env: BodyEnv, depth: number): fc.Arbitrary<string[]> {
  const pair = readThenWrite(env);
  const single = assignmentText(env);
  const assign = pair ? fc.oneof({ weight: 4, arbitrary: single }, { weight: 1, arbitrary: pair }) : single;
  if (depth <= 0) return fc.array(assign, { maxLength: 3 });
  const inner = effectStmts(env, depth - 1).map(effectBlock);
  const one = fc.oneof(
    { weight: 4, arbitrary: assign },
    { weight: 1, arbitrary: fc.tuple(boolExpr(env.expr, 1), inner, fc.option(inner, { nil: undefined })).map(([c, t, e]) => `if ${c} ${t}${e ? ` else ${e}` : ''}`) },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 2, maxLength: 3 }).map((bs) => `either ${bs.join(' or ')}`) },
  );
  return fc.array(one, { maxLength: 3 });
}

/** `;` may follow an assignment only, not a nested `if` or `either` block. */
function effectBlock(list: readonly string[]): string {
  return list.length === 0 ? '{ }' : `{ ${list.map((e) => (e.endsWith('}') ? e : `${e};`)).join(' ')} }`;
}

function activityArb(env: BodyEnv): fc.Arbitrary<ActivityGen> {
  return fc.record({
    fail: fc.constantFrom<ActivityGen['fail']>('', ' may fail', ' may fail', ' may fail after effect'),
    idempotent: fc.boolean(),
    disconnected: fc.boolean(),
    retry: fc.constantFrom<ActivityGen['retry']>('', '', ' retry 1', ' retry 2', ' retry forever'),
    effect: effectStmts(env, 1),
    braces: fc.boolean(),
  });
}

function activityText(a: ActivityGen, i: number): string {
  const effect = a.effect.length > 0 || a.braces ? ` ${effectBlock(a.effect)}` : '';
  return `activity A${i}${a.fail}${a.idempotent ? ' idempotent' : ''}${a.disconnected ? ' disconnected' : ''}${a.retry}${effect}`;
}

function propertyLines(env: ExprEnv, prefix: string): fc.Arbitrary<string[]> {
  return fc
    .tuple(
      fc.array(fc.tuple(boolExpr(env, 2), expectation), { maxLength: 2 }),
      fc.option(fc.tuple(boolExpr(env, 1), expectation), { nil: undefined }),
      fc.option(expectation, { nil: undefined }),
    )
    .map(([invariants, reachable, deadlock]) => [
      ...invariants.map(([e, x], i) => `${prefix}invariant inv${i}: ${e}${x}`),
      ...(reachable ? [`${prefix}reachable goal: ${reachable[0]}${reachable[1]}`] : []),
      ...(deadlock !== undefined ? [`${prefix}deadlock_free${deadlock}`] : []),
    ]);
}

export interface WorkflowShape {
  /** Nesting depth of compound statements in main. */
  readonly depth: number;
  readonly mainLength: number;
  readonly maxActivities: number;
  readonly maxVars: number;
}

interface WorkflowParts {
  readonly declared: Declared;
  readonly activities: readonly ActivityGen[];
  readonly main: readonly StmtGen[];
  readonly properties: readonly string[];
  /** The environment may cancel the workflow (disconnected activities then matter). */
  readonly cancellable: boolean;
}

function workflowParts(shape: WorkflowShape, shared: IntVarGen | undefined): fc.Arbitrary<WorkflowParts> {
  return fc
    .record({ vars: fc.array(varArb, { minLength: 1, maxLength: shape.maxVars }), activities: fc.integer({ min: 1, max: shape.maxActivities }) })
    .chain(({ vars, activities }) => {
      const declared = declare(vars, shared, activities);
      const env = declared.env;
      const propEnv: ExprEnv = { ...env.expr, bools: [...env.expr.bools, ...WORKFLOW_BUILTINS] };
      return fc.record({
        declared: fc.constant(declared),
        activities: fc.array(activityArb(env), { minLength: activities, maxLength: activities }),
        main: body(env, shape.depth, shape.mainLength),
        properties: propertyLines(propEnv, '  '),
        cancellable: fc.boolean(),
      });
    });
}

/** The workflow declaration; `sharedLine` declares the shared variable inside it. */
function workflowText(parts: WorkflowParts, sharedLine: string | undefined): string {
  const renderer = new BodyRenderer((i) => `A${i % parts.activities.length}`);
  const main = renderer.lines(parts.main, '    ');
  return [
    'workflow Flow {',
    ...(sharedLine ? [`  ${sharedLine}`] : []),
    ...(parts.cancellable ? ['  cancellable'] : []),
    ...parts.declared.lines.map((l) => `  ${l}`),
    ...renderer.counters.map((c) => `  var ${c.name}: 0..${c.bound} = 0`),
    ...parts.activities.map((a, i) => `  ${activityText(a, i)}`),
    '  main {',
    main,
    '  }',
    ...parts.properties,
    '}',
  ].join('\n');
}

export const DEFAULT_WORKFLOW_SHAPE: WorkflowShape = { depth: 2, mainLength: 4, maxActivities: 4, maxVars: 3 };
export const SYSTEM_WORKFLOW_SHAPE: WorkflowShape = { depth: 1, mainLength: 3, maxActivities: 2, maxVars: 2 };

export function randomWorkflowSpec(shape: WorkflowShape = DEFAULT_WORKFLOW_SHAPE): fc.Arbitrary<GeneratedSpec> {
  return workflowParts(shape, undefined).map((parts) => generatedSpec('workflow', workflowText(parts, undefined)));
}

/** Where the shared variable is declared: in the workflow, in the system, or in both (same type). */
type SharedAt = 'workflow' | 'system' | 'both';

export function randomSharedSystemSpec(shape: WorkflowShape = SYSTEM_WORKFLOW_SHAPE): fc.Arbitrary<GeneratedSpec> {
  return fc
    .record({
      hi: fc.integer({ min: 1, max: 2 }),
      init: fc.nat({ max: 1 }),
      at: fc.constantFrom<SharedAt>('workflow', 'system', 'both'),
      named: fc.boolean(),
    })
    .chain(({ hi, init, at, named }) => {
      const shared: IntVarGen = { name: 's', lo: 0, hi };
      const sharedLine = `shared s: 0..${hi} = ${Math.min(init, hi)}`;
      const instances = named ? ['left', 'right'] : ['Flow1', 'Flow2'];
      return workflowParts(shape, shared).chain((parts) => {
        const q = (names: readonly string[]) => instances.flatMap((i) => names.map((n) => `${i}.${n}`));
        const env: ExprEnv = {
          ints: ['s', ...q(parts.declared.env.intVars.filter((v) => v !== shared).map((v) => v.name))],
          bools: [...q(parts.declared.env.boolVars), ...q(['completed', 'failed']), 'terminated'],
          enums: instances.flatMap((i) => parts.declared.env.enumVars.map((e) => ({ name: `${i}.${e.name}`, values: e.values }))),
        };
        return propertyLines(env, '  ').map((props) => {
          const system = [
            'system Sys {',
            ...(at !== 'workflow' ? [`  ${sharedLine}`] : []),
            named ? `  instance ${instances.join(', ')}: Flow` : '  instances 2 of Flow',
            ...props.map((p) => p.replace(/ inv(\d)/, ' sys$1').replace(/ goal:/, ' sysgoal:')),
            '}',
          ];
          return generatedSpec('system', `${workflowText(parts, at !== 'system' ? sharedLine : undefined)}\n\n${system.join('\n')}`);
        });
      });
    });
}
