import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BuildResult } from '../build.js';
import type { MeetingView } from '../normalize/normalize-meeting.js';
import type { Project } from '../project.js';
import type { TemplateSet } from '../render/handlebars-env.js';
import { viewMeeting } from '../render/render-meeting.js';

/** What the site-level pages (index, register) are written from. */
export interface SiteContext {
  project: Project;
  templates: TemplateSet;
  layout: string;
  outDir: string;
  result: BuildResult;
}

/**
 * Views of every meeting whose page exists in the output folder. A meeting whose incident is broken keeps its
 * earlier page, so it stays listed (with the incidents that are still valid).
 */
export function publishedMeetingViews(site: SiteContext): MeetingView[] {
  const { project } = site;
  const listable = [...project.meetings.values()].map((m) => ({
    ...m,
    data: {
      ...m.data,
      agenda: m.data.agenda.map((item) => ({
        ...item,
        incidents: item.incidents?.filter((r) => project.incidents.has(typeof r === 'string' ? r : r.ref)),
      })),
    },
  }));
  return listable.map((m) => viewMeeting(project, m)).filter((v) => existsSync(path.join(site.outDir, `${v.id}.html`)));
}
