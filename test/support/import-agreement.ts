/**
 * Field-by-field comparison of imported records with the hand-encoded ones: each record is reduced to facts, a list
 * of normalized strings per field (a multiset), and a field's agreement is the facts both sides share over the
 * larger side (so a missing fact and an invented one both count against it).
 */
import type { IncidentData } from '../../src/schema/incident.js';
import type { MeetingData } from '../../src/schema/meeting.js';

export type Facts = Record<string, string[]>;

export interface FieldTally {
  matched: number;
  total: number;
}

/** Width-, spacing- and escape-insensitive: the comparison is about content, not how YAML or Markdown spell it. */
export function normalizeFact(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value, Object.keys(value ?? {}).sort());
  return String(text).normalize('NFKC').replace(/\\/g, '').replace(/\s+/g, '');
}

function push(facts: Facts, field: string, value: unknown) {
  if (value === undefined) return;
  (facts[field] ??= []).push(normalizeFact(value));
}

function countFacts(value: unknown): unknown[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((c) => (typeof c === 'object' && c ? { ...c, value: String((c as { value: unknown }).value).replace(/,/g, '') } : c));
}

export function meetingFacts(m: MeetingData): Facts {
  const facts: Facts = {};
  for (const key of ['fiscalYear', 'number', 'date', 'start', 'end', 'place', 'closingRemark'] as const) push(facts, `meeting.${key}`, m[key] === undefined ? undefined : String(m[key]));
  for (const g of m.attendees ?? []) {
    for (const member of g.members ?? g.lines?.flat() ?? []) push(facts, 'meeting.attendees', `${g.group}:${member.name}:${member.role ?? ''}`);
  }
  for (const a of m.agenda) {
    push(facts, 'agenda.text', a.text);
    for (const p of a.presenters ?? []) push(facts, 'agenda.presenters', p);
    push(facts, 'agenda.subNumbering', a.subNumbering);
    push(facts, 'agenda.incidentCount', String(a.incidents?.length ?? 0));
    for (const ref of a.incidents ?? []) if (typeof ref === 'object' && ref.heading) push(facts, 'agenda.incidentHeadings', ref.heading);
  }
  return facts;
}

/** The Markdown conventions of the body: ＜…＞ headings, list items, 【…】 schedule notes. */
export function bodyFacts(body: string, facts: Facts = {}): Facts {
  for (const line of body.split('\n')) {
    const t = line.trim().replace(/^(?:>\s?)+/, '');
    if (/^##+\s/.test(t)) push(facts, 'body.sections', t.replace(/^#+\s*/, ''));
    else if (/^＜[^＞]+＞$/.test(t)) push(facts, 'body.subHeadings', t);
    const item = /^(?:[-*]|\d+\.)\s+(.*)$/.exec(t);
    if (item) push(facts, 'body.listItems', item[1]);
    for (const note of t.matchAll(/【[^【】]+】/g)) push(facts, 'body.scheduleNotes', note[0]);
  }
  return facts;
}

export function incidentFacts(i: IncidentData, body: string): Facts {
  const facts: Facts = {};
  for (const o of i.operators ?? []) {
    push(facts, 'incident.operators', o.name);
    for (const c of countFacts(o.affectedUsers)) push(facts, 'incident.affectedUsers', c);
  }
  for (const o of i.occurrences ?? []) {
    push(facts, 'incident.occurredAt', o.occurredAt);
    push(facts, 'incident.approximate', String(o.approximate ?? false));
    push(facts, 'incident.duration', o.duration);
    push(facts, 'incident.durationApproximate', String(o.durationApproximate ?? false));
  }
  for (const c of countFacts(i.affectedUsers)) push(facts, 'incident.affectedUsers', c);
  push(facts, 'incident.affectedUsersNote', i.affectedUsersNote);
  push(facts, 'incident.region', i.region);
  for (const c of countFacts(i.inquiries)) push(facts, 'incident.inquiries', c);
  push(facts, 'incident.description', i.description?.replace(/^\s*-\s+/gm, '').replace(/\n/g, ''));
  push(facts, 'incident.class', i.classification.class);
  push(facts, 'incident.classHeading', i.classification.classHeading);
  push(facts, 'incident.servicesHeading', i.classification.servicesHeading);
  for (const s of i.classification.services ?? []) push(facts, 'incident.services', s);
  push(facts, 'incident.classNote', i.classification.note);
  return bodyFacts(body, facts);
}

/** Adds the agreement of one pair of records to the tallies per field. */
export function tallyFacts(hand: Facts, imported: Facts, tallies: Map<string, FieldTally>) {
  for (const field of new Set([...Object.keys(hand), ...Object.keys(imported)])) {
    const a = [...(hand[field] ?? [])];
    const b = [...(imported[field] ?? [])];
    let matched = 0;
    for (const fact of a) {
      const at = b.indexOf(fact);
      if (at >= 0) {
        matched++;
        b.splice(at, 1);
      }
    }
    const tally = tallies.get(field) ?? { matched: 0, total: 0 };
    tally.matched += matched;
    tally.total += Math.max(hand[field]?.length ?? 0, imported[field]?.length ?? 0);
    tallies.set(field, tally);
  }
}

/** The share of a text's character 8-grams (spacing removed, NFKC) that occur in another text. */
export function eightGramShare(source: string, output: string): number {
  const norm = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');
  const s = norm(source);
  const o = norm(output);
  const grams = new Set<string>();
  for (let i = 0; i + 8 <= s.length; i++) grams.add(s.slice(i, i + 8));
  const present = new Set<string>();
  for (let i = 0; i + 8 <= o.length; i++) present.add(o.slice(i, i + 8));
  let found = 0;
  for (const g of grams) if (present.has(g)) found++;
  return grams.size ? found / grams.size : 0;
}
