import { execFile } from 'node:child_process';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempPathBeside } from './atomic-write.js';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** LibreOffice is not installed (or not where the configuration says). */
export class MissingProgramError extends Error {
  constructor(
    message: string,
    readonly program = 'soffice',
  ) {
    super(message);
  }
}

/**
 * Converts .docx files to PDFs beside them with LibreOffice headless (one soffice run for all of them);
 * each PDF is written to a temp folder inside the output folder first (so the rename stays on one file system) and
 * renamed into place.
 */
export async function convertDocxToPdf(docxFiles: readonly string[], outDir: string, program = 'soffice'): Promise<string[]> {
  if (docxFiles.length === 0) return [];
  const work = tempPathBeside(path.join(outDir, 'pdf'));
  await mkdir(work);
  try {
    try {
      await run(program, [`-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...docxFiles], {
        timeout: 600_000,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new MissingProgramError(
          'PDFの作成には LibreOffice（soffice）が必要です。apt-get install libreoffice-writer で入れてください。 / --format pdf needs LibreOffice (soffice): apt-get install libreoffice-writer',
          program,
        );
      }
      throw error;
    }
    const written: string[] = [];
    for (const docx of docxFiles) {
      const name = `${path.basename(docx, '.docx')}.pdf`;
      const produced = path.join(work, name);
      await stat(produced);
      const target = path.join(path.dirname(docx), name);
      await rename(produced, target);
      written.push(target);
    }
    return written;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
