/**
 * Random workflow statements (main bodies, handlers, branches) as a small
 * JSON tree, and its rendering to DSL text. The tree keeps fast-check's
 * shrinking structural; rendering allocates one bounded counter per
 * `while` so loops stay finite and small. `return` is never generated
 * inside a parallel branch (an error by design).
 */
import fc from 'fast-check';
import { boolExpr, intExpr, type ExprEnv } from './randomExprText.js';

export type HandlerGen =
  | { readonly k: 'continue' }
  | { readonly k: 'abort'; readonly reason?: string }
  | { readonly k: 'fail'; readonly reason?: string }
  | { readonly k: 'block'; readonly body: readonly StmtGen[] };

export type ArmGen =
  | { readonly k: 'timer'; readonly duration?: string; readonly body: readonly StmtGen[] }
  | { readonly k: 'activity'; readonly act: number; readonly handler?: HandlerGen; readonly body?: readonly StmtGen[] };

export type JoinGen = 'wait_all' | 'ordered_abort' | 'ordered_continue' | 'gather_raise' | undefined;

export type StmtGen =
  | { readonly k: 'assign'; readonly text: string }
  | { readonly k: 'call'; readonly act: number; readonly comp?: number; readonly handler?: HandlerGen }
  | { readonly k: 'if'; readonly cond: string; readonly then: readonly StmtGen[]; readonly else?: readonly StmtGen[] }
  | { readonly k: 'while'; readonly bound: number; readonly body: readonly StmtGen[] }
  | { readonly k: 'whileCond'; readonly cond: string; readonly body: readonly StmtGen[] }
  | { readonly k: 'repeat'; readonly count: number; readonly body: readonly StmtGen[] }
  | { readonly k: 'either'; readonly branches: readonly (readonly StmtGen[])[] }
  | { readonly k: 'parallel'; readonly join: JoinGen; readonly cancel: boolean; readonly branches: readonly (readonly StmtGen[])[]; readonly handler?: HandlerGen }
  | { readonly k: 'race'; readonly cancel: boolean; readonly arms: readonly ArmGen[] }
  | { readonly k: 'fail'; readonly reason?: string }
  | { readonly k: 'abort'; readonly reason?: string }
  | { readonly k: 'return' }
  | { readonly k: 'register'; readonly act: number }
  | { readonly k: 'skip' }
  | { readonly k: 'block'; readonly body: readonly StmtGen[] };

export interface IntVarGen {
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
}

/** What statements may mention: expression names, writable variables, activity count. */
export interface BodyEnv {
  readonly expr: ExprEnv;
  readonly intVars: readonly IntVarGen[];
  readonly boolVars: readonly string[];
  readonly enumVars: readonly { readonly name: string; readonly values: readonly string[] }[];
  readonly activities: number;
}

/** One assignment to a declared variable; constant right-hand sides stay in range (else WF206). */
export function assignmentText(env: BodyEnv): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [];
  for (const v of env.intVars) {
    options.push(
      // WF206 rejects updates that can never stay in range: `+= 2` on two values, any step on one.
      v.hi === v.lo ? fc.constant(`${v.name} = ${v.lo}`) : fc.constantFrom(`${v.name} += 1`, `${v.name} -= 1`, v.hi - v.lo >= 2 ? `${v.name} += 2` : `${v.name} -= 1`),
      fc.integer({ min: v.lo, max: v.hi }).map((c) => `${v.name} = ${c}`),
      fc.constantFrom(...env.expr.ints).map((other) => `${v.name} = ${other}`),
      // Clamped, so WF206 (never in range) cannot reject it; exercises min/max.
      intExpr(env.expr, 1).map((e) => `${v.name} = min(max(${e}, ${v.lo}), ${v.hi})`),
    );
  }
  for (const b of env.boolVars) options.push(fc.constant(`${b} = !${b}`), fc.constantFrom(`${b} = true`, `${b} = false`), boolExpr(env.expr, 1).map((e) => `${b} = ${e}`));
  for (const e of env.enumVars) options.push(fc.constantFrom(...e.values).map((v) => `${e.name} = ${v}`));
  return fc.oneof(...options);
}

const reason = fc.option(fc.constantFrom('boom', 'timeout', 'no stock'), { nil: undefined, freq: 2 });

function handler(env: BodyEnv, depth: number, inBranch: boolean): fc.Arbitrary<HandlerGen | undefined> {
  const simple = fc.oneof(
    fc.constant<HandlerGen>({ k: 'continue' }),
    reason.map<HandlerGen>((r) => ({ k: 'abort', ...(r ? { reason: r } : {}) })),
    reason.map<HandlerGen>((r) => ({ k: 'fail', ...(r ? { reason: r } : {}) })),
  );
  const options: { weight: number; arbitrary: fc.Arbitrary<HandlerGen | undefined> }[] = [
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: simple },
  ];
  if (depth > 0) options.push({ weight: 1, arbitrary: stmts(env, depth - 1, inBranch, 0, 2).map<HandlerGen>((body) => ({ k: 'block', body })) });
  return fc.oneof(...options);
}

function stmts(env: BodyEnv, depth: number, inBranch: boolean, min: number, max: number): fc.Arbitrary<StmtGen[]> {
  return fc.array(stmt(env, depth, inBranch), { minLength: min, maxLength: max });
}

function arm(env: BodyEnv, depth: number, inBranch: boolean): fc.Arbitrary<ArmGen> {
  const act = fc.nat({ max: env.activities - 1 });
  const body = stmts(env, depth - 1, inBranch, 0, 2);
  return fc.oneof(
    fc.record({ duration: fc.option(fc.constantFrom('24h', '5min', '30s'), { nil: undefined }), body }).map<ArmGen>(({ duration, body }) => ({ k: 'timer', ...(duration ? { duration } : {}), body })),
    fc
      .record({ act, handler: handler(env, depth - 1, inBranch), body: fc.option(body, { nil: undefined }) })
      .map<ArmGen>(({ act, handler, body }) => ({ k: 'activity', act, ...(handler ? { handler } : {}), ...(body ? { body } : {}) })),
  );
}

/** Built arbitraries per env: the statement grammar fans out, so build each (depth, inBranch) once. */
const built = new WeakMap<BodyEnv, Map<string, fc.Arbitrary<StmtGen>>>();

export function stmt(env: BodyEnv, depth: number, inBranch: boolean): fc.Arbitrary<StmtGen> {
  let cache = built.get(env);
  if (!cache) built.set(env, (cache = new Map()));
  const key = `${depth}/${inBranch}`;
  let arb = cache.get(key);
  if (!arb) cache.set(key, (arb = buildStmt(env, depth, inBranch)));
  return arb;
}

function buildStmt(env: BodyEnv, depth: number, inBranch: boolean): fc.Arbitrary<StmtGen> {
  const act = fc.nat({ max: env.activities - 1 });
  const leaves: { weight: number; arbitrary: fc.Arbitrary<StmtGen> }[] = [
    { weight: 8, arbitrary: assignmentText(env).map<StmtGen>((text) => ({ k: 'assign', text })) },
    {
      weight: 14,
      arbitrary: fc
        .record({ act, comp: fc.option(act, { nil: undefined, freq: 3 }), handler: handler(env, 0, inBranch) })
        .map<StmtGen>(({ act, comp, handler }) => ({ k: 'call', act, ...(comp !== undefined ? { comp } : {}), ...(handler ? { handler } : {}) })),
    },
    { weight: 1, arbitrary: reason.map<StmtGen>((r) => ({ k: 'fail', ...(r ? { reason: r } : {}) })) },
    { weight: 1, arbitrary: reason.map<StmtGen>((r) => ({ k: 'abort', ...(r ? { reason: r } : {}) })) },
    { weight: 1, arbitrary: act.map<StmtGen>((a) => ({ k: 'register', act: a })) },
    { weight: 1, arbitrary: fc.constant<StmtGen>({ k: 'skip' }) },
  ];
  if (!inBranch) leaves.push({ weight: 1, arbitrary: fc.constant<StmtGen>({ k: 'return' }) });
  if (depth <= 0) return fc.oneof(...leaves);
  const body = (min: number, max: number) => stmts(env, depth - 1, inBranch, min, max);
  const cond = boolExpr(env.expr, 1);
  const compound: { weight: number; arbitrary: fc.Arbitrary<StmtGen> }[] = [
    { weight: 3, arbitrary: fc.record({ cond, then: body(0, 2), else: fc.option(body(0, 2), { nil: undefined }) }).map<StmtGen>((r) => ({ k: 'if', cond: r.cond, then: r.then, ...(r.else ? { else: r.else } : {}) })) },
    { weight: 2, arbitrary: fc.record({ bound: fc.integer({ min: 1, max: 2 }), body: body(0, 2) }).map<StmtGen>((r) => ({ k: 'while', ...r })) },
    { weight: 1, arbitrary: fc.record({ cond, body: body(0, 2) }).map<StmtGen>((r) => ({ k: 'whileCond', ...r })) },
    { weight: 2, arbitrary: fc.record({ count: fc.integer({ min: 1, max: 2 }), body: body(1, 2) }).map<StmtGen>((r) => ({ k: 'repeat', ...r })) },
    { weight: 2, arbitrary: fc.array(body(0, 2), { minLength: 2, maxLength: 3 }).map<StmtGen>((branches) => ({ k: 'either', branches })) },
    {
      weight: 4,
      arbitrary: fc
        .record({
          join: fc.constantFrom<JoinGen>(undefined, 'wait_all', 'ordered_abort', 'ordered_continue', 'gather_raise'),
          cancel: fc.boolean(),
          branches: fc.array(stmts(env, depth - 1, true, 1, 2), { minLength: 1, maxLength: 3 }),
          // The join's handler runs in the enclosing thread.
          handler: handler(env, depth, inBranch),
        })
        .map<StmtGen>(({ handler, ...r }) => ({ k: 'parallel', ...r, ...(handler ? { handler } : {}) })),
    },
    { weight: 3, arbitrary: fc.record({ cancel: fc.boolean(), arms: fc.array(arm(env, depth, inBranch), { minLength: 1, maxLength: 3 }) }).map<StmtGen>((r) => ({ k: 'race', ...r })) },
    { weight: 2, arbitrary: fc.record({ act, handler: handler(env, depth, inBranch) }).map<StmtGen>((r) => ({ k: 'call', act: r.act, ...(r.handler ? { handler: r.handler } : {}) })) },
    { weight: 1, arbitrary: body(0, 2).map<StmtGen>((b) => ({ k: 'block', body: b })) },
  ];
  return fc.oneof(...leaves, ...compound);
}

export function body(env: BodyEnv, depth: number, maxLength: number): fc.Arbitrary<StmtGen[]> {
  return stmts(env, depth, false, 2, maxLength);
}

/** Renders statements; every `while` gets a fresh counter, collected in `counters`. */
export class BodyRenderer {
  readonly counters: { readonly name: string; readonly bound: number }[] = [];

  constructor(private readonly activityName: (i: number) => string) {}

  block(list: readonly StmtGen[], indent: string): string {
    if (list.length === 0) return '{ }';
    return `{\n${this.lines(list, `${indent}  `)}\n${indent}}`;
  }

  lines(list: readonly StmtGen[], indent: string): string {
    return list.map((s) => indent + this.stmt(s, indent)).join('\n');
  }

  private handler(h: HandlerGen | undefined, indent: string): string {
    if (!h) return '';
    switch (h.k) {
      case 'continue':
        return ' or continue';
      case 'abort':
      case 'fail':
        return ` or ${h.k}${h.reason ? ` "${h.reason}"` : ''}`;
      case 'block':
        return ` or ${this.block(h.body, indent)}`;
    }
  }

  private arm(a: ArmGen, indent: string): string {
    if (a.k === 'timer') return `timer${a.duration ? ` ${a.duration}` : ''} => ${this.block(a.body, indent)}`;
    return `${this.activityName(a.act)}${this.handler(a.handler, indent)}${a.body ? ` => ${this.block(a.body, indent)}` : ''}`;
  }

  stmt(s: StmtGen, indent: string): string {
    const inner = `${indent}  `;
    switch (s.k) {
      case 'assign':
        return s.text;
      case 'call':
        return `${this.activityName(s.act)}${s.comp !== undefined ? ` compensate ${this.activityName(s.comp)}` : ''}${this.handler(s.handler, indent)}`;
      case 'if':
        return `if ${s.cond} ${this.block(s.then, indent)}${s.else ? ` else ${this.block(s.else, indent)}` : ''}`;
      case 'while': {
        const name = `c${this.counters.length}`;
        this.counters.push({ name, bound: s.bound });
        return `while ${name} < ${s.bound} ${this.block([...s.body, { k: 'assign', text: `${name} += 1` }], indent)}`;
      }
      case 'whileCond':
        return `while ${s.cond} ${this.block(s.body, indent)}`;
      case 'repeat':
        return `repeat ${s.count} ${this.block(s.body, indent)}`;
      case 'either':
        return `either ${s.branches.map((b) => this.block(b, indent)).join(' or ')}`;
      case 'parallel': {
        const head = `parallel${s.join ? ` ${s.join}` : ''}${s.cancel ? ' cancel' : ''}`;
        // Each branch is one statement: a block when it has several.
        const branches = s.branches.map((b) => inner + (b.length === 1 ? this.stmt(b[0], inner) : this.block(b, inner)));
        return `${head} {\n${branches.join('\n')}\n${indent}}${this.handler(s.handler, indent)}`;
      }
      case 'race':
        return `race${s.cancel ? ' cancel' : ''} {\n${s.arms.map((a) => inner + this.arm(a, inner)).join('\n')}\n${indent}}`;
      case 'fail':
      case 'abort':
        return `${s.k}${s.reason ? ` "${s.reason}"` : ''}`;
      case 'return':
        return 'return';
      case 'register':
        return `compensate with ${this.activityName(s.act)}`;
      case 'skip':
        return 'skip';
      case 'block':
        return this.block(s.body, indent);
    }
  }
}
