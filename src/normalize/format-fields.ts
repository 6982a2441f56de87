import { z, type ZodTypeAny } from 'zod';
import { fieldMetaOf, type FieldKind } from '../model/field.js';
import { formatUncertain, type UncertainInput } from '../model/uncertain.js';
import type { DateTimeValue, DateValue, DurationValue } from '../schema/common.js';
import type { CountsData } from '../schema/incident.js';
import { formatCounts } from './counts.js';
import { formatClockJa, formatDurationJa } from '../model/date-time.js';
import { formatWarekiDate } from '../model/era.js';

const formatters: Partial<Record<FieldKind, (value: unknown) => string>> = {
  text: (v) => formatUncertain(v as UncertainInput<string>, String),
  markdown: (v) => String(v),
  integer: (v) => formatUncertain(v as UncertainInput<number>, String),
  date: (v) => formatUncertain(v as UncertainInput<DateValue>, (d) => formatWarekiDate(d.value)),
  datetime: (v) =>
    formatUncertain(v as UncertainInput<DateTimeValue>, ({ value }) => {
      const clock = formatClockJa(value);
      return clock ? `${formatWarekiDate(value)} ${clock}` : formatWarekiDate(value);
    }),
  duration: (v) => formatUncertain(v as UncertainInput<DurationValue>, (d) => formatDurationJa(d.value)),
  counts: (v) => formatCounts(v as CountsData).join('、'),
};

function objectShape(schema: ZodTypeAny): Record<string, ZodTypeAny> {
  if (schema instanceof z.ZodEffects) return objectShape(schema.innerType());
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, ZodTypeAny>) : {};
}

/**
 * Every top-level field of a record whose kind has a printed form, as printed (和暦 dates, 23時間44分, counts, status
 * words), '' when absent: a new field described in the schema reaches the templates as `fields.<key>` with no
 * other code. Lists and groups have their own view.
 */
export function formatFields(schema: ZodTypeAny, data: Record<string, unknown>): Record<string, string> {
  const printed: Record<string, string> = {};
  for (const [key, child] of Object.entries(objectShape(schema))) {
    const format = formatters[fieldMetaOf(child)?.kind ?? 'list'];
    if (!format) continue;
    printed[key] = data[key] === undefined ? '' : format(data[key]);
  }
  return printed;
}
