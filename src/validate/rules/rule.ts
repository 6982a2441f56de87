import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Project } from '../../project.js';

/** A cross-field or cross-file rule: one file in this folder, listed in index.ts. */
export interface Rule {
  /** The diagnostic ids the rule can emit. */
  ids: readonly string[];
  check(project: Project): Diagnostic[];
}
