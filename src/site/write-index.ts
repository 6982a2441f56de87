import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeIfChanged } from '../write/atomic-write.js';
import { listedOutputs } from '../write/manifest.js';
import { normalizeIndex } from '../normalize/normalize-index.js';
import { reportIdOf } from '../normalize/normalize-report.js';
import { DEFAULT_COMMITTEE } from '../normalize/normalize-meeting.js';
import { publishedMeetingViews, renderSitePage, sitePageHtml, type SiteContext } from './site-context.js';

/** Writes output/index.html: every published meeting, newest first, with its downloads. */
export async function writeIndex(site: SiteContext): Promise<void> {
  const views = publishedMeetingViews(site);
  const committee = views[0]?.committee ?? DEFAULT_COMMITTEE;
  const reports = [...site.project.incidents.values()]
    .filter((r) => r.data.report)
    .map((r) => ({ id: reportIdOf(r.id), title: r.data.report!.title }));
  // Only files that belong to the current record: a PDF left by an earlier build is not linked.
  const listed = listedOutputs(site.manifest);
  const view = normalizeIndex(
    committee,
    views,
    (name) => {
      const file = path.join(site.outDir, name);
      return listed.has(name) && existsSync(file) ? statSync(file).size : undefined;
    },
    reports,
  );
  const target = path.join(site.outDir, 'index.html');
  const markup = renderSitePage(site, 'index', view);
  if (markup === undefined) return;
  const html = sitePageHtml(site, 'index', markup, view.title, () => undefined);
  if (await writeIfChanged(target, html)) site.result.written.push(target);
}
