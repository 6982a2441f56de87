import { mkdir, readFile, readdir, writeFile, cp } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a synthetic archive of `count` meetings under `dir/data`, shaped like the real ones: every meeting is a
 * real meeting of data/ with a new (年度, 回), date and place, and its incidents are copies of the real incidents
 * with varied counts.
 */
export async function writeSyntheticArchive(repoData: string, dir: string, count: number): Promise<string[]> {
  const meetingsDir = path.join(repoData, 'meetings');
  const incidentsDir = path.join(repoData, 'incidents');
  const meetings = await Promise.all((await readdir(meetingsDir)).filter((f) => f.endsWith('.md')).sort().map((f) => readFile(path.join(meetingsDir, f), 'utf8')));
  const incidents = new Map<string, string>();
  for (const f of (await readdir(incidentsDir)).filter((f) => f.endsWith('.md'))) incidents.set(f.replace(/\.md$/, ''), await readFile(path.join(incidentsDir, f), 'utf8'));
  await mkdir(path.join(dir, 'data/meetings'), { recursive: true });
  await mkdir(path.join(dir, 'data/incidents'), { recursive: true });
  await cp(path.join(repoData, 'codes'), path.join(dir, 'data/codes'), { recursive: true });
  const ids: string[] = [];
  // Meetings come after every incident they examine, as in a real archive (an earlier date is a mistake the build
  // warns about): from the fiscal year after the latest incident. Twelve meetings a year, more in a large archive:
  // the schema takes 年度 up to 2200 and 回 up to 99.
  const firstYear = Math.max(...[...incidents.values()].flatMap((text) => [...text.matchAll(/occurredAt: "(\d{4})-/g)].map((m) => Number(m[1])))) + 1;
  const perYear = Math.max(12, Math.ceil(count / 150));
  for (let i = 0; i < count; i++) {
    const fiscalYear = firstYear + Math.floor(i / perYear);
    const number = (i % perYear) + 1;
    const month = ((Math.floor(((number - 1) * 12) / perYear) + 3) % 12) + 1;
    const year = month >= 4 ? fiscalYear : fiscalYear + 1;
    const date = `${year}-${String(month).padStart(2, '0')}-${String(5 + (i % 20)).padStart(2, '0')}`;
    const id = `fy${fiscalYear}-${String(number).padStart(2, '0')}`;
    let text = meetings[i % meetings.length]
      .replace(/^fiscalYear: .*$/m, `fiscalYear: ${fiscalYear}`)
      .replace(/^number: .*$/m, `number: ${number}`)
      .replace(/^date: .*$/m, `date: "${date}"`)
      .replace(/^weekday: .*\n/m, '')
      .replace(/^place: .*$/m, `place: 会議室${(i % 7) + 1}`);
    for (const [incidentId, incidentText] of incidents) {
      if (!text.includes(incidentId)) continue;
      const copyId = `${incidentId}-s${i}`;
      text = text.split(incidentId).join(copyId);
      // Dates stay as they are (the 区分 must be in force at them); counts vary.
      const varied = incidentText
        .replace(/value: (\d+)(?=[,\s}])/g, (_m, n: string) => `value: ${Number(n) + (i % 97)}`)
        .replace(/^revisions:[\s\S]*?(?=^\w)/m, '');
      await writeFile(path.join(dir, 'data/incidents', `${copyId}.md`), varied);
    }
    await writeFile(path.join(dir, 'data/meetings', `${id}.md`), text);
    ids.push(id);
  }
  return ids;
}
