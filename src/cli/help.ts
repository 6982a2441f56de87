import type { Lang } from '../diagnostics/format-text.js';
import { commandNames, commands, commonOptions, optionsOf, type CommandSpec, type OptionSpec } from './command-specs.js';

const words = {
  ja: {
    tagline: '電気通信事故検証会議の議事要旨を Markdown + YAML から Word と HTML で作る',
    usage: '使い方',
    command: '<コマンド>',
    options: 'オプション',
    commands: 'コマンド',
    common: 'どのコマンドにも使えるオプション',
    version: 'バージョンを表示する',
    default: '既定',
    config: '設定',
    deprecated: '非推奨',
    examples: '例',
    more: (name: string) => `詳しくは minutes help ${name}`,
    perCommand: '各コマンドのオプションと例: minutes help <コマンド>（または minutes <コマンド> --help）',
    configFile:
      '設定ファイル: プロジェクトのルート（minutes.config.json か data/ のあるフォルダ。今のフォルダから上へ探す）の minutes.config.json。キー: dataDir, outDir, templatesDir, formats, lang, fragmentHeadingLevel, libreOffice。コマンドラインのオプションが優先',
    exitCodes: '終了コード: 0 成功、1 データのエラー（--strict では警告も）、2 使い方の誤り、3 テンプレートのエラー、69 LibreOffice がない（--format pdf）、70 内部エラー、73 ファイルを読み書きできない',
  },
  en: {
    tagline: "builds the 議事要旨 of the 電気通信事故検証会議 as Word and HTML from Markdown + YAML",
    usage: 'usage',
    command: '<command>',
    options: 'options',
    commands: 'commands',
    common: 'options of every command',
    version: 'print the version',
    default: 'default',
    config: 'config',
    deprecated: 'deprecated',
    examples: 'examples',
    more: (name: string) => `more: minutes help ${name}`,
    perCommand: 'options and examples of a command: minutes help <command> (or minutes <command> --help)',
    configFile:
      'configuration: minutes.config.json at the project root (the nearest folder upward holding minutes.config.json or data/). Keys: dataDir, outDir, templatesDir, formats, lang, fragmentHeadingLevel, libreOffice. Command-line options override it',
    exitCodes: 'exit codes: 0 ok, 1 data errors (or warnings with --strict), 2 bad usage, 3 template errors, 69 LibreOffice missing (--format pdf), 70 internal error, 73 cannot read or write a file',
  },
} as const;

/** `minutes help`: every command, the common options, configuration and exit codes. */
export function formatOverview(lang: Lang, version: string): string {
  const w = words[lang];
  const width = Math.max(...commandNames.map((n) => n.length)) + 2;
  return [
    `minutes ${version} — ${w.tagline}`,
    '',
    `${w.usage}: minutes ${w.command} [${w.options}]`,
    '',
    `${w.commands}:`,
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary[lang]}`),
    '',
    `${w.common}:`,
    ...formatOptions([...commonOptions, { name: 'version', short: 'V', type: 'boolean', describe: { ja: w.version, en: w.version } }], lang),
    '',
    w.perCommand,
    w.configFile,
    w.exitCodes,
  ].join('\n');
}

/** `minutes help <command>` and `minutes <command> --help`: every option with its default, and examples. */
export function formatCommandHelp(command: CommandSpec, lang: Lang): string {
  const w = words[lang];
  const lines = [`${w.usage}: ${usageLine(command, lang)}`, '', `  ${command.summary[lang]}`];
  const options = optionsOf(command);
  lines.push('', `${w.options}:`, ...formatOptions(options, lang));
  lines.push('', `${w.examples}:`);
  for (const example of command.examples) lines.push(`  ${example.command}`, `      ${example.describe[lang]}`);
  return lines.join('\n');
}

/** The short usage printed after a usage error: the command's line (or the list of commands) and where to read more. */
export function formatUsage(command: CommandSpec | undefined, lang: Lang): string {
  const w = words[lang];
  if (!command) return [`${w.usage}:`, ...commands.map((c) => `  ${usageLine(c, lang)}`), w.perCommand].join('\n');
  return `${w.usage}: ${usageLine(command, lang)}\n${w.more(command.name)}`;
}

function usageLine(command: CommandSpec, lang: Lang): string {
  const options = command.options
    .filter((o) => !o.deprecated)
    .map((o) => (o.type === 'string' ? `[--${o.name} ${o.value}]` : `[--${o.name}]`))
    .join(' ');
  return ['minutes', command.name, command.args[lang], options, '[--lang ja|en]'].filter(Boolean).join(' ');
}

function formatOptions(options: readonly OptionSpec[], lang: Lang): string[] {
  const w = words[lang];
  const names = options.map((o) => `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return options.map((o, i) => {
    const notes = [
      o.default ? `${w.default}: ${o.default[lang]}` : undefined,
      o.configKey ? `${w.config}: ${o.configKey}` : undefined,
      o.deprecated ? w.deprecated : undefined,
    ].filter(Boolean);
    const suffix = notes.length ? (lang === 'ja' ? `（${notes.join('、')}）` : ` (${notes.join('; ')})`) : '';
    return `  ${names[i].padEnd(width)}${o.describe[lang]}${suffix}`;
  });
}
