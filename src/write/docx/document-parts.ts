import { createHash } from 'node:crypto';
import type { BarChartData } from '../svg/bar-chart.js';
import { NumberingRegistry } from './numbering.js';
import type { StyleMap } from './style-map.js';

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An image of the document, stored once however often it is shown (as the docx package keys it: by its bytes). */
export interface MediaPart {
  path: string;
  data: Uint8Array;
  relationshipId?: string;
}

/**
 * What one document.xml refers to outside itself, collected while its body is written: hyperlinks and charts
 * (relationships in the order they appear, with the ids our renumbering gives them: rIdLink1, rIdLink2, …), images
 * (stored once, numbered after them), charts to be drawn, drawing ids and the list numberings.
 */
export class DocumentParts {
  readonly numbering: NumberingRegistry;
  readonly relationships: { id: string; type: string; target: string; external: boolean }[] = [];
  readonly media = new Map<string, MediaPart>();
  readonly charts: { data: BarChartData; alt: string }[] = [];
  private readonly perExtension = new Map<string, number>();
  private drawings = 0;

  constructor(map: StyleMap) {
    this.numbering = new NumberingRegistry(map);
  }

  /** A relationship to a hyperlink's target: its id. */
  link(href: string): string {
    return this.relate(`${RELATIONSHIP}/hyperlink`, href, true);
  }

  /** A native chart: its relationship id (the chart's part is written by chart-parts.ts). */
  chart(data: BarChartData, alt: string): string {
    this.charts.push({ data, alt });
    return this.relate(`${RELATIONSHIP}/chart`, `charts/chart${this.charts.length}.xml`, false);
  }

  /** An image: its placeholder in document.xml until the relationships are numbered (relationshipsXml). */
  image(data: Uint8Array, extension: string): MediaPart {
    const key = `${createHash('sha1').update(data).digest('hex')}.${extension}`;
    let part = this.media.get(key);
    if (!part) {
      const count = (this.perExtension.get(extension) ?? 0) + 1;
      this.perExtension.set(extension, count);
      this.media.set(key, (part = { path: `media/image${count}.${extension}`, data }));
    }
    return part;
  }

  /** The next wp:docPr id. */
  nextDrawingId(): number {
    return ++this.drawings;
  }

  private relate(type: string, target: string, external: boolean): string {
    const id = `rIdLink${this.relationships.length + 1}`;
    this.relationships.push({ id, type, target, external });
    return id;
  }
}

/** Marks where an image's relationship id goes in document.xml, until the images are numbered after the links. */
export const imageSlot = (part: MediaPart): string => `\u0000image:${part.path}\u0000`;
