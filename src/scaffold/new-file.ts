import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Project } from '../project.js';
import { toIsoDate, type CalendarDate } from '../model/date-time.js';
import { fiscalYearOf } from '../model/era.js';
import { meetingIdOf, meetingNumberOf } from '../schema/meeting-id.js';
import { placeholder } from '../validate/rules/placeholders.js';

/** The next free 回 of a fiscal year (回 restarts every April). */
export function nextMeetingNumber(project: Project, fiscalYear: number): number {
  const numbers = [...project.meetings.values()].filter((m) => m.data.fiscalYear === fiscalYear).flatMap((m) => meetingNumberOf(m.data) ?? []);
  return numbers.length ? Math.max(...numbers) + 1 : 1;
}

/** The language of a scaffold's comments (the field names, Japanese labels and 要記入 marks are the same in both). */
export type ScaffoldLang = 'ja' | 'en';

const FILL_IN = {
  ja: '# 「要記入」の印がある箇所をすべて書き換えてください。印が残っている間は check がエラーを出し、公開されません。',
  en: '# Replace every 「要記入」 mark. While one is left, check reports an error and nothing is published.',
};

/** A new meeting file with every field present and explained, in the run's language; what to fill in is marked 要記入. */
export function scaffoldMeeting(project: Project, date: CalendarDate, lang: ScaffoldLang = 'ja'): { relativePath: string; text: string } {
  const fiscalYear = fiscalYearOf(date);
  const number = nextMeetingNumber(project, fiscalYear);
  const id = meetingIdOf(fiscalYear, number);
  const c = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const text = `---
${FILL_IN[lang]}
type: meeting
fiscalYear: ${fiscalYear}          # ${c(`年度: 年度が始まる西暦年（${fiscalYear} = ${fiscalYear}年4月〜${fiscalYear + 1}年3月）`, `年度: the Gregorian year the fiscal year starts in (${fiscalYear} = April ${fiscalYear} – March ${fiscalYear + 1})`)}
number: ${number}                  # ${c('年度内の第N回（次の空いている番号）。分からなければ 不明 / 非公表', '第N回 within the fiscal year (next free number); 不明 / 非公表 if not given')}
date: "${toIsoDate(date)}"         # ${c('開催日。曜日と和暦はツールが書く', '開催日; the weekday and 和暦 are printed by the tool')}
start: "10:00"                # ${c('開始時刻（書き換える。start, end, place: 分からなければ 不明 / 非公表 / 調査中）', '開始時刻 (rewrite it; start, end, place: 不明 / 非公表 / 調査中 if not given)')}
end: "12:00"                  # ${c('終了時刻（書き換える）', '終了時刻 (rewrite it)')}
place: ${placeholder('場所（Web会議 など）')}   # 場所
attendees:                    # ${c('出席者（敬称略）。その節のない議事要旨ではキーごと消す（orderNote, headcount, subgroups は README）', '出席者（敬称略）; delete the whole key if the minutes have no such section (see README for orderNote, headcount, subgroups)')}
  - group: 構成員
    members:                  # ${c('1 行に 、 でつないで書く（名前 + 役職、間に空白なし）', 'printed on one line, joined by 、 (名前 + 役職 with no space)')}
      - { name: ${placeholder('氏名')}, role: 座長 }
  - group: 事務局
    roleSeparator: " "        # ${c('「氏名 役職」と書く', 'printed 「氏名 役職」')}
    lines:                    # ${c('印刷する 1 行ごとに 1 つのリスト', 'one list per printed line')}
      - - { name: ${placeholder('氏名')}, role: ${placeholder('役職')} }
agenda:                       # ${c('議事 (1) (2) …（順に）', '議事 (1) (2) …, in order')}
  - text: ${placeholder('例：事務局から説明が行われた。')}
    materials: [${placeholder('資料の番号（資料1-1 など）。なければ materials の行を削除')}]   # ${c('（資料1-1）と書く。kind, closed, materialsPublic は README', 'printed （資料1-1）; kind, closed, materialsPublic: see README')}
  - text: ${placeholder('例：○○株式会社から、令和○年○月に発生した事故について説明が行われた。事故の概要は以下のとおり。')}
    presenters: [${placeholder('説明した事業者')}]
    subNumbering: circled     # ${c('複数の事故を示す項目の番号: katakana（ア／イ）か circled（①②）', 'katakana (ア／イ) or circled (①②) when the item shows several incidents')}
    incidents:
      - ref: ${placeholder('事故のファイル名（data/incidents/ の .md を除いた名前）')}
        heading: ${placeholder('表の上の見出し。不要なら heading の行を削除')}
closingRemark: ""             # ${c('以上 の前の結びの言葉（Markdown、省略可）。使わなければ消す', 'optional closing remark before 以上 (Markdown); delete if unused')}
---
`;
  return { relativePath: path.join('meetings', `${id}.md`), text };
}

/** The file-name part for an operator: lower-case letters, digits and hyphens; undefined when nothing is left. */
export function operatorSlugOf(input: string): string | undefined {
  const slug = input.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || undefined;
}

/** A new incident file with every field and body section present and explained; what to fill in is marked 要記入. */
export function scaffoldIncident(dataDir: string, date: CalendarDate, slug: string, lang: ScaffoldLang = 'ja'): { relativePath: string; text: string } {
  const isoDate = toIsoDate(date);
  const c = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  let name = `${isoDate}-${slug}`;
  for (let n = 2; existsSync(path.join(dataDir, 'incidents', `${name}.md`)); n++) name = `${isoDate}-${slug}-${n}`;
  const text = `---
${FILL_IN[lang]}
type: incident
operators:                        # ${c('事業者名（1 社以上）。事業者ごとに発生・地域・数が違えば operators[].occurrences などに（README）', '事業者名 (one or more); an operator\'s own occurrences, region and counts go under it (README)')}
  - name: ${placeholder('事業者名')}
occurrences:                      # ${c('発生日時と継続時間。複数あれば ① ② … と印刷', '発生日時 and 継続時間; several entries are printed ① ② …')}
  - occurredAt: "${isoDate} 00:00"   # ${c('発生日時（日本時間）。書き換える。時だけなら "… 17時"、分からなければ 不明 / 調査中', 'JST; rewrite it. "… 17時" for an hour, 不明 / 調査中 if not given')}
    approximate: false            # ${c('true で「頃」を付ける', 'true prints 「頃」')}
    recoveredAt: "${isoDate} 01:00"  # ${c('復旧日時（書き換える）。duration があれば省略可', 'rewrite it; optional when duration is given')}
    duration: PT1H                # ${c('継続時間（ISO 8601。例 PT23H44M）。recoveredAt があれば省略可。分からなければ 不明', 'ISO 8601 (PT23H44M); optional when recoveredAt is given; 不明 if not given')}
    durationApproximate: false    # ${c('true で「約」を付ける', 'true prints 「約」')}
affectedUsers:                    # ${c('影響利用者数: 数 1 つか数のリスト（44万6000 などと書いたとおり）。非公表 / 不明 / 調査中 も可', '影響利用者数: one count or a list (as written: 44万6000); 非公表 / 不明 / 調査中 too')}
  - { qualifier: 約, value: ${placeholder('人数')}, unit: 人 }
region: ${placeholder('影響地域（全国 など）')}
inquiries: "-"                    # ${c('事業者への問合せ件数: "-"、数、またはリスト（{ label: 電話, value: 10, unit: 件 }）', '事業者への問合せ件数: "-", a count, or a list ({ label: 電話, value: 10, unit: 件 })')}
description: |                    # ${c('障害内容（Markdown）', '障害内容 (Markdown)')}
  ${placeholder('障害内容')}
classification:                   # ${c('重大な事故に該当する電気通信役務の区分（号数字だけでも可。調査中 も可）', '区分 (the numeral alone prints the law\'s text; 調査中 too)')}
  class: 五 一の項から四の項までに掲げる電気通信役務以外の電気通信役務
  services:
    - { number: 12, name: インターネット接続サービス }
---

## 発生原因

＜発生原因の概要＞

${placeholder('発生原因')}

## 機器構成図

![${placeholder('図の説明（代替テキスト）。図のファイルは data/figures/ に置き、( ) の中に ../figures/' + name + '-1.png のように書く')}]()

## 再発防止策

＜暫定対処＞

- ${placeholder('暫定対処')}

  ${placeholder('完了した日か完了予定の日。例：令和7年5月1日完了')}

＜恒久対処＞

- ${placeholder('恒久対処')}

## 情報周知

### 自社サイト

${placeholder('自社サイトでの周知')}

### その他

－
`;
  return { relativePath: path.join('incidents', `${name}.md`), text };
}
