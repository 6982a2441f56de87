import { mmToTwips, type StyleMap } from './style-map.js';
import { escapeXml } from './xml-text.js';

export const LEVELS = [0, 1, 2, 3, 4] as const;

/**
 * The list numberings of a document: one bullet definition, and one decimal definition per start value. Each list
 * gets its own instance so that numbering restarts at every list; an instance becomes a w:num when a paragraph
 * first uses it, numbered after the docx package's default one (numId 1), as the docx package numbers them.
 */
export class NumberingRegistry {
  private readonly starts = new Set<number>();
  private instances = 0;
  private readonly nums = new Map<string, { id: number; reference: string; start: number }>();

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

  /** The w:numId of a list instance, given when a paragraph first uses it. */
  numId(reference: string, instance: number): number {
    const key = `${reference}-${instance}`;
    let num = this.nums.get(key);
    if (!num) this.nums.set(key, (num = { id: this.nums.size + 2, reference, start: reference === 'bullet' ? 1 : Number(reference.slice('decimal-'.length)) }));
    return num.id;
  }

  /** The definitions the document needs: the bullet, and a decimal one per start value, in the order they are written. */
  definitions(): { reference: string; bullet: boolean; start: number }[] {
    return [{ reference: 'bullet', bullet: true, start: 1 }, ...[...this.starts].sort((a, b) => a - b).map((start) => ({ reference: `decimal-${start}`, bullet: false, start }))];
  }

  /** The text of a level's number or bullet. */
  levelText(bullet: boolean, level: number): string {
    return bullet ? this.map.lists.bullet : `%${level + 1}.`;
  }

  /** word/numbering.xml: the shell's head and default numbering (package-shell.ts) around this document's own. */
  xml(shell: { numberingAbstracts: string; numberingNums: string }): string {
    const definitions = this.definitions();
    const abstractIds = new Map(definitions.map((d, i) => [d.reference, i + 2]));
    const abstracts = definitions.map((d, i) => this.abstractNum(i + 2, d.bullet, d.start)).join('');
    const nums = [...this.nums.values()]
      .map((num) => `<w:num w:numId="${num.id}"><w:abstractNumId w:val="${abstractIds.get(num.reference)}"/>${LEVELS.map((level) => `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${level === 0 ? num.start : 1}"/></w:lvlOverride>`).join('')}</w:num>`)
      .join('');
    return `${shell.numberingAbstracts}${abstracts}${shell.numberingNums}${nums}</w:numbering>`;
  }

  private abstractNum(id: number, bullet: boolean, start: number): string {
    const levels = LEVELS.map((level) => {
      const indent = this.indentFor(level);
      const text = this.levelText(bullet, level);
      return (
        `<w:lvl w:ilvl="${level}" w:tentative="1"><w:start w:val="${level === 0 ? start : 1}"/><w:numFmt w:val="${bullet ? 'bullet' : 'decimal'}"/>` +
        `<w:lvlText w:val="${escapeXml(text)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${indent.left}" w:hanging="${indent.hanging}"/></w:pPr></w:lvl>`
      );
    });
    return `<w:abstractNum w:abstractNumId="${id}" w15:restartNumberingAfterBreak="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels.join('')}</w:abstractNum>`;
  }
}
