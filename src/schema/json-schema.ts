import { zodToJsonSchema } from 'zod-to-json-schema';
import { documentTypes, type DocumentTypeName } from '../document-types.js';
import { labels } from './labels.js';

type JsonNode = { [key: string]: unknown };

/** Adds the Japanese label of every property as its description, so that editors show 発生日時 next to occurredAt. */
function describeProperties(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(describeProperties);
  if (!node || typeof node !== 'object') return;
  const object = node as JsonNode;
  const properties = object.properties as Record<string, JsonNode> | undefined;
  if (properties) {
    for (const [key, value] of Object.entries(properties)) {
      if (labels[key] && value && typeof value === 'object' && !value.description) value.description = labels[key];
    }
  }
  Object.values(object).forEach(describeProperties);
}

/**
 * The JSON Schema of a front matter type, generated from its zod schema (the single source of truth), for editors:
 * key completion, unknown keys flagged, labels shown. The tool itself validates with zod, which also checks what JSON
 * Schema cannot say (real calendar dates, durations, cross-field rules).
 */
export function frontMatterJsonSchema(type: DocumentTypeName): string {
  const schema = zodToJsonSchema(documentTypes[type].schema, { name: type, $refStrategy: 'none' }) as JsonNode;
  describeProperties(schema);
  return `${JSON.stringify({ ...schema, title: `電気通信事故検証会議 ${type} front matter` }, null, 2)}\n`;
}
