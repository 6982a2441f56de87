import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx';
import { mmToTwips, type StyleMap } from './style-map.js';

/**
 * Collects the list numberings a document uses: one bullet definition, and one decimal definition per start value.
 * Each list gets its own instance so that numbering restarts at every list.
 */
export class NumberingRegistry {
  private readonly starts = new Set<number>();
  private instances = 0;

  constructor(private readonly map: StyleMap) {}

  referenceFor(ordered: boolean, start: number): string {
    if (!ordered) return 'bullet';
    this.starts.add(start);
    return `decimal-${start}`;
  }

  nextInstance(): number {
    this.instances += 1;
    return this.instances;
  }

  indentFor(level: number): { left: number; hanging: number } {
    const step = mmToTwips(this.map.lists.indentMm);
    return { left: step * (level + 1), hanging: mmToTwips(this.map.lists.hangingMm) };
  }

  options(): INumberingOptions {
    const levels = (format: 'bullet' | 'decimal', start: number) =>
      [0, 1, 2, 3, 4].map((level) => ({
        level,
        format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
        text: format === 'bullet' ? this.map.lists.bullet : `%${level + 1}.`,
        start: level === 0 ? start : 1,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: this.indentFor(level) } },
      }));
    return {
      config: [
        { reference: 'bullet', levels: levels('bullet', 1) },
        ...[...this.starts].sort((a, b) => a - b).map((start) => ({ reference: `decimal-${start}`, levels: levels('decimal', start) })),
      ],
    };
  }
}
