import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { md } from './helpers/md.js';

const helpers = { md } as const;

export interface TemplateSet {
  /** Renders the named template (e.g. "meeting") with a view model; throws a TemplateError on failure. */
  render(name: string, view: unknown): string;
  /** Paths of every template file read, for hashing and diagnostics. */
  files: string[];
}

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly templatePath: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * Loads templates/*.hbs and templates/partials/*.hbs into an isolated Handlebars instance in strict mode:
 * a missing value is an error, only our helpers are callable, everything is escaped.
 */
export function loadTemplates(templatesDir: string, loaded: TemplateMemo = new Map()): TemplateSet {
  const sources = templateFiles(templatesDir).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const key = JSON.stringify(sources);
  const known = loaded.get(templatesDir);
  if (known?.key === key) return known.set;
  const set = compileTemplates(templatesDir, sources);
  loaded.set(templatesDir, { key, set });
  return set;
}

/**
 * The last set compiled per folder, kept by a build session: Handlebars compiles a template on its first use, so a
 * long-running process (minutes watch) keeps the compiled set while no template changed.
 */
export type TemplateMemo = Map<string, { key: string; set: TemplateSet }>;

/** The partials (templates/partials/*.hbs), then the templates (templates/*.hbs), each sorted by name. */
function templateFiles(templatesDir: string): string[] {
  const partialsDir = path.join(templatesDir, 'partials');
  const list = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.hbs')).sort().map((f) => path.join(dir, f));
  return [...list(partialsDir), ...list(templatesDir)];
}

function compileTemplates(templatesDir: string, sources: { file: string; text: string }[]): TemplateSet {
  const partialsDir = path.join(templatesDir, 'partials');
  const instance = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) instance.registerHelper(name, fn);
  const options: CompileOptions = {
    strict: true,
    knownHelpers: Object.fromEntries(Object.keys(helpers).map((k) => [k, true])),
    knownHelpersOnly: true,
    preventIndent: true,
  };
  const files = sources.map((s) => s.file);
  const compiled = new Map<string, { file: string; fn: Handlebars.TemplateDelegate }>();
  for (const { file, text } of sources) {
    const name = path.basename(file, '.hbs');
    if (path.dirname(file) === partialsDir) instance.registerPartial(name, blamingFile(file, instance.compile(text, options)));
    else compiled.set(name, { file, fn: instance.compile(text, options) });
  }
  return {
    files,
    render(name, view) {
      const template = compiled.get(name);
      if (!template) throw new Error(`no template "${name}" in ${templatesDir}`);
      return blamingFile(template.file, template.fn)(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    },
  };
}

/**
 * A compiled template (or partial) whose mistakes are reported in its own file: Handlebars' messages give a line and
 * a 0-based column but not the file, so a missing value inside a partial was blamed on the template that called it.
 */
function blamingFile(file: string, fn: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
  return (context, runtimeOptions) => {
    try {
      return fn(context, runtimeOptions);
    } catch (error) {
      throw toTemplateError(error, file);
    }
  };
}

/** A Handlebars exception (syntax or strict-mode lookup) as a TemplateError located in `file`; ours pass through. */
export function toTemplateError(error: unknown, file: string): TemplateError {
  if (error instanceof TemplateError) return error;
  if (!(error instanceof Error) || !isHandlebarsError(error)) throw error;
  // A parse error spans four lines (where, an excerpt, a caret, what was expected): the code frame shows the excerpt.
  const lines = error.message.split('\n');
  const message = lines.length > 1 ? `${lines[0]} ${lines[lines.length - 1]}` : error.message;
  const position = /(\d+):(\d+)\s*$/.exec(message) ?? /line (\d+)/.exec(message);
  return new TemplateError(message, file, position ? Number(position[1]) : 1, position && position[2] !== undefined ? Number(position[2]) + 1 : 1);
}

/** Handlebars throws its own Exception type for template mistakes; anything else is a bug of ours. */
function isHandlebarsError(error: Error): boolean {
  return error instanceof Handlebars.Exception || /^Parse error|not defined in|^Expecting|doesn't match|not found|^Missing helper|^Invalid path/.test(error.message);
}
