/**
 * A program the run needs is not installed (LibreOffice for PDF, pdftotext for an import), or not where the
 * configuration says. Its own module: the CLI recognises it without loading the PDF converter and node:child_process.
 */
export class MissingProgramError extends Error {
  constructor(
    message: string,
    readonly program = 'soffice',
  ) {
    super(message);
  }
}
