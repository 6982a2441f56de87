import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';

describe('the Markdown of the data', () => {
  it('joins a line wrapped between Japanese characters without a space, and keeps English line breaks', () => {
    expect(renderMarkdown('障害が\n発生した。\nThis is\nEnglish.')).toBe('<p>障害が発生した。\nThis is\nEnglish.</p>\n');
  });

  it('does not crash on emphasis at the end of a line (markdown-it-cjk-breaks did: found by the mutation property test)', () => {
    expect(renderMarkdown('**あ**\n**い**')).toBe('<p><strong>あ</strong><strong>い</strong></p>\n');
    expect(renderMarkdown('[x]{lang=en}\nあ\n')).toBe('<p><span lang="en">x</span>\nあ</p>\n');
  });

  it('marks English passages with lang, and nothing else: other braces stay visible text', () => {
    expect(renderMarkdown('Server Maintenance {lang=en}')).toBe('<p lang="en">Server Maintenance</p>\n');
    expect(renderMarkdown('日本語 [English]{lang=en} です')).toBe('<p>日本語 <span lang="en">English</span> です</p>\n');
    expect(renderMarkdown('[x]{onclick=alert(1)}')).toBe('<p><span>x</span>{onclick=alert(1)}</p>\n');
  });

  it('turns a ＜…＞ paragraph into a sub-heading and a 【…】 paragraph into a schedule note', () => {
    expect(renderMarkdown('＜暫定対処＞\n\n【令和7年5月1日完了】')).toBe('<p class="sub-heading">＜暫定対処＞</p>\n<p class="schedule-note">【令和7年5月1日完了】</p>\n');
  });
});
