import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/project.js';
import { scaffoldIncident, scaffoldMeeting } from '../../src/scaffold/new-file.js';
import { parseIsoDate } from '../../src/model/date-time.js';

const june12 = { year: 2025, month: 6, day: 12 };

/** The comments of a scaffold (after `# ` in the front matter). */
const comments = (text: string) => [...text.matchAll(/ # (.*)$/gm)].map((m) => m[1]);

describe('the scaffold of minutes new', () => {
  it('explains every field in the run’s language (its comments were mostly English in a Japanese run)', async () => {
    // A project with no meeting yet: the scaffold reads only the meetings, for the next free 回.
    const project = { meetings: new Map() } as Project;
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-scaffold-'));
    for (const made of [scaffoldMeeting(project, june12, 'ja'), scaffoldIncident(dataDir, june12, 'kddi', 'ja')]) {
      const ja = comments(made.text);
      expect(ja.length).toBeGreaterThan(5);
      for (const comment of ja) expect(comment, comment).not.toMatch(/\b(the|one|or|when|optional|printed|delete)\b/);
    }
    for (const made of [scaffoldMeeting(project, june12, 'en'), scaffoldIncident(dataDir, june12, 'kddi', 'en')]) {
      expect(comments(made.text).filter((c) => /\b(the|one|or|when|optional|printed)\b/.test(c)).length).toBeGreaterThan(3);
    }
  });

  it('names an incident file by the ISO date whatever form --date was typed in (2025/6/12 made a folder path)', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-scaffold-'));
    const made = scaffoldIncident(dataDir, parseIsoDate('2025/6/12')!, 'kddi');
    expect(made.relativePath).toBe(path.join('incidents', '2025-06-12-kddi.md'));
    expect(made.text).toContain('occurredAt: "2025-06-12 00:00"');
  });
});
