import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project, SourceRecord } from '../project.js';
import type { RuleFindings, RuleMemo } from './rule-memo.js';
import type { RecordKind, Rule } from './rules/rule.js';

const KINDS: readonly RecordKind[] = ['meeting', 'incident'];

/**
 * Runs the rules in their order and returns what they found, in the order a run of every rule over every record gives.
 * A per-record rule (Rule.perRecord) is run only over the records that are new or changed since the memo's last load,
 * or whose named inputs changed; its findings in the other records are the memo's. What a save costs is in proportion
 * to the records it changed, plus a comparison of each record's data with the last load's (one map lookup).
 */
export function runRulesIncrementally(project: Project, rules: readonly Rule[], memo: RuleMemo): Diagnostic[] {
  if (memo.codes !== project.codes || memo.dataDir !== project.dataDir) {
    memo.byRule.clear();
    memo.records = undefined;
    memo.codes = project.codes;
    memo.dataDir = project.dataDir;
  }
  const changes = changesSince(project, memo.records);
  const found = rules.flatMap((rule) => (rule.perRecord ? runPerRecord(project, rule, rule.perRecord, memo, changes) : rule.check(project)));
  memo.records = new Map<string, ReadonlyMap<string, SourceRecord>>(KINDS.map((kind) => [kind, subjectOf(project, kind)]));
  return found;
}

/** Per kind, the ids of the records added, changed or removed since the last load (undefined: no last load). */
type Changes = Map<RecordKind, Set<string>> | undefined;

function changesSince(project: Project, last: RuleMemo['records']): Changes {
  if (!last) return undefined;
  const changes = new Map<RecordKind, Set<string>>();
  for (const kind of KINDS) {
    const now = subjectOf(project, kind);
    const before = last.get(kind) ?? new Map<string, { data: unknown }>();
    const ids = new Set<string>();
    for (const [id, record] of now) if (before.get(id)?.data !== record.data) ids.add(id);
    for (const id of before.keys()) if (!now.has(id)) ids.add(id);
    changes.set(kind, ids);
  }
  return changes;
}

const subjectOf = (project: Project, kind: RecordKind) => (kind === 'meeting' ? project.meetings : project.incidents) as Map<string, SourceRecord>;

function runPerRecord(project: Project, rule: Rule, perRecord: NonNullable<Rule['perRecord']>, memo: RuleMemo, changes: Changes): Diagnostic[] {
  let known = memo.byRule.get(rule);
  const fresh = !known || !changes;
  if (!known) memo.byRule.set(rule, (known = { found: new Map(), inputs: new Map(), untracked: new Set() }));
  const { dependsOn } = perRecord;
  // The inputs of every record are looked at again only when a record of a kind they come from changed.
  const inputsMoved = dependsOn !== undefined && (fresh || dependsOn.kinds.some((kind) => changes!.get(kind)!.size > 0));
  const stale = new Map<RecordKind, Map<string, SourceRecord>>();
  for (const kind of perRecord.kinds) {
    const subject = subjectOf(project, kind);
    const records = new Map<string, SourceRecord>();
    const mark = (id: string) => {
      const record = subject.get(id);
      if (record) records.set(id, record);
    };
    if (fresh) for (const id of subject.keys()) mark(id);
    else {
      for (const id of changes!.get(kind)!) forget(known, id), mark(id);
      for (const id of known.untracked) mark(id);
    }
    if (inputsMoved) {
      for (const [id, record] of subject) if (!records.has(id) && !sameInputs(known.inputs.get(id), dependsOn.inputs(record, project))) records.set(id, record);
    }
    stale.set(kind, records);
  }
  if ([...stale.values()].some((records) => records.size > 0)) remember(project, rule, perRecord, known, stale);
  // Each record's findings, in the rule's own order of kinds and records (a file's diagnostics keep the order of a full run).
  const diagnostics: Diagnostic[] = [];
  if (known.found.size === 0) return diagnostics;
  for (const kind of perRecord.kinds) {
    for (const id of subjectOf(project, kind).keys()) {
      const own = known.found.get(id);
      if (own) for (const diagnostic of own) diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}

/** Runs the rule over the stale records alone and keeps what it found in each. */
function remember(project: Project, rule: Rule, perRecord: NonNullable<Rule['perRecord']>, known: RuleFindings, stale: Map<RecordKind, Map<string, SourceRecord>>): void {
  const partial: Project = {
    ...project,
    ...(stale.has('meeting') && { meetings: stale.get('meeting') as Project['meetings'] }),
    ...(stale.has('incident') && { incidents: stale.get('incident') as Project['incidents'] }),
  };
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of rule.check(partial)) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
  for (const records of stale.values()) {
    for (const [id, record] of records) {
      forget(known, id);
      const own = byFile.get(record.file.path);
      if (own) known.found.set(id, own);
      if (perRecord.dependsOn) known.inputs.set(id, perRecord.dependsOn.inputs(record, project));
      if (perRecord.cacheable?.(record) === false) known.untracked.add(id);
    }
  }
}

function forget(known: RuleFindings, id: string): void {
  known.found.delete(id);
  known.inputs.delete(id);
  known.untracked.delete(id);
}

function sameInputs(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((value, i) => value === b[i]);
}
