import type { IncidentRecord } from '../project.js';
import type { ReportData } from '../schema/report.js';
import { formatCounts } from './counts.js';
import { formatLongDurationJa, maskedDay, toEpochMinutes, weekdayOf, type DateTime, type ReportTime } from '../model/date-time.js';
import type { ReportTimeValue } from '../schema/common.js';
import { groupCauses, numberCountermeasures } from './derive-summary.js';
import { formatIncidentDate } from '../model/era.js';
import { firstOccurrenceStart, listOccurrences, occurrenceMinutes, occurrenceRecovery, occurrenceStart } from '../schema/occurrence-facts.js';
import { classEntries } from '../schema/class-entries.js';
import { formatUncertain } from '../model/uncertain.js';
import { groupDigits } from '../model/digits.js';
import { subNumber } from './numbering.js';
import { incidentSections, type IncidentSectionKey } from '../schema/labels.js';

import { guidanceKeys } from '../schema/report.js';

export { reportIdOf } from '../model/output-ids.js';

/** A report time resolved against the incident's first day. */
interface ReportMoment {
  dayKey: string;
  /** 「4/26」 or 「○/○」 */
  date: string;
  /** 「12:00」 */
  clock: string;
  epoch: number;
}

export interface MarkerView {
  marker: string;
}

export interface ReportView {
  id: string;
  incidentId: string;
  title: string;
  label?: string;
  disclaimer?: string;
  guidance: Record<string, string>;
  overview: { heading: string; lines: string[] }[];
  sections: Record<string, string>;
  usersOverTime?: {
    caption: string;
    points: { time: string; count: string }[];
    events: { time: string; text: string }[];
    note?: string;
    chartAlt: string;
    chartSrc: string;
    chartValues: number[];
  };
  timeline: ({ kind: 'event'; number: string; time: string; stage?: string; text: string } | { kind: 'marker'; marker: string })[];
  contacts: ({ kind: 'contact'; number: string; time: string; from: string; to: string; text: string } | { kind: 'marker'; marker: string })[];
  causeTable: { group: string; rows: { cause: string; measures: { text: string; schedule?: string }[] }[] }[];
  causesByStage: { group: string; causes: { heading: string; stages: { line: string; details: string[] }[] }[] }[];
  countermeasures: { heading: string; items: { number: number; text: string; schedule?: string }[] }[];
  notices: { number: string; at: string; channel: string; text: string }[];
  inquiries?: { summary: string; channels: string };
  inquiryThemes: { period?: string; text: string }[];
  otherResponses: { label: string; text: string }[];
  hasResponse: boolean;
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
/** 「１．」: the report numbers causes with full-width digits. */
function fullWidthNumber(n: number): string {
  return [...String(n)].map((d) => FULL_WIDTH_DIGITS[Number(d)]).join('');
}


/** Resolves "12:00" (day 1), "D3 12:00" or a full date-time against the first occurrence. */
function resolveMoment(base: ReportTime, first: DateTime, masked: boolean): ReportMoment {
  const shift = base.timeOnly && first.relativeDay === undefined ? first : undefined;
  const moment: DateTime = shift ? { ...shift, hour: base.hour, minute: base.minute } : base;
  const hidden = masked || moment.relativeDay !== undefined;
  return {
    dayKey: moment.relativeDay !== undefined ? `D${moment.relativeDay}` : `${moment.year}-${moment.month}-${moment.day}`,
    date: hidden ? '○/○' : `${moment.month}/${moment.day}`,
    clock: `${moment.hour}:${String(moment.minute).padStart(2, '0')}`,
    epoch: toEpochMinutes(moment),
  };
}

/**
 * 「○/○ 12:00」 when the day differs from the previous entry's (the first entry is compared with the day of the
 * first occurrence) or when the entry asks for it (`showDate`), else 「12:03」.
 */
function momentLabels(values: { at: ReportTimeValue; showDate?: boolean }[], first: DateTime, masked: boolean): string[] {
  let lastDay = resolveMoment({ ...maskedDay(1, first), timeOnly: true }, first, masked).dayKey;
  return values.map((v) => {
    const moment = resolveMoment(v.at.value, first, masked);
    const label = moment.dayKey !== lastDay || v.showDate ? `${moment.date} ${moment.clock}` : moment.clock;
    lastDay = moment.dayKey;
    return label;
  });
}

function isMarker<T extends object>(entry: T | { marker: string }): entry is { marker: string } {
  return 'marker' in entry;
}

/** Numbers the timed entries ①②… and labels their times, passing phase markers through between them. */
function numberEntries<T extends { at: ReportTimeValue; showDate?: boolean }, R>(
  entries: readonly (T | { marker: string })[],
  first: DateTime,
  masked: boolean,
  build: (entry: T, number: string, time: string) => R,
): (R | { kind: 'marker'; marker: string })[] {
  const timed = entries.filter((e): e is T => !isMarker(e));
  const labels = momentLabels(timed, first, masked);
  return entries.map((entry) => {
    if (isMarker(entry)) return { kind: 'marker' as const, marker: entry.marker };
    const index = timed.indexOf(entry);
    return build(entry, subNumber('circled', index), labels[index]);
  });
}

/** 「平成○年○月○日○曜日12時00分」: the report writes the weekday in full. */
function formatReportDateTime(value: DateTime, maskedEra: string | undefined, sameDayAs?: DateTime): string {
  const masked = value.relativeDay !== undefined;
  const weekday = masked ? '○曜日' : `${weekdayOf(value)}曜日`;
  const date = formatIncidentDate(value, maskedEra);
  const shown = sameDayAs ? date.replace(/^(令和|平成|昭和|大正|明治)/, '同') : date;
  // The report writes minutes with two digits (12時00分), unlike the minutes' table (7時41分).
  return `${shown}${weekday}${value.hour}時${String(value.minute).padStart(2, '0')}分`;
}

function overviewOf(record: IncidentRecord, report: ReportData): ReportView['overview'] {
  const { data } = record;
  const maskedEra = report.datesMasked;
  const listed = listOccurrences(data).map((o) => o.occurrence);
  const phases = listed.map((o, i) => {
    const marker = listed.length > 1 ? subNumber('circled', i) : '';
    const start = occurrenceStart(o);
    const minutes = occurrenceMinutes(o);
    const end = occurrenceRecovery(o);
    const from = start ? formatReportDateTime(start, maskedEra) : formatUncertain(o.occurredAt, (v) => v.text);
    const range = end ? `${from}～${formatReportDateTime(end, maskedEra, start)}` : from;
    const duration = minutes !== undefined ? `${o.durationApproximate ? '約' : ''}${formatLongDurationJa(minutes)}` : '不明';
    return [`${marker}${range}`, `（継続時間：${duration}）`];
  });
  const users = report.affectedUsers;
  const places = [...new Set([report.place, ...listed.map((o) => o.place)].filter((p): p is string => Boolean(p)))];
  const impacts = listed.map((o, i) => (o.impact ? `${listed.length > 1 ? subNumber('circled', i) : ''}${o.impact}` : undefined));
  const services = (data.classification.services ?? []).map((s) => s.name);
  const rows: ReportView['overview'] = [
    { heading: '発生・復旧日時', lines: phases.flat() },
    { heading: '発生場所', lines: places },
    {
      heading: '影響利用者数',
      lines: users
        ? [
            `最大${groupDigits(users.maximum)}${users.unit ?? ''}${users.basis ? ` （${users.basis}）` : ''}`,
            ...(users.total !== undefined ? [`（参考） 総契約数：${groupDigits(users.total)}${users.unit ?? ''}${users.totalAsOf ? `（${users.totalAsOf}）` : ''}`] : []),
          ]
        : formatCounts(data.affectedUsers),
    },
    { heading: '影響範囲', lines: data.region === undefined ? [] : [formatUncertain(data.region, (v) => v)] },
    { heading: '影響を与えた電気通信役務', lines: [...services, `（重大な事故の区分：${classEntries(data.classification.class).join('、')}）`] },
    { heading: '具体的な影響サービス名', lines: (report.serviceNames ?? []).map((n) => `・${n}`) },
    { heading: '具体的な支障内容', lines: impacts.filter((i): i is string => i !== undefined) },
    { heading: '原因', lines: (report.causeSummary ?? []).map((c) => `・${c}`) },
  ];
  return rows.filter((row) => row.lines.length > 0);
}

/** Pure: an incident record with a `report` block → the view model of templates/report.hbs. */
export function normalizeReport(record: IncidentRecord, reportId: string): ReportView {
  const report = record.data.report;
  if (!report) throw new Error(`normalizeReport called for ${record.id}, which has no report`);
  const first = firstOccurrenceStart(record.data) ?? maskedDay(1, { hour: 0, minute: 0 });
  const masked = report.datesMasked !== undefined;
  // Every key is present (empty when absent), so the strict templates can test any of them.
  const sectionKeys = Object.keys(incidentSections).filter((k) => k !== 'publicity') as Exclude<IncidentSectionKey, 'publicity'>[];
  const sections = Object.fromEntries(sectionKeys.map((key) => [key, record.body.sections[key]?.markdown ?? '']));
  const guidance = Object.fromEntries(guidanceKeys.map((key) => [key, report.guidance?.[key] ?? '']));

  const timeline: ReportView['timeline'] = numberEntries(report.timeline ?? [], first, masked, (entry, number, time) => ({
    kind: 'event' as const,
    number,
    time,
    ...(entry.stage && { stage: entry.stage }),
    text: entry.text,
  }));
  const contacts: ReportView['contacts'] = numberEntries(report.contacts ?? [], first, masked, (entry, number, time) => ({
    kind: 'contact' as const,
    number,
    time,
    from: entry.from ?? '－',
    to: entry.to ?? '－',
    text: entry.text,
  }));

  const measures = report.countermeasures ?? [];
  const causeTable = groupCauses(report).map(({ group, causes }) => ({
    group,
    rows: causes.map((cause, i) => ({
      cause: `${fullWidthNumber(i + 1)}．${cause.text}`,
      measures: measures
        .filter((m) => m.causes?.includes(cause.id))
        .map((m) => ({ text: m.text, ...(m.schedule && { schedule: m.schedule }) })),
    })),
  }));
  const causesByStage = groupCauses(report).map(({ group, causes }) => ({
    group,
    causes: causes.map((cause, i) => ({
      heading: `${fullWidthNumber(i + 1)}．${cause.text}`,
      stages: (cause.stages ?? []).map((s) => ({ line: `${s.stage}の原因：${s.summary}`, details: s.details ?? [] })),
    })),
  }));

  const series = report.usersOverTime;
  const pointLabels = series?.points ? momentLabels(series.points, first, masked) : [];
  const eventTimes = series?.events ? momentLabels(series.events, first, masked) : [];
  const usersOverTime = series && {
    caption: series.caption ?? '影響利用者数の推移',
    points: (series.points ?? []).map((p, i) => ({ time: pointLabels[i], count: groupDigits(p.count) })),
    events: (series.events ?? []).map((e, i) => ({ time: eventTimes[i], text: e.text })),
    ...(series.note !== undefined && { note: series.note }),
    chartSrc: `${reportId}-users.svg`,
    chartValues: (series.points ?? []).map((p) => p.count),
    chartAlt: (series.points ?? []).length
      ? `${series.caption ?? '影響利用者数の推移'}：${(series.points ?? []).map((p, i) => `${pointLabels[i]} ${groupDigits(p.count)}`).join('、')}`
      : '',
  };

  const channelCounts = Array.isArray(record.data.inquiries) ? record.data.inquiries : [];
  const total = channelCounts.reduce((sum, c) => sum + (typeof c.value === 'number' ? c.value : 0), 0);
  const unit = channelCounts[0]?.unit ?? '件';
  const channelNames = channelCounts.map((c) => c.label).filter((l): l is string => Boolean(l));
  const inquiries = channelCounts.length
    ? {
        summary: `合計${groupDigits(total)}${unit}${report.inquiriesAsOf ? `（${report.inquiriesAsOf}）` : ''}の問い合わせが${channelNames.length ? `、${channelNames.join('及び')}窓口に` : ''}あった。`,
        channels: `（${formatCounts(channelCounts).join('、')}）`,
      }
    : undefined;

  return {
    id: reportId,
    incidentId: record.id,
    title: report.title,
    ...(report.label && { label: report.label }),
    ...(report.disclaimer && { disclaimer: report.disclaimer }),
    guidance,
    overview: overviewOf(record, report),
    sections,
    ...(usersOverTime && { usersOverTime }),
    timeline,
    contacts,
    causeTable,
    causesByStage,
    countermeasures: numberCountermeasures(report).map(({ kind, items }) => ({
      heading: `＜${kind}対処＞`,
      items: items.map((m) => ({ number: m.number, text: m.text, ...(m.schedule && { schedule: m.schedule }) })),
    })),
    notices: (report.notices ?? []).map((n) => ({ number: n.number, at: n.at, channel: n.channel ?? '', text: n.text })),
    ...(inquiries && { inquiries }),
    inquiryThemes: (report.inquiryThemes ?? []).map((t) => ({ period: t.period ?? '', text: t.text })),
    otherResponses: report.otherResponses ?? [],
    hasResponse: Boolean(report.notices?.length || inquiries || report.inquiryThemes?.length || record.body.sections.userResponse),
  };
}
