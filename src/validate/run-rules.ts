import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project, SourceRecord } from '../project.js';
import type { RuleMemo } from './rule-memo.js';
import type { RecordKind, Rule } from './rules/rule.js';

/**
 * Runs the rules in their order and returns what they found, in the order a run of every rule over every record gives.
 * A per-record rule (Rule.perRecord) is run only over the records whose data or named inputs changed since the memo's
 * last run; its findings in the other records are the memo's.
 */
export function runRulesIncrementally(project: Project, rules: readonly Rule[], memo: RuleMemo): Diagnostic[] {
  if (memo.codes !== project.codes || memo.dataDir !== project.dataDir) {
    memo.byRule.clear();
    memo.codes = project.codes;
    memo.dataDir = project.dataDir;
  }
  return rules.flatMap((rule) => (rule.perRecord ? runPerRecord(project, rule, rule.perRecord, memo) : rule.check(project)));
}

function runPerRecord(project: Project, rule: Rule, perRecord: NonNullable<Rule['perRecord']>, memo: RuleMemo): Diagnostic[] {
  const known = memo.byRule.get(rule) ?? new WeakMap();
  memo.byRule.set(rule, known);
  const subject = (kind: RecordKind) => (kind === 'meeting' ? project.meetings : project.incidents) as Map<string, SourceRecord>;
  const inputsOf = (record: SourceRecord) => perRecord.dependsOn?.(record, project) ?? [];
  // The records to check again: new or changed ones, those whose named inputs changed, and those never remembered.
  const stale = new Map<RecordKind, Map<string, SourceRecord>>();
  for (const kind of perRecord.kinds) {
    const records = new Map<string, SourceRecord>();
    for (const [id, record] of subject(kind)) {
      // Only a cacheable record is remembered, and the same data is the same file text: a hit needs no cacheable().
      const hit = known.get(record.data as object);
      if (!hit || !sameInputs(hit.inputs, inputsOf(record))) records.set(id, record);
    }
    stale.set(kind, records);
  }
  const partial: Project = {
    ...project,
    ...(stale.has('meeting') && { meetings: stale.get('meeting') as Project['meetings'] }),
    ...(stale.has('incident') && { incidents: stale.get('incident') as Project['incidents'] }),
  };
  const found = [...stale.values()].some((records) => records.size > 0) ? rule.check(partial) : [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of found) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
  for (const records of stale.values()) {
    for (const record of records.values()) {
      if (perRecord.cacheable?.(record) === false) continue;
      known.set(record.data as object, { inputs: inputsOf(record), diagnostics: byFile.get(record.file.path) ?? [] });
    }
  }
  // Each record's findings, in the rule's own order of kinds and records (a file's diagnostics keep the order of a full run).
  const diagnostics: Diagnostic[] = [];
  for (const kind of perRecord.kinds) {
    const checked = stale.get(kind)!;
    for (const record of subject(kind).values()) {
      const own = checked.has(record.id) ? byFile.get(record.file.path) : known.get(record.data as object)!.diagnostics;
      if (own) for (const diagnostic of own) diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
