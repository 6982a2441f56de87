import { z, type ZodTypeAny } from 'zod';
import { fieldMetaOf, type FieldKind } from '../model/field.js';
import { markdown } from './common.js';

type Segment = string | number;

export interface FoundField {
  path: Segment[];
  value: string;
}

function unwrap(schema: ZodTypeAny): ZodTypeAny {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return unwrap(schema.unwrap());
  if (schema instanceof z.ZodEffects) return unwrap(schema.innerType());
  if (schema instanceof z.ZodDefault) return unwrap(schema._def.innerType);
  return schema;
}

function isKind(schema: ZodTypeAny, kind: FieldKind): boolean {
  const meta = fieldMetaOf(schema);
  if (meta) return meta.kind === kind;
  // A field written with the shared `markdown` schema and no description of its own is Markdown too.
  return kind === 'markdown' && unwrap(schema) === markdown;
}

/**
 * Every string value in validated data whose schema field is of `kind` (Markdown fields, for example), with its YAML
 * path: the schema says which fields they are, so no list of them is kept by hand.
 */
export function fieldsOfKind(schema: ZodTypeAny, data: unknown, kind: FieldKind, path: Segment[] = []): FoundField[] {
  if (data === undefined || data === null) return [];
  if (typeof data === 'string') return isKind(schema, kind) ? [{ path, value: data }] : [];
  const inner = unwrap(schema);
  if (inner instanceof z.ZodUnion) {
    const found = (inner.options as ZodTypeAny[]).map((option) => fieldsOfKind(option, data, kind, path));
    return found.reduce((longest, f) => (f.length > longest.length ? f : longest), [] as FoundField[]);
  }
  if (inner instanceof z.ZodArray && Array.isArray(data)) return data.flatMap((item, i) => fieldsOfKind(inner.element, item, kind, [...path, i]));
  if (inner instanceof z.ZodObject && typeof data === 'object' && !Array.isArray(data)) {
    const shape = inner.shape as Record<string, ZodTypeAny>;
    return Object.entries(data as Record<string, unknown>).flatMap(([key, value]) =>
      shape[key] ? fieldsOfKind(shape[key], value, kind, [...path, key]) : [],
    );
  }
  return [];
}
