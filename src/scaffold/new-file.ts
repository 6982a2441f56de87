import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Project } from '../project.js';
import { parseIsoDate, toIsoDate } from '../normalize/datetime.js';
import { fiscalYearOf } from '../normalize/era.js';
import { placeholder } from '../validate/rules/placeholders.js';

/** The next free 回 of a fiscal year (回 restarts every April). */
export function nextMeetingNumber(project: Project, fiscalYear: number): number {
  const numbers = [...project.meetings.values()].filter((m) => m.data.fiscalYear === fiscalYear).map((m) => m.data.number);
  return numbers.length ? Math.max(...numbers) + 1 : 1;
}

/** A new meeting file with every field present and explained (in Japanese, for the secretariat). */
export function scaffoldMeeting(project: Project, isoDate: string): { relativePath: string; text: string } {
  const date = parseIsoDate(isoDate);
  if (!date) throw new Error(`scaffoldMeeting needs a valid date, got ${isoDate}`);
  const fiscalYear = fiscalYearOf(date);
  const number = nextMeetingNumber(project, fiscalYear);
  const id = `fy${fiscalYear}-${String(number).padStart(2, '0')}`;
  const text = `---
# 「要記入」の印がある箇所をすべて書き換えてください。印が残っている間は check がエラーを出し、公開されません。
type: meeting
fiscalYear: ${fiscalYear}          # 年度（開始する年の西暦。${fiscalYear} = ${fiscalYear}年4月〜${fiscalYear + 1}年3月）
number: ${number}                  # 第N回（年度ごとに1から。次の空き番号です）
date: "${toIsoDate(date)}"         # 開催日（曜日と和暦は自動で付きます）
start: "10:00"                # 開始時刻
end: "12:00"                  # 終了時刻
place: ${placeholder('場所（Web会議 など）')}   # 場所
attendees:                    # 出席者（敬称略）。議事要旨にこの欄がなければ attendees ごと削除
  - group: 構成員
    members:                  # 1行に「、」でつないで印刷（氏名と役職の間は空けない）
      - { name: ${placeholder('氏名')}, role: 座長 }
  - group: 事務局
    roleSeparator: " "        # 「氏名 役職」と空けて印刷
    lines:                    # 印刷する1行ごとのリスト
      - - { name: ${placeholder('氏名')}, role: ${placeholder('役職')} }
agenda:                       # 議事（１）（２）…の順
  - text: ${placeholder('議事の内容。例：事務局から説明が行われた。')}
  - text: ${placeholder('例：○○株式会社から、令和○年○月に発生した事故について説明が行われた。事故の概要は以下のとおり。')}
    presenters: [${placeholder('説明した事業者')}]
    subNumbering: circled     # 事故が複数のときの番号：katakana（ア／イ）か circled（①②）
    incidents:
      - ref: ${placeholder('事故のファイル名（data/incidents/ の .md を除いた名前）')}
        heading: ${placeholder('表の上の見出し。不要なら heading の行を削除')}
closingRemark: ""             # 「以上」の前の結びの文（Markdown）。不要なら削除
---
`;
  return { relativePath: path.join('meetings', `${id}.md`), text };
}

/** The file-name part for an operator: lower-case letters, digits and hyphens; undefined when nothing is left. */
export function operatorSlugOf(input: string): string | undefined {
  const slug = input.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || undefined;
}

/** A new incident file with every field and body section present and explained (in Japanese). */
export function scaffoldIncident(dataDir: string, isoDate: string, slug: string): { relativePath: string; text: string } {
  let name = `${isoDate}-${slug}`;
  for (let n = 2; existsSync(path.join(dataDir, 'incidents', `${name}.md`)); n++) name = `${isoDate}-${slug}-${n}`;
  const text = `---
# 「要記入」の印がある箇所をすべて書き換えてください。印が残っている間は check がエラーを出し、公開されません。
type: incident
operators:                        # 事業者名（複数可）
  - name: ${placeholder('事業者名')}
occurrences:                      # 発生日時と継続時間。複数あれば ① ② … と印刷
  - occurredAt: "${isoDate} 00:00"   # 発生日時（日本時間）。時刻を書き換えてください
    approximate: false            # true なら「頃」を付けて印刷
    recoveredAt: "${isoDate} 01:00"  # 復旧日時。duration を書けば省略可
    duration: PT1H                # 継続時間（ISO 8601。例 PT23H44M）。recoveredAt を書けば省略可
    durationApproximate: false    # true なら「約」を付けて印刷
affectedUsers:                    # 影響利用者数：文字列、件数1つ、または件数のリスト
  - { qualifier: 約, value: ${placeholder('人数')}, unit: 人 }
region: ${placeholder('影響地域（全国 など）')}
inquiries: "-"                    # 事業者への問合せ件数："-"、件数、または件数のリスト（{ label: 電話, value: 10, unit: 件 }）
description: |                    # 障害内容（Markdown）
  ${placeholder('障害内容')}
classification:                   # 重大な事故に該当する電気通信役務の区分
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
