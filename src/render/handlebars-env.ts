import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { ParseStore } from '../load/parse-store.js';
import { keepingMd, md } from './helpers/md.js';

const helpers = { md } as const;

export interface TemplateSet {
  /** Renders the named template (e.g. "meeting") with a view model; throws a TemplateError on failure. */
  render(name: string, view: unknown): string;
  /** Paths of every template file read, for hashing and diagnostics. */
  files: string[];
  /** Every template file read, with its text: the static checks (check-templates.ts) read them. */
  sources: readonly TemplateSource[];
  /**
   * Mistakes found while compiling, before anything is rendered, each in its own file: syntax errors, unknown
   * helpers and partials that do not exist, in every template and partial, used by a render or not.
   */
  problems: readonly TemplateError[];
}

/** One template file: a template (templates/<name>.hbs) or a partial (templates/partials/<name>.hbs). */
export interface TemplateSource {
  file: string;
  text: string;
  name: string;
  partial: boolean;
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
export function loadTemplates(templatesDir: string, loaded: TemplateMemo = new Map(), store?: ParseStore, options: TemplateOptions = {}): TemplateSet {
  const sources = templateFiles(templatesDir).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const key = JSON.stringify(sources);
  const known = loaded.get(templatesDir);
  if (known?.key === key) return known.set;
  const partialsDir = path.join(templatesDir, 'partials');
  const set = compileTemplates(templatesDir, sources.map((s) => ({ ...s, name: path.basename(s.file, '.hbs'), partial: path.dirname(s.file) === partialsDir })), store, options);
  loaded.set(templatesDir, { key, set });
  return set;
}

export interface TemplateOptions {
  /**
   * Keep the markup of each Markdown text rendered, for the life of the set: a watch's set renders the same incidents
   * on every save; a one-off build renders each text about once, and keeps nothing.
   */
  keepMarkdown?: boolean;
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

/**
 * Compiles every template and partial now (but the page shells), so that a mistake is found in its own file before any
 * render. Each is compiled to JavaScript source (Handlebars' precompile, the form its precompiled templates ship in)
 * and run from it; a set without a mistake keeps those sources in `store`, keyed by every template's text, so a later
 * run with the same templates loads them without compiling (the compiler is most of a cold single-meeting build's
 * template time) and finds the same nothing.
 */
export function compileTemplates(templatesDir: string, sources: readonly TemplateSource[], store?: ParseStore, { keepMarkdown = false }: TemplateOptions = {}): TemplateSet {
  const instance = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) instance.registerHelper(name, fn);
  if (keepMarkdown) instance.registerHelper('md', keepingMd(new Map()));
  const options: CompileOptions = {
    strict: true,
    knownHelpers: Object.fromEntries(Object.keys(helpers).map((k) => [k, true])),
    knownHelpersOnly: true,
    preventIndent: true,
  };
  const problems: TemplateError[] = [];
  const calls: PartialCall[] = [];
  const compiled = new Map<string, { file: string; fn: Handlebars.TemplateDelegate }>();
  const storeKey = `handlebars templates ${JSON.stringify([options, sources.map((s) => [s.name, s.partial, s.text])])}`;
  let kept = keptSpecs(store?.get(storeKey)?.data, sources.length);
  const specs: string[] = [];
  for (const [index, { file, text, name, partial }] of sources.entries()) {
    let fn: Handlebars.TemplateDelegate;
    if (isPageShell(name)) {
      compiled.set(name, { file, fn: instance.compile(text, options) });
      specs.push('');
      continue;
    }
    const reused = kept && fromSpec(instance, kept[index]);
    // A kept source that does not load is no source: the set is compiled, and kept again.
    if (kept && !reused) kept = undefined;
    try {
      if (reused) {
        specs.push(kept![index]);
        fn = reused;
      } else {
        const ast = instance.parse(text);
        calls.push(...partialCalls(ast, file));
        const spec = instance.precompile(ast, options) as unknown as string;
        specs.push(spec);
        fn = fromSpec(instance, spec)!;
      }
    } catch (error) {
      const problem = toTemplateError(error, file);
      problems.push(problem);
      fn = () => {
        throw problem;
      };
    }
    if (partial) instance.registerPartial(name, blamingFile(file, fn));
    else compiled.set(name, { file, fn });
  }
  const partials = new Set(sources.filter((s) => s.partial).map((s) => s.name));
  for (const call of calls.filter((c) => !partials.has(c.name))) {
    problems.push(new TemplateError(`The partial ${call.name} could not be found`, call.file, call.line, call.column));
  }
  if (!kept && problems.length === 0) store?.put(storeKey, specs);
  return {
    files: sources.map((s) => s.file),
    sources,
    problems,
    render(name, view) {
      const template = compiled.get(name);
      if (!template) throw new Error(`no template "${name}" in ${templatesDir}`);
      return blamingFile(template.file, template.fn)(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    },
  };
}

/** The page shells (layout.html.hbs) are whole HTML documents, compiled and checked by the HTML writer (write-html.ts). */
export const isPageShell = (name: string): boolean => name.endsWith('.html');

/** A template from the JavaScript source Handlebars' precompile wrote; undefined when it is not one. */
function fromSpec(instance: typeof Handlebars, spec: string): Handlebars.TemplateDelegate | undefined {
  try {
    return instance.template(new Function(`return ${spec}`)() as TemplateSpecification);
  } catch {
    return undefined;
  }
}

/** The kept JavaScript sources of a set of `count` templates (an empty one for each page shell), if they are that. */
function keptSpecs(data: unknown, count: number): string[] | undefined {
  return Array.isArray(data) && data.length === count && data.every((spec) => typeof spec === 'string') ? data : undefined;
}

interface PartialCall {
  name: string;
  file: string;
  line: number;
  column: number;
}

/** The partials a template calls by name (`{{> name}}`, `{{#> name}}`), where it calls them; 1-based columns. */
function partialCalls(ast: hbs.AST.Program, file: string): PartialCall[] {
  const calls: PartialCall[] = [];
  const record = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement) => {
    if (node.name.type === 'PathExpression') calls.push({ name: node.name.original, file, line: node.loc.start.line, column: node.loc.start.column + 1 });
  };
  const visitor = new Handlebars.Visitor();
  const visitPartial = visitor.PartialStatement.bind(visitor);
  const visitPartialBlock = visitor.PartialBlockStatement.bind(visitor);
  visitor.PartialStatement = (node) => (record(node), visitPartial(node));
  visitor.PartialBlockStatement = (node) => (record(node), visitPartialBlock(node));
  visitor.accept(ast);
  return calls;
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
