/** A table as rows of cells, each cell its paragraphs. */
export type TableCells = string[][][];

interface Node {
  type: string;
  attributes: string[];
  texts: string[];
  children: Node[];
}

/**
 * The tables printed inside a table cell (a device list in 機器構成図, a notice in 情報周知), read from a tagged PDF's
 * structure tree as poppler prints it (`pdfinfo -struct-text`): Table ▸ TR ▸ TD/TH ▸ P, each P's text its spans
 * joined. A table with merged cells (/ColSpan, /RowSpan) is left out: a Markdown table cannot hold it. An untagged
 * PDF gives none.
 */
export function parseNestedTables(structText: string): TableCells[] {
  return nestedTableNodes(structText)
    .map(tableCells)
    .filter((table): table is TableCells => table !== undefined);
}

/** Whether the structure tree (`pdfinfo -struct`, without text) has a table inside a table cell. */
export function hasNestedTable(structure: string): boolean {
  return nestedTableNodes(structure).length > 0;
}

function nestedTableNodes(structText: string): Node[] {
  const root: Node = { type: 'root', attributes: [], texts: [], children: [] };
  const stack: { depth: number; node: Node }[] = [{ depth: -1, node: root }];
  for (const line of structText.split('\n')) {
    const depth = line.length - line.trimStart().length;
    const element = /^\s*([A-Za-z][\w#-]*)(?: \((?:block|inline)\))?:?\s*$/.exec(line);
    if (element) {
      const node: Node = { type: element[1], attributes: [], texts: [], children: [] };
      while (stack.at(-1)!.depth >= depth) stack.pop();
      stack.at(-1)!.node.children.push(node);
      stack.push({ depth, node });
      continue;
    }
    const text = /^\s*"(.*)"\s*$/.exec(line);
    if (text) stack.at(-1)!.node.texts.push(text[1]);
    else if (/^\s*\//.test(line)) stack.at(-1)!.node.attributes.push(line.trim());
  }
  const tables: Node[] = [];
  const visit = (node: Node, inCell: boolean) => {
    if (node.type === 'Table' && inCell) {
      tables.push(node);
      return;
    }
    for (const child of node.children) visit(child, inCell || node.type === 'TD' || node.type === 'TH');
  };
  visit(root, false);
  return tables;
}

function tableCells(table: Node): TableCells | undefined {
  const rows = descendants(table, (n) => n.type === 'TR');
  const cells = rows.map((row) => row.children.filter((c) => c.type === 'TD' || c.type === 'TH'));
  if (!rows.length || cells.some((row) => row.some((c) => c.attributes.some((a) => /^\/(?:ColSpan|RowSpan)\b/.test(a))))) return undefined;
  return cells.map((row) =>
    row.map((cell) => {
      const paragraphs = descendants(cell, (n) => n.type === 'P').map(allText);
      return paragraphs.length ? paragraphs : [allText(cell)];
    }),
  );
}

function descendants(node: Node, match: (n: Node) => boolean): Node[] {
  return node.children.flatMap((c) => (match(c) ? [c] : descendants(c, match)));
}

function allText(node: Node): string {
  return [...node.texts, ...node.children.map(allText)].join('');
}

/** Every character of a text but whitespace, counted. */
function characterCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const ch of t.replace(/\s+/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

function sameCounts(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([ch, n]) => b.get(ch) === n);
}

/**
 * Puts each table of the structure tree in place of the text lines that hold it. The extraction prints a table's
 * cells interleaved line by line, so the lines are found by their characters: the run that starts with the table's
 * first text and holds exactly the table's characters (whitespace aside), no more and no fewer. A table whose run
 * is not found so stays as the lines were (and is read as text).
 */
export function placeTables<L extends { text: string; line: number; figure?: unknown; table?: TableCells; breakAfter?: boolean }>(lines: readonly L[], tables: readonly TableCells[]): L[] {
  let out = [...lines];
  for (const table of tables) {
    const texts = table.flat(2);
    const want = characterCounts(texts);
    const total = [...want.values()].reduce((a, b) => a + b, 0);
    const first = texts.map((t) => t.replace(/\s+/g, '')).find(Boolean);
    if (!first || !total) continue;
    for (let i = 0; i < out.length; i++) {
      if (out[i].figure || out[i].table || !out[i].text.replace(/\s+/g, '').startsWith(first.slice(0, 4))) continue;
      let seen = 0;
      let j = i;
      while (j < out.length && seen < total && !out[j].figure && !out[j].table) seen += out[j++].text.replace(/\s+/g, '').length;
      if (seen !== total || !sameCounts(characterCounts(out.slice(i, j).map((l) => l.text)), want)) continue;
      out = [...out.slice(0, i), { ...out[i], text: '', breakAfter: true, table }, ...out.slice(j)];
      break;
    }
  }
  return out;
}
