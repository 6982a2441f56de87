import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * What the per-record rules found in each record at the build session's last load (validate/run-rules.ts), by rule
 * and by the record's data (the same object while its file is unchanged: the session's parse cache and verdicts), with
 * the inputs it was found from. Valid for one code table and data folder; a one-off load starts with an empty one.
 * It names no rule or project type, so that project.ts can hold it without an import circle.
 */
export interface RuleMemo {
  codes?: unknown;
  dataDir?: string;
  byRule: Map<object, WeakMap<object, { inputs: readonly unknown[]; diagnostics: Diagnostic[] }>>;
}

export function createRuleMemo(): RuleMemo {
  return { byRule: new Map() };
}
