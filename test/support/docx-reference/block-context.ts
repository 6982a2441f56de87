import type { Paragraph, Table } from 'docx';
import type { BlockContext as BodyContext } from '../../../src/write/docx/block-context.js';
import type { NumberingRegistry } from '../../../src/write/docx/numbering.js';

/** The reference writer's context (the writer through the docx package's objects, before issue 16). */
export type BlockContext = Omit<BodyContext, 'parts'> & { numbering: NumberingRegistry };

export type DocxBlock = Paragraph | Table;
