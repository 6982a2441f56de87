import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { MissingProgramError } from '../write/missing-program.js';
import { docxText } from './docx-text.js';
import { hasNestedTable, parseNestedTables, type TableCells } from './pdf-tables.js';

const run = promisify(execFile);

export const importFormats = ['txt', 'pdf', 'docx'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Thrown when a file is not one of the formats the importer reads (the CLI turns it into a usage error). */
export class UnsupportedImportFile extends Error {}


/** The format of an input file, from its extension. */
export function importFormatOf(file: string): ImportFormat {
  const ext = path.extname(file).slice(1).toLowerCase();
  if ((importFormats as readonly string[]).includes(ext)) return ext as ImportFormat;
  throw new UnsupportedImportFile(`読み込めない形式です（.txt / .pdf / .docx）/ not a .txt, .pdf or .docx file: ${file}`);
}

/** The text of an input, and the tables inside table cells that its structure gives (a tagged PDF's). */
export interface ImportText {
  text: string;
  tables: TableCells[];
}

/**
 * The text of a published 議事要旨: a .txt as it is, a .pdf through poppler's pdftotext (reading order, one text line
 * per line), a .docx from its paragraphs and table cells. Warnings and line numbers then refer to this text. A tagged
 * PDF's structure tree (poppler's pdfinfo) also gives the tables printed inside cells, row by row.
 */
export async function readImportText(file: string): Promise<ImportText> {
  const format = importFormatOf(file);
  if (format === 'txt') return { text: (await readFile(file, 'utf8')).replace(/^\uFEFF/, ''), tables: [] };
  if (format === 'docx') return { text: docxText(new Uint8Array(await readFile(file))), tables: [] };
  try {
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return { text: stdout, tables: await structureTables(file) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new MissingProgramError('pdftotext（poppler-utils）が見つかりません / pdftotext (poppler-utils) is not installed');
    }
    throw error;
  }
}

/**
 * The tables inside cells of a tagged PDF; none when the PDF is untagged or pdfinfo cannot print its structure. The
 * structure with its text is slow to print (seconds a document), so it is asked for only when the structure alone
 * shows a table inside a cell.
 */
async function structureTables(file: string): Promise<TableCells[]> {
  try {
    const structure = await run('pdfinfo', ['-struct', file], { maxBuffer: 256 * 1024 * 1024 });
    if (!hasNestedTable(structure.stdout)) return [];
    const { stdout } = await run('pdfinfo', ['-struct-text', file], { maxBuffer: 256 * 1024 * 1024 });
    return parseNestedTables(stdout);
  } catch {
    return [];
  }
}
