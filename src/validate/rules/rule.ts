import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Project, SourceRecord } from '../../project.js';

/** A cross-field or cross-file rule: one file in this folder, listed in index.ts. */
export interface Rule {
  /** The diagnostic ids the rule can emit. */
  ids: readonly string[];
  check(project: Project): Diagnostic[];
  /**
   * Set when what the rule finds in a record of these kinds depends only on that record, the code tables and the
   * data folder (and, with `dependsOn`, on what it returns: the other records the record names). A build session
   * then re-checks only the records whose inputs changed since its last load (run-rules.ts); the findings are those
   * of a run over every record. Without it the rule runs over the whole project each time (the groups of the
   * cross-file rules: unique meetings, number gaps, references).
   */
  perRecord?: {
    kinds: readonly RecordKind[];
    /**
     * The objects besides the record's own data that its findings depend on (compared by identity): taken from the
     * records of `kinds` alone, so that they are looked at again only when one of those changed.
     */
    dependsOn?: { kinds: readonly RecordKind[]; inputs: (record: SourceRecord, project: Project) => readonly unknown[] };
    /** False for a record whose findings depend on something a load does not track (figure files on disk). */
    cacheable?: (record: SourceRecord) => boolean;
  };
}

/** The kinds the rules read by name (project.meetings, project.incidents). */
export type RecordKind = 'meeting' | 'incident';
