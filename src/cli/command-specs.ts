import type { Lang } from '../diagnostics/format-text.js';

/** A text in both languages of the tool. */
export type Bilingual = Record<Lang, string>;

export interface OptionSpec {
  /** Long name, without the leading `--`. */
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** Placeholder of the value in the usage line (DIR, LIST, …); string options only. */
  value?: string;
  /** Default as shown by help; the configuration file may change it (see `configKey`). */
  default?: Bilingual;
  /** The key of minutes.config.json that sets this option's default. */
  configKey?: string;
  describe: Bilingual;
  /** Accepted for now, with a message naming what to write instead. */
  deprecated?: true;
}

export const commandNames = ['build', 'check', 'watch', 'new', 'import', 'schemas', 'help'] as const;
export type CommandName = (typeof commandNames)[number];

export interface CommandSpec {
  name: CommandName;
  /** Positional arguments as shown in the usage line. */
  args: Bilingual;
  summary: Bilingual;
  options: readonly OptionSpec[];
  examples: readonly { command: string; describe: Bilingual }[];
}

const same = (text: string): Bilingual => ({ ja: text, en: text });

const data: OptionSpec = {
  name: 'data',
  type: 'string',
  value: 'DIR',
  default: same('data'),
  configKey: 'dataDir',
  describe: { ja: 'データのフォルダ（プロジェクトのルートから）', en: 'the data folder (from the project root)' },
};
const out: OptionSpec = {
  name: 'out',
  type: 'string',
  value: 'DIR',
  default: same('output'),
  configKey: 'outDir',
  describe: { ja: '出力先のフォルダ', en: 'the output folder' },
};
const format: OptionSpec = {
  name: 'format',
  type: 'string',
  value: 'LIST',
  default: same('html,docx'),
  configKey: 'formats',
  describe: { ja: '書き出す形式（html, docx, pdf をカンマ区切りで）', en: 'the formats to write (html, docx, pdf, comma-separated)' },
};
const templates: OptionSpec = {
  name: 'templates',
  type: 'string',
  value: 'DIR',
  default: { ja: 'ツール付属の templates/', en: "the tool's own templates/" },
  configKey: 'templatesDir',
  describe: { ja: 'テンプレートとスタイルマップのフォルダ', en: 'the folder of the templates and the style map' },
};
const fragment: OptionSpec = {
  name: 'fragment',
  type: 'boolean',
  default: same('false'),
  describe: { ja: '本文だけの <会議>.fragment.html も書き出す（CMS 貼り付け用）', en: 'also write <meeting>.fragment.html, the article body alone (for the CMS)' },
};
const fragmentHeading: OptionSpec = {
  name: 'fragment-heading',
  type: 'string',
  value: 'N',
  default: same('2'),
  configKey: 'fragmentHeadingLevel',
  describe: {
    ja: '<会議>.fragment.html の見出しの段（1〜6。CMS のページには自前の h1 がある）。--fragment を兼ねる',
    en: 'the heading level of <meeting>.fragment.html (1–6; the CMS page has its own h1); implies --fragment',
  },
};
const json: OptionSpec = {
  name: 'json',
  type: 'boolean',
  default: same('false'),
  describe: {
    ja: '結果を JSON 文書 1 つで標準出力に出す（形は schemas/minutes-report.schema.json）',
    en: 'print the result as one JSON document on stdout (shape: schemas/minutes-report.schema.json)',
  },
};
const strict: OptionSpec = {
  name: 'strict',
  type: 'boolean',
  default: same('false'),
  describe: { ja: '警告があっても終了コード 1 にする', en: 'exit with code 1 on warnings too' },
};
const lang: OptionSpec = {
  name: 'lang',
  type: 'string',
  value: 'ja|en',
  default: { ja: 'ja（英語のロケールでは en）', en: 'ja (en under an English locale)' },
  configKey: 'lang',
  describe: { ja: '表示の言語', en: 'the language of everything printed' },
};
const help: OptionSpec = { name: 'help', short: 'h', type: 'boolean', describe: { ja: 'このヘルプを表示する', en: 'show this help' } };

/** Options every command accepts. */
export const commonOptions: readonly OptionSpec[] = [lang, help];

export const commands: readonly CommandSpec[] = [
  {
    name: 'build',
    args: { ja: '[ファイルかフォルダ…]', en: '[files or folders…]' },
    summary: {
      ja: 'データを検査し、エラーのない会議の議事要旨（Word・HTML）とサイトのページを書き出す。変わったものだけを作り直す',
      en: 'check the data and write the minutes (Word, HTML) of every meeting without errors, and the site pages; only what changed is rebuilt',
    },
    options: [
      out,
      format,
      fragment,
      fragmentHeading,
      { name: 'force', type: 'boolean', default: same('false'), describe: { ja: '変わっていないものも作り直す', en: 'rebuild also what did not change' } },
      json,
      strict,
      data,
      templates,
      {
        name: 'libreoffice',
        type: 'string',
        value: 'PATH',
        default: same('soffice'),
        configKey: 'libreOffice',
        describe: { ja: 'PDF 変換に使う LibreOffice のプログラム', en: 'the LibreOffice program that converts to PDF' },
      },
    ],
    examples: [
      { command: 'minutes build', describe: { ja: 'すべての会議を output/ に書き出す', en: 'write every meeting into output/' } },
      { command: 'minutes build data/meetings/fy2025-01.md --format html,docx,pdf', describe: { ja: '1 回分を PDF も含めて', en: 'one meeting, PDF included' } },
      { command: 'minutes build --json > build.json', describe: { ja: '結果を JSON で', en: 'the result as JSON' } },
    ],
  },
  {
    name: 'check',
    args: { ja: '[ファイルかフォルダ…]', en: '[files or folders…]' },
    summary: { ja: 'データを検査して、すべての問題を位置つきで表示する（何も書き出さない）', en: 'check the data and report every problem with its position (writes nothing)' },
    options: [
      strict,
      json,
      data,
      {
        name: 'format',
        type: 'string',
        value: 'text|json',
        deprecated: true,
        describe: { ja: '非推奨: --json を使う（--format は build の出力形式だけを指す）', en: 'deprecated: use --json (--format names the output formats of build only)' },
      },
    ],
    examples: [
      { command: 'minutes check', describe: { ja: 'data/ 全体を検査する', en: 'check all of data/' } },
      { command: 'minutes check data/incidents/2025-04-26-kubell.md --strict', describe: { ja: '1 件を、警告も失敗として', en: 'one file, warnings failing too' } },
      { command: 'minutes check --json', describe: { ja: 'エディタや CI 向けの JSON', en: 'JSON for editors and CI' } },
    ],
  },
  {
    name: 'watch',
    args: same(''),
    summary: { ja: 'data/ と templates/ を監視し、保存のたびに作り直す（Ctrl+C で終了）', en: 'watch data/ and templates/ and rebuild on every save (Ctrl+C stops)' },
    options: [
      out,
      format,
      fragment,
      { name: 'clear', type: 'boolean', default: same('false'), describe: { ja: '作り直すたびに画面を消す（端末のみ）', en: 'clear the screen before each rebuild (terminal only)' } },
      data,
      templates,
    ],
    examples: [
      { command: 'minutes watch', describe: { ja: 'HTML と Word を作り直し続ける', en: 'keep rebuilding HTML and Word' } },
      { command: 'minutes watch --format html --clear', describe: { ja: 'HTML だけ、毎回画面を消して', en: 'HTML only, clearing the screen each time' } },
    ],
  },
  {
    name: 'new',
    args: { ja: 'meeting | incident <事業者スラッグ>', en: 'meeting | incident <operator-slug>' },
    summary: {
      ja: '新しい会議（その年度の次の回）か事故のファイルを、各項目の説明つきで作る',
      en: 'create a new meeting (next free 回 of its fiscal year) or incident file, every field explained',
    },
    options: [
      { name: 'date', type: 'string', value: 'YYYY-MM-DD', default: { ja: '今日（日本時間）', en: 'today (Japan time)' }, describe: { ja: '開催日・発生日', en: 'the date of the meeting or incident' } },
      data,
    ],
    examples: [
      { command: 'minutes new meeting --date 2025-06-12', describe: { ja: '2025 年 6 月 12 日の会議', en: 'a meeting on 12 June 2025' } },
      { command: 'minutes new incident kddi', describe: { ja: '今日付けの事故', en: "an incident dated today" } },
    ],
  },
  {
    name: 'import',
    args: { ja: 'ファイル…（.pdf .docx .txt）', en: 'FILE… (.pdf .docx .txt)' },
    summary: {
      ja: '公表済みの議事要旨（PDF・Word・そのテキスト）を会議と事故のファイルにする。確かでないところは import-uncertain として場所つきで知らせる',
      en: 'turn published minutes (PDF, Word or their text) into meeting and incident files; what is uncertain is reported as import-uncertain, located',
    },
    options: [
      { ...out, default: same('data'), configKey: undefined, describe: { ja: '書き出す data フォルダ（meetings/ と incidents/）', en: 'the data folder to write into (meetings/ and incidents/)' } },
      { name: 'force', type: 'boolean', default: same('false'), describe: { ja: '同じ名前のファイルがあっても上書きする', en: 'overwrite files of the same name' } },
      { ...json, describe: { ja: '取り込みの報告を JSON で標準出力に出す', en: 'print the import report as JSON on stdout' } },
    ],
    examples: [
      { command: 'minutes import 議事要旨.pdf --out data', describe: { ja: 'PDF を data/ に取り込む', en: 'import a PDF into data/' } },
    ],
  },
  {
    name: 'schemas',
    args: same(''),
    summary: { ja: 'エディタ用の JSON Schema を <data>/schemas/ に書き出す', en: 'write JSON Schemas for editors into <data>/schemas/' },
    options: [data],
    examples: [{ command: 'minutes schemas', describe: { ja: 'data/schemas/ に書き出す', en: 'write them into data/schemas/' } }],
  },
  {
    name: 'help',
    args: { ja: '[コマンド]', en: '[command]' },
    summary: { ja: 'コマンドの説明と、すべてのオプション', en: 'describe a command and all its options' },
    options: [],
    examples: [{ command: 'minutes help build', describe: { ja: 'build のオプション', en: 'the options of build' } }],
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return commands.find((c) => c.name === name);
}

/** Every option a command accepts, its own first. */
export function optionsOf(command: CommandSpec): OptionSpec[] {
  return [...command.options, ...commonOptions];
}
