/**
 * Model IR → TransitionSystem. The successor function is generated
 * JavaScript (from validated IR only: numbers and operators, never spec
 * text; see transitionCode.ts), in chunks small enough for V8 to optimise.
 * A transition whose result leaves a slot's range reports a fault instead
 * of a successor.
 */
import { OrderedMap } from 'immutable';
import { not, type Expr } from '../model/expr.js';
import type { Model, NetTransition, Slot } from '../model/model.js';
import { formatValue, typeRange } from '../model/types.js';
import { packLayout, readSlot, type StateLayout } from '../system/stateLayout.js';
import type { DisplayValue, StateView } from '../system/stateView.js';
import type { AtomId, AtomInfo, FaultSink, SuccessorSink, TransitionId, TransitionInfo, TransitionSystem } from '../system/transitionSystem.js';
import { condCode } from './exprCode.js';
import { overflowFiring, type OverflowFiring } from './overflowFiring.js';
import { enablingKey, transitionCode } from './transitionCode.js';

/**
 * Source characters per generated function. V8 does not optimise a function
 * of more than 60 KB of bytecode (about 75,000 characters of this code);
 * below that, fewer and larger functions are faster (Lamport-4: 48
 * transitions a chunk 406 ms, 160 a chunk 356 ms of successor generation).
 */
const CHUNK_CHARS = 40_000;
/** Transitions per block skipped at once when none of its key places holds a token. */
const BLOCK = 8;

type SuccessorChunk = (s: Int32Array, next: Int32Array, emit: SuccessorSink, fault: (t: number, slot: number, value: number) => void, overflow: OverflowFiring) => number;
type Predicate = (s: Int32Array) => boolean;

export interface AtomSource {
  readonly name: string;
  readonly text: string;
  readonly expr: Expr;
}

interface Block {
  readonly code: string[];
  readonly words: ReadonlySet<number>;
}

/**
 * Code for one block of transitions (in id order: traces depend on the
 * emission order). In nets most places are empty in most states, so the
 * block is first skipped as a whole when every one's key place is empty.
 */
function blockCode(block: readonly NetTransition[], offset: number, layout: StateLayout, initial: readonly number[]): Block {
  const words = new Set<number>();
  const local = (w: number): string => {
    words.add(w);
    return `s${w}`;
  };
  const bodies = block.map((t, k) => transitionCode(t, offset + k, layout, local));
  const keys = new Map<number, number>();
  let keyed = true;
  for (const t of block) {
    const key = enablingKey(t, layout, initial);
    if (key === undefined) keyed = false;
    else keys.set(key.word, (keys.get(key.word) ?? 0) | key.mask);
  }
  if (!keyed || block.length === 1) return { code: bodies, words };
  return { code: [`if (${[...keys].map(([w, m]) => `(${local(w)} & ${m}) !== 0`).join(' || ')}) {`, ...bodies, '}'], words };
}

/** One generated function for consecutive blocks: the state words they read are loaded into locals once. */
function compileChunk(blocks: readonly Block[]): SuccessorChunk {
  const used = new Set<number>();
  for (const b of blocks) for (const w of b.words) used.add(w);
  const loads = [...used].sort((a, b) => a - b).map((w) => `const s${w} = s[${w}];`);
  const code = [...loads, 'let n = 0;', ...blocks.flatMap((b) => b.code), 'return n;'].join('\n');
  return new Function('s', 'next', 'emit', 'fault', 'overflow', code) as SuccessorChunk;
}

/** The successor function in chunks of about CHUNK_CHARS characters, in transition order. */
function compileChunks(transitions: readonly NetTransition[], layout: StateLayout, initial: readonly number[]): SuccessorChunk[] {
  const chunks: SuccessorChunk[] = [];
  let pending: Block[] = [];
  let size = 0;
  for (let i = 0; i < transitions.length; i += BLOCK) {
    const block = blockCode(transitions.slice(i, i + BLOCK), i, layout, initial);
    const chars = block.code.reduce((n, line) => n + line.length + 1, 0);
    if (pending.length > 0 && size + chars > CHUNK_CHARS) {
      chunks.push(compileChunk(pending));
      pending = [];
      size = 0;
    }
    pending.push(block);
    size += chars;
  }
  if (pending.length > 0) chunks.push(compileChunk(pending));
  return chunks;
}

function compilePredicate(e: Expr, layout: StateLayout): Predicate {
  return new Function('s', `return ${condCode(e, layout)};`) as Predicate;
}

export interface CompiledModel extends TransitionSystem {
  /**
   * Per property (in order), the atom whose first reachable occurrence
   * decides it: an invariant's violation (¬expr), a reachable's target.
   * deadlock_free has none.
   */
  readonly propertyAtoms: readonly (AtomId | undefined)[];
  /** Compile an extra atom (for formulas given on the command line or in tests). */
  addAtom(source: AtomSource): AtomId;
}

export function compileModel(model: Model): CompiledModel {
  const slots: Slot[] = model.slots.toArray();
  const layout = packLayout(slots.map((s) => ({ name: s.name, ...typeRange(s.type) })));
  const transitions: NetTransition[] = model.transitions.toArray();
  const initialValues = slots.map((s) => s.initial);
  const chunks = compileChunks(transitions, layout, initialValues);

  const atoms: AtomInfo[] = [];
  const predicates: Predicate[] = [];
  const addAtom = (source: AtomSource): AtomId => {
    atoms.push({ name: source.name, text: source.text });
    predicates.push(compilePredicate(source.expr, layout));
    return atoms.length - 1;
  };
  const terminalAtom = addAtom({ name: 'terminal', text: 'terminated', expr: model.terminal });
  const propertyAtoms = model.properties.toArray().map((p) => {
    switch (p.kind) {
      case 'deadlock_free':
        return undefined;
      case 'invariant':
        return addAtom({ name: `violation of ${p.name}`, text: `!(${p.text})`, expr: not(p.expr) });
      case 'reachable':
        return addAtom({ name: p.name, text: p.text, expr: p.expr });
    }
  });

  const infos: TransitionInfo[] = transitions.map((t) => ({
    name: t.name,
    label: t.label,
    kind: t.kind,
    ...(t.outcome ? { outcome: t.outcome } : {}),
    ...(t.instance ? { instance: t.instance } : {}),
    span: t.origin,
  }));

  let faultSink: FaultSink | undefined;
  const reportFault = (t: number, slot: number, value: number) => {
    if (!faultSink) return;
    const s = slots[slot];
    const { lo, hi } = typeRange(s.type);
    const what = s.role === 'place' || s.role === 'control' ? `place '${s.name}' would hold ${value} tokens (capacity ${hi})` : `'${s.name}' would become ${value}, outside its range ${lo}..${hi}`;
    faultSink(t, what);
  };

  const system: CompiledModel = {
    layout,
    transitionCount: transitions.length,
    atoms,
    terminalAtom,
    propertyAtoms,
    addAtom,
    initial(out: Int32Array): void {
      out.fill(0);
      for (let i = 0; i < slots.length; i++) {
        const L = layout.slots[i];
        if (L.bits === 0) continue;
        out[L.word] |= (initialValues[i] - L.lo) << L.shift;
      }
    },
    successors(s: Int32Array, emit: SuccessorSink, fault?: FaultSink): number {
      // A sink that asks for successors again (none does today) gets a buffer of its own.
      if (busy) return expand(s, new Int32Array(layout.stateWords), emit, fault);
      busy = true;
      try {
        return expand(s, scratch, emit, fault);
      } finally {
        busy = false;
      }
    },
    label(s: Int32Array, ap: AtomId): boolean {
      return predicates[ap](s);
    },
    describe(s: Int32Array): StateView {
      return OrderedMap<string, DisplayValue>().withMutations((m) => {
        for (let i = 0; i < slots.length; i++) {
          if (slots[i].hidden) continue;
          m.set(slots[i].name, formatValue(slots[i].type, readSlot(layout, s, i)));
        }
      });
    },
    transitionInfo(t: TransitionId): TransitionInfo {
      return infos[t];
    },
  };
  const scratch = new Int32Array(layout.stateWords);
  const overflow = overflowFiring(transitions, layout, reportFault);
  let busy = false;
  // The chunks expect next = s on entry and leave it so (they restore the words they change).
  const expand = (s: Int32Array, next: Int32Array, emit: SuccessorSink, fault: FaultSink | undefined): number => {
    const outer = faultSink;
    faultSink = fault;
    next.set(s);
    let n = 0;
    for (let c = 0; c < chunks.length; c++) n += chunks[c](s, next, emit, reportFault, overflow);
    faultSink = outer;
    return n;
  };
  return system;
}
