/**
 * Explores a PNML net whose places are unbounded in theory with slots that
 * are bounded in fact, without ever wrapping or claiming too much: each
 * place starts with the narrowest width that holds its initial marking
 * (1 bit for most), and a place that would overflow is widened (1 → 4 →
 * 8 → 16 → 31 bits) and the net explored again. Only an overflow at 31 bits is
 * left for the in_range property to report. Narrow slots pack many places
 * per word, which makes safe nets several times faster to explore. A place
 * with a structural bound (placeBounds.ts) starts at exactly that width.
 */
import { compileModel, type CompiledModel } from '../compile/compileModel.js';
import { explore } from '../explore/explore.js';
import type { Exploration, ExploreOptions } from '../explore/exploration.js';
import { exploreParallel, sequentialReason } from '../explore/parallel/exploreParallel.js';
import type { SystemSource } from '../explore/parallel/workerProtocol.js';
import type { WidenedNet } from './widenedSystem.js';
import type { Model } from '../model/model.js';
import { readPnml, type PnmlNet } from '../pnml/readPnml.js';
import { placeBounds } from './placeBounds.js';
import { readSlot } from '../system/stateLayout.js';
import type { FaultSink, SuccessorSink, TransitionSystem } from '../system/transitionSystem.js';

/** Place capacities tried in turn: 1, 4, 8, 16 and 31 bits (4 bits: most bounded places of the MCC nets hold at most 15 tokens). */
export const CAPACITY_STEPS = [1, 15, 255, 65535, 2 ** 31 - 1] as const;
const MAX_CAPACITY = CAPACITY_STEPS[CAPACITY_STEPS.length - 1];

/** After the first overflow at expansion f, a round goes on to 2f + this many expansions to find more overflowing places, then stops. */
const EXTRA_EXPANSIONS = 4096;

export interface WidenedExploration {
  readonly net: PnmlNet;
  readonly model: Model;
  readonly system: CompiledModel;
  readonly exploration: Exploration;
  /** Capacity of each place in the final round. */
  readonly capacities: readonly number[];
  /** Explorations run (1 when no place overflowed). */
  readonly rounds: number;
  /** Seconds spent finding structural bounds before the first round. */
  readonly boundsSeconds: number;
}

export interface WideningHooks {
  /** Adjust the read model before compiling (e.g. a workflow net's terminal marking). */
  readonly model?: (net: PnmlNet) => Model;
  /** Explore options for this round's system (atoms to watch are compiled into it here). */
  readonly options: (system: CompiledModel, net: PnmlNet, model: Model) => ExploreOptions;
  /**
   * Explore each round on this many threads when its options allow (see
   * exploreParallel). Workers rebuild the net from the text with the round's
   * capacities, so `model` must leave the net's transitions and terminal as read.
   */
  readonly workers?: number;
  /** Called after each round's exploration (the benchmark times every round: each is work the user waits for). */
  readonly onRound?: (exploration: Exploration, system: CompiledModel) => void;
  /** Start bounded places at their P-semiflow bound (default true; false tests widening alone). */
  readonly structuralBounds?: boolean;
}

function stepFor(tokens: number): number {
  return CAPACITY_STEPS.find((c) => c >= tokens) ?? MAX_CAPACITY;
}

/**
 * A layer over the compiled net that notes which places overflow (from the
 * faulting state and transition) and counts expansions. `flag` (shared with
 * worker threads' copies in a parallel round) is raised at the first
 * overflow that widening can cure.
 */
export class OverflowWatch implements TransitionSystem {
  readonly overflowing = new Set<number>();
  expansions = 0;
  firstFaultAt = -1;
  private readonly grows: { slot: number; delta: number }[][];

  constructor(
    private readonly inner: TransitionSystem,
    model: Model,
    private readonly capacities: readonly number[],
    private readonly flag?: Int32Array,
  ) {
    this.grows = model.transitions.toArray().map((t) => {
      const delta = new Map<number, number>();
      for (const a of t.pre) delta.set(a.slot, (delta.get(a.slot) ?? 0) - a.weight);
      for (const a of t.post) delta.set(a.slot, (delta.get(a.slot) ?? 0) + a.weight);
      return [...delta].filter(([, d]) => d > 0).map(([slot, d]) => ({ slot, delta: d }));
    });
  }

  get layout() {
    return this.inner.layout;
  }
  get transitionCount() {
    return this.inner.transitionCount;
  }
  get atoms() {
    return this.inner.atoms;
  }
  get terminalAtom() {
    return this.inner.terminalAtom;
  }
  initial(out: Int32Array): void {
    this.inner.initial(out);
  }
  successors(s: Int32Array, emit: SuccessorSink, fault?: FaultSink): number {
    this.expansions++;
    const noting: FaultSink = (t, message) => {
      this.note(s, t);
      fault?.(t, message);
    };
    return this.inner.successors(s, emit, noting);
  }

  /** Notes the places that transition `t` overflows from state `s`. */
  note(s: Int32Array, t: number): void {
    for (const g of this.grows[t]) {
      if (readSlot(this.inner.layout, s, g.slot) + g.delta <= this.capacities[g.slot]) continue;
      this.overflowing.add(g.slot);
      // Only an overflow that widening can cure makes the rest of this round pointless.
      if (this.capacities[g.slot] < MAX_CAPACITY) {
        if (this.firstFaultAt < 0) this.firstFaultAt = this.expansions;
        if (this.flag !== undefined) Atomics.store(this.flag, 0, 1);
      }
    }
  }
  label(s: Int32Array, ap: number): boolean {
    return this.inner.label(s, ap);
  }
  describe(s: Int32Array) {
    return this.inner.describe(s);
  }
  transitionInfo(t: number) {
    return this.inner.transitionInfo(t);
  }

  /** Enough has been seen past the first overflow: another round is needed anyway. */
  seenEnough(): boolean {
    return this.firstFaultAt >= 0 && this.expansions > 2 * this.firstFaultAt + EXTRA_EXPANSIONS;
  }
}

/**
 * First widths: a place's structural bound where it has one (it cannot
 * overflow it; a place bounded by 0 takes no bits), else the narrowest
 * step holding its initial tokens.
 */
function firstCapacities(text: string, file: string, hooks: WideningHooks): number[] | undefined {
  if (hooks.structuralBounds === false) return undefined;
  const net = readPnml(text, file, { capacity: (_, initial) => stepFor(initial) });
  const model = hooks.model ? hooks.model(net) : net.model;
  if (model.slots.size !== net.model.slots.size) return undefined;
  const bounds = placeBounds(model);
  if (bounds.every((b) => b === undefined)) return undefined;
  return model.slots.toArray().map((s, i) => {
    const b = bounds[i];
    return b === undefined ? stepFor(s.initial) : Math.min(MAX_CAPACITY, Math.max(b, s.initial));
  });
}

export function exploreWidening(text: string, file: string, hooks: WideningHooks): WidenedExploration {
  const started = performance.now();
  let capacities: number[] | undefined = firstCapacities(text, file, hooks);
  const boundsSeconds = (performance.now() - started) / 1000;
  for (let round = 1; ; round++) {
    const caps = capacities;
    const net = readPnml(text, file, { capacity: (i, initial) => caps?.[i] ?? stepFor(initial) });
    const capacityOf = net.model.slots.toArray().map((s) => (s.type.kind === 'int' ? s.type.hi : 1));
    const model = hooks.model ? hooks.model(net) : net.model;
    const system = compileModel(model);
    const options = hooks.options(system, net, model);
    const workers = hooks.workers !== undefined && hooks.workers > 1 && sequentialReason(options) === undefined ? hooks.workers : 1;
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const watch = new OverflowWatch(system, model, capacityOf, flag);
    const userStop = options.shouldStop;
    const timeoutMs = options.timeoutMs === undefined ? undefined : Math.max(1, options.timeoutMs - (performance.now() - started));
    const parallelEnough = flaggedLongEnough(flag);
    const roundOptions = {
      ...options,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      shouldStop: () => (workers > 1 ? parallelEnough() : watch.seenEnough()) || (userStop?.() ?? false),
    };
    const exploration =
      workers > 1 ? exploreParallel(watch, roundOptions, { workers, source: widenedSource(text, file, capacityOf, flag) }) : explore(watch, roundOptions);
    // Overflows seen by worker threads come back as faults (the first ones of each thread).
    if (workers > 1) notePlaces(watch, exploration);
    hooks.onRound?.(exploration, system);
    let widened = false;
    for (const slot of watch.overflowing) {
      const next = CAPACITY_STEPS.find((c) => c > capacityOf[slot]);
      if (next !== undefined) {
        capacityOf[slot] = next;
        widened = true;
      }
    }
    const result = { net, model, system, exploration, capacities: capacityOf, rounds: round, boundsSeconds };
    if (!widened) return result;
    // Out of time, or stopped by the user: no next round, and overflows of narrow places are no verdict.
    const interrupted = userStop?.() ?? false;
    if (interrupted || (options.timeoutMs !== undefined && performance.now() - started >= options.timeoutMs)) {
      return { ...result, exploration: { ...exploration, faults: [], status: { kind: 'stopped', reason: interrupted ? 'interrupted' : 'timeout' } } };
    }
    capacities = capacityOf;
  }
}

/**
 * A parallel round cannot count expansions past the first cure-able
 * overflow as the sequential one does; it goes on for as long again as it
 * took to meet it (plus 20 ms) to find more overflowing places, then stops.
 */
function flaggedLongEnough(flag: Int32Array): () => boolean {
  const start = performance.now();
  let raisedAt = -1;
  return () => {
    if (Atomics.load(flag, 0) === 0) return false;
    const now = performance.now() - start;
    if (raisedAt < 0) raisedAt = now;
    return now >= 2 * raisedAt + 20;
  };
}

/** Where worker threads rebuild a round's system: widenedSystem.ts, from the text and the round's capacities. */
function widenedSource(text: string, file: string, capacities: readonly number[], flag: Int32Array): SystemSource {
  const arg: WidenedNet = { text, file, capacities: [...capacities], flag: flag.buffer as SharedArrayBuffer };
  return { module: new URL('./widenedSystem.js', import.meta.url).href, arg };
}

function notePlaces(watch: OverflowWatch, x: Exploration): void {
  const s = new Int32Array(x.store.stateWords);
  for (const f of x.faults) {
    x.store.read(f.state, s);
    watch.note(s, f.transition);
  }
}
