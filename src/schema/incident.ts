import { z } from 'zod';
import { field } from '../model/field.js';
import { statusWords } from '../model/uncertain.js';
import { countNumber, dateTime, duration, isoDate, markdown, revision, text, uncertain } from './common.js';
import { reportSchema } from './report.js';

const countText = { kind: 'text' } as const;

/** An earlier reported value of a count: 「当初約200万人（速報）」. */
const countRevision = z
  .object({
    qualifier: field(z.string().optional(), { label: '前置き（約・最大など）', ...countText }),
    value: field(z.union([countNumber, text]), { label: '値', kind: 'count' }),
    unit: field(z.string().optional(), { label: '単位', ...countText }),
    suffix: field(z.string().optional(), { label: '後置き（以上など）', ...countText }),
    stage: field(z.string().optional(), { label: '報告の段階', ...countText, help: '速報・詳細報告など' }),
    date: field(isoDate.optional(), { label: '報告日', kind: 'date' }),
  })
  .strict();

/** One printed count: 「有料プラン契約数：最大約5.9万社」. */
const count = z
  .object({
    label: field(z.string().optional(), { label: 'ラベル', ...countText, help: '「ラベル：」として値の前に印字' }),
    qualifier: field(z.string().optional(), { label: '前置き（約・最大など）', ...countText }),
    value: field(z.union([z.enum(statusWords), countNumber, text]), {
      label: '値',
      kind: 'count',
      help: '数値、または書かれたとおりの数（44万6000、3,060万、約13.9万回線）',
      uncertain: true,
    }),
    unit: field(z.string().optional(), { label: '単位', ...countText }),
    suffix: field(z.string().optional(), { label: '後置き（以上など）', ...countText }),
    remark: field(z.string().optional(), { label: '補足', ...countText, help: '最後に印字（（詳細非公表※）など）' }),
    provisional: field(z.boolean().optional(), { label: '暫定値', kind: 'flag', help: 'true：値の後に（暫定）と印字' }),
    within: field(z.boolean().optional(), {
      label: '「うち」',
      kind: 'flag',
      help: 'true：直前の数の内数（「うち」を付けて印字し、集計で足さない）',
    }),
    history: field(z.array(countRevision).min(1).optional(), {
      label: '以前に報告された値',
      kind: 'list',
      help: '古い順。「当初」の値として印字',
    }),
  })
  .strict();

/** A count cell: a status word, literal text ("-"), one count, or a list of counts. */
export const counts = uncertain(z.union([text, count, z.array(count).min(1)]));

const region = uncertain(text);

const occurrence = z
  .object({
    label: field(z.string().optional(), { label: '発生の名前', kind: 'text', help: '① 4G/5G のように番号の後に印字' }),
    occurredAt: field(uncertain(dateTime), {
      label: '発生日時',
      kind: 'datetime',
      help: '"2025-04-26 07:41"、時だけなら "2025-04-26 17時"、"2025-04-26 午前"、日付だけも可',
      uncertain: true,
    }),
    approximate: field(z.boolean().optional(), { label: '「頃」を付ける', kind: 'flag' }),
    recoveredAt: field(uncertain(dateTime).optional(), { label: '復旧日時', kind: 'datetime', uncertain: true }),
    recoveryApproximate: field(z.boolean().optional(), { label: '復旧に「頃」を付ける', kind: 'flag' }),
    duration: field(uncertain(duration).optional(), {
      label: '継続時間',
      kind: 'duration',
      help: 'ISO 8601（PT23H44M）。復旧日時から計算できるときは省略可',
      uncertain: true,
    }),
    durationApproximate: field(z.boolean().optional(), { label: '「約」を付ける', kind: 'flag' }),
    durationAtLeast: field(z.boolean().optional(), { label: '「以上」を付ける', kind: 'flag' }),
    place: field(z.string().optional(), { label: '発生場所', kind: 'text', help: '詳細報告のみ' }),
    impact: field(z.string().optional(), {
      label: '具体的な支障内容',
      kind: 'text',
      help: '詳細報告の段階ごとの支障。障害内容がないときは①②…として障害内容になる',
    }),
  })
  .strict();

const occurrences = z.array(occurrence).min(1);

const operator = z
  .object({
    name: field(text, { label: '事業者名', kind: 'text' }),
    occurrences: field(occurrences.optional(), { label: '発生（この事業者）', kind: 'list', help: '事業者ごとに発生日時・継続時間が異なるとき' }),
    affectedUsers: field(counts.optional(), { label: '影響利用者数（この事業者）', kind: 'counts', uncertain: true }),
    region: field(region.optional(), { label: '影響地域（この事業者）', kind: 'text', uncertain: true }),
    inquiries: field(counts.optional(), { label: '問合せ件数（この事業者）', kind: 'counts', uncertain: true }),
  })
  .strict();

/** The impact split by severity: 停止 and 品質低下 (つながりにくい), each with its own count and area. */
const severityImpact = z
  .object({
    severity: field(text, { label: '影響の程度', kind: 'text', help: '停止、品質低下 など' }),
    label: field(z.string().optional(), { label: '影響の程度の補足', kind: 'text', help: '（つながりにくい）などとして印字' }),
    affectedUsers: field(counts.optional(), { label: '影響利用者数（この程度）', kind: 'counts', uncertain: true }),
    region: field(region.optional(), { label: '影響地域（この程度）', kind: 'text', uncertain: true }),
  })
  .strict();

const service = z
  .object({
    number: field(z.number().int().positive().optional(), { label: '役務の番号', kind: 'integer', help: 'data/codes/service-numbers.yaml の番号' }),
    name: field(text, { label: '役務の名称', kind: 'text' }),
    note: field(z.string().optional(), { label: '役務の補足', kind: 'text' }),
  })
  .strict();

/** 「五 一の項から…」, a bare numeral 「五」 (printed with the law's text), or 調査中 / 不明 / 非公表. */
const classEntry = z.union([z.enum(statusWords), text]);

const classification = z
  .object({
    classHeading: field(z.string().optional(), { label: '区分の見出し', kind: 'text' }),
    class: field(uncertain(z.union([text, z.array(classEntry).min(1)])), {
      label: '区分',
      kind: 'class',
      help: '施行規則の表の号（「五 …」または「五」）。複数なら一覧',
      uncertain: true,
    }),
    servicesHeading: field(z.string().optional(), { label: '役務の見出し', kind: 'text' }),
    services: field(z.array(service).optional(), { label: '影響を与えた電気通信役務', kind: 'list' }),
    note: field(markdown.optional(), { label: '区分の注記', kind: 'markdown' }),
  })
  .strict();

export const incidentSchema = z
  .object({
    type: field(z.literal('incident'), { label: '文書の種類', kind: 'choice' }),
    title: field(z.string().optional(), { label: '件名', kind: 'text', help: '一覧や見出しに使う短い名前' }),
    /** Optional only for a record without a named operator (the ministry's fictional example); printed 「－」. */
    operators: field(z.array(operator).min(1).optional(), { label: '事業者名', kind: 'list' }),
    occurrences: field(occurrences.optional(), {
      label: '発生',
      kind: 'list',
      help: '発生日時と継続時間。複数なら①②…。事業者ごとに異なるときは operators[].occurrences に',
    }),
    /** Derived from report.affectedUsers.maximum when absent. */
    affectedUsers: field(counts.optional(), { label: '影響利用者数', kind: 'counts', uncertain: true }),
    affectedUsersNote: field(markdown.optional(), { label: '影響利用者数の注記', kind: 'markdown' }),
    bySeverity: field(z.array(severityImpact).min(1).optional(), {
      label: '影響の程度別',
      kind: 'list',
      help: '停止・品質低下などの程度ごとの影響利用者数と影響地域',
    }),
    region: field(region.optional(), { label: '影響地域', kind: 'text', uncertain: true }),
    inquiries: field(counts.optional(), { label: '事業者への問合せ件数', kind: 'counts', uncertain: true }),
    inquiriesNote: field(markdown.optional(), { label: '問合せ件数の注記', kind: 'markdown' }),
    /** 障害内容; derived from the occurrences' impacts when absent. */
    description: field(markdown.optional(), { label: '障害内容', kind: 'markdown' }),
    classification: field(classification, { label: '重大な事故に該当する電気通信役務の区分', kind: 'group' }),
    revisions: field(z.array(revision).optional(), { label: '修正履歴', kind: 'list', help: '公表後の修正（日付と内容）' }),
    /** The detailed accident report: published as its own document when present. */
    report: field(reportSchema.optional(), { label: '詳細報告', kind: 'group' }),
  })
  .strict()
  .superRefine((data, context) => {
    const everyOperator = (key: 'occurrences' | 'region' | 'inquiries') =>
      (data.operators?.length ?? 0) > 0 && data.operators!.every((o) => o[key] !== undefined);
    const everySeverity = (key: 'region') => (data.bySeverity?.length ?? 0) > 0 && data.bySeverity!.every((s) => s[key] !== undefined);
    if (!data.occurrences && !everyOperator('occurrences')) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['occurrences'], params: { id: 'missing-field' } });
    }
    if (data.region === undefined && !everyOperator('region') && !everySeverity('region')) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['region'], params: { id: 'missing-field' } });
    }
    if (data.inquiries === undefined && !everyOperator('inquiries')) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['inquiries'], params: { id: 'missing-field' } });
    }
  });

export type IncidentData = z.infer<typeof incidentSchema>;
export type CountData = z.infer<typeof count>;
export type CountsData = z.infer<typeof counts>;
export type OccurrenceData = z.infer<typeof occurrence>;
export type OperatorData = z.infer<typeof operator>;
export type ClassEntryData = z.infer<typeof classEntry>;
export type ClassData = z.infer<typeof classification>['class'];
