/**
 * AST → model IR. A file holds one model: a `system` (which may use the
 * workflows declared beside it), or a single workflow, machine or net.
 * All semantic errors are collected and returned together.
 */
import { error, failed, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import type { Model } from '../model/model.js';
import type { DeclAst, PropertyAst, SpecAst, WorkflowAst } from '../parse/ast.js';
import { lowerMachine } from './lowerMachine.js';
import { lowerNet } from './lowerNet.js';
import { lowerStandaloneWorkflow, lowerSystem } from './lowerSystem.js';

function withExtraProperties(d: DeclAst, extra: readonly PropertyAst[]): DeclAst {
  return extra.length === 0 ? d : { ...d, properties: [...d.properties, ...extra] };
}

function lowerDecl(d: DeclAst, spec: SpecAst, text: string, diags: Diagnostic[]): Model {
  switch (d.kind) {
    case 'workflow':
      return lowerStandaloneWorkflow(d, text, diags);
    case 'machine':
      return lowerMachine(d, text, diags);
    case 'net':
      return lowerNet(d, text, diags);
    case 'system': {
      const workflows = new Map<string, WorkflowAst>();
      for (const w of spec.decls) if (w.kind === 'workflow') workflows.set(w.name.name, w);
      return lowerSystem(d, workflows, text, diags);
    }
  }
}

/**
 * `extra` properties (formulas from the command line or the API) are added
 * to the chosen model's own, resolved in its scope.
 */
export function elaborate(spec: SpecAst, text: string, extra: readonly PropertyAst[] = []): Result<Model> {
  const diags: Diagnostic[] = [];
  const names = new Map<string, DeclAst>();
  for (const d of spec.decls) {
    const first = names.get(d.name.name);
    if (first) diags.push(error('WF202', `duplicate declaration '${d.name.name}'`, d.name.span, [{ message: 'first declared here', span: first.name.span }]));
    else names.set(d.name.name, d);
  }
  const systems = spec.decls.filter((d) => d.kind === 'system');
  let chosen: DeclAst | undefined;
  if (systems.length === 1) chosen = systems[0];
  else if (systems.length > 1) {
    diags.push(error('WF303', `the file declares ${systems.length} systems; put each in its own file`, systems[1].name.span));
  } else if (spec.decls.length === 1) chosen = spec.decls[0];
  else if (spec.decls.length === 0) {
    diags.push(error('WF303', 'the file declares no workflow, machine, net or system', { file: spec.file, start: 0, end: 0 }));
  } else {
    diags.push(
      error(
        'WF303',
        `the file declares ${spec.decls.length} models (${spec.decls.map((d) => d.name.name).join(', ')}); a file holds one, or a system that instantiates its workflows`,
        spec.decls[1].name.span,
      ),
    );
  }
  if (!chosen || diags.length > 0) return failed(diags);
  const model = lowerDecl(withExtraProperties(chosen, extra), spec, text, diags);
  return diags.length > 0 ? failed(diags) : ok(model);
}
