/**
 * The model's properties in Promela. Invariants and deadlock freedom go to
 * a monitor process that only moves when one is violated, so it adds no
 * state; LTL properties (and `reachable` goals) become `ltl` blocks; CTL
 * has no SPIN counterpart and is left as a comment.
 */
import { unreachable } from '../diagnostics/diagnostic.js';
import { not, type Expr } from '../model/expr.js';
import type { Model, PropertyIR } from '../model/model.js';
import type { TemporalFormula } from '../model/temporal.js';
import { commentName, type NameTable } from './promelaNames.js';
import { promelaExpr, type SlotReader } from './promelaExpr.js';
import { ltlText } from './promelaLtl.js';

/** Defined (`spin -DWITH_NEXT -a …`) to include LTL properties that use X. */
export const NEXT_MACRO = 'WITH_NEXT';
/** Defined (`spin -DNO_MONITOR -a …`) to leave the monitor out, so an LTL run reports the claim's verdict alone. */
export const NO_MONITOR_MACRO = 'NO_MONITOR';

export interface PromelaProperties {
  /** The monitor proctype, or none when there is nothing to monitor. */
  readonly monitor: readonly string[];
  /** `#define`s and `ltl` blocks, with a comment per property. */
  readonly ltl: readonly string[];
}

const expectNote = (p: PropertyIR) => (p.expect === 'violated' ? ', expected to be violated' : '');

export function promelaProperties(model: Model, read: SlotReader, names: NameTable): PromelaProperties {
  const options: string[] = [];
  const ltl: string[] = [];
  let deadlock = false;
  const block = (p: PropertyIR, f: TemporalFormula, note: string) => {
    const defines: string[] = [];
    const atoms = new Map<string, string>();
    const atom = (e: Expr) => {
      const text = promelaExpr(e, read, 'ltl');
      let name = atoms.get(text);
      if (name === undefined) {
        name = names.take('ap', `${p.name}_${atoms.size}`);
        atoms.set(text, name);
        defines.push(`#define ${name} ${text}`);
      }
      return name;
    };
    const t = ltlText(f, atom);
    if (t === undefined) {
      ltl.push(`/* ${p.kind} ${commentName(p.name)}: nested path quantifiers have no SPIN counterpart; skipped */`);
      return;
    }
    ltl.push(`/* ${p.kind} ${commentName(p.name)}${expectNote(p)}${note} */`);
    if (t.usesNext) ltl.push(`/* uses X (next): SPIN accepts it only when built with -DNXT; include it with spin -D${NEXT_MACRO} -a */`, `#ifdef ${NEXT_MACRO}`);
    ltl.push(...defines, `ltl ${names.take('ltl', p.name)} { ${t.text} }`);
    if (t.usesNext) ltl.push('#endif');
  };
  for (const p of model.properties) {
    switch (p.kind) {
      case 'invariant': {
        const e = promelaExpr(p.expr, read);
        options.push(`  /* invariant ${commentName(p.name)}${expectNote(p)} */`, `  :: d_step { !${e} -> assert(${e}) }`);
        break;
      }
      case 'deadlock_free':
        deadlock = true;
        break;
      case 'reachable':
        block(p, { kind: 'G', arg: { kind: 'atom', expr: not(p.expr), text: '' } }, ': reachable iff SPIN finds this claim violated');
        break;
      case 'ltl': {
        const f = p.formula;
        if (f.kind === 'E') block(p, { kind: 'not', arg: f.path }, ': E f holds iff SPIN finds this claim (!f) violated');
        else block(p, f.kind === 'A' ? f.path : f, '');
        break;
      }
      case 'ctl':
        ltl.push(`/* ctl ${commentName(p.name)}: CTL has no SPIN counterpart; skipped */`);
        break;
      default:
        unreachable(p);
    }
  }
  if (deadlock) {
    // timeout: no process can move, i.e. the model has no successor here.
    options.push('  /* deadlock_free: a state without successors must be terminal */', `  :: atomic { timeout -> assert(${promelaExpr(model.terminal, read)}) }`);
  }
  if (model.fairness.size > 0) {
    ltl.push(`/* ${model.fairness.size} fairness assumption(s) not translated (SPIN's -f is weak fairness per process): LTL verdicts may differ where they matter */`);
  }
  const monitor = options.length === 0 ? [] : [`#ifndef ${NO_MONITOR_MACRO}`, 'active proctype monitor() {', 'end:', '  do', ...options, '  od', '}', '#endif'];
  return { monitor, ltl };
}
