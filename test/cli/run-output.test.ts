import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../src/cli/choose-language.js';
import { NO_PROGRESS, createProgressLine } from '../../src/cli/progress-line.js';
import { formatSummary } from '../../src/cli/summary.js';
import { createPaint, detectTerminal } from '../../src/cli/terminal.js';
import { createFixTracker, formatLocalClock, formatRebuildLines } from '../../src/cli/watch-report.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnosticsText, formatTally } from '../../src/diagnostics/format-text.js';

const diagnostic = (file: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
  id: 'invalid-datetime',
  severity,
  file,
  start: { line: 2, column: 1 },
  end: { line: 2, column: 5 },
  ja: '日時が正しくありません。',
  en: 'The date-time is not valid.',
  hint: { ja: '2025-03-14 10:30 の形で書いてください。', en: 'Write it like 2025-03-14 10:30.' },
});

describe('one language per run', () => {
  it('counts problems in words of the run language ("✖ 1 errors" and 「(1 errors…)」 mixed both)', () => {
    expect(formatTally([diagnostic('a.md')], 'en')).toBe('✖ 1 error, 0 warnings');
    expect(formatTally([diagnostic('a.md'), diagnostic('b.md'), diagnostic('c.md', 'warning')], 'en')).toBe('✖ 2 errors, 1 warning');
    expect(formatTally([diagnostic('a.md')], 'ja')).toBe('✖ エラー 1 件、警告 0 件');
  });

  it('prints each diagnostic in the run language only (the other language followed on the next line)', () => {
    const ja = formatDiagnosticsText([diagnostic('a.md')], 'ja', () => undefined);
    expect(ja).toContain('日時が正しくありません。');
    expect(ja).not.toContain('The date-time');
    expect(ja).not.toContain('Write it like');
    const en = formatDiagnosticsText([diagnostic('a.md')], 'en', () => undefined);
    expect(en).toContain('a.md:2:1  error  The date-time is not valid.  invalid-datetime');
    expect(en).not.toMatch(/[\u3040-\u30ff]/);
  });

  it('ends a run with one summary line: written, unchanged, refused, the problems and the time, in one language', () => {
    const counts = { errors: 1, warnings: 0, written: 12, unchanged: 3, refused: 1 };
    expect(formatSummary(counts, 2345, 'ja')).toBe('✖ 書き出し 12 ファイル、変更なし 3 件、エラーのため未出力 1 件（以前の出力を保持）、エラー 1 件、警告 0 件、2.3 秒');
    expect(formatSummary(counts, 2345, 'en')).toBe('✖ 12 files written, 3 unchanged, 1 refused because of errors (earlier outputs kept), 1 error, 0 warnings, 2.3 s');
    expect(formatSummary({ errors: 0, warnings: 2, checked: 1 }, 400, 'en')).toBe('✔ 1 file checked, 0 errors, 2 warnings, 0.4 s');
  });

  it('follows --lang, then the configuration, then an English locale, and is Japanese otherwise', () => {
    expect(chooseLanguage(undefined, undefined, {})).toBe('ja');
    expect(chooseLanguage(undefined, undefined, { LANG: 'C.UTF-8' })).toBe('ja');
    expect(chooseLanguage(undefined, undefined, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(chooseLanguage(undefined, undefined, { LANG: 'en_GB.UTF-8', LC_ALL: 'ja_JP.UTF-8' })).toBe('ja');
    expect(chooseLanguage(undefined, 'en', { LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(chooseLanguage('ja', 'en', { LANG: 'en_US.UTF-8' })).toBe('ja');
  });
});

describe('the terminal', () => {
  it('colours a terminal only, honours NO_COLOR and FORCE_COLOR, and animates nothing when piped or under CI', () => {
    expect(detectTerminal({}, true)).toEqual({ colour: true, animate: true });
    expect(detectTerminal({}, false)).toEqual({ colour: false, animate: false });
    expect(detectTerminal({ CI: 'true' }, true)).toEqual({ colour: true, animate: false });
    expect(detectTerminal({ NO_COLOR: '1' }, true).colour).toBe(false);
    expect(detectTerminal({ FORCE_COLOR: '1' }, false).colour).toBe(true);
    expect(detectTerminal({ FORCE_COLOR: '0' }, true).colour).toBe(false);
    expect(detectTerminal({ TERM: 'dumb' }, true)).toEqual({ colour: false, animate: false });
  });

  it('colours severities and locations when colour is on, and leaves the text plain otherwise', () => {
    const coloured = formatDiagnosticsText([diagnostic('a.md')], 'en', () => undefined, { paint: createPaint(true) });
    expect(coloured).toContain('\x1b[31merror\x1b[39m');
    expect(coloured).toContain('\x1b[36ma.md:2:1\x1b[39m');
    expect(formatDiagnosticsText([diagnostic('a.md')], 'en', () => undefined, { paint: createPaint(false) })).not.toContain('\x1b[');
  });

  it('redraws one progress line (documents done out of total, the current one, the PDF conversion) and clears it', () => {
    const written: string[] = [];
    const line = createProgressLine((t) => written.push(t), 'ja', 80);
    line.show({ stage: 'document', done: 2, total: 12, id: 'fy2025-01' });
    line.show({ stage: 'pdf', total: 5 });
    line.clear();
    expect(written).toEqual(['\r\x1b[2K[3/12] fy2025-01', '\r\x1b[2KPDF に変換中… Word 5 件（LibreOffice）', '\r\x1b[2K']);
    NO_PROGRESS.show({ stage: 'pdf', total: 1 });
  });
});

describe('minutes watch', () => {
  it('stamps lines with the local time (it printed UTC: [07:02:34] at 16:02 in Tokyo)', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      expect(formatLocalClock(new Date('2026-11-28T07:02:34Z'))).toBe('16:02:34');
      process.env.TZ = 'America/New_York';
      expect(formatLocalClock(new Date('2026-11-28T07:02:34Z'))).toBe('02:02:34');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('says 「解決しました」 once when a file that had errors is clean again (it printed nothing)', () => {
    const tracker = createFixTracker();
    expect(tracker.fixed([diagnostic('data/a.md'), diagnostic('data/b.md', 'warning')])).toEqual([]);
    expect(tracker.fixed([diagnostic('data/b.md', 'warning')])).toEqual(['data/a.md']);
    expect(tracker.fixed([])).toEqual([]);
    const at = { stamp: '16:02:34', cwd: '/p', paint: createPaint(false) };
    const result = { written: ['/p/output/fy2025-01.html'], skipped: [] };
    expect(formatRebuildLines(['data/a.md'], result, { ...at, lang: 'ja' })).toEqual(['[16:02:34] 解決しました  data/a.md', '[16:02:34] 書き出し  output/fy2025-01.html']);
    expect(formatRebuildLines(['data/a.md'], result, { ...at, lang: 'en' })[0]).toBe('[16:02:34] fixed  data/a.md');
  });
});
