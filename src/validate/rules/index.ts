import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Project } from '../../project.js';
import { checkMeetingTimes } from './meeting-times.js';
import { checkOccurrences } from './occurrences.js';
import { checkIncidentReferences } from './incident-references.js';
import { checkUniqueMeetings } from './unique-meetings.js';
import { checkMarkdownContent } from './markdown-content.js';
import { checkSeriousAccidentClass } from './serious-accident-class.js';
import { checkServiceNumbers } from './service-numbers.js';
import { checkReportConsistency } from './report-consistency.js';
import { checkPlaceholders } from './placeholders.js';

export interface Rule {
  /** The diagnostic ids the rule can emit. */
  ids: readonly string[];
  check(project: Project): Diagnostic[];
}

/** Cross-field and cross-file rules, run in this order after every file passed its schema. */
export const rules: readonly Rule[] = [checkMeetingTimes, checkUniqueMeetings, checkOccurrences, checkIncidentReferences,
  checkMarkdownContent,
  checkSeriousAccidentClass,
  checkServiceNumbers,
  checkReportConsistency,
  checkPlaceholders,
];
