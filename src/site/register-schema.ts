import { registerColumns } from './register-columns.js';
import { siteFiles } from '../write/manifest.js';

/** The format version of incidents.json: the major number changes when a field is removed or changes meaning. */
export const REGISTER_FORMAT_VERSION = '1.0.0';
export const REGISTER_SCHEMA_FILE = siteFiles.registerSchema;

/** JSON Schema (draft 2020-12) of incidents.json, assembled from the register's columns. */
export function registerJsonSchema(): object {
  const incident = {
    type: 'object',
    required: registerColumns.map((c) => c.key),
    additionalProperties: false,
    properties: Object.fromEntries(registerColumns.map((c) => [c.key, { title: c.header, ...c.schema }])),
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: REGISTER_SCHEMA_FILE,
    title: '電気通信事故検証会議 検証した事故の一覧（incidents.json）',
    description: '一つの事故が一つの要素。表示用の文字列（…Text）と、機械で読める値（ISO 8601 の日時と期間、数値・修飾語・単位を分けた件数、区分の表の版、役務の番号、会議と事故報告）を並べて持つ。',
    type: 'object',
    required: ['$schema', 'version', 'title', 'counts', 'incidents'],
    additionalProperties: false,
    properties: {
      $schema: { const: REGISTER_SCHEMA_FILE },
      version: { const: REGISTER_FORMAT_VERSION, description: 'この形式の版（semver）' },
      title: { type: 'string' },
      counts: {
        title: '発生年度別・区分別の件数',
        type: 'array',
        items: {
          type: 'object',
          required: ['fiscalYear', 'fiscalYearLabel', 'byClass', 'total'],
          additionalProperties: false,
          properties: {
            fiscalYear: { type: 'integer' },
            fiscalYearLabel: { type: 'string' },
            byClass: {
              type: 'array',
              items: { type: 'object', required: ['numeral', 'count'], additionalProperties: false, properties: { numeral: { type: 'string' }, count: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }], description: 'その年度に区分の表が施行されていなければ null' } } },
            },
            total: { type: 'integer', minimum: 0 },
          },
        },
      },
      incidents: { type: 'array', items: incident },
    },
  };
}
