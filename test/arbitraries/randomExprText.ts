/**
 * Random well-typed DSL expressions, as text, over the names a spec
 * declares: integer terms, boolean conditions and enum comparisons. Every
 * compound is parenthesised, so the text means what the generator built.
 */
import fc from 'fast-check';

export interface EnumName {
  readonly name: string;
  readonly values: readonly string[];
}

/** What an expression may mention (all names already valid in the spec's scope). */
export interface ExprEnv {
  readonly ints: readonly string[];
  readonly bools: readonly string[];
  readonly enums: readonly EnumName[];
}

const smallConst = fc.integer({ min: -1, max: 3 }).map(String);

export function intExpr(env: ExprEnv, depth: number): fc.Arbitrary<string> {
  const leaves: fc.Arbitrary<string>[] = [smallConst];
  if (env.ints.length > 0) leaves.push(fc.constantFrom(...env.ints), fc.constantFrom(...env.ints));
  const leaf = fc.oneof(...leaves);
  if (depth <= 0) return leaf;
  const sub = intExpr(env, depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(sub, fc.constantFrom('+', '-'), sub).map(([a, op, b]) => `(${a} ${op} ${b})`) },
    { weight: 1, arbitrary: fc.tuple(sub, fc.integer({ min: 0, max: 2 })).map(([a, k]) => `(${a} * ${k})`) },
    { weight: 1, arbitrary: sub.map((a) => `(-${a})`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('min', 'max'), sub, sub).map(([f, a, b]) => `${f}(${a}, ${b})`) },
  );
}

const compareOp = fc.constantFrom('==', '!=', '<', '<=', '>', '>=');

function enumTest(e: EnumName): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom('==', '!='), fc.constantFrom(...e.values), fc.boolean()).map(([op, v, flip]) => (flip ? `(${v} ${op} ${e.name})` : `(${e.name} ${op} ${v})`));
}

export function boolExpr(env: ExprEnv, depth: number): fc.Arbitrary<string> {
  const leaves: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [
    { weight: 1, arbitrary: fc.constantFrom('true', 'false') },
    { weight: 4, arbitrary: fc.tuple(intExpr(env, 0), compareOp, intExpr(env, depth > 0 ? 1 : 0)).map(([a, op, b]) => `(${a} ${op} ${b})`) },
  ];
  if (env.bools.length > 0) leaves.push({ weight: 4, arbitrary: fc.constantFrom(...env.bools) });
  for (const e of env.enums) leaves.push({ weight: 2, arbitrary: enumTest(e) });
  const leaf = fc.oneof(...leaves);
  if (depth <= 0) return leaf;
  const sub = boolExpr(env, depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    // `!` binds looser than `==` in the grammar (Not is above Compare), so `(!a)` keeps it an operand.
    { weight: 1, arbitrary: sub.map((a) => `(!${a})`) },
    { weight: 3, arbitrary: fc.tuple(sub, fc.constantFrom('&&', '||', '->', '<->', '==', '!='), sub).map(([a, op, b]) => `(${a} ${op} ${b})`) },
  );
}
