import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { parseAmount } from '../model/count-notation.js';
import type { ImportResult } from './import-minutes.js';
import type { ImportNote } from './source-lines.js';

/** An incident record already in the data folder: its id and front matter as written. */
export interface ExistingIncident {
  id: string;
  front: Record<string, unknown>;
}

/** The facts compared between an imported incident and the record it is linked to, with their labels. */
const FACTS = {
  operators: '事業者名',
  occurrences: '発生日時・継続時間',
  affectedUsers: '影響利用者数',
  affectedUsersNote: '影響利用者数の注記',
  region: '影響地域',
  inquiries: '事業者への問合せ件数',
  inquiriesNote: '問合せ件数の注記',
  description: '障害内容',
  classification: '区分',
} as const;

/** The incident records of DIR/incidents/ (files that do not read as YAML front matter are left out). */
export function readExistingIncidents(dataDir: string): ExistingIncident[] {
  const folder = path.join(dataDir, 'incidents');
  if (!existsSync(folder)) return [];
  const out: ExistingIncident[] = [];
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.md')).sort()) {
    const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path.join(folder, name), 'utf8'));
    try {
      const front: unknown = m ? parse(m[1]) : undefined;
      if (front && typeof front === 'object') out.push({ id: name.slice(0, -3), front: front as Record<string, unknown> });
    } catch {
      // Not readable as YAML: `check` reports it; it is no record to link to.
    }
  }
  return out;
}

/**
 * A meeting that discusses an incident already recorded (a second meeting on it) refers to that record instead of
 * writing a new one. The same incident: the same operators (names compared without spacing or width) and the same
 * start of the first occurrence, to the minute. The existing record is never changed; each fact that differs between
 * the two is noted with both values, for a person to settle. Returns the result with the links made, and the ids
 * of the imported incidents that were linked (not to be written).
 */
export function linkExistingIncidents(result: ImportResult, existing: readonly ExistingIncident[]): { result: ImportResult; linked: Map<string, string> } {
  const linked = new Map<string, string>();
  const notes: ImportNote[] = [...result.notes];
  for (const incident of result.incidents) {
    const imported = incident.record as unknown as Record<string, unknown>;
    const key = identity(imported);
    const match = key && existing.find((e) => identity(e.front) === key);
    if (!match) continue;
    linked.set(incident.id, match.id);
    const line = incident.record.line;
    notes.push({
      line,
      ja: `この事故は既存の記録 ${match.id} と同じ（事業者と最初の発生日時が一致）とみて、新しい事故ファイルを書かず、会議から ${match.id} を参照しました。`,
      en: `This incident was taken to be the existing record ${match.id} (same operators and first occurrence start): no new incident file was written, the meeting refers to ${match.id}.`,
    });
    for (const [fact, label] of Object.entries(FACTS) as [keyof typeof FACTS, string][]) {
      const before = canonical(match.front[fact]);
      const after = canonical(imported[fact]);
      if (before === after) continue;
      notes.push({
        line,
        ja: `${label}が既存の記録 ${match.id} と異なります。既存の記録は変えていません。どちらが正しいか確かめてください。`,
        en: `${label} differs from the existing record ${match.id}; the existing record was not changed. Check which is right.`,
        actual: `既存 / existing: ${JSON.stringify(match.front[fact] ?? null)}\n取り込み / imported: ${JSON.stringify(imported[fact] ?? null)}`,
      });
    }
  }
  if (!linked.size) return { result, linked };
  const relink = (ref: string) => linked.get(ref) ?? ref;
  const agenda = result.meeting.agenda.map((item) =>
    item.incidents ? { ...item, incidents: item.incidents.map((r) => (typeof r === 'string' ? relink(r) : { ...r, ref: relink(r.ref) })) } : item,
  );
  return { result: { ...result, notes, meeting: { ...result.meeting, agenda } }, linked };
}

const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** Operators and the first occurrence's start to the minute, or undefined when either is missing. */
function identity(front: Record<string, unknown>): string | undefined {
  const operators = Array.isArray(front.operators) ? front.operators.map((o) => (o && typeof o === 'object' ? squash(String((o as { name?: unknown }).name ?? '')) : '')) : [];
  const first = Array.isArray(front.occurrences) ? (front.occurrences[0] as { occurredAt?: unknown } | undefined)?.occurredAt : undefined;
  const start = typeof first === 'string' ? /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})/.exec(first.trim()) : null;
  if (!operators.length || operators.some((o) => !o) || !start) return undefined;
  const pad = (n: string) => n.padStart(2, '0');
  return `${[...operators].sort().join('|')}@${start[1]}-${pad(start[2])}-${pad(start[3])} ${pad(start[4])}:${start[5]}`;
}

/** A value in a form where notation does not count: keys sorted, text NFKC without spaces, counts as numbers. */
function canonical(value: unknown): string {
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, walk(x, k)]));
    if (key === 'value' && (typeof v === 'string' || typeof v === 'number')) return parseAmount(String(v)) ?? squash(String(v));
    // A hard line break (a backslash at the end of a line) is layout, not a fact.
    return typeof v === 'string' ? squash(v.replace(/\\(?=\r?\n)/g, '')) : v;
  };
  return JSON.stringify(walk(value ?? null));
}
