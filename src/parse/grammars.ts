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

let workflowGrammar: ohm.Grammar | undefined;

export function getWorkflowGrammar(): ohm.Grammar {
  workflowGrammar ??= ohm.grammar(readFileSync(findGrammarFile('workflow.ohm'), 'utf8'));
  return workflowGrammar;
}
