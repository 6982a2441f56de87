import { zodToJsonSchema } from 'zod-to-json-schema';
import { documentTypes, type DocumentTypeName } from '../document-types.js';
import { parseFieldDescription } from '../model/field.js';

type JsonNode = { [key: string]: unknown };

/**
 * Turns the field descriptions of the zod schema (label, kind, help) into JSON Schema `title` and `description`, so
 * that editors show 発生日時 next to occurredAt.
 */
function describeFields(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(describeFields);
  if (!node || typeof node !== 'object') return;
  const object = node as JsonNode;
  if (typeof object.description === 'string') {
    const meta = parseFieldDescription(object.description);
    if (meta) {
      object.title = meta.label;
      object.description = [meta.label, meta.help, meta.uncertain ? '不明・非公表・調査中も可' : undefined].filter(Boolean).join('：');
      object['x-kind'] = meta.kind;
    }
  }
  Object.values(object).forEach(describeFields);
}

/**
 * The JSON Schema of a front matter type, generated from its zod schema (the single source of truth), for editors:
 * key completion, unknown keys flagged, labels shown. The tool itself validates with zod, which also checks what JSON
 * Schema cannot say (real calendar dates, durations, cross-field rules).
 */
export function frontMatterJsonSchema(type: DocumentTypeName): string {
  const schema = zodToJsonSchema(documentTypes[type].schema, { name: type, $refStrategy: 'none' }) as JsonNode;
  describeFields(schema);
  return `${JSON.stringify({ ...schema, title: `電気通信事故検証会議 ${type} front matter` }, null, 2)}\n`;
}
