import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx';
import { LEVELS, type NumberingRegistry } from '../../../src/write/docx/numbering.js';

/** The docx package's numbering options for the lists a registry has seen (the writer's numbering before issue 16). */
export function numberingOptions(registry: NumberingRegistry): INumberingOptions {
  return {
    config: registry.definitions().map((d) => ({
      reference: d.reference,
      levels: LEVELS.map((level) => ({
        level,
        format: d.bullet ? LevelFormat.BULLET : LevelFormat.DECIMAL,
        text: registry.levelText(d.bullet, level),
        start: level === 0 ? d.start : 1,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: registry.indentFor(level) } },
      })),
    })),
  };
}
