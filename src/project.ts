import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { Codes } from './load/read-codes.js';
import type { SourceFile } from './load/source-file.js';
import type { IncidentData } from './schema/incident.js';
import type { MeetingData } from './schema/meeting.js';
import type { IncidentBody } from './validate/check-body.js';

export interface MeetingRecord {
  id: string;
  file: SourceFile;
  data: MeetingData;
}

export interface IncidentRecord {
  id: string;
  file: SourceFile;
  data: IncidentData;
  body: IncidentBody;
}

/** Every data file of a run, and what validation made of it. */
export interface Project {
  dataDir: string;
  files: SourceFile[];
  meetings: Map<string, MeetingRecord>;
  incidents: Map<string, IncidentRecord>;
  /** Ids of files that exist but failed validation (so references to them are not reported twice). */
  failedIds: Set<string>;
  /** True when the whole data folder was read, so "unused" findings are meaningful. */
  complete: boolean;
  /** Reference tables from data/codes/. */
  codes: Codes;
}

export function allDiagnostics(project: Project): Diagnostic[] {
  return project.files.flatMap((f) => f.diagnostics);
}

export function fileHasErrors(file: SourceFile): boolean {
  return file.diagnostics.some((d) => d.severity === 'error');
}
