import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/read-source.js';

const messagesOf = (frontMatter: string) =>
  parseSource('data/incidents/x.md', '/data/incidents/x.md', `---\n${frontMatter}---\n`).diagnostics.map((d) => ({ id: d.id, ja: d.ja, en: d.en, line: d.start.line }));

describe('YAML syntax errors', () => {
  it('are explained in Japanese for the mistakes editors make, with the parser’s English in the English message', () => {
    expect(messagesOf('type: incident\nregion: 全国\nregion: 一部\n')).toEqual([
      expect.objectContaining({ id: 'yaml-syntax', line: 4, ja: expect.stringContaining('同じ項目名が二度'), en: expect.stringContaining('Map keys must be unique') }),
    ]);
    expect(messagesOf('type: incident\noperators:\n\t- name: x\n')[0]).toMatchObject({ ja: expect.stringContaining('タブは使えません') });
    expect(messagesOf('type: incident\nregion: 全国: 一部\n')[0]).toMatchObject({ ja: expect.stringContaining('引用符で囲んでください'), line: 3 });
  });
});
