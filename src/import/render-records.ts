import { Document, isScalar, visit } from 'yaml';
import type { ImportedIncident, ImportedMeeting, ImportResult } from './import-minutes.js';
import type { ImportNote } from './source-lines.js';

/** Date, time and date-time values are quoted, as the format asks. */
const QUOTED = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$|^\d{2}:\d{2}$/;

function yamlText(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && QUOTED.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** The notes as a clearly marked YAML comment block: what was not placed, where it was, and the text verbatim. */
function noteComments(input: string, notes: readonly ImportNote[]): string {
  if (!notes.length) return '';
  const lines = ['# import-uncertain: 取り込みで確定できなかった点（原文の位置と原文のまま）/ what the import could not place'];
  for (const n of notes) {
    lines.push(`# ${input}:${n.line}  ${n.ja}`);
    if (n.actual) for (const t of n.actual.split('\n')) lines.push(`#   原文: ${t}`);
  }
  return `${lines.join('\n')}\n`;
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function renderMeeting(result: ImportResult): string {
  const m: ImportedMeeting = result.meeting;
  const front = defined({
    type: 'meeting',
    committee: m.committee,
    documentKind: m.documentKind,
    fiscalYear: m.fiscalYear,
    number: m.number,
    date: m.date,
    start: m.start,
    end: m.end,
    place: m.place,
    attendees: m.attendees,
    agenda: m.agenda.map((a) => defined({ ...a })),
    closingRemark: m.closingRemark,
  });
  return `---\n${noteComments(result.input, result.notes)}${yamlText(front)}---\n`;
}

export function renderIncident(input: string, incident: ImportedIncident): string {
  const r = incident.record;
  const front = defined({
    type: 'incident',
    operators: r.operators.map((o) => defined({ ...o })),
    occurrences: r.occurrences.map((o) => defined({ ...o })),
    affectedUsers: r.affectedUsers,
    affectedUsersNote: r.affectedUsersNote,
    region: r.region,
    inquiries: r.inquiries,
    inquiriesNote: r.inquiriesNote,
    description: r.description,
    classification: r.classification && defined({ ...r.classification }),
  });
  const body: string[] = [];
  const s = r.sections;
  if (s.cause) body.push('## 発生原因', s.cause);
  if (s.diagram) body.push('## 機器構成図', s.diagram);
  if (s.measures) body.push('## 再発防止策', s.measures);
  if (s.site || s.other) {
    body.push('## 情報周知');
    if (s.site) body.push('### 自社サイト', s.site);
    if (s.other) body.push('### その他', s.other);
  }
  return `---\n${noteComments(input, incident.notes)}${yamlText(front)}---\n\n${body.join('\n\n')}\n`;
}
