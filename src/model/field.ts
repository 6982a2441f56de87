import type { ZodTypeAny } from 'zod';

/**
 * What a front matter field holds. Everything else a field needs (its Japanese label in messages, its JSON Schema
 * title, the README reference, the scaffold comment, whether its text is checked as Markdown) derives from this.
 */
export const fieldKinds = [
  'text',
  'markdown',
  'date',
  'datetime',
  'time',
  'duration',
  'count',
  'counts',
  'class',
  'integer',
  'flag',
  'choice',
  'reference',
  'list',
  'group',
] as const;
export type FieldKind = (typeof fieldKinds)[number];

export interface FieldMeta {
  /** The Japanese label, as the published document or the secretariat calls it: 発生日時. */
  label: string;
  kind: FieldKind;
  /** One line for the README reference and the JSON Schema description, in Japanese. */
  help?: string;
  /** The field may be written 不明 / 非公表 / 調査中 (see src/model/uncertain.ts). */
  uncertain?: boolean;
}

const MARK = 'minutes-field:';

/** Attaches a field's description to its schema (zod keeps it through `.optional()` and friends). */
export function field<T extends ZodTypeAny>(schema: T, meta: FieldMeta): T {
  return schema.describe(`${MARK}${JSON.stringify(meta)}`) as T;
}

/** The description `field()` attached, if any. */
export function fieldMetaOf(schema: ZodTypeAny | undefined): FieldMeta | undefined {
  const description = schema?.description;
  if (!description?.startsWith(MARK)) return undefined;
  return JSON.parse(description.slice(MARK.length)) as FieldMeta;
}

/** Parses a JSON Schema description written by `field()`; other descriptions stay as they are. */
export function parseFieldDescription(description: string): FieldMeta | undefined {
  return description.startsWith(MARK) ? (JSON.parse(description.slice(MARK.length)) as FieldMeta) : undefined;
}
