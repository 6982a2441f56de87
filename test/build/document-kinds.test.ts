import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBuildSession } from '../../src/build-session.js';
import { defineKind, documentTypes, type DocumentKinds } from '../../src/document-types.js';
import { repoRoot } from '../support/build-bundled.js';

/** A kind that exists only in this test: a notice with a title and a free Markdown body, published on its own. */
interface NoticeData {
  type: 'notice';
  title: string;
}
const notice = defineKind<NoticeData, undefined, { title: string; text: string }>({
  schema: z.object({ type: z.literal('notice'), title: z.string() }).strict(),
  publication: {
    outputId: (id) => `notice-${id}`,
    normalize: (_project, record) => ({ title: record.data.title, text: record.file.body.trim() }),
    template: 'notice',
    title: (view) => view.title,
    properties: (view) => ({ title: view.title, subject: 'お知らせ', creator: '事務局' }),
    index: { section: 'reports', title: (data) => data.title },
  },
});
const kinds: DocumentKinds = { ...documentTypes, notice };

async function projectWithNotice(): Promise<{ dir: string; templatesDir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-kind-'));
  const templatesDir = path.join(dir, 'templates');
  await cp(path.join(repoRoot, 'templates'), templatesDir, { recursive: true });
  await writeFile(path.join(templatesDir, 'notice.hbs'), '<h1 class="title">{{title}}</h1>\n<p>{{text}}</p>\n');
  await mkdir(path.join(dir, 'data/notices'), { recursive: true });
  await writeFile(path.join(dir, 'data/notices/n1.md'), '---\ntype: notice\ntitle: 会議の日程の変更\n---\n第3回の開催日を変更します。\n');
  return { dir, templatesDir };
}

describe('a document kind added in a test only (one entry in a kinds table, its schema, normalize step and template)', () => {
  it('is validated, rendered, written in HTML and Word, listed on the index and planned incrementally', async () => {
    const { dir, templatesDir } = await projectWithNotice();
    const session = createBuildSession({ cwd: dir, dataDir: 'data', outDir: 'out', templatesDir, formats: ['html', 'docx'], kinds, keepAlive: true });
    try {
      const first = await session.rebuild();
      expect(first.diagnostics).toEqual([]);
      expect(first.result.written.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['notice-n1.html', 'notice-n1.docx', 'index.html']));
      const page = await readFile(path.join(dir, 'out/notice-n1.html'), 'utf8');
      expect(page).toContain('会議の日程の変更');
      expect(page).toContain('第3回の開催日を変更します。');
      expect((await readFile(path.join(dir, 'out/notice-n1.docx'))).subarray(0, 2).toString()).toBe('PK');
      expect(await readFile(path.join(dir, 'out/index.html'), 'utf8')).toContain('<a href="notice-n1.html">会議の日程の変更</a>');
      expect(first.project?.records.get('notice')?.has('n1')).toBe(true);

      const second = await session.rebuild();
      expect(second.result.unchanged).toEqual(['notice-n1']);
      expect(second.result.written.filter((f) => f.endsWith('.html') && !f.endsWith('index.html'))).toEqual([]);
    } finally {
      await session.dispose();
    }
  });

  it('is an unknown type to the tool’s own table, which the diagnostic lists', async () => {
    const { dir, templatesDir } = await projectWithNotice();
    const session = createBuildSession({ cwd: dir, dataDir: 'data', outDir: 'out', templatesDir, formats: ['html'] });
    try {
      const { diagnostics, result } = await session.rebuild();
      expect(diagnostics.map((d) => [d.id, d.file])).toEqual([['unknown-type', path.join('data', 'notices', 'n1.md')]]);
      expect(diagnostics[0].expected).toBe(Object.keys(documentTypes).join(', '));
      expect(result.written.some((f) => path.basename(f).startsWith('notice-'))).toBe(false);
    } finally {
      await session.dispose();
    }
  });
});
