import { cp, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/build-bundled.js';

describe('minutes new', () => {
  it('writes a meeting with the next free 回 of its fiscal year and an incident that passes the checks as written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-new-'));
    await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });

    // 2025-02-10 lies in 令和6年度 (fiscal year 2024), whose 第8回 is in data/ already.
    const meeting = await runCli(dir, ['new', 'meeting', '--date', '2025-02-10']);
    expect(meeting.code).toBe(0);
    expect(meeting.stdout).toContain('data/meetings/fy2024-09.md');
    const meetingText = await readFile(path.join(dir, 'data/meetings/fy2024-09.md'), 'utf8');
    expect(meetingText).toMatch(/^fiscalYear: 2024\b/m);
    expect(meetingText).toMatch(/^number: 9\b/m);
    expect(meetingText).toMatch(/^date: "2025-02-10"/m);
    // Every field is present and explained.
    for (const key of ['place', 'attendees', 'agenda', 'closingRemark']) expect(meetingText).toMatch(new RegExp(`^${key}:.*#`, 'm'));

    const incident = await runCli(dir, ['new', 'incident', 'kddi', '--date', '2025-02-10']);
    expect(incident.code).toBe(0);
    // A second incident of the same operator on the same day gets its own file.
    const again = await runCli(dir, ['new', 'incident', 'kddi', '--date', '2025-02-10']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('data/incidents/2025-02-10-kddi-2.md');

    const check = await runCli(dir, ['check', '--format', 'json']);
    expect(check.code).toBe(1);
    const found = (JSON.parse(check.stdout) as { diagnostics: { file: string; id: string; severity: string; start: { line: number } }[] }).diagnostics;
    // Apart from their placeholders, the new files pass the checks as written; the meeting names no incident yet.
    const incidentIds = new Set(found.filter((d) => d.file.includes('2025-02-10-kddi') && d.severity === 'error').map((d) => d.id));
    expect([...incidentIds]).toEqual(['placeholder']);
    expect([...new Set(found.filter((d) => d.file.endsWith('fy2024-09.md') && d.severity === 'error').map((d) => d.id))].sort()).toEqual(['placeholder', 'unknown-incident']);
    // Every placeholder is its own located error.
    expect(found.filter((d) => d.file.endsWith('2025-02-10-kddi.md') && d.id === 'placeholder').length).toBeGreaterThanOrEqual(8);
    // The scaffold explains itself in Japanese.
    const incidentText = await readFile(path.join(dir, 'data/incidents/2025-02-10-kddi.md'), 'utf8');
    expect(incidentText).toMatch(/^occurrences: +# 発生日時と継続時間/m);
  });
});
