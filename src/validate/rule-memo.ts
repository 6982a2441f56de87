import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * What the per-record rules found at the build session's last load (validate/run-rules.ts): the records checked then
 * (their data is the same object while the file is unchanged: the session's parse cache and verdicts) and, by rule,
 * each record's findings and the inputs they were found from. Valid for one code table and data folder; a one-off
 * load starts with an empty one. It names no rule or project type, so that project.ts can hold it without an import
 * circle.
 */
export interface RuleMemo {
  codes?: unknown;
  dataDir?: string;
  /** The records of the last load by kind, then by id (that load's own maps). */
  records?: ReadonlyMap<string, ReadonlyMap<string, { data: unknown }>>;
  byRule: Map<object, RuleFindings>;
}

/** One per-record rule's findings at the last load. */
export interface RuleFindings {
  /** The findings of each record that has any, by id (a record's id is unique among the valid records of all kinds). */
  found: Map<string, Diagnostic[]>;
  /** The inputs named by the rule's `dependsOn` of each record, by id. */
  inputs: Map<string, readonly unknown[]>;
  /** Ids of the records whose findings depend on what a load does not track: checked at every load. */
  untracked: Set<string>;
}

export function createRuleMemo(): RuleMemo {
  return { byRule: new Map() };
}
