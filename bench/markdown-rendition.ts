import { readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { parse } from 'yaml';

/**
 * The same meeting as one plain Markdown document, the way a secretariat would write it by hand for pandoc: the
 * metadata as lines, each incident's summary fields as a list, and the incident's Markdown sections as they are.
 */
export async function markdownRendition(dataDir: string, meetingFile: string): Promise<string> {
  const meetingText = await readFile(meetingFile, 'utf8');
  const { matter: yamlText } = matter(meetingText, { engines: { yaml: () => ({}) } } as never);
  const meeting = parse(yamlText) as Record<string, unknown> & { agenda: { text: string; incidents?: (string | { ref: string; heading?: string })[] }[] };
  const out: string[] = [
    `# 電気通信事故検証会議（第${meeting.number}回）議事要旨`,
    '',
    `1 日時：${meeting.date} ${meeting.start}～${meeting.end}`,
    '',
    `2 場所：${meeting.place}`,
    '',
    '## 議事',
    '',
  ];
  for (const [index, item] of meeting.agenda.entries()) {
    out.push(`（${index + 1}）${item.text}`, '');
    for (const ref of item.incidents ?? []) {
      const id = typeof ref === 'string' ? ref : ref.ref;
      const text = await readFile(path.join(dataDir, 'incidents', `${id}.md`), 'utf8');
      const split = matter(text, { engines: { yaml: () => ({}) } } as never);
      const incident = parse(split.matter) as Record<string, unknown>;
      if (typeof ref !== 'string' && ref.heading) out.push(`### ${ref.heading}`, '');
      out.push('| 項目 | 内容 |', '|---|---|');
      for (const [key, value] of Object.entries(incident)) {
        if (key === 'type') continue;
        out.push(`| ${key} | ${JSON.stringify(value).replace(/\|/g, '／').slice(0, 400)} |`);
      }
      out.push('', split.content.replace(/^## /gm, '#### ').replace(/^### /gm, '##### '), '');
    }
  }
  out.push('以上', '');
  return out.join('\n');
}
