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
export function loadTemplates(templatesDir: string): TemplateSet {
  const instance = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) instance.registerHelper(name, fn);
  const options: CompileOptions = {
    strict: true,
    knownHelpers: Object.fromEntries(Object.keys(helpers).map((k) => [k, true])),
    knownHelpersOnly: true,
    preventIndent: true,
  };
  const files: string[] = [];
  const partialsDir = path.join(templatesDir, 'partials');
  for (const entry of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs')).sort()) {
    const file = path.join(partialsDir, entry);
    files.push(file);
    instance.registerPartial(entry.replace(/\.hbs$/, ''), instance.compile(readFileSync(file, 'utf8'), options));
  }
  const compiled = new Map<string, { file: string; fn: Handlebars.TemplateDelegate }>();
  for (const entry of readdirSync(templatesDir).filter((f) => f.endsWith('.hbs')).sort()) {
    const file = path.join(templatesDir, entry);
    files.push(file);
    compiled.set(entry.replace(/\.hbs$/, ''), { file, fn: instance.compile(readFileSync(file, 'utf8'), options) });
  }
  return {
    files,
    render(name, view) {
      const template = compiled.get(name);
      if (!template) throw new Error(`no template "${name}" in ${templatesDir}`);
      try {
        return template.fn(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        const message = (error as Error).message;
        const position = /(\d+):(\d+)\s*$/.exec(message) ?? /line (\d+)/.exec(message);
        throw new TemplateError(
          message,
          template.file,
          position ? Number(position[1]) : 1,
          position && position[2] !== undefined ? Number(position[2]) + 1 : 1,
        );
      }
    },
  };
}
