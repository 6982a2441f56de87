import type { Codes } from '../load/read-codes.js';
import { joinParagraphs, joinWrapped } from './join-paragraphs.js';
import { findLabel, flowText, labelPattern, type FlowText } from './locate-labels.js';
import { countsValue, parseCounts, type Count } from './parse-counts.js';
import { parseClassification, type Classification } from './parse-classification.js';
import { parseDuration, parseOccurredAt, splitCircled, type Occurrence } from './parse-occurrences.js';
import { readNoticeCell } from './read-notice-cell.js';
import { sectionMarkdown } from './section-markdown.js';
import type { ImportNote, SourceLine } from './source-lines.js';

export interface Operator {
  name: string;
  affectedUsers?: Count | Count[] | string;
}

export interface IncidentRecord {
  operators: Operator[];
  occurrences: Occurrence[];
  affectedUsers?: Count | Count[] | string;
  affectedUsersNote?: string;
  region?: string;
  inquiries?: Count | Count[] | string;
  inquiriesNote?: string;
  description?: string;
  classification?: Classification;
  sections: { cause?: string; diagram?: string; measures?: string; site?: string; other?: string };
  /** Line of the table's first row in the input. */
  line: number;
}

/** The rows of the summary table, in the order the ministry prints them. */
const ROWS = [
  { key: 'operators', pattern: labelPattern('事業者名') },
  { key: 'occurredAt', pattern: labelPattern('発生日時') },
  { key: 'duration', pattern: labelPattern('継続時間') },
  { key: 'affectedUsers', pattern: labelPattern('影響利用者数') },
  { key: 'region', pattern: labelPattern('影響地域') },
  { key: 'inquiries', pattern: labelPattern('事業者への問合せ件数') },
  { key: 'description', pattern: labelPattern('障害内容') },
  { key: 'classification', pattern: `${labelPattern('重大な事故に該当する')}(?:\\s*${labelPattern('電気通信役務の区分')})?` },
  { key: 'cause', pattern: labelPattern('発生原因') },
  { key: 'diagram', pattern: labelPattern('機器構成図') },
  { key: 'measures', pattern: labelPattern('再発防止策') },
  { key: 'notice', pattern: `${labelPattern('情報')}(?:${labelPattern('周知')})?(?=\\s)` },
] as const;

type RowKey = (typeof ROWS)[number]['key'];

/** Rows a table may lack (seed 001's first ドコモ table has no 情報周知). */
const OPTIONAL_ROWS = new Set<RowKey>(['diagram', 'notice']);

const ROW_NAMES: Record<RowKey, string> = {
  operators: '事業者名', occurredAt: '発生日時', duration: '継続時間', affectedUsers: '影響利用者数', region: '影響地域',
  inquiries: '事業者への問合せ件数', description: '障害内容', classification: '重大な事故に該当する電気通信役務の区分',
  cause: '発生原因', diagram: '機器構成図', measures: '再発防止策', notice: '情報周知',
};

/**
 * Reads one incident table, row by row. Rows are found by their labels in order (a label may be split over lines
 * or spaced out, as extraction leaves it); each value is read into structured fields, and a value that does not
 * read as its field expects is kept as text and noted.
 */
export function parseIncidentTable(lines: readonly SourceLine[], codes: Codes, notes: ImportNote[], captionOperators?: readonly string[]): IncidentRecord {
  const flow = flowText(lines);
  const found = new Map<RowKey, { index: number; end: number }>();
  let from = 0;
  for (const row of ROWS) {
    const at = findLabel(flow.text, row.pattern, from);
    if (!at) {
      if (OPTIONAL_ROWS.has(row.key)) continue;
      notes.push({ line: flow.lineAt(from), ja: `表の「${ROW_NAMES[row.key]}」の欄が見つかりません。`, en: `The table row ${ROW_NAMES[row.key]} was not found.` });
      continue;
    }
    found.set(row.key, at);
    from = at.end;
  }
  const keys = ROWS.map((r) => r.key).filter((k) => found.has(k));
  const cell = (key: RowKey): SourceLine[] => {
    const at = found.get(key);
    if (!at) return [];
    const next = keys[keys.indexOf(key) + 1];
    return flow.slice(at.end, next ? found.get(next)!.index : flow.text.length);
  };
  const record: IncidentRecord = { operators: [], occurrences: [], sections: {}, line: lines[0]?.line ?? 1 };
  const lineOf = (key: RowKey) => flow.lineAt(found.get(key)?.index ?? 0);

  record.operators = operatorNames(cell('operators'), captionOperators, lineOf('operators'), notes).map((name) => ({ name }));
  if (!record.operators.length && found.has('operators')) notes.push({ line: lineOf('operators'), ja: '事業者名が空です。', en: 'The operator cell is empty.' });
  readOccurrences(record, cellText(cell('occurredAt')), cellText(cell('duration')), lineOf('occurredAt'), notes);
  readAffectedUsers(record, cell('affectedUsers'), lineOf('affectedUsers'), notes);
  const region = cellText(cell('region'));
  if (region) record.region = region;
  readInquiries(record, cell('inquiries'), lineOf('inquiries'), notes);
  const description = sectionMarkdown(cell('description'), notes);
  if (description) record.description = description;
  if (found.has('classification')) record.classification = parseClassification(cell('classification'), codes, notes);
  record.sections.cause = sectionMarkdown(cell('cause'), notes) || undefined;
  record.sections.diagram = sectionMarkdown(cell('diagram'), notes) || undefined;
  record.sections.measures = sectionMarkdown(cell('measures'), notes) || undefined;
  if (found.has('notice')) {
    const notice = readNoticeCell(flow, found.get('notice')!.index, notes);
    record.sections.site = notice.site ? sectionMarkdown(notice.site, notes) || undefined : undefined;
    record.sections.other = notice.other ? sectionMarkdown(notice.other, notes) || undefined : undefined;
  }
  return record;
}

/** A short cell's text: its wrapped lines joined, spacing collapsed. */
function cellText(lines: readonly SourceLine[]): string {
  return joinParagraphs(lines)
    .map((p) => p.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const STATUS = /^(不明|非公表|調査中)$/;

/**
 * 発生日時 and 継続時間, one occurrence per ① ②. A cell that says 不明, 非公表 or 調査中 is written so; one that does not
 * read as a date-time or a duration is written 不明 (the format's word for a value the record does not give) and
 * noted with the original text.
 */
function readOccurrences(record: IncidentRecord, occurred: string, duration: string, line: number, notes: ImportNote[]) {
  const times = splitCircled(occurred);
  const durations = duration ? splitCircled(duration) : [];
  times.forEach((t, i) => {
    const at = STATUS.test(t) ? { occurredAt: t, approximate: false } : parseOccurredAt(t);
    if (!at) {
      notes.push({ line, ja: `発生日時「${t}」を日時として読めません。「不明」と書き出しました。`, en: `The occurrence 「${t}」 is not a date and time; it was written as 不明.`, actual: t });
    }
    const occurrence: Occurrence = { occurredAt: at?.occurredAt ?? '不明' };
    if (at?.approximate) occurrence.approximate = true;
    const given = durations[i]?.trim();
    const d = given === undefined ? undefined : STATUS.test(given) ? { duration: given, approximate: false } : parseDuration(given);
    if (d) {
      occurrence.duration = d.duration;
      if (d.approximate) occurrence.durationApproximate = true;
    } else {
      occurrence.duration = '不明';
      notes.push({ line, ja: `継続時間「${given ?? ''}」が読めません（発生日時${i + 1}件目）。「不明」と書き出しました。`, en: `The duration 「${given ?? ''}」 of occurrence ${i + 1} could not be read; it was written as 不明.`, actual: given });
    }
    record.occurrences.push(occurrence);
  });
  if (durations.length > times.length) notes.push({ line, ja: '継続時間が発生日時より多く書かれています。', en: 'There are more durations than occurrences.', actual: duration });
}

/** 影響利用者数: counts, ※ notes under them, and per-operator counts when the cell names the operators. */
function readAffectedUsers(record: IncidentRecord, lines: SourceLine[], line: number, notes: ImportNote[]) {
  const paragraphs = joinParagraphs(lines).map((p) => p.text.trim());
  const remarks = paragraphs.filter((p) => p.startsWith('※'));
  const values = paragraphs.filter((p) => !p.startsWith('※'));
  if (remarks.length) record.affectedUsersNote = remarks.join('\n\n');
  const text = values.join(' ');
  const names = record.operators.length > 1 ? record.operators.map((o) => ({ o, at: findName(text, o.name) })) : [];
  if (names.length && names.every((n) => n.at)) {
    const sorted = names.sort((a, b) => a.at!.index - b.at!.index);
    sorted.forEach((n, i) => {
      const value = text.slice(n.at!.end, sorted[i + 1]?.at!.index ?? text.length).trim();
      if (value) n.o.affectedUsers = countCell(value, line, '影響利用者数', notes);
    });
    return;
  }
  if (values.length) record.affectedUsers = countCell(values.join(' '), line, '影響利用者数', notes);
}

function readInquiries(record: IncidentRecord, lines: SourceLine[], line: number, notes: ImportNote[]) {
  const paragraphs = joinParagraphs(lines).map((p) => p.text.trim());
  const remarks = paragraphs.filter((p) => p.startsWith('※'));
  const values = paragraphs.filter((p) => !p.startsWith('※'));
  if (remarks.length) record.inquiriesNote = remarks.join('\n\n');
  if (values.length) record.inquiries = countCell(values.join(' '), line, '事業者への問合せ件数', notes);
}

/** Counts, or the cell's text as printed when it is a dash or does not read as counts (then noted). */
function countCell(text: string, line: number, field: string, notes: ImportNote[]): Count | Count[] | string {
  const trimmed = text.trim();
  if (/^[-－―ー‐]$/.test(trimmed) || STATUS.test(trimmed)) return trimmed;
  const counts = parseCounts(trimmed);
  if (counts) return countsValue(counts);
  notes.push({ line, ja: `${field}「${trimmed}」を数として読めません。書かれたとおりの文字列で書き出しました。`, en: `${field} 「${trimmed}」 does not read as counts; it was written as the text printed.`, actual: trimmed });
  return trimmed;
}

/** Where an operator's name stands in a cell, with any spacing between its characters. */
function findName(text: string, name: string): { index: number; end: number } | undefined {
  const m = new RegExp(labelPattern(name)).exec(text);
  return m ? { index: m.index, end: m.index + m[0].length } : undefined;
}

export type { FlowText };

/**
 * The operators of the 事業者名 cell. When the caption above the table (printed by this tool) names several, the
 * cell's lines are split where each name ends: a name starts a line and its lines hold exactly its characters.
 * Otherwise one name a paragraph (joinWrappedNames); a caption's names that the cell does not split into are noted.
 */
function operatorNames(lines: readonly SourceLine[], caption: readonly string[] | undefined, line: number, notes: ImportNote[]): string[] {
  const byParagraph = joinWrappedNames(joinParagraphs(lines).map((p) => p.text));
  if (!caption || caption.length < 2 || byParagraph.length >= caption.length) return byParagraph;
  const squash = (t: string) => t.replace(/\s+/g, '').normalize('NFKC');
  const names: string[] = [];
  let at = 0;
  for (const name of caption) {
    const group: string[] = [];
    while (at < lines.length && squash(group.join('')).length < squash(name).length) group.push(lines[at++].text);
    if (squash(group.join('')) !== squash(name)) break;
    names.push(joinWrapped(group));
  }
  if (names.length === caption.length && at === lines.length) return names;
  notes.push({ line, ja: `表の見出しは事業者を${caption.length}社（${caption.join('、')}）としていますが、事業者名の欄をその名前で分けられませんでした。`, en: `The caption names ${caption.length} operators (${caption.join(', ')}), but the operator cell could not be split into those names.`, actual: lines.map((l) => l.text).join('\n') });
  return byParagraph;
}

/**
 * Operator names as the cell lists them, one a paragraph. A cell narrower than a long name wraps it, and the
 * extraction may leave its last characters alone on a line (株式会社キャッチネットワー / ク): a piece of three characters
 * or fewer is no operator's name, so it is the tail of the name before it.
 */
function joinWrappedNames(pieces: readonly string[]): string[] {
  const names: string[] = [];
  for (const piece of pieces) {
    if (names.length && [...piece].length <= 3) names[names.length - 1] += piece;
    else names.push(piece);
  }
  return names;
}
