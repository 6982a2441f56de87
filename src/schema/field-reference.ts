import { z, type ZodTypeAny } from 'zod';
import { fieldMetaOf } from '../model/field.js';

const kindsJa: Record<string, string> = {
  text: '文字列',
  markdown: 'Markdown',
  date: '日付',
  datetime: '日時',
  time: '時刻',
  duration: '継続時間',
  count: '数',
  counts: '数（一つ・一覧・文字列）',
  class: '区分',
  integer: '整数',
  flag: 'true / false',
  choice: '選択',
  reference: '参照',
  list: '一覧',
  group: '項目の組',
};

function unwrap(schema: ZodTypeAny): { schema: ZodTypeAny; optional: boolean } {
  if (schema instanceof z.ZodOptional) return { schema: unwrap(schema.unwrap()).schema, optional: true };
  if (schema instanceof z.ZodEffects) return unwrap(schema.innerType());
  if (schema instanceof z.ZodDefault) return { schema: unwrap(schema._def.innerType).schema, optional: true };
  return { schema, optional: false };
}

/** The object schemas a field may hold: its own, its list's items, its union's branches. */
function nestedObjects(schema: ZodTypeAny): z.AnyZodObject[] {
  const inner = unwrap(schema).schema;
  if (inner instanceof z.ZodObject) return isStatusObject(inner) ? [] : [inner];
  if (inner instanceof z.ZodArray) return nestedObjects(inner.element);
  if (inner instanceof z.ZodUnion) return (inner.options as ZodTypeAny[]).flatMap(nestedObjects);
  return [];
}

/** `{ status, value, note }` of an uncertain value: described once, in the README's text. */
function isStatusObject(object: z.AnyZodObject): boolean {
  const keys = Object.keys(object.shape as object);
  return keys.includes('status') && keys.every((k) => ['status', 'value', 'note'].includes(k));
}

interface Row {
  key: string;
  label: string;
  kind: string;
  required: boolean;
  help: string;
}

function rowsOf(object: z.AnyZodObject, prefix: string, seen: Set<z.AnyZodObject>): Row[] {
  if (seen.has(object)) return [];
  seen.add(object);
  return Object.entries(object.shape as Record<string, ZodTypeAny>).flatMap(([key, child]) => {
    const meta = fieldMetaOf(child) ?? fieldMetaOf(unwrap(child).schema);
    const name = `${prefix}${key}`;
    const isList = unwrap(child).schema instanceof z.ZodArray;
    const row: Row = {
      key: name,
      label: meta?.label ?? '',
      kind: meta ? kindsJa[meta.kind] ?? meta.kind : '',
      required: !unwrap(child).optional,
      help: [meta?.help, meta?.uncertain ? '不明・非公表・調査中も可' : undefined].filter(Boolean).join('。'),
    };
    const nested = meta?.kind === 'group' && key === 'report' ? [] : nestedObjects(child).flatMap((o) => rowsOf(o, `${name}${isList ? '[]' : ''}.`, seen));
    return [row, ...nested];
  });
}

/**
 * The reference of a front matter type as a Markdown table, derived from the schema's field descriptions, so the
 * README cannot fall behind the tool (a test compares them).
 */
export function fieldReference(schema: ZodTypeAny): string {
  const objects = nestedObjects(schema);
  const rows = objects.flatMap((o) => rowsOf(o, '', new Set()));
  const unique = [...new Map(rows.map((r) => [r.key, r])).values()];
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| key | 項目 | 種類 | 必須 | 説明 |',
    '| --- | --- | --- | --- | --- |',
    ...unique.map((r) => `| \`${r.key}\` | ${cell(r.label)} | ${r.kind} | ${r.required ? '○' : ''} | ${cell(r.help)} |`),
  ].join('\n');
}
