import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { StyleMap } from './docx/style-map.js';
import { pathToFileURL } from 'node:url';
import { tempPathBeside, writeFileAtomic } from './atomic-write.js';
import { fontconfigForStyleMap } from './font-aliases.js';
import { stampPdfDates } from './pdf-reproducible.js';
import { ZIP_EPOCH_DATE } from './docx/zip-writer.js';
import { MissingProgramError } from './missing-program.js';

const run = promisify(execFile);


/** One Word file to convert, and the date its PDF carries (the Word file's; undefined: not published). */
export interface PdfJob {
  docx: string;
  date?: string;
}

/**
 * LibreOffice's PDF export options (writer_pdf_Export; JSON form, LibreOffice 7.4 and later): a tagged PDF
 * (structure tree with headings, lists, tables with TH cells, figures with /Alt) that declares PDF/UA-1
 * (pdfuaid:part 1 in its XMP metadata; LibreOffice 7.2 and later), with the title shown in the title bar.
 */
export const PDF_EXPORT_FILTER =
  'pdf:writer_pdf_Export:' +
  JSON.stringify({
    UseTaggedPDF: { type: 'boolean', value: 'true' },
    PDFUACompliance: { type: 'boolean', value: 'true' },
    DisplayPDFDocumentTitle: { type: 'boolean', value: 'true' },
    ExportBookmarks: { type: 'boolean', value: 'true' },
  });

async function runSoffice(program: string, work: string, fontconfig: string, docx: string): Promise<void> {
  try {
    await run(
      program,
      [`-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`, '--headless', '--norestore', '--convert-to', PDF_EXPORT_FILTER, '--outdir', work, docx],
      { timeout: 600_000, env: { ...process.env, LC_ALL: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8', FONTCONFIG_FILE: fontconfig } },
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new MissingProgramError(
        'PDFの作成には LibreOffice（soffice）が必要です。apt-get install libreoffice-writer で入れてください。 / --format pdf needs LibreOffice (soffice): apt-get install libreoffice-writer',
        program,
      );
    }
    throw error;
  }
}

/**
 * Converts .docx files to PDFs beside them with LibreOffice headless (one soffice run each, sharing a profile);
 * each PDF is dated from its record, written to a work folder inside the output folder first and then into place.
 *
 * LibreOffice runs with a Japanese locale, since it takes the PDF's document language from the default language of
 * the script of its own locale (ja-JP from the Word file's East Asian language), and with a fontconfig file that
 * maps the Word fonts to the style map's free faces.
 */
export async function convertDocxToPdf(jobs: readonly PdfJob[], outDir: string, fonts: StyleMap['fonts'], program = 'soffice'): Promise<string[]> {
  if (jobs.length === 0) return [];
  // The work folder lives inside the output folder, so every rename stays on one file system.
  const work = tempPathBeside(path.join(outDir, 'pdf'));
  await mkdir(work);
  try {
    const fontconfig = path.join(work, 'fonts.conf');
    await writeFile(fontconfig, fontconfigForStyleMap(fonts));
    // One soffice run per document: within one run LibreOffice numbers the glyphs of its font subsets across all
    // the documents it converts, so a document's bytes would depend on which others were converted with it.
    for (const job of jobs) await runSoffice(program, work, fontconfig, job.docx);
    const written: string[] = [];
    for (const job of jobs) {
      const name = `${path.basename(job.docx, '.docx')}.pdf`;
      const produced = path.join(work, name);
      await stat(produced);
      const target = path.join(path.dirname(job.docx), name);
      // The Word file's own rule: a record whose dates are not published is dated at the zip epoch.
      await writeFileAtomic(target, stampPdfDates(new Uint8Array(await readFile(produced)), job.date ?? ZIP_EPOCH_DATE));
      written.push(target);
    }
    return written;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
