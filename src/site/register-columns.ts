import type { RegisterEntry } from '../normalize/normalize-register.js';
import { countLines } from '../normalize/register-fields.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One line of a cell on the register page, linked when it names another page. */
export interface RegisterLine {
  text: string;
  href: string;
}

/**
 * One column of the register: its key (the property in incidents.json), its header (the CSV's and the page's) and
 * its value for an incident. Every column is in incidents.json; every column but nested data is a CSV column; a
 * column with `page` is also a column of the table on incidents.html.
 */
export interface RegisterColumn {
  key: string;
  header: string;
  /** JSON Schema of the value (incidents.schema.json); the header becomes its title. */
  schema: object;
  /** false: nested data, in incidents.json only. */
  csv?: false;
  value(entry: RegisterEntry): JsonValue;
  /** The cell on incidents.html, one paragraph a line. */
  page?(entry: RegisterEntry): RegisterLine[];
}

const plain = (texts: string[]): RegisterLine[] => texts.map((text) => ({ text, href: '' }));
const json = (value: unknown): JsonValue => value as JsonValue;

/* JSON Schema pieces of the column values (draft 2020-12); incidents.schema.json is assembled from them. */
const text = { type: 'string' };
const texts = { type: 'array', items: text };
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
/** ISO 8601 in JST, to the precision the sources give: the minute, the hour (…T17+09:00) or the date alone. */
const isoDateTime = {
  type: 'string',
  pattern: '^\\d{4}-\\d\\d-\\d\\d(T\\d\\d(:\\d\\d:\\d\\d)?\\+09:00)?$',
  description: 'ISO 8601（JST）。分まで、時まで（T17+09:00）、または日付だけ',
};
/** A list of records, each with every property present (null where the record has none). */
const records = (properties: Record<string, object>, minItems = 0) => ({
  type: 'array',
  ...(minItems > 0 && { minItems }),
  items: { type: 'object', required: Object.keys(properties), additionalProperties: false, properties },
});
const counts = records({
  operator: { ...nullable(text), description: '事業者別の値の事業者名' },
  label: { ...nullable(text), description: '内訳の名称（有料プラン契約数 など）' },
  qualifier: { ...nullable(text), description: '約・最大・最大約・延べ など' },
  value: { ...nullable({ type: 'number', minimum: 0 }), description: '数値（5.9万 → 59000）。数値のない値（非公表 など）は null' },
  unit: { ...nullable(text), description: '人・回線・社・件 など' },
  suffix: { ...nullable(text), description: '以上 など' },
  remark: nullable(text),
  text: { ...text, description: '議事要旨の表記' },
});

/** The register's columns, in order: the one definition behind incidents.csv, incidents.json (and its schema) and incidents.html. */
export const registerColumns: readonly RegisterColumn[] = [
  { key: 'id', header: '事故ID', schema: { ...text, description: 'data/incidents/ のファイル名。変わらない' }, value: (e) => e.id },
  { key: 'title', header: '事故の名称', schema: text, value: (e) => e.title },
  { key: 'fiscalYear', header: '年度（開始年）', schema: { type: 'integer' }, value: (e) => e.fiscalYear },
  { key: 'fiscalYearLabel', header: '年度', schema: text, value: (e) => e.fiscalYearLabel },
  { key: 'operators', header: '事業者名', schema: texts, value: (e) => e.operators, page: (e) => plain(e.operators.length ? e.operators : ['－']) },
  { key: 'occurredAtText', header: '発生日時', schema: texts, value: (e) => e.occurrences.map((o) => o.occurredAtText), page: (e) => plain(e.occurrences.map((o) => o.occurredAtText)) },
  { key: 'firstOccurredAt', header: '発生日時（ISO 8601）', schema: nullable(isoDateTime), value: (e) => e.occurrences[0].occurredAt },
  { key: 'durationText', header: '継続時間', schema: texts, value: (e) => e.occurrences.map((o) => o.durationText), page: (e) => plain(e.occurrences.map((o) => o.durationText)) },
  { key: 'totalDurationMinutes', header: '継続時間の合計（分）', schema: { ...nullable({ type: 'integer', minimum: 0 }), description: 'どれかの継続時間が不明なら null' }, value: (e) => (e.occurrences.every((o) => o.durationMinutes !== null) ? e.occurrences.reduce((sum, o) => sum + (o.durationMinutes ?? 0), 0) : null) },
  {
    key: 'occurrences',
    header: '発生ごとの日時と継続時間',
    csv: false,
    schema: records(
      {
        operator: { ...nullable(text), description: '事業者ごとの発生のときの事業者名' },
        occurredAt: { ...nullable(isoDateTime), description: '日付が公表されていない記録（記載例）や不明・非公表・調査中は null' },
        approximate: { type: 'boolean', description: '「頃」' },
        recoveredAt: nullable(isoDateTime),
        duration: { ...nullable({ type: 'string', pattern: '^PT(\\d+H)?(\\d+M)?$' }), description: 'ISO 8601 の期間。不明などは null' },
        durationMinutes: nullable({ type: 'integer', minimum: 0 }),
        durationApproximate: { type: 'boolean', description: '「約」' },
      },
      1,
    ),
  value: (e) => json(e.occurrences.map(({ occurredAtText: _, durationText: __, ...data }) => data)),
  },
  { key: 'affectedUsersText', header: '影響利用者数', schema: texts, value: (e) => countLines(e.affectedUsers), page: (e) => plain(countLines(e.affectedUsers)) },
  { key: 'affectedUsers', header: '影響利用者数（数値）', csv: false, schema: counts, value: (e) => json(e.affectedUsers) },
  { key: 'inquiries', header: '事業者への問合せ件数（数値）', csv: false, schema: counts, value: (e) => json(e.inquiries) },
  { key: 'region', header: '影響地域', schema: text, value: (e) => e.region, page: (e) => plain([e.region]) },
  { key: 'classNumeral', header: '区分', schema: text, value: (e) => e.classification.numeral ?? '－', page: (e) => plain([e.classification.numeral ?? '－']) },
  { key: 'classText', header: '区分の文言', schema: text, value: (e) => e.classification.text },
  {
    key: 'classTableEffectiveFrom',
    header: '区分の表の施行日',
    schema: { ...nullable({ type: 'string', format: 'date' }), description: '電気通信事業法施行規則第58条第2項の表の版（data/codes/serious-accident-classes.yaml の effectiveFrom）' },
  value: (e) => e.classification.tableEffectiveFrom,
  },
  {
    key: 'classes',
    header: '区分（すべて）',
    csv: false,
    schema: {
      ...records(
        {
          numeral: { ...nullable(text), description: '一～五。調査中などの状態や号数字のない文言では null' },
          text,
          tableEffectiveFrom: nullable({ type: 'string', format: 'date' }),
        },
        1,
      ),
      description: '事故の区分すべて（複数の区分、調査中を含む）。集計は区分ごと、表の版ごと',
    },
    value: (e) => json(e.classes),
  },
  { key: 'servicesText', header: '影響を与えた電気通信役務', schema: texts, value: (e) => e.services.map((s) => s.text), page: (e) => plain(e.services.map((s) => s.text)) },
  {
    key: 'services',
    header: '影響を与えた電気通信役務（番号と名称）',
    csv: false,
    schema: records({ number: { ...nullable({ type: 'integer' }), description: '様式第4の役務の番号' }, name: text, note: nullable(text), text }),
  value: (e) => json(e.services),
  },
  {
    key: 'meetings',
    header: '検証した会議',
    csv: false,
    schema: records({ id: text, title: text, label: text, date: { type: 'string', format: 'date' }, href: text }, 1),
  value: (e) => json(e.meetings),
    page: (e) => [...e.meetings.map((m) => ({ text: m.label, href: m.href })), ...(e.report ? [{ text: '事故報告', href: e.report.href }] : [])],
  },
  { key: 'meetingLabels', header: '検証した会議（表示）', schema: texts, value: (e) => e.meetings.map((m) => m.label) },
  { key: 'meetingPages', header: '会議のページ', schema: texts, value: (e) => e.meetings.map((m) => m.href) },
  { key: 'reportPage', header: '事故報告のページ', schema: nullable(text), value: (e) => e.report?.href ?? null },
];

/** The CSV cell of a value: text, a number, or a list of texts joined by ／ (null: empty). */
export function csvCell(value: JsonValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map((v) => csvCell(v)).join('／');
  if (typeof value === 'object') throw new Error('a nested register column is marked for the CSV');
  return String(value);
}
