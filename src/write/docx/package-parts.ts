/** The texts a Word package is made of, as data: what the writers, the shell and its cache pass each other. */

/** The parts of a package by path, as the docx package's compiler gives them (XML as text, media as bytes). */
export type PackageParts = Map<string, string | Uint8Array>;

/** What the documents of one style map share, as text: all a document needs besides its body (package-shell.ts). */
export interface ShellParts {
  /** The parts of a document without charts or images, in the order the docx package writes them. */
  order: string[];
  /** The text of every part that is the same for every document (all but the body's parts and the properties). */
  shared: Record<string, string>;
  /** word/document.xml up to and including <w:body>, and from the section properties to the end. */
  documentHead: string;
  documentTail: string;
  /** word/_rels/document.xml.rels up to the document's own relationships; the font table's comes last. */
  relationshipsHead: string;
  fontTableRelationship: string;
  /** How many relationships document.xml.rels has before the document's own. */
  baseRelationships: number;
  /** word/numbering.xml up to the first w:num (with the docx package's default definition), and its default w:num. */
  numberingAbstracts: string;
  numberingNums: string;
}
