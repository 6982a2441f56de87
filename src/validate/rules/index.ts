import type { Rule } from './rule.js';
import { checkMeetingTimes } from './meeting-times.js';
import { checkOccurrences } from './occurrences.js';
import { checkIncidentReferences } from './incident-references.js';
import { checkUniqueMeetings } from './unique-meetings.js';
import { checkMeetingFileName } from './meeting-file-name.js';
import { checkMeetingNumberGap } from './meeting-number-gap.js';
import { checkIncidentAfterMeeting } from './incident-after-meeting.js';
import { checkMarkdownContent } from './markdown-content.js';
import { checkSeriousAccidentClass } from './serious-accident-class.js';
import { checkServiceNumbers } from './service-numbers.js';
import { checkReportConsistency } from './report-consistency.js';
import { checkCountNotation } from './count-notation.js';
import { checkIncidentFileName } from './incident-file-name.js';
import { checkPlaceholders } from './placeholders.js';

export type { Rule } from './rule.js';

/** Cross-field and cross-file rules, run in this order after every file passed its schema. */
export const rules: readonly Rule[] = [checkMeetingTimes, checkUniqueMeetings, checkMeetingFileName, checkMeetingNumberGap,
  checkOccurrences, checkIncidentReferences,
  checkIncidentAfterMeeting,
  checkMarkdownContent,
  checkCountNotation,
  checkIncidentFileName,
  checkSeriousAccidentClass,
  checkServiceNumbers,
  checkReportConsistency,
  checkPlaceholders,
];
