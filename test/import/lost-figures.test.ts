/**
 * Issue 15: an image lost in extraction that left no text gets a described placeholder only where the text shows a
 * figure stood (a 【図】 marker, a 図N caption, a heading over an empty region or ending its cell), as data/ encodes
 * lost images, with an import-uncertain note at the line. Seeds 001 and 004 give exactly the placeholders of data/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMinutes } from '../../src/import/import-minutes.js';
import { markLostFigures } from '../../src/import/lost-figures.js';
import type { ImportNote } from '../../src/import/source-lines.js';
import { readCodes } from '../../src/load/read-codes.js';
import { repoRoot } from '../support/build-bundled.js';

const codes = readCodes(path.join(repoRoot, 'data'));
/** The placeholders of lost images that left no text (short descriptions; a lost diagram's text is another rule). */
const placeholders = (markdown: string) => [...markdown.matchAll(/^!\[([^\]]{1,40})\]\(\)$/gm)].map((m) => m[1]);

function imported(seed: string) {
  const text = readFileSync(path.join(repoRoot, 'test/fixtures/seeds', seed), 'utf8');
  return importMinutes(text, seed, codes).incidents;
}

function handEncoded(id: string): string {
  return readFileSync(path.join(repoRoot, 'data/incidents', `${id}.md`), 'utf8');
}

describe('lost images that left no text, in the seeds', () => {
  const seed004 = imported('004_16a52cfd27c9ba81.txt');
  const seed001 = imported('001_01099acdb34f7f9a.txt');

  it('gives the placeholders data/ has under seed 004\'s captions over an empty region, side by side too', () => {
    for (const incident of seed004) {
      const diagram = incident.record.sections.diagram ?? '';
      expect(placeholders(diagram), incident.id).toEqual(placeholders(handEncoded(incident.id)));
    }
    expect(placeholders(seed004.find((i) => i.id === '2024-12-06-soracom')!.record.sections.diagram!)).toEqual(['通信の流れ（通常時）', '通信の流れ（重大事故発生時）', '通信の流れ（重大事故発生時）']);
  });

  it('gives the placeholder under seed 001\'s ＜…＞ heading that ends its cell, and none elsewhere', () => {
    const byId = Object.fromEntries(seed001.map((i) => [i.id, Object.values(i.record.sections).join('\n\n')]));
    expect(placeholders(byId['2022-12-20-docomo'])).toEqual(['事故発生時の動作の流れ']);
    for (const id of ['2022-12-02-microsoft', '2022-12-17-docomo', '2022-10-15-kakao']) expect(placeholders(byId[id]), id).toEqual(placeholders(handEncoded(id)));
  });

  it('notes each placeholder at its heading\'s line of the input', () => {
    const soracom = seed004.find((i) => i.id === '2024-12-06-soracom')!;
    const lines = soracom.notes.filter((n) => n.en.startsWith('A figure lost in extraction')).map((n) => n.line);
    expect(lines).toEqual([333, 334, 349]);
  });
});

describe('what counts as evidence of a lost figure', () => {
  const lines = (...texts: (string | number)[]) => {
    let line = 0;
    const out: { text: string; line: number }[] = [];
    for (const t of texts) {
      if (typeof t === 'number') line += t;
      else out.push({ text: t, line: ++line });
    }
    return out;
  };
  const figures = (input: { text: string; line: number }[]) => {
    const notes: ImportNote[] = [];
    const out = markLostFigures(input, notes);
    return { figures: out.filter((l) => l.figure).map((l) => l.figure![0]), notes: notes.length };
  };

  it('takes a 【図】 marker for the figure itself and a 図N caption for the figure under it', () => {
    expect(figures(lines('構成は次のとおり。', '【図2 ネットワーク構成】', '以上の構成で運用している。'))).toEqual({ figures: ['図2 ネットワーク構成'], notes: 1 });
    expect(figures(lines('図1 システム構成', '設備Aは東京にある。'))).toEqual({ figures: ['図1 システム構成'], notes: 1 });
  });

  it('does not take a heading followed by its text, or a sentence that mentions a figure, for a lost figure', () => {
    expect(figures(lines('〇サービス構成図', 3, '本サービスは三つの設備からなる。', '＜暫定対処＞', '監視を強化した。'))).toEqual({ figures: [], notes: 0 });
    expect(figures(lines('図1に示すとおり、設備Aが停止した。', '復旧した。'))).toEqual({ figures: [], notes: 0 });
  });

  it('takes a heading over ten empty lines, or ending the cell, for a figure described by the heading', () => {
    expect(figures(lines('〇サービス構成図', 10, '次の段落。'))).toEqual({ figures: ['サービス構成図'], notes: 1 });
    expect(figures(lines('本文。', '＜事故発生時の動作の流れ＞'))).toEqual({ figures: ['事故発生時の動作の流れ'], notes: 1 });
  });
});
