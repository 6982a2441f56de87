import type { ZodTypeAny } from 'zod';
import { incidentSchema } from './schema/incident.js';
import { meetingSchema } from './schema/meeting.js';

export interface DocumentType {
  schema: ZodTypeAny;
  /** Template that renders this type into a published document, if it is published on its own. */
  template?: string;
  /** Whether the Markdown body is split into the incident sections. */
  sectionedBody: boolean;
}

/** Registry: front matter `type` → how a file of that type is validated and rendered. */
export const documentTypes = {
  meeting: { schema: meetingSchema, template: 'meeting', sectionedBody: false },
  incident: { schema: incidentSchema, sectionedBody: true },
} as const satisfies Record<string, DocumentType>;

export type DocumentTypeName = keyof typeof documentTypes;

export function isDocumentTypeName(name: unknown): name is DocumentTypeName {
  return typeof name === 'string' && Object.hasOwn(documentTypes, name);
}
