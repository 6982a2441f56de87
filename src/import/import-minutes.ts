import path from 'node:path';
import type { Codes } from '../load/read-codes.js';
import { cleanArtifacts } from './clean-artifacts.js';
import { operatorSlug } from './operator-slug.js';
import { placeTables, type TableCells } from './pdf-tables.js';
import { parseHeader, type MeetingHeader } from './parse-header.js';
import { parseIncidentTable, type IncidentRecord } from './parse-incident-table.js';
import { segmentAgenda } from './segment-agenda.js';
import type { ImportNote } from './source-lines.js';

export interface ImportedIncident {
  id: string;
  record: IncidentRecord;
  notes: ImportNote[];
}

export interface ImportedAgendaItem {
  text: string;
  presenters?: string[];
  subNumbering?: 'katakana' | 'circled';
  incidents?: (string | { ref: string; heading: string })[];
}

export interface ImportedMeeting extends Pick<MeetingHeader, 'committee' | 'documentKind' | 'number' | 'date' | 'start' | 'end' | 'place' | 'attendees'> {
  id: string;
  fiscalYear?: number;
  agenda: ImportedAgendaItem[];
  closingRemark?: string;
}

export interface ImportResult {
  /** The input file as named on the command line (diagnostics point into it). */
  input: string;
  documentKind?: string;
  meeting: ImportedMeeting;
  incidents: ImportedIncident[];
  /** Notes about the meeting itself (header, agenda); each incident carries its own. */
  notes: ImportNote[];
  removed: { pageNumbers: number; runningHeaders: number; tableCaptions: number };
}

const DEFAULT_COMMITTEE = '電気通信事故検証会議';

/**
 * Turns the text of one published 議事要旨 into a meeting record and one incident record per summary table. Pure: the
 * text, the input's name (for the fallback id), the codes (to recognise the 区分) and the tables its structure gave
 * (put in place of their lines) in, records and notes out.
 */
export function importMinutes(text: string, input: string, codes: Codes, tables: readonly TableCells[] = []): ImportResult {
  const cleaned = cleanArtifacts(text);
  const { removed } = cleaned;
  const lines = placeTables(cleaned.lines, tables);
  const header = parseHeader(lines);
  const segments = segmentAgenda(lines, header.agendaStart);
  const notes = [...header.notes, ...segments.notes];
  const fiscalYear = header.date ? fiscalYearOfIso(header.date) : undefined;
  const inputName = path.basename(input).replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9-]+/g, '-');
  const id =
    fiscalYear === undefined
      ? `import-${inputName}`
      : typeof header.number === 'number'
        ? `fy${fiscalYear}-${String(header.number).padStart(2, '0')}`
        : `fy${fiscalYear}-${inputName}`;
  if (!/^fy\d{4}-\d{2}$/.test(id)) {
    notes.push({ line: lines[0]?.line ?? 1, ja: `年度と回が揃わないため、会議のファイル名を ${id} にしました。`, en: `Without both fiscal year and number, the meeting was named ${id}.` });
  }
  const meeting: ImportedMeeting = {
    id,
    ...(header.committee && header.committee !== DEFAULT_COMMITTEE ? { committee: header.committee } : {}),
    ...(header.documentKind && header.documentKind !== '議事要旨' ? { documentKind: header.documentKind } : {}),
    fiscalYear,
    number: header.number,
    date: header.date,
    start: header.start,
    end: header.end,
    place: header.place,
    ...(header.attendees?.length ? { attendees: header.attendees } : {}),
    agenda: [],
    ...(segments.closingRemark ? { closingRemark: segments.closingRemark.text } : {}),
  };
  if (!segments.items.length) notes.push({ line: lines[header.agendaStart]?.line ?? 1, ja: '議事の項目（（１）…）が見つかりません。', en: 'No agenda items （１）… were found.' });
  const incidents: ImportedIncident[] = [];
  const usedIds = new Set<string>();
  for (const item of segments.items) {
    const entry: ImportedAgendaItem = { text: item.text };
    const refs: (string | { ref: string; heading: string })[] = [];
    const operatorNames: string[] = [];
    for (const block of item.incidents) {
      const incidentNotes: ImportNote[] = [];
      const record = parseIncidentTable(block.lines, codes, incidentNotes, block.captionOperators);
      const incidentId = uniqueId(incidentIdOf(record, incidentNotes), usedIds);
      incidents.push({ id: incidentId, record, notes: incidentNotes });
      refs.push(block.heading ? { ref: incidentId, heading: block.heading } : incidentId);
      for (const o of record.operators) if (!operatorNames.includes(o.name)) operatorNames.push(o.name);
    }
    if (refs.length) {
      const presenters = presentersOf(item.text, operatorNames);
      if (presenters.length) entry.presenters = presenters;
      const markers = item.incidents.map((b) => b.marker).filter(Boolean) as string[];
      if (refs.length > 1 && markers.length) entry.subNumbering = /[①-⑳]/.test(markers[0]) ? 'circled' : 'katakana';
      entry.incidents = refs;
    }
    meeting.agenda.push(entry);
  }
  return { input, documentKind: header.documentKind, meeting, incidents, notes, removed: { ...removed, tableCaptions: segments.tableCaptions } };
}

function fiscalYearOfIso(date: string): number {
  const [year, month] = date.split('-').map(Number);
  return month >= 4 ? year : year - 1;
}

function incidentIdOf(record: IncidentRecord, notes: ImportNote[]): string {
  const date = record.occurrences[0]?.occurredAt.slice(0, 10);
  const slug = record.operators[0] ? operatorSlug(record.operators[0].name) : undefined;
  if (!date) notes.push({ line: record.line, ja: '発生日が読めないため、事故のファイル名に日付を使えません。', en: 'Without an occurrence date, the incident id has no date.' });
  if (!slug) notes.push({ line: record.line, ja: `事業者名「${record.operators[0]?.name ?? ''}」から英字の略称を作れません。ファイル名を確かめてください。`, en: `No slug could be made from the operator name 「${record.operators[0]?.name ?? ''}」; check the file name.` });
  return `${date ?? 'undated'}-${slug ?? 'operator'}`;
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}

/**
 * The presenters named before から in the item's text (株式会社NTTドコモ、SORACOM CORPORATION, LTD.及び株式会社MIXI),
 * written as the tables print them when a table names the same company with other spacing (株式会社 kubell).
 */
function presentersOf(text: string, operatorNames: readonly string[]): string[] {
  const m = /^(.+?)から[、，]?/.exec(text);
  if (!m) return [];
  const squash = (t: string) => t.replace(/\s+/g, '').normalize('NFKC');
  return m[1]
    .split(/、|及び|並びに/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => operatorNames.find((o) => squash(o) === squash(p)) ?? p);
}
