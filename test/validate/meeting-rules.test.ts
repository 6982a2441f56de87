import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/read-source.js';
import { validateSources } from '../../src/pipeline.js';
import { allDiagnostics } from '../../src/project.js';

/** A synthetic meeting of 令和7年度 with no incident; `fields` replace or add front matter lines. */
const meeting = (fields: Record<string, string> = {}) => {
  const base: Record<string, string> = {
    type: 'meeting',
    fiscalYear: '2025',
    number: '1',
    date: '"2025-06-12"',
    start: '"10:00"',
    end: '"11:00"',
    place: 'Web会議',
    ...fields,
  };
  const lines = Object.entries(base).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\nagenda:\n  - text: 事務局から説明が行われた。\n---\n`;
};

function check(files: Record<string, string>, complete = true) {
  const sources = Object.entries(files).map(([name, text]) => parseSource(name, `/data/${name}`, text));
  return allDiagnostics(validateSources(sources, '/data', undefined, complete)).map((d) => `${d.file}:${d.start.line} ${d.severity} ${d.id}`);
}

describe('meeting values that are 不明 / 非公表 / 調査中', () => {
  it('accepts a number, times and place the sources do not give, and says which checks were skipped', () => {
    const found = check({ 'meetings/fy2025-x.md': meeting({ number: '不明', start: '非公表', end: '非公表', place: '{ status: 非公表, note: ※警備上の理由 }' }) });
    // At the start (line 6: end after start) and at the number (line 4: file name against the number).
    expect(found).toEqual(['meetings/fy2025-x.md:6 info check-skipped', 'meetings/fy2025-x.md:4 info check-skipped']);
  });

  it('skips the end-after-start check when only the end is unknown', () => {
    expect(check({ 'meetings/fy2025-01.md': meeting({ end: '調査中' }) })).toEqual(['meetings/fy2025-01.md:7 info check-skipped']);
  });

  it('reports equal start and end as the same, not as before', () => {
    const sources = [parseSource('meetings/fy2025-01.md', '/data/meetings/fy2025-01.md', meeting({ start: '"00:00"', end: '"00:00"' }))];
    const [diagnostic] = allDiagnostics(validateSources(sources, '/data'));
    expect(diagnostic.id).toBe('end-before-start');
    expect(diagnostic.ja).toBe('終了時刻 00:00 が開始時刻 00:00 と同じです。');
  });

  it('takes a provisional number as its value', () => {
    expect(check({ 'meetings/fy2025-02.md': meeting({ number: '{ status: 暫定, value: 2 }' }) })).toEqual([]);
  });
});

describe('meeting file names', () => {
  it('accepts fy2025-01.md for 令和7年度第1回', () => {
    expect(check({ 'meetings/fy2025-01.md': meeting() })).toEqual([]);
  });

  it('reports a file named for another number, at the number', () => {
    expect(check({ 'meetings/fy2025-02.md': meeting() })).toEqual(['meetings/fy2025-02.md:4 warning meeting-file-name-mismatch']);
  });

  it('reports a file named for another fiscal year, at the fiscal year, also when the number is unknown', () => {
    expect(check({ 'meetings/fy2024-01.md': meeting() })).toEqual(['meetings/fy2024-01.md:3 warning meeting-file-name-mismatch']);
    expect(check({ 'meetings/fy2024-x.md': meeting({ number: '不明' }) })).toEqual(['meetings/fy2024-x.md:3 warning meeting-file-name-mismatch']);
  });
});

describe('gaps in the 回 of a fiscal year', () => {
  const numbered = (n: number, date: string) => meeting({ number: String(n), date: `"${date}"` });

  it('warns at 第3回 when 第1回 and 第3回 are present without 第2回', () => {
    const found = check({ 'meetings/fy2025-01.md': numbered(1, '2025-06-12'), 'meetings/fy2025-03.md': numbered(3, '2025-08-12') });
    expect(found).toEqual(['meetings/fy2025-03.md:4 warning meeting-number-gap']);
  });

  it('names every missing number of a longer gap', () => {
    const sources = [
      parseSource('meetings/fy2025-01.md', '/data/meetings/fy2025-01.md', numbered(1, '2025-06-12')),
      parseSource('meetings/fy2025-04.md', '/data/meetings/fy2025-04.md', numbered(4, '2025-09-12')),
    ];
    const [gap] = allDiagnostics(validateSources(sources, '/data'));
    expect(gap.ja).toBe('令和7年度第4回の前の第2回～第3回の会議がありません。欠番でなければ会議のファイルを追加してください。');
  });

  it('says nothing for a year with a single meeting, or a folder that starts in the middle of a year', () => {
    expect(check({ 'meetings/fy2025-08.md': numbered(8, '2025-12-12') })).toEqual([]);
    expect(check({ 'meetings/fy2025-08.md': numbered(8, '2025-12-12'), 'meetings/fy2025-09.md': numbered(9, '2026-01-12') })).toEqual([]);
  });

  it('skips the check when a meeting of that year has no known number, since it may fill the gap', () => {
    const found = check({
      'meetings/fy2025-01.md': numbered(1, '2025-06-12'),
      'meetings/fy2025-x.md': meeting({ number: '不明', date: '"2025-07-12"' }),
      'meetings/fy2025-03.md': numbered(3, '2025-08-12'),
    });
    expect(found).toEqual(['meetings/fy2025-x.md:4 info check-skipped', 'meetings/fy2025-03.md:4 info check-skipped']);
  });

  it('does not look for gaps when only some files were checked', () => {
    expect(check({ 'meetings/fy2025-01.md': numbered(1, '2025-06-12'), 'meetings/fy2025-03.md': numbered(3, '2025-08-12') }, false)).toEqual([]);
  });
});

describe('an incident examined at a meeting occurred before it', () => {
  const incident = (occurredAt: string) => `---
type: incident
operators:
  - name: 株式会社テスト
occurrences:
  - occurredAt: ${occurredAt}
    duration: PT1H
region: 全国
inquiries: "-"
description: 障害。
classification:
  class: 五 一の項から四の項までに掲げる電気通信役務以外の電気通信役務
---

## 発生原因

原因。

## 再発防止策

対策。
`;
  const examining = (fields: Record<string, string> = {}) =>
    meeting(fields).replace('  - text: 事務局から説明が行われた。\n', '  - text: 説明が行われた。\n    incidents: [2025-06-12-test]\n');
  const meetingDiagnostics = (meetingText: string, occurredAt: string) =>
    check({ 'meetings/fy2025-01.md': meetingText, 'incidents/2025-06-12-test.md': incident(occurredAt) }).filter((d) => d.startsWith('meetings/'));

  it('accepts an incident of the same morning, before the meeting starts', () => {
    expect(meetingDiagnostics(examining(), '"2025-06-12 07:41"')).toEqual([]);
  });

  it('warns at the reference when the incident occurred after the meeting started', () => {
    expect(meetingDiagnostics(examining(), '"2025-06-12 10:30"')).toEqual(['meetings/fy2025-01.md:11 warning incident-after-meeting']);
  });

  it('compares with the end of the day when the start is not given, and never guesses an order on that day', () => {
    const found = meetingDiagnostics(examining({ start: '非公表' }), '"2025-06-12 10:30"');
    expect(found).toEqual(['meetings/fy2025-01.md:6 info check-skipped']);
    expect(meetingDiagnostics(examining({ start: '非公表' }), '"2025-06-13 10:30"')).toContain('meetings/fy2025-01.md:11 warning incident-after-meeting');
  });

  it('skips an incident whose occurrence is not known', () => {
    expect(meetingDiagnostics(examining(), '不明')).toEqual(['meetings/fy2025-01.md:11 info check-skipped']);
  });
});
