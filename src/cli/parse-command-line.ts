import { parseArgs } from 'node:util';
import { commands, findCommand, optionsOf, type Bilingual, type CommandSpec, type OptionSpec } from './command-specs.js';

export type OptionValues = Record<string, string | boolean | undefined>;

/** What the command line asks for, or what is wrong with it (in both languages; the caller picks one). */
export type CommandLine =
  | { kind: 'version' }
  | { kind: 'help'; topic?: CommandSpec; lang?: string; exitCode: 0 | 2 }
  | { kind: 'run'; command: CommandSpec; inputs: string[]; values: OptionValues; lang?: string; deprecations: Bilingual[] }
  | UsageProblem;

export interface UsageProblem {
  kind: 'usage-error';
  message: Bilingual;
  /** Printed in both languages whatever the run's language (an unknown option may be a misspelt --lang). */
  bilingual: boolean;
  /** The command whose usage follows the message; the overview when absent. */
  usageOf?: CommandSpec;
  lang?: string;
}

const VERSION_OPTIONS = { version: { type: 'boolean', short: 'V' }, 'version-lowercase': { type: 'boolean', short: 'v' } } as const;

/** Every option of every command, so that the tokens of a string option carry its value. */
function allOptions(): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { ...VERSION_OPTIONS };
  for (const command of commands) for (const o of optionsOf(command)) options[o.name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  return options;
}

/** Reads argv against the command table: never throws, never prints. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const { tokens } = parseArgs({ args: [...argv], options: allOptions(), strict: false, allowPositionals: true, tokens: true });
  const positionals = tokens.filter((t) => t.kind === 'positional').map((t) => t.value);
  const optionTokens = tokens.filter((t) => t.kind === 'option');
  const lang = [...optionTokens].reverse().find((t) => t.name === 'lang')?.value;
  const [commandName, ...inputs] = positionals;
  const asksVersion = optionTokens.some((t) => t.name === 'version' || t.name === 'version-lowercase');
  const asksHelp = optionTokens.some((t) => t.name === 'help');
  if (commandName === undefined) {
    if (asksVersion) return { kind: 'version' };
    const unknown = optionTokens.find((t) => !['help', 'lang'].includes(t.name));
    if (unknown) return unknownOption(unknown.rawName, undefined, lang);
    return { kind: 'help', lang, exitCode: asksHelp ? 0 : 2 };
  }
  const command = findCommand(commandName);
  if (!command) {
    return {
      kind: 'usage-error',
      message: { ja: `不明なコマンドです: ${commandName}`, en: `unknown command: ${commandName}` },
      bilingual: true,
      lang,
    };
  }
  if (command.name === 'help') {
    const topic = inputs[0] === undefined ? undefined : findCommand(inputs[0]);
    if (inputs[0] !== undefined && !topic) {
      return { kind: 'usage-error', message: { ja: `不明なコマンドです: ${inputs[0]}`, en: `unknown command: ${inputs[0]}` }, bilingual: true, lang };
    }
    return { kind: 'help', topic, lang, exitCode: 0 };
  }
  if (asksHelp) return { kind: 'help', topic: command, lang, exitCode: 0 };
  const known = new Map(optionsOf(command).map((o) => [o.name, o]));
  const values: OptionValues = {};
  for (const token of optionTokens) {
    const spec = known.get(token.name);
    if (!spec) return unknownOption(token.rawName, command, lang);
    const problem = checkValue(spec, token.rawName, token.value, token.inlineValue);
    if (problem) return { kind: 'usage-error', message: problem, bilingual: false, usageOf: command, lang };
    values[spec.name] = spec.type === 'boolean' ? true : token.value;
  }
  if (values.lang !== undefined && values.lang !== 'ja' && values.lang !== 'en') {
    return {
      kind: 'usage-error',
      message: { ja: `--lang は ja か en です: ${String(values.lang)}`, en: `--lang must be ja or en: ${String(values.lang)}` },
      bilingual: true,
      usageOf: command,
    };
  }
  const deprecations: Bilingual[] = [];
  if (command.name === 'check' && values.format !== undefined) {
    // Old spelling: check --format text|json. --format now names the output formats of build and watch only.
    if (values.format !== 'text' && values.format !== 'json') {
      return { kind: 'usage-error', message: { ja: `--format は text か json です（今は --json）: ${values.format}`, en: `--format must be text or json (now --json): ${values.format}` }, bilingual: false, usageOf: command, lang };
    }
    deprecations.push(
      values.format === 'json'
        ? { ja: 'check --format json は廃止予定です。--json を使ってください。', en: 'check --format json is deprecated: use --json.' }
        : { ja: 'check --format text は廃止予定です。何も付けなければテキストです。', en: 'check --format text is deprecated: text is the default.' },
    );
    if (values.format === 'json') values.json = true;
    delete values.format;
  }
  return { kind: 'run', command, inputs, values, lang, deprecations };
}

function unknownOption(rawName: string, command: CommandSpec | undefined, lang: string | undefined): UsageProblem {
  const where = command ? { ja: `${command.name} には`, en: ` for ${command.name}` } : { ja: '', en: '' };
  return {
    kind: 'usage-error',
    message: { ja: `${where.ja}不明なオプションです: ${rawName}`, en: `unknown option${where.en}: ${rawName}` },
    bilingual: true,
    usageOf: command,
    lang,
  };
}

function checkValue(spec: OptionSpec, rawName: string, value: string | undefined, inlineValue: boolean | undefined): Bilingual | undefined {
  if (spec.type === 'boolean' && inlineValue) {
    return { ja: `${rawName} は値をとりません（${rawName} だけを書きます）`, en: `${rawName} takes no value (write ${rawName} alone)` };
  }
  if (spec.type === 'string' && (value === undefined || value === '')) {
    return { ja: `${rawName} には値が必要です（例: ${rawName} ${spec.value ?? '…'}）`, en: `${rawName} needs a value (for example ${rawName} ${spec.value ?? '…'})` };
  }
  return undefined;
}
