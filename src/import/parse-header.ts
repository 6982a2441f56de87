import type { ImportNote, SourceLine } from './source-lines.js';
import { findClockTime, findWarekiDate, formatClock, isoDateOf, isRealDate, weekdayKanji } from './wareki.js';
import { parseJapaneseNumber } from './width.js';

export interface Member {
  name: string;
  role?: string;
}

export interface AttendeeGroup {
  group: string;
  roleSeparator?: string;
  members?: Member[];
  lines?: Member[][];
}

/** A value the minutes do not give, in the format's words (不明, or 非公表 where the minutes say so). */
type Unknown = '不明' | '非公表';

export interface MeetingHeader {
  committee?: string;
  documentKind?: string;
  number?: number | Unknown;
  date?: string;
  start?: string;
  end?: string;
  place?: string;
  attendees?: AttendeeGroup[];
  /** Index (in the lines) of the first line after the 議事 heading. */
  agendaStart: number;
  notes: ImportNote[];
}

const TITLE = /^[#\s]*(.+?)[（(]\s*第\s*([0-9０-９一二三四五六七八九十]+)\s*回\s*[）)]\s*(議事要旨|議事録|議事概要)/;
const SECTION_HEADING = (name: string) => new RegExp(`^\\s*[0-9０-９]+\\s*[.．]?\\s*${name.split('').join('\\s*')}`);
const ROLES = ['座長代理', '主査代理', '座長', '主査', '構成員', '委員', '専門委員', 'オブザーバー'];

/** Reads the title, 日時, 場所 and 出席者 at the top of a 議事要旨; notes what it could not read. */
export function parseHeader(lines: readonly SourceLine[]): MeetingHeader {
  const notes: ImportNote[] = [];
  const header: MeetingHeader = { agendaStart: lines.length, notes };
  const agendaAt = lines.findIndex((l) => SECTION_HEADING('議事').test(l.text) && l.text.trim().length <= 8);
  const top = lines.slice(0, agendaAt < 0 ? lines.length : agendaAt);
  header.agendaStart = agendaAt < 0 ? lines.length : agendaAt + 1;
  if (agendaAt < 0) notes.push({ line: lines[0]?.line ?? 1, ja: '「議事」の見出しが見つかりません。', en: 'No 議事 heading was found.' });

  const title = top.map((l) => ({ l, m: TITLE.exec(l.text) })).find((x) => x.m);
  if (title?.m) {
    header.committee = title.m[1].trim();
    header.documentKind = title.m[3];
    header.number = parseJapaneseNumber(title.m[2]) ?? '不明';
  } else {
    header.number = '不明';
    notes.push({ line: top[0]?.line ?? 1, ja: '表題（…（第N回）議事要旨）が読めません。回は「不明」と書き出しました。', en: 'The title (…（第N回）議事要旨) could not be read; the number was written as 不明.', actual: top[0]?.text.trim() });
  }

  const dateLine = top.find((l) => /日\s*時\s*[：:]/.test(l.text));
  readDateLine(dateLine, header, notes);

  const placeLine = top.find((l) => /場\s*所\s*[：:]/.test(l.text));
  const place = placeLine?.text.replace(/^.*?場\s*所\s*[：:]\s*/, '').trim();
  header.place = place || '不明';
  if (!place) notes.push({ line: placeLine?.line ?? top[0]?.line ?? 1, ja: '場所が読めません。「不明」と書き出しました。', en: 'The place could not be read; it was written as 不明.', actual: placeLine?.text.trim() });

  const attendeesAt = top.findIndex((l) => SECTION_HEADING('出席者').test(l.text));
  if (attendeesAt >= 0) header.attendees = readAttendees(top.slice(attendeesAt + 1), notes);
  return header;
}

function readDateLine(dateLine: SourceLine | undefined, header: MeetingHeader, notes: ImportNote[]) {
  const date = dateLine && findWarekiDate(dateLine.text);
  if (!dateLine || !date || !isRealDate(date)) {
    notes.push({ line: dateLine?.line ?? 1, ja: '開催日が読めません。日付は書き出していません。', en: 'The meeting date could not be read; no date was written.', actual: dateLine?.text.trim() });
    return;
  }
  header.date = isoDateOf(date);
  const real = weekdayKanji(date);
  if (date.weekday && date.weekday !== real) {
    notes.push({
      line: dateLine.line,
      ja: `曜日（${date.weekday}）が日付${header.date}の曜日（${real}）と合いません。日付を採り、曜日は書き出していません（出力は${real}）。原本の日付を確かめてください。`,
      en: `The weekday （${date.weekday}） does not match ${header.date}, a ${real}; the date was kept and the weekday is computed. Check the date against the original.`,
      actual: dateLine.text.trim(),
    });
  }
  const rest = dateLine.text.slice(dateLine.text.indexOf(date.weekday ? `${date.weekday}` : '日') + 1);
  const start = findClockTime(rest);
  const end = start && findClockTime(rest.slice(start.end));
  if (start && end && /^\s*[～〜~\-－ー―]\s*$/.test(rest.slice(start.end, start.end + end.index))) {
    header.start = formatClock(start);
    header.end = formatClock(end);
  } else if (/非公表/.test(rest) && !start) {
    header.start = '非公表';
    header.end = '非公表';
  } else {
    header.start = '不明';
    header.end = '不明';
    notes.push({ line: dateLine.line, ja: '開始・終了の時刻が読めません。「不明」と書き出しました。', en: 'The start and end times could not be read; they were written as 不明.', actual: dateLine.text.trim() });
  }
}

function readAttendees(lines: readonly SourceLine[], notes: ImportNote[]): AttendeeGroup[] {
  const groups: { name: string; lines: SourceLine[] }[] = [];
  for (const l of lines) {
    const heading = /^\s*[＜<]([^＞>]+)[＞>]\s*$/.exec(l.text);
    if (heading) groups.push({ name: heading[1].trim(), lines: [] });
    else if (groups.length) groups.at(-1)!.lines.push(l);
    else notes.push({ line: l.line, ja: '出席者のグループ（＜構成員＞など）の外にある行です。', en: 'A line outside any attendee group (＜構成員＞ …).', actual: l.text.trim() });
  }
  const out: AttendeeGroup[] = [];
  for (const g of groups) {
    const group = readGroup(g.name, g.lines);
    if (group) out.push(group);
    else
      notes.push({
        line: g.lines[0]?.line ?? 1,
        ja: `出席者「${g.name}」の名前と役職を分けられません。書き出していません。`,
        en: `The names and roles of attendee group ${g.name} could not be separated; the group was not written.`,
        actual: g.lines.map((l) => l.text.trim()).join(' / '),
      });
  }
  return out;
}

/** 相田座長、内田座長代理 (one line of name+role) or 大村 電気通信事業部長 (a line each, name and role spaced). */
function readGroup(name: string, lines: readonly SourceLine[]): AttendeeGroup | undefined {
  if (!lines.length) return undefined;
  const joined = lines.map((l) => l.text.trim()).join('');
  const entries = joined.split(/[、，,]/).map((e) => e.trim()).filter(Boolean);
  const suffixed = entries.map((e) => {
    const role = ROLES.find((r) => e.endsWith(r) && e.length > r.length && !/\s/.test(e));
    return role ? { name: e.slice(0, -role.length), role } : undefined;
  });
  if (suffixed.every((m) => m)) return { group: name, members: suffixed as Member[] };
  const spaced = lines.map((l) =>
    l.text
      .trim()
      .split(/[、，]/)
      .map((e) => /^(\S+)[\s\u3000]+(\S.*)$/.exec(e.trim()))
      .map((m) => (m ? { name: m[1], role: m[2].trim() } : undefined)),
  );
  if (spaced.every((line) => line.every((m) => m))) return { group: name, roleSeparator: ' ', lines: spaced as Member[][] };
  return undefined;
}
