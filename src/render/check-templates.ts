import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../load/line-index.js';
import type { ParseStore } from '../load/parse-store.js';
import { isPageShell, type TemplateError, type TemplateSet } from './handlebars-env.js';
import { MARKUP_VOCABULARY } from './markup-to-tree.js';
import { HANDLEBARS_MARK, scanTemplateTags } from './scan-template-tags.js';

/** A template mistake as a diagnostic at its file, line and column (Handlebars' columns are already made 1-based). */
export function templateErrorDiagnostic(error: TemplateError): Diagnostic {
  const position = { line: error.line, column: error.column };
  return createDiagnostic('template-error', error.templatePath, { start: position, end: position }, { actual: error.message });
}

/** A range of `length` characters at `offset` of a template's text. */
export function templateRange(lines: LineIndex, offset: number, length: number) {
  return { start: lines.positionAt(offset), end: lines.positionAt(offset + length) };
}

const expected = 'README の「Changing a template」にある要素と属性（class、lang など）だけで書いてください。';
const hint = 'Use only the elements and attributes listed in the README, "Changing a template".';

/**
 * Every mistake the templates hold that can be found without rendering, each at its file and line: what the compiler
 * found (syntax, unknown helpers, missing partials), and markup outside the vocabulary of markup-to-tree.ts (an
 * element or an attribute it does not read), in every template and partial, whichever branch it sits in.
 */
export function checkTemplates(templates: TemplateSet, store?: ParseStore): Diagnostic[] {
  const diagnostics = templates.problems.map(templateErrorDiagnostic);
  // A set found clean before (the same texts, kept with the tool's code in the store of clean parses) is clean now:
  // scanning every tag costs a one-meeting build ≈ 10 ms. A set with a problem is checked every time.
  const cleanKey = `template markup clean ${JSON.stringify(templates.sources.map((s) => [s.file, s.text]))}`;
  if (diagnostics.length === 0 && store?.get(cleanKey)) return diagnostics;
  for (const source of templates.sources.filter((source) => !isPageShell(source.name))) {
    const lines = new LineIndex(source.text);
    for (const tag of scanTemplateTags(source.text)) {
      const allowed = MARKUP_VOCABULARY[tag.name];
      if (!allowed) {
        diagnostics.push(createDiagnostic('template-markup', source.file, templateRange(lines, tag.offset, tag.name.length + 1), { actual: `<${tag.name}>`, expected, hint }));
        continue;
      }
      for (const attribute of tag.attributes.filter((a) => !allowed.includes(a.name))) {
        const written = attribute.value === undefined ? attribute.name : `${attribute.name}="${attribute.value.replaceAll(HANDLEBARS_MARK, '')}"`;
        diagnostics.push(
          createDiagnostic('template-markup', source.file, templateRange(lines, attribute.offset, attribute.length), {
            actual: `<${tag.name} ${written}>`,
            expected,
            hint,
          }),
        );
      }
    }
  }
  if (diagnostics.length === 0) store?.put(cleanKey, true);
  return diagnostics;
}
