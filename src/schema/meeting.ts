import { z } from 'zod';
import { field } from '../model/field.js';
import { clockTime, isoDate, markdown, revision, text, uncertain } from './common.js';

export const documentKinds = ['議事要旨', '議事概要', '議事録'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Who presented an agenda item, as the minutes name them: an operator, the secretariat, a working group. */
export const presenterKinds = ['operator', 'secretariat', 'working-group', 'other'] as const;

const member = z
  .object({
    name: field(text, { label: '氏名・名称', kind: 'text' }),
    role: field(z.string().optional(), { label: '役職', kind: 'text', help: '氏名の後に印字（相田座長）' }),
  })
  .strict();

const eitherMembersOrLines = {
  params: { id: 'invalid-value', detail: 'members か lines のどちらか一方を書いてください。', detailEn: 'give either members or lines' },
};

/** The keys a group and a sub-group share: who attended, and what the minutes print after them. */
const memberKeys = {
  roleSeparator: field(z.string().optional(), { label: '氏名と役職の区切り', kind: 'text', help: '既定は空文字（相田座長）。" " で「大村 電気通信事業部長」' }),
  members: field(z.array(member).min(1).optional(), { label: '出席者（1行）', kind: 'list', help: '「、」でつないで1行に印字' }),
  lines: field(z.array(z.array(member).min(1)).min(1).optional(), { label: '出席者（複数行）', kind: 'list', help: '行ごとに「、」でつないで印字' }),
  headcount: field(z.number().int().positive().optional(), {
    label: '人数',
    kind: 'integer',
    help: '資料に書かれた人数。「（以上11名）」と印字。数えて補わない',
  }),
};

/** 「（総合通信基盤局）」 and its members, inside a group. */
const attendeeSubgroup = z
  .object({ group: field(text, { label: 'グループ名', kind: 'text', help: '「（総合通信基盤局）」と印字' }), ...memberKeys })
  .strict()
  .refine((g) => (g.members === undefined) !== (g.lines === undefined), eitherMembersOrLines);

const attendeeGroup = z
  .object({
    group: field(text, { label: 'グループ名', kind: 'text', help: '構成員、専門委員、説明者、オブザーバー、事務局 など。「＜構成員＞」と印字' }),
    orderNote: field(z.string().optional(), {
      label: '並び順などの注記',
      kind: 'text',
      help: '五十音順、敬称略 など。「（五十音順、敬称略）」とグループ名の後に印字。書くと見出しは「出席者」だけになる',
    }),
    ...memberKeys,
    subgroups: field(z.array(attendeeSubgroup).min(1).optional(), { label: '局・部ごとの出席者', kind: 'list' }),
  })
  .strict()
  .refine((g) => [g.members, g.lines, g.subgroups].filter((v) => v !== undefined).length === 1, {
    params: {
      id: 'invalid-value',
      detail: 'members、lines、subgroups のどれか一つを書いてください。',
      detailEn: 'give exactly one of members, lines or subgroups',
    },
  });

const presenter = z
  .object({
    name: field(text, { label: '説明者の名称', kind: 'text' }),
    kind: field(z.enum(presenterKinds), {
      label: '説明者の種類',
      kind: 'choice',
      help: 'operator（事業者）、secretariat（事務局）、working-group（作業部会など）、other',
    }),
  })
  .strict();

const incidentRef = z
  .object({
    ref: field(text, { label: '事故ファイル名', kind: 'reference' }),
    heading: field(z.string().optional(), { label: '見出し', kind: 'text' }),
  })
  .strict();

export const subNumberingStyles = ['katakana', 'circled', 'iroha'] as const;

const agendaItem = z
  .object({
    kind: field(z.string().optional(), { label: '議事の種類', kind: 'text', help: '報告案件 など。「【報告案件】」として文の前に印字' }),
    text: field(text, { label: '議事の文', kind: 'text' }),
    closed: field(z.boolean().optional(), { label: '非公開', kind: 'flag', help: 'true：文の後に「（非公開）」と印字' }),
    materials: field(z.array(text).min(1).optional(), { label: '資料', kind: 'list', help: '資料8-1 など。「（資料8-1、資料8-2）」と印字' }),
    materialsPublic: field(z.boolean().optional(), { label: '提出資料の公表', kind: 'flag', help: 'false：「提出資料は非公表」と印字' }),
    presenters: field(z.array(z.union([text, presenter])).optional(), {
      label: '説明者',
      kind: 'list',
      help: '事業者名（文字列）、または { name: 事務局, kind: secretariat }。印字はしない（文に書く）',
    }),
    subNumbering: field(z.enum(subNumberingStyles).optional(), { label: '枝番の形式', kind: 'choice' }),
    incidents: field(z.array(z.union([text, incidentRef])).optional(), { label: '事故', kind: 'list', help: '事故がない議事では省略' }),
  })
  .strict();

export const meetingSchema = z
  .object({
    type: field(z.literal('meeting'), { label: '文書の種類', kind: 'choice' }),
    documentKind: field(z.enum(documentKinds).optional(), {
      label: '文書の名前',
      kind: 'choice',
      help: '議事要旨（既定）、議事概要、議事録。表題の最後に印字',
    }),
    committee: field(text.optional(), { label: '会議名', kind: 'text', help: '既定は電気通信事故検証会議' }),
    fiscalYear: field(z.number().int().min(1989).max(2200), { label: '年度', kind: 'integer', help: '年度の始まる西暦年（2025 = 令和7年度）' }),
    number: field(uncertain(z.number().int().min(1).max(99)), {
      label: '回',
      kind: 'integer',
      help: '第N回。年度ごとに1から。不明・非公表も可（表題は「（回次不明）」）',
      uncertain: true,
    }),
    date: field(isoDate, { label: '開催日', kind: 'date' }),
    weekday: field(z.string().optional(), { label: '曜日', kind: 'text', help: '省略可（日付から印字）。書けば日付と照合' }),
    start: field(uncertain(clockTime), { label: '開始時刻', kind: 'time', uncertain: true }),
    end: field(uncertain(clockTime), { label: '終了時刻', kind: 'time', uncertain: true }),
    place: field(uncertain(text), { label: '場所', kind: 'text', uncertain: true }),
    attendees: field(z.array(attendeeGroup).optional(), { label: '出席者', kind: 'list' }),
    agenda: field(z.array(agendaItem).min(1), { label: '議事', kind: 'list' }),
    closingRemark: field(markdown.optional(), { label: '結びの文', kind: 'markdown' }),
    revisions: field(z.array(revision).optional(), { label: '修正履歴', kind: 'list', help: '公表後の修正（日付と内容）' }),
  })
  .strict();

export type MeetingData = z.infer<typeof meetingSchema>;
export type AgendaItemData = z.infer<typeof agendaItem>;
export type AttendeeGroupData = z.infer<typeof attendeeGroup>;
export type AttendeeSubgroupData = z.infer<typeof attendeeSubgroup>;
