/**
 * Loads the grammar text from grammar/*.ohm once. The .ohm files ship with
 * the package; we look for them upward from this module so the same code
 * works from src/ (tests) and from dist/src/ (the built CLI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ohm from 'ohm-js';

function findGrammarFile(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'grammar', name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`wfcheck: grammar file ${name} not found next to the package`);
}

let grammars: { formula: ohm.Grammar; workflow: ohm.Grammar } | undefined;

/** formula.ohm (expressions + CTL/LTL) is the base; workflow.ohm extends it with declarations. */
function load(): { formula: ohm.Grammar; workflow: ohm.Grammar } {
  if (!grammars) {
    const ns = ohm.grammars(readFileSync(findGrammarFile('formula.ohm'), 'utf8'));
    const workflow = ohm.grammar(readFileSync(findGrammarFile('workflow.ohm'), 'utf8'), ns);
    grammars = { formula: ns['Formula'], workflow };
  }
  return grammars;
}

export function getWorkflowGrammar(): ohm.Grammar {
  return load().workflow;
}

export function getFormulaGrammar(): ohm.Grammar {
  return load().formula;
}
