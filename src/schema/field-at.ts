import { z, type ZodTypeAny } from 'zod';
import { fieldMetaOf, type FieldMeta } from '../model/field.js';

type Segment = string | number;

/** The schema inside optional, default, effects and lazy wrappers. */
function unwrap(schema: ZodTypeAny): ZodTypeAny {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return unwrap(schema.unwrap());
  if (schema instanceof z.ZodDefault) return unwrap(schema._def.innerType);
  if (schema instanceof z.ZodEffects) return unwrap(schema.innerType());
  if (schema instanceof z.ZodLazy) return unwrap(schema.schema);
  return schema;
}

/** The schemas one step down a path: an object's property, an array's element; every union branch that has it. */
function step(schema: ZodTypeAny, segment: Segment): ZodTypeAny[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && typeof segment === 'string') {
    const child = (inner.shape as Record<string, ZodTypeAny>)[segment];
    return child ? [child] : [];
  }
  if (inner instanceof z.ZodArray && typeof segment === 'number') return [inner.element];
  if (inner instanceof z.ZodUnion) return (inner.options as ZodTypeAny[]).flatMap((option) => step(option, segment));
  return [];
}

/** The schemas a path can lead to (several where unions allow several shapes). */
export function schemasAt(schema: ZodTypeAny, path: readonly Segment[]): ZodTypeAny[] {
  return path.reduce<ZodTypeAny[]>((current, segment) => current.flatMap((s) => step(s, segment)), [schema]);
}

/** The description of the field a path names (the last key in the path; array indexes name their list's field). */
export function fieldAt(schema: ZodTypeAny, path: readonly Segment[]): FieldMeta | undefined {
  const last = path.map((s, i) => (typeof s === 'string' ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  if (last < 0) return undefined;
  return schemasAt(schema, path.slice(0, last + 1)).map(fieldMetaOf).find((meta) => meta !== undefined);
}

/** The keys an object at a path may have, for "did you mean" suggestions. */
export function keysAt(schema: ZodTypeAny, path: readonly Segment[]): string[] {
  return [
    ...new Set(
      schemasAt(schema, path).flatMap((s) => {
        const inner = unwrap(s);
        if (inner instanceof z.ZodObject) return Object.keys(inner.shape as object);
        if (inner instanceof z.ZodUnion) return (inner.options as ZodTypeAny[]).flatMap((o) => keysAt(o, []));
        return [];
      }),
    ),
  ];
}

/** 「発生日時」 for a path to occurredAt; the key itself when the schema has no description for it. */
export function labelAt(schema: ZodTypeAny, path: readonly Segment[]): string {
  const key = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  return fieldAt(schema, path)?.label ?? key ?? '';
}
