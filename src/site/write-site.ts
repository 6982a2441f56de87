import { readFileSync } from 'node:fs';
import path from 'node:path';
import { siteFiles } from '../write/manifest.js';
import { writeSiteFile, type SiteContext } from './site-context.js';
import { writeIndex } from './write-index.js';
import { writeRegister } from './write-register.js';
import { traceStep } from '../step-trace.js';

export interface SiteStepOptions {
  /** The documents' Word files and PDFs still being written: the index states their sizes, so it waits for them. */
  pending: Promise<void>;
  templatesDir: string;
  fragment: boolean;
  /** Figures the pages link to: data file → output name. */
  figures: ReadonlyMap<string, string>;
}

/** Step site: the register, then (once every download is written) the index, the stylesheets and the figures. */
export async function writeSite(site: SiteContext, options: SiteStepOptions): Promise<void> {
  // The register names no file sizes: it is written while the Word files still are.
  await writeRegister(site);
  traceStep('site:register');
  await options.pending;
  await writeIndex(site);
  traceStep('site:index');
  // Read at once: a small file's read handed to libuv's thread pool costs more than the read.
  await writeSiteFile(site, path.join(site.outDir, siteFiles.stylesheet), readFileSync(path.join(options.templatesDir, siteFiles.stylesheet)));
  // The fragments' optional stylesheet, scoped to their wrapper class (see the README).
  if (options.fragment) {
    await writeSiteFile(site, path.join(site.outDir, siteFiles.fragmentStylesheet), readFileSync(path.join(options.templatesDir, siteFiles.fragmentStylesheet)));
  }
  for (const [absolute, name] of options.figures) await writeSiteFile(site, path.join(site.outDir, name), readFileSync(absolute));
}
