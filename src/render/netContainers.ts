/**
 * The nesting of a net drawing: one box per workflow instance, inside it the
 * model's clusters (parallel blocks, races, sagas) with their parents, and
 * each transition and place in the innermost box that holds it. A place goes
 * in the smallest box containing every transition it is connected to.
 */
import type { Model } from '../model/model.js';
import type { TransitionGroup } from './netGroups.js';

export const ROOT = '';

export interface Container {
  readonly id: string;
  readonly label: string;
  readonly parent: string;
  readonly kind: 'instance' | 'cluster';
}

export interface Layout {
  /** Containers by id, in the order they should be drawn (parents before children). */
  readonly containers: ReadonlyMap<string, Container>;
  readonly groupIn: ReadonlyMap<number, string>;
  readonly placeIn: ReadonlyMap<number, string>;
}

export const instanceId = (instance: string): string => `i_${instance}`;
const clusterId = (cluster: string): string => `c_${cluster}`;

function ancestors(id: string, containers: ReadonlyMap<string, Container>): string[] {
  const out: string[] = [];
  for (let at: string | undefined = id; at !== undefined && at !== ROOT; at = containers.get(at)?.parent) {
    out.push(at);
    if (out.length > containers.size) break; // a parent cycle in bad input: stop rather than loop
  }
  out.push(ROOT);
  return out;
}

function commonAncestor(ids: readonly string[], containers: ReadonlyMap<string, Container>): string {
  if (ids.length === 0) return ROOT;
  let common = ancestors(ids[0], containers);
  for (const id of ids.slice(1)) {
    const chain = new Set(ancestors(id, containers));
    common = common.filter((c) => chain.has(c));
  }
  return common[0] ?? ROOT;
}

export function layoutContainers(model: Model, groups: readonly TransitionGroup[], places: readonly number[]): Layout {
  const containers = new Map<string, Container>();
  const clusterInstance = new Map<string, string>();
  for (const g of groups) {
    if (g.instance !== undefined && !containers.has(instanceId(g.instance))) {
      containers.set(instanceId(g.instance), { id: instanceId(g.instance), label: g.instance, parent: ROOT, kind: 'instance' });
    }
    if (g.cluster !== undefined && g.instance !== undefined && !clusterInstance.has(g.cluster)) clusterInstance.set(g.cluster, g.instance);
  }
  const declared = new Map(model.clusters.toArray().map((c) => [c.id, c]));
  const addCluster = (id: string, depth = 0): void => {
    if (containers.has(clusterId(id)) || depth > declared.size) return;
    const c = declared.get(id);
    if (c?.parent !== undefined) addCluster(c.parent, depth + 1);
    const inst = clusterInstance.get(id);
    const parent = c?.parent !== undefined ? clusterId(c.parent) : inst !== undefined ? instanceId(inst) : ROOT;
    containers.set(clusterId(id), { id: clusterId(id), label: c?.label ?? id, parent, kind: 'cluster' });
  };
  for (const g of groups) if (g.cluster !== undefined) addCluster(g.cluster);

  const groupIn = new Map<number, string>();
  const touching = new Map<number, string[]>();
  for (const g of groups) {
    const home = g.cluster !== undefined ? clusterId(g.cluster) : g.instance !== undefined ? instanceId(g.instance) : ROOT;
    groupIn.set(g.first, home);
    for (const i of g.members) {
      const t = model.transitions.get(i)!;
      for (const a of [...t.pre, ...t.post]) {
        let list = touching.get(a.slot);
        if (list === undefined) touching.set(a.slot, (list = []));
        if (!list.includes(home)) list.push(home);
      }
    }
  }
  const placeIn = new Map<number, string>();
  for (const p of places) {
    const homes = touching.get(p);
    const instance = model.slots.get(p)?.instance;
    placeIn.set(
      p,
      homes !== undefined ? commonAncestor(homes, containers) : instance !== undefined && containers.has(instanceId(instance)) ? instanceId(instance) : ROOT,
    );
  }
  return { containers, groupIn, placeIn };
}
