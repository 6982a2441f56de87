import { describe, expect, it } from 'vitest';
import { readCodes } from '../../src/load/read-codes.js';
import { operatorSlug } from '../../src/import/operator-slug.js';
import { parseClassification } from '../../src/import/parse-classification.js';
import { parseCounts } from '../../src/import/parse-counts.js';
import { parseHeader } from '../../src/import/parse-header.js';
import { parseDuration, parseOccurredAt, splitCircled } from '../../src/import/parse-occurrences.js';
import type { ImportNote } from '../../src/import/source-lines.js';
import { splitSourceLines } from '../../src/import/source-lines.js';
import { repoRoot } from '../support/build-bundled.js';
import path from 'node:path';

describe('counts', () => {
  it('reads labelled counts with qualifiers, units and 万 kept as printed', () => {
    expect(parseCounts('有料プラン契約数：最大約 5.9万社 音声サービス利用者数： 316社')).toEqual([
      { label: '有料プラン契約数', qualifier: '最大約', value: '5.9万', unit: '社' },
      { label: '音声サービス利用者数', value: 316, unit: '社' },
    ]);
  });

  it('reads grouped digits as a number, full-width digits as printed, and a suffix with its remark', () => {
    expect(parseCounts('約48,000人')).toEqual([{ qualifier: '約', value: 48000, unit: '人' }]);
    expect(parseCounts('３万人以上（詳細非公表※）')).toEqual([{ value: '３万', unit: '人', suffix: '以上', remark: '（詳細非公表※）' }]);
    expect(parseCounts('最大 58 万人※')).toEqual([{ qualifier: '最大', value: '58万', unit: '人', remark: '※' }]);
  });

  it('gives up on a cell that is not all counts', () => {
    expect(parseCounts('調査中')).toBeUndefined();
    expect(parseCounts('約1,200人（うち法人 調査中）と推定')).toBeUndefined();
  });
});

describe('occurrences and durations', () => {
  it('reads a 和暦 date-time with spaced or full-width digits, and 頃', () => {
    expect(parseOccurredAt('令和4年 12月17日 7時50分')).toEqual({ occurredAt: '2022-12-17 07:50', approximate: false });
    expect(parseOccurredAt('令和４年１０月１５日 １５時３０分頃')).toEqual({ occurredAt: '2022-10-15 15:30', approximate: true });
  });

  it('refuses a date that does not exist and a time with words after it', () => {
    expect(parseOccurredAt('令和5年2月30日 1時00分')).toBeUndefined();
    expect(parseOccurredAt('令和5年2月3日 1時00分から順次')).toBeUndefined();
  });

  it('writes durations as ISO 8601, with 約 as approximate', () => {
    expect(parseDuration('約10時間46分')).toEqual({ duration: 'PT10H46M', approximate: true });
    expect(parseDuration('29分')).toEqual({ duration: 'PT29M', approximate: false });
    expect(parseDuration('10日11時間40分')).toEqual({ duration: 'P10DT11H40M', approximate: false });
    expect(parseDuration('調査中')).toBeUndefined();
  });

  it('splits several occurrences at ① ②', () => {
    expect(splitCircled('① 令和5年11月9日 3時11分 ② 令和5年11月9日 10時46分')).toEqual(['令和5年11月9日 3時11分', '令和5年11月9日 10時46分']);
  });
});

describe('the 区分', () => {
  const codes = readCodes(path.join(repoRoot, 'data'));
  const lines = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 10 }));

  it('knows where a wrapped class ends from data/codes, then reads numbered services with notes', () => {
    const notes: ImportNote[] = [];
    const c = parseClassification(lines('五 一の項から四の項までに掲げる電気通信役務以外の電気通信役', '務', '32 仮想移動電気通信サービス（本区分に関連するもの）'), codes, notes);
    expect(c).toEqual({ class: '五 一の項から四の項までに掲げる電気通信役務以外の電気通信役務', services: [{ number: 32, name: '仮想移動電気通信サービス', note: '（本区分に関連するもの）' }] });
    expect(notes).toEqual([]);
  });

  it('notes a class that data/codes does not list, at its line', () => {
    const notes: ImportNote[] = [];
    const c = parseClassification(lines('九 架空の役務'), codes, notes);
    expect(c?.class).toBe('九 架空の役務');
    expect(notes.map((n) => n.line)).toEqual([10]);
  });
});

describe('the header', () => {
  it('reads number, date, times in 時分, place and both attendee layouts', () => {
    const text = [
      '電気通信事故検証会議（第１２回）議事要旨',
      '１ 日 時：令和６年３月５日（火）13時00分〜14時50分',
      '２ 場 所：総務省第１会議室',
      '３ 出席者（敬称略）',
      '＜構成員＞',
      '相田座長、内田座長代理、',
      '黒坂構成員',
      '＜事務局＞',
      '大村 電気通信事業部長',
      '４ 議事',
    ].join('\n');
    const header = parseHeader(splitSourceLines(text));
    expect(header).toMatchObject({ number: 12, date: '2024-03-05', start: '13:00', end: '14:50', place: '総務省第１会議室', agendaStart: 10, notes: [] });
    expect(header.attendees).toEqual([
      { group: '構成員', members: [{ name: '相田', role: '座長' }, { name: '内田', role: '座長代理' }, { name: '黒坂', role: '構成員' }] },
      { group: '事務局', roleSeparator: ' ', lines: [[{ name: '大村', role: '電気通信事業部長' }]] },
    ]);
  });

  it('checks the weekday instead of copying it, and notes a mismatch at the date line', () => {
    const header = parseHeader(splitSourceLines('電気通信事故検証会議（第８回）議事要旨\n１ 日 時：令和５年１月１８日（火）10:00～12:00\n２ 場 所：Web会議\n３ 議事'));
    expect(header.date).toBe('2023-01-18');
    expect(header.notes.map((n) => [n.line, n.en.includes('weekday')])).toEqual([[2, true]]);
  });

  it('writes no date it cannot read, and says so', () => {
    const header = parseHeader(splitSourceLines('電気通信事故検証会議（第８回）議事要旨\n１ 日 時：令和５年○月○日 10:00～12:00\n２ 場 所：Web会議\n３ 議事'));
    expect(header.date).toBeUndefined();
    expect(header.notes.map((n) => n.line)).toEqual([2]);
  });
});

describe('a header that does not give everything', () => {
  it('writes 不明 for times it cannot read (noted), and 非公表 where the minutes say so (not noted)', () => {
    const header = parseHeader(splitSourceLines('電気通信事故検証会議（第２回）議事概要\n１ 日 時：令和６年７月５日（金）午前\n２ 場 所：非公表\n３ 議事'));
    expect(header).toMatchObject({ number: 2, documentKind: '議事概要', date: '2024-07-05', start: '不明', end: '不明', place: '非公表' });
    expect(header.notes.map((n) => n.line)).toEqual([2]);
  });

  it('writes the number 不明 when the title cannot be read', () => {
    const header = parseHeader(splitSourceLines('議事要旨\n１ 日 時：令和６年７月５日（金）（時刻非公表）\n２ 場 所：Web会議\n３ 議事'));
    expect(header).toMatchObject({ number: '不明', start: '非公表', end: '非公表' });
    expect(header.notes.map((n) => n.line)).toEqual([1]);
  });
});

describe('operator slugs', () => {
  it('takes the Latin name, a known operator, or the katakana romanized', () => {
    expect(operatorSlug('株式会社kubell')).toBe('kubell');
    expect(operatorSlug('SORACOM CORPORATION, LTD.')).toBe('soracom');
    expect(operatorSlug('株式会社ＮＴＴドコモ')).toBe('docomo');
    expect(operatorSlug('株式会社カカオ')).toBe('kakao');
    expect(operatorSlug('一般財団法人')).toBeUndefined();
  });
});
