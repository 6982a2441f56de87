import path from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { Codes } from './load/read-codes.js';
import type { SourceFile } from './load/source-file.js';
import type { IncidentData } from './schema/incident.js';
import type { MeetingData } from './schema/meeting.js';
import type { IncidentBody } from './validate/check-body.js';
import type { MarkdownFinding } from './validate/markdown-finding.js';
import { createRuleMemo, type RuleMemo } from './validate/rule-memo.js';

/** A valid record of any kind: its id (the file name without .md), its file, its front matter and its body sections. */
export interface SourceRecord<Data = unknown, Body = unknown> {
  id: string;
  file: SourceFile;
  data: Data;
  /** Present for a kind whose body is split into sections (document-types.ts `bodySections`). */
  body?: Body;
}

export type MeetingRecord = Omit<SourceRecord<MeetingData>, 'body'>;

export interface IncidentRecord extends SourceRecord<IncidentData, IncidentBody> {
  body: IncidentBody;
}

/** What checking one file on its own found: its diagnostics and, when it is valid, its record's data and body. */
export interface FileVerdict {
  diagnostics: Diagnostic[];
  valid?: { data: unknown; body?: unknown };
}

/** A file checked on its own: a copy of its parse with the diagnostics found, its id and, when it is valid, its record. */
export interface JudgedFile {
  file: SourceFile;
  id: string;
  /** Whether the file has an error of its own (its record, if any, is not used). */
  failed: boolean;
  /** The file's record, when it is valid and of a kind the load reads. */
  record?: SourceRecord;
}

/**
 * What validation keeps between the loads of one build session (build-session.ts): pure checks' results by their
 * input, so a watch save re-checks only what changed. A one-off load starts with empty ones.
 */
export interface ValidationCaches {
  /** What checking each file on its own gave, by the parse it came from (a watch hands out the same parse while a file is unchanged). */
  judged: WeakMap<SourceFile, JudgedFile>;
  /** Findings of each Markdown text without figures, by text (rules/markdown-content.ts). */
  markdownFindings: Map<string, MarkdownFinding[]>;
  /** What the per-record rules found in each record, while it is unchanged (validate/run-rules.ts). */
  rules: RuleMemo;
}

export function createValidationCaches(): ValidationCaches {
  return { judged: new WeakMap(), markdownFindings: new Map(), rules: createRuleMemo() };
}

/** Every data file of a run, and what validation made of it. */
export interface Project {
  dataDir: string;
  files: SourceFile[];
  /** Valid records by kind (their front matter `type`, a key of the kinds table), then by id. */
  records: ReadonlyMap<string, Map<string, SourceRecord>>;
  /** The meeting records (the same map as records.get('meeting')), typed for the rules. */
  meetings: Map<string, MeetingRecord>;
  /** The incident records (the same map as records.get('incident')), typed for the rules. */
  incidents: Map<string, IncidentRecord>;
  /** Ids of files that exist but failed validation (so references to them are not reported twice). */
  failedIds: Set<string>;
  /** True when the whole data folder was read, so "unused" findings are meaningful. */
  complete: boolean;
  /** Reference tables from data/codes/. */
  codes: Codes;
  caches: ValidationCaches;
}

export function allDiagnostics(project: Project): Diagnostic[] {
  return project.files.flatMap((f) => f.diagnostics);
}

export function fileHasErrors(file: SourceFile): boolean {
  return file.diagnostics.some((d) => d.severity === 'error');
}

/** The problems of the files or folders named (all of them when none is named). */
export function diagnosticsOfInputs(diagnostics: Diagnostic[], only: readonly string[], cwd: string): Diagnostic[] {
  if (only.length === 0) return diagnostics;
  return diagnostics.filter((d) => {
    const file = path.resolve(cwd, d.file);
    return only.some((t) => file === t || file.startsWith(t + path.sep));
  });
}
