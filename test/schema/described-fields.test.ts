/**
 * A field is described once, in the schema (issue 14): its label, its kind, what prints it. These tests add a field
 * the way an editor of the schema would, and see it reach messages, the JSON Schema walk and the templates' view.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { field } from '../../src/model/field.js';
import { dateTime, uncertain } from '../../src/schema/common.js';
import { fieldAt, labelAt } from '../../src/schema/field-at.js';
import { incidentSchema } from '../../src/schema/incident.js';
import { formatFields } from '../../src/normalize/format-fields.js';

/** 検知日時: a field the real-world records ask for, added with one line of schema. */
const withDetection = incidentSchema.innerType().extend({
  detectedAt: field(uncertain(dateTime).optional(), { label: '検知日時', kind: 'datetime', uncertain: true }),
});

/** The front matter `detectedAt: <text>` as the schema reads it. */
const detected = (text: string) => ({ detectedAt: withDetection.shape.detectedAt.parse(text) });

describe('fields described once in the schema', () => {
  it('gives a new field its label in messages and its kind', () => {
    expect(labelAt(withDetection, ['detectedAt'])).toBe('検知日時');
    expect(fieldAt(withDetection, ['detectedAt'])?.kind).toBe('datetime');
  });

  it('prints a new field for the templates as fields.<key>, with status words, and empty when absent', () => {
    expect(formatFields(withDetection, detected('2025-04-26 07:50')).detectedAt).toBe('令和7年4月26日 7時50分');
    expect(formatFields(withDetection, detected('不明')).detectedAt).toBe('不明');
    // Precision is part of the value: an hour prints 「17時」, never 「17時0分」.
    expect(formatFields(withDetection, detected('2025-04-26 17時')).detectedAt).toBe('令和7年4月26日 17時');
    expect(formatFields(withDetection, {}).detectedAt).toBe('');
  });

  it('labels a key by where it stands: services[].number is 役務の番号, not the meeting’s 回', () => {
    expect(labelAt(incidentSchema, ['classification', 'services', 0, 'number'])).toBe('役務の番号');
    expect(labelAt(incidentSchema, ['operators', 1, 'occurrences', 0, 'duration'])).toBe('継続時間');
    expect(labelAt(z.object({ x: z.string() }), ['x'])).toBe('x');
  });
});
