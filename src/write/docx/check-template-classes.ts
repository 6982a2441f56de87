import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { LineIndex } from '../../load/line-index.js';
import { templateRange } from '../../render/check-templates.js';
import type { TemplateSet } from '../../render/handlebars-env.js';
import { HANDLEBARS_MARK, scanTemplateTags } from '../../render/scan-template-tags.js';
import type { StyleMap } from './style-map.js';

type StyleSection = 'paragraphStyles' | 'tables' | 'rowStyles' | 'cellStyles';

/** Where the Word writer looks a class up, by the element that carries it; other elements' classes do nothing in Word. */
const sectionOf: Readonly<Record<string, StyleSection>> = {
  h1: 'paragraphStyles',
  h2: 'paragraphStyles',
  h3: 'paragraphStyles',
  h4: 'paragraphStyles',
  p: 'paragraphStyles',
  section: 'paragraphStyles',
  div: 'paragraphStyles',
  blockquote: 'paragraphStyles',
  table: 'tables',
  tr: 'rowStyles',
  th: 'cellStyles',
  td: 'cellStyles',
};

/**
 * Every class a Word template writes must mean something in Word: an entry of the style map's section for its
 * element (a paragraph style, a table look, a row or a cell style), or an entry of `noWordStyle`, which says why the
 * class deliberately has none. `names` are the templates written to Word (publishedTemplates of the kinds table);
 * every partial counts as one of them. A class written by a Handlebars expression is only known when rendered: not checked.
 */
export function checkTemplateClasses(templates: TemplateSet, map: StyleMap, names: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const source of templates.sources.filter((s) => s.partial || names.includes(s.name))) {
    const lines = new LineIndex(source.text);
    for (const tag of scanTemplateTags(source.text)) {
      const section = sectionOf[tag.name];
      for (const attribute of tag.attributes.filter((a) => a.name === 'class' && a.value !== undefined)) {
        for (const word of attribute.value!.matchAll(/\S+/g)) {
          const name = word[0];
          if (name.includes(HANDLEBARS_MARK) || map.noWordStyle?.[name] !== undefined || (section && map[section]?.[name] !== undefined)) continue;
          const range = templateRange(lines, attribute.valueOffset + word.index, name.length);
          diagnostics.push(createDiagnostic('unstyled-class', source.file, range, { actual: name, expected: section ?? 'noWordStyle' }));
        }
      }
    }
  }
  return diagnostics;
}
