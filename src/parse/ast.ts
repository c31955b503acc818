/**
 * The AST of a spec file: what the text says, with a span on every node.
 * Names are unresolved strings here; elaborate/ gives them meaning.
 */
import type { SourceSpan } from '../diagnostics/span.js';

export interface Ident {
  readonly name: string;
  readonly span: SourceSpan;
}

export type ExprAst =
  | { readonly kind: 'number'; readonly value: number; readonly span: SourceSpan }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: SourceSpan }
  | { readonly kind: 'name'; readonly name: string; readonly span: SourceSpan }
  | { readonly kind: 'qualified'; readonly scope: Ident; readonly member: Ident; readonly span: SourceSpan }
  | { readonly kind: 'apply'; readonly fn: Ident; readonly args: readonly ExprAst[]; readonly span: SourceSpan }
  | { readonly kind: 'unary'; readonly op: '-' | '!'; readonly arg: ExprAst; readonly span: SourceSpan }
  | { readonly kind: 'binary'; readonly op: BinaryOpAst; readonly left: ExprAst; readonly right: ExprAst; readonly span: SourceSpan };

export type BinaryOpAst = '+' | '-' | '*' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||' | '->' | '<->';

export type TypeAst =
  | { readonly kind: 'range'; readonly lo: number; readonly hi: number; readonly span: SourceSpan }
  | { readonly kind: 'bool'; readonly span: SourceSpan }
  | { readonly kind: 'enum'; readonly values: readonly Ident[]; readonly span: SourceSpan };

export interface VarDeclAst {
  readonly kind: 'var' | 'shared';
  readonly name: Ident;
  readonly type: TypeAst;
  readonly init: ExprAst;
  readonly span: SourceSpan;
}

export type AssignOpAst = '=' | '+=' | '-=';

export type EffectStmtAst =
  | { readonly kind: 'assign'; readonly target: Ident; readonly op: AssignOpAst; readonly value: ExprAst; readonly span: SourceSpan }
  | { readonly kind: 'if'; readonly cond: ExprAst; readonly then: readonly EffectStmtAst[]; readonly else: readonly EffectStmtAst[]; readonly span: SourceSpan }
  | { readonly kind: 'either'; readonly branches: readonly (readonly EffectStmtAst[])[]; readonly span: SourceSpan };

export type ActivityOptionAst =
  | { readonly kind: 'mayFail'; readonly span: SourceSpan }
  | { readonly kind: 'failAfterEffect'; readonly span: SourceSpan }
  | { readonly kind: 'idempotent'; readonly span: SourceSpan }
  /** Runs on a context that workflow cancellation does not cancel (Temporal's NewDisconnectedContext). */
  | { readonly kind: 'disconnected'; readonly span: SourceSpan }
  | { readonly kind: 'retry'; readonly count: number | 'forever'; readonly span: SourceSpan }
  /** The step's compensation in the business's own map (what compensation_complete checks against). */
  | { readonly kind: 'compensatedBy'; readonly compensation: Ident; readonly span: SourceSpan };

export interface ActivityDeclAst {
  readonly kind: 'activity';
  readonly name: Ident;
  readonly options: readonly ActivityOptionAst[];
  readonly effect: readonly EffectStmtAst[];
  readonly span: SourceSpan;
}

export type HandlerAst =
  | { readonly kind: 'continue'; readonly span: SourceSpan }
  | { readonly kind: 'fail'; readonly reason?: string; readonly span: SourceSpan }
  | { readonly kind: 'abort'; readonly reason?: string; readonly span: SourceSpan }
  | { readonly kind: 'block'; readonly body: readonly StmtAst[]; readonly span: SourceSpan };

export type RaceArmAst =
  | { readonly kind: 'timer'; readonly duration?: string; readonly body: readonly StmtAst[]; readonly span: SourceSpan }
  | { readonly kind: 'signal'; readonly signal: Ident; readonly body: readonly StmtAst[]; readonly span: SourceSpan }
  | { readonly kind: 'activity'; readonly activity: Ident; readonly handler?: HandlerAst; readonly body: readonly StmtAst[]; readonly span: SourceSpan };

export type StmtAst =
  | { readonly kind: 'assign'; readonly target: Ident; readonly op: AssignOpAst; readonly value: ExprAst; readonly span: SourceSpan }
  | { readonly kind: 'call'; readonly activity: Ident; readonly compensation?: Ident; readonly handler?: HandlerAst; readonly span: SourceSpan }
  | { readonly kind: 'if'; readonly cond: ExprAst; readonly then: readonly StmtAst[]; readonly else: readonly StmtAst[]; readonly span: SourceSpan }
  | { readonly kind: 'while'; readonly cond: ExprAst; readonly body: readonly StmtAst[]; readonly span: SourceSpan }
  | { readonly kind: 'repeat'; readonly count: number; readonly body: readonly StmtAst[]; readonly span: SourceSpan }
  | { readonly kind: 'parallel'; readonly join?: Ident; readonly cancel: boolean; readonly branches: readonly StmtAst[]; readonly handler?: HandlerAst; readonly span: SourceSpan }
  | { readonly kind: 'await'; readonly signal: Ident; readonly span: SourceSpan }
  | { readonly kind: 'race'; readonly cancel: boolean; readonly arms: readonly RaceArmAst[]; readonly span: SourceSpan }
  | { readonly kind: 'either'; readonly branches: readonly (readonly StmtAst[])[]; readonly span: SourceSpan }
  | { readonly kind: 'fail'; readonly reason?: string; readonly span: SourceSpan }
  | { readonly kind: 'abort'; readonly reason?: string; readonly span: SourceSpan }
  | { readonly kind: 'return'; readonly span: SourceSpan }
  | { readonly kind: 'skip'; readonly span: SourceSpan }
  | { readonly kind: 'register'; readonly compensation: Ident; readonly span: SourceSpan }
  | { readonly kind: 'block'; readonly body: readonly StmtAst[]; readonly span: SourceSpan };

export type ExpectationAst = 'holds' | 'violated';

export type FormulaAst =
  | { readonly kind: 'atom'; readonly expr: ExprAst; readonly span: SourceSpan }
  | { readonly kind: 'deadlock'; readonly span: SourceSpan }
  | { readonly kind: 'not'; readonly arg: FormulaAst; readonly span: SourceSpan }
  | { readonly kind: 'and' | 'or' | 'implies' | 'iff'; readonly left: FormulaAst; readonly right: FormulaAst; readonly span: SourceSpan }
  | { readonly kind: 'EX' | 'AX' | 'EF' | 'AF' | 'EG' | 'AG'; readonly arg: FormulaAst; readonly span: SourceSpan }
  | { readonly kind: 'EU' | 'AU' | 'EW' | 'AW'; readonly left: FormulaAst; readonly right: FormulaAst; readonly span: SourceSpan }
  | { readonly kind: 'X' | 'F' | 'G'; readonly arg: FormulaAst; readonly span: SourceSpan }
  | { readonly kind: 'U' | 'R' | 'W'; readonly left: FormulaAst; readonly right: FormulaAst; readonly span: SourceSpan }
  | { readonly kind: 'A' | 'E'; readonly path: FormulaAst; readonly span: SourceSpan };

export type FairTargetAst =
  | { readonly kind: 'activity'; readonly name: Ident }
  | { readonly kind: 'instance'; readonly name: Ident }
  | { readonly kind: 'transition'; readonly name: Ident }
  | { readonly kind: 'signal'; readonly name: Ident };

export type PropertyAst =
  | { readonly kind: 'invariant'; readonly name: Ident; readonly expr: ExprAst; readonly expect?: ExpectationAst; readonly span: SourceSpan }
  | { readonly kind: 'reachable'; readonly name: Ident; readonly expr: ExprAst; readonly expect?: ExpectationAst; readonly span: SourceSpan }
  | { readonly kind: 'deadlock_free'; readonly expect?: ExpectationAst; readonly span: SourceSpan }
  | {
      readonly kind: 'ctl' | 'ltl';
      readonly name: Ident;
      readonly formula: FormulaAst;
      readonly expect?: ExpectationAst;
      readonly span: SourceSpan;
      /** Text the spans point into, when it is not the spec's (a formula given on the command line). */
      readonly sourceText?: string;
    }
  | { readonly kind: 'fair'; readonly strength: 'weak' | 'strong'; readonly target: FairTargetAst; readonly span: SourceSpan }
  | { readonly kind: 'conserves'; readonly name: Ident; readonly expr: ExprAst; readonly expect?: ExpectationAst; readonly span: SourceSpan }
  | { readonly kind: 'exactly_once' | 'at_most_once'; readonly activity: Ident; readonly expect?: ExpectationAst; readonly span: SourceSpan }
  | { readonly kind: 'terminates' | 'compensation_complete'; readonly expect?: ExpectationAst; readonly span: SourceSpan };

export interface WorkflowAst {
  readonly kind: 'workflow';
  readonly name: Ident;
  readonly vars: readonly VarDeclAst[];
  readonly activities: readonly ActivityDeclAst[];
  readonly main?: { readonly body: readonly StmtAst[]; readonly span: SourceSpan };
  /** Several `main` blocks are an elaboration error; keep them all to report it. */
  readonly mains: readonly { readonly body: readonly StmtAst[]; readonly span: SourceSpan }[];
  readonly properties: readonly PropertyAst[];
  /** `cancellable`: where the environment may request cancellation (several are an error). */
  readonly cancellable: readonly SourceSpan[];
  readonly span: SourceSpan;
}

export type StateRefAst = { readonly kind: 'star'; readonly span: SourceSpan } | { readonly kind: 'state'; readonly name: Ident };

export interface EdgeAst {
  readonly from: StateRefAst;
  readonly to: StateRefAst;
  readonly event?: Ident;
  readonly guard?: ExprAst;
  readonly action: readonly EffectStmtAst[];
  readonly span: SourceSpan;
}

export interface MachineAst {
  readonly kind: 'machine';
  readonly name: Ident;
  readonly initial: readonly Ident[];
  readonly finals: readonly Ident[];
  readonly vars: readonly VarDeclAst[];
  readonly edges: readonly EdgeAst[];
  readonly properties: readonly PropertyAst[];
  readonly span: SourceSpan;
}

export interface PlaceAst {
  readonly name: Ident;
  readonly initial: number;
  readonly capacity?: number;
  readonly span: SourceSpan;
}

export interface ArcAst {
  readonly place: Ident;
  readonly weight: number;
  readonly span: SourceSpan;
}

export interface NetTransitionAst {
  readonly name: Ident;
  readonly inputs: readonly ArcAst[];
  readonly outputs: readonly ArcAst[];
  readonly span: SourceSpan;
}

export interface NetAst {
  readonly kind: 'net';
  readonly name: Ident;
  readonly places: readonly PlaceAst[];
  readonly transitions: readonly NetTransitionAst[];
  readonly properties: readonly PropertyAst[];
  readonly span: SourceSpan;
}

export type InstanceDeclAst =
  | { readonly kind: 'count'; readonly count: number; readonly workflow: Ident; readonly span: SourceSpan }
  | { readonly kind: 'named'; readonly names: readonly Ident[]; readonly workflow: Ident; readonly span: SourceSpan };

export interface SystemAst {
  readonly kind: 'system';
  readonly name: Ident;
  readonly shared: readonly VarDeclAst[];
  readonly instances: readonly InstanceDeclAst[];
  readonly properties: readonly PropertyAst[];
  readonly span: SourceSpan;
}

export type DeclAst = WorkflowAst | MachineAst | NetAst | SystemAst;

export interface SpecAst {
  readonly file: string;
  readonly decls: readonly DeclAst[];
  readonly span: SourceSpan;
}
