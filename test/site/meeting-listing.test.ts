import { describe, expect, it } from 'vitest';
import { listMeeting } from '../../src/normalize/meeting-listing.js';
import { downloadsOf, normalizeIndex } from '../../src/normalize/normalize-index.js';
import { normalizeRegister } from '../../src/normalize/normalize-register.js';
import { loadProject } from '../../src/pipeline.js';
import { viewMeeting } from '../../src/render/render-meeting.js';
import { repoRoot } from '../support/build-bundled.js';

async function bundledViews() {
  const project = await loadProject({ cwd: repoRoot, dataDir: 'data' });
  const views = [...project.meetings.values()].map((meeting) => viewMeeting(project, meeting));
  return { project, views };
}

describe('a meeting listing (what the site pages keep of a meeting)', () => {
  it('gives the index and the register exactly what the whole view gives them', async () => {
    const { project, views } = await bundledViews();
    expect(views.length).toBeGreaterThanOrEqual(4);
    const listings = views.map(listMeeting);
    const size = (name: string) => (name.endsWith('.docx') ? 35_000 : name.endsWith('.html') ? 1_000 : undefined);
    const downloads = (id: string) => downloadsOf(id, size);
    expect(normalizeIndex('委員会', listings, downloads)).toEqual(normalizeIndex('委員会', views, downloads));
    // From records (every machine field) and from listings alone (a kept meeting whose incidents are broken now).
    for (const incidentData of [(id: string) => project.incidents.get(id)?.data, () => undefined]) {
      const sources = { incidentData, codes: project.codes };
      const fromListings = normalizeRegister(listings, sources);
      expect(fromListings).toEqual(normalizeRegister(views, sources));
      expect(fromListings.entries.length).toBeGreaterThan(0);
    }
  });

  it('keeps none of the texts of the minutes, so a large archive keeps ≈ 1 KB a meeting', async () => {
    const { views } = await bundledViews();
    for (const view of views) {
      const listing = JSON.stringify(listMeeting(view));
      for (const item of view.agenda) {
        expect(listing).not.toContain(item.text);
        for (const { incident } of item.incidents) if (incident.cause) expect(listing).not.toContain(incident.cause);
      }
      expect(listing.length).toBeLessThan(JSON.stringify(view).length / 3);
    }
  });

  it('is read back from JSON (the manifest) as it was made', async () => {
    const { views } = await bundledViews();
    for (const view of views) expect(JSON.parse(JSON.stringify(listMeeting(view)))).toEqual(listMeeting(view));
  });
});
