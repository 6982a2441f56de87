import { describe, expect, it } from 'vitest';
import { commands, optionsOf } from '../../src/cli/command-specs.js';
import { formatCommandHelp, formatOverview, formatUsage } from '../../src/cli/help.js';
import { parseCommandLine } from '../../src/cli/parse-command-line.js';

describe('the command line', () => {
  it('answers --version, -V and -v with the version (they were unknown options, exit 2)', () => {
    for (const flag of ['--version', '-V', '-v']) expect(parseCommandLine([flag])).toEqual({ kind: 'version' });
  });

  it('treats `help`, `help <command>` and `<command> --help` as help (help was an unknown command)', () => {
    expect(parseCommandLine(['help'])).toMatchObject({ kind: 'help', exitCode: 0, topic: undefined });
    expect(parseCommandLine(['help', 'build'])).toMatchObject({ kind: 'help', topic: { name: 'build' } });
    expect(parseCommandLine(['new', 'meeting', '--help'])).toMatchObject({ kind: 'help', topic: { name: 'new' } });
    expect(parseCommandLine(['watch', '-h', '--lang', 'en'])).toMatchObject({ kind: 'help', topic: { name: 'watch' }, lang: 'en' });
    expect(parseCommandLine([])).toMatchObject({ kind: 'help', exitCode: 2 });
  });

  it('names an unknown option in both languages with the usage of its command', () => {
    const line = parseCommandLine(['check', '--frobnicate', '--lang', 'en']);
    expect(line).toMatchObject({ kind: 'usage-error', bilingual: true, usageOf: { name: 'check' }, lang: 'en' });
    if (line.kind !== 'usage-error') return;
    expect(line.message.ja).toBe('check には不明なオプションです: --frobnicate');
    expect(line.message.en).toBe('unknown option for check: --frobnicate');
    // An option of another command is unknown here too.
    expect(parseCommandLine(['check', '--out', 'x'])).toMatchObject({ kind: 'usage-error', usageOf: { name: 'check' } });
  });

  it('explains a missing value or an unexpected one in each language (Node printed English only)', () => {
    const missing = parseCommandLine(['build', '--out']);
    expect(missing).toMatchObject({ kind: 'usage-error', bilingual: false });
    if (missing.kind !== 'usage-error') return;
    expect(missing.message.ja).toBe('--out には値が必要です（例: --out DIR）');
    expect(missing.message.en).toBe('--out needs a value (for example --out DIR)');
    const valued = parseCommandLine(['build', '--force=yes']);
    expect(valued).toMatchObject({ kind: 'usage-error', message: { ja: '--force は値をとりません（--force だけを書きます）' } });
    expect(parseCommandLine(['build', '--lang', 'fr'])).toMatchObject({ kind: 'usage-error', message: { en: '--lang must be ja or en: fr' } });
  });

  it('accepts the options that the old usage text never mentioned (--templates; watch --data, --lang, --fragment)', () => {
    expect(parseCommandLine(['build', '--templates', 't'])).toMatchObject({ kind: 'run', values: { templates: 't' } });
    expect(parseCommandLine(['watch', '--data', 'd', '--lang', 'en', '--fragment'])).toMatchObject({ kind: 'run', values: { data: 'd', lang: 'en', fragment: true } });
  });

  it('keeps check --format json working as --json, with a deprecation notice (--format now means output formats only)', () => {
    const line = parseCommandLine(['check', '--format', 'json']);
    expect(line).toMatchObject({ kind: 'run', values: { json: true } });
    if (line.kind !== 'run') return;
    expect(line.values.format).toBeUndefined();
    expect(line.deprecations).toEqual([{ ja: 'check --format json は廃止予定です。--json を使ってください。', en: 'check --format json is deprecated: use --json.' }]);
    expect(parseCommandLine(['check', '--json'])).toMatchObject({ kind: 'run', values: { json: true }, deprecations: [] });
  });
});

describe('help', () => {
  it('describes every option of every command with its default, and gives an example, in each language', () => {
    for (const lang of ['ja', 'en'] as const) {
      for (const command of commands.filter((c) => c.name !== 'help')) {
        const text = formatCommandHelp(command, lang);
        for (const option of optionsOf(command)) {
          const line = text.split('\n').find((l) => l.includes(`--${option.name}`) && l.includes(option.describe[lang]));
          expect(line, `${command.name} --${option.name} (${lang})`).toBeDefined();
          if (option.default) expect(line).toContain(`${lang === 'ja' ? '既定' : 'default'}: ${option.default[lang]}`);
        }
        expect(text).toContain(lang === 'ja' ? '例:' : 'examples:');
        expect(command.examples.length).toBeGreaterThan(0);
        for (const example of command.examples) expect(text).toContain(example.command);
      }
    }
  });

  it('lists every command in the overview, and the usage after an error points to the full help', () => {
    const overview = formatOverview('ja', '1.2.3');
    for (const command of commands) expect(overview).toContain(`  ${command.name} `);
    expect(overview).toContain('--version');
    expect(formatUsage(commands[0], 'en')).toContain('more: minutes help build');
  });

  it('writes Japanese help without English prose, and English help without Japanese outside quoted names', () => {
    const build = commands.find((c) => c.name === 'build')!;
    const ja = formatCommandHelp(build, 'ja');
    expect(ja).not.toMatch(/\b(the|write|folder|default)\b/);
    const en = formatCommandHelp(build, 'en');
    // Japanese in English help is limited to the names of documents (議事要旨 and the like) — here none at all.
    expect(en).not.toMatch(/[\u3040-\u30ff]/);
  });
});

describe('the README', () => {
  it('lists every command with every option near the top, as the command table has them', async () => {
    const { readFile } = await import('node:fs/promises');
    const { repoRoot } = await import('../support/build-bundled.js');
    const readme = await readFile(`${repoRoot}/README.md`, 'utf8');
    const block = readme.slice(readme.indexOf('```sh\nnpx minutes build'), readme.indexOf('```', readme.indexOf('```sh\nnpx minutes build') + 5));
    for (const command of commands.filter((c) => c.name !== 'help')) {
      // A command's usage may continue on indented lines.
      const lines = block.match(new RegExp(`^npx minutes ${command.name} .*(\\n {10,}.*)*`, 'gm'))?.join('\n') ?? '';
      expect(lines, command.name).not.toBe('');
      for (const option of command.options.filter((o) => !o.deprecated)) expect(lines, `${command.name} --${option.name}`).toContain(`--${option.name}`);
    }
  });
});
