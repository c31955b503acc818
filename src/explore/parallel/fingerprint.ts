/**
 * What must agree between the main thread's system and the ones workers
 * rebuild from the source: layout, initial state, transitions (ids and
 * names) and the terminal atom. Workers compare before exploring and fail loudly if not.
 */
import type { TransitionSystem } from '../../system/transitionSystem.js';

export function systemFingerprint(system: TransitionSystem): string {
  const parts: string[] = [`words=${system.layout.stateWords}`, `transitions=${system.transitionCount}`];
  for (const s of system.layout.slots) parts.push(`slot ${s.name} ${s.lo}..${s.hi} @${s.word}:${s.shift}/${s.bits}`);
  for (let t = 0; t < system.transitionCount; t++) parts.push(`t${t} ${system.transitionInfo(t).name}`);
  // The terminal atom's expression is not visible through the interface: compare its value initially.
  const initial = new Int32Array(system.layout.stateWords);
  system.initial(initial);
  parts.push(`initial ${initial.join(',')}`, `terminal ${system.atoms[system.terminalAtom]?.text ?? '?'} ${system.label(initial, system.terminalAtom)}`);
  return parts.join('\n');
}

/** A short digest of a fingerprint for messages. */
export function fingerprintDigest(fingerprint: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < fingerprint.length; i++) h = Math.imul(h ^ fingerprint.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
