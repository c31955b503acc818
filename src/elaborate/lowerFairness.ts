/**
 * `fair weak|strong X` → groups of transitions. An activity gives one group
 * per call site (and instance): its successful completions, so "a call
 * retried forever eventually succeeds". An instance gives all its
 * transitions (no starvation); a transition or event name, those transitions;
 * a signal, the environment's sending of it.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FairnessIR } from '../model/temporal.js';
import type { PropertyAst } from '../parse/ast.js';
import type { ModelView } from './atoms.js';

export function lowerFairness(p: PropertyAst & { kind: 'fair' }, view: ModelView, instance: string | undefined, diags: Diagnostic[]): FairnessIR[] {
  const target = p.target;
  const name = target.name.name;
  const all = view.transitions.map((t, i) => ({ t, i }));
  switch (target.kind) {
    case 'activity': {
      const groups = new Map<string, number[]>();
      for (const { t, i } of all) {
        if (t.label !== name || (t.kind !== 'complete' && t.kind !== 'compensate') || t.outcome !== 'ok') continue;
        if (instance !== undefined && t.instance !== instance) continue;
        const key = `${t.instance ?? ''}@${t.origin.start}`;
        groups.set(key, [...(groups.get(key) ?? []), i]);
      }
      if (groups.size === 0) {
        diags.push(error('WF201', `fair ${p.strength} ${name}: no activity call named '${name}'`, target.name.span));
        return [];
      }
      return [...groups.values()].map((transitions) => {
        const t = view.transitions[transitions[0]];
        return { strength: p.strength, name: `${p.strength} ${name}${t.instance ? ` (${t.instance})` : ''}`, transitions };
      });
    }
    case 'instance': {
      const transitions = all.filter(({ t }) => t.instance === name).map(({ i }) => i);
      if (transitions.length === 0) {
        diags.push(error('WF201', `fair ${p.strength} instance ${name}: no instance named '${name}'`, target.name.span));
        return [];
      }
      return [{ strength: p.strength, name: `${p.strength} instance ${name}`, transitions }];
    }
    case 'transition': {
      const transitions = all.filter(({ t }) => t.name === name || t.label === name).map(({ i }) => i);
      if (transitions.length === 0) {
        diags.push(error('WF201', `fair ${p.strength} transition ${name}: no transition or event named '${name}'`, target.name.span));
        return [];
      }
      return [{ strength: p.strength, name: `${p.strength} ${name}`, transitions }];
    }
    case 'signal': {
      // The environment's sending of the signal (awaits and race arms), not the waiting around it.
      const label = `signal ${name}`;
      const transitions = all.filter(({ t }) => t.kind === 'event' && t.label === label && (instance === undefined || t.instance === instance)).map(({ i }) => i);
      if (transitions.length === 0) {
        diags.push(error('WF201', `fair ${p.strength} signal ${name}: no signal named '${name}' is awaited`, target.name.span));
        return [];
      }
      return [{ strength: p.strength, name: `${p.strength} signal ${name}`, transitions }];
    }
  }
}
