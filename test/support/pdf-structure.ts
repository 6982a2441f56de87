import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One element of a tagged PDF's structure tree, as poppler's `pdfinfo -struct` prints it. */
export interface StructElement {
  type: string;
  children: StructElement[];
}

/** The structure tree of a tagged PDF, read by poppler (`pdfinfo -struct`): element lines only, by indentation. */
export async function readStructureTree(pdf: string): Promise<StructElement> {
  const { stdout } = await run('pdfinfo', ['-struct', pdf], { maxBuffer: 64 * 1024 * 1024 });
  const root: StructElement = { type: 'root', children: [] };
  const stack: { depth: number; element: StructElement }[] = [{ depth: -1, element: root }];
  for (const line of stdout.split('\n')) {
    const match = /^( *)([A-Za-z][\w#-]*)(?: \((?:block|inline)\))?:?\s*$/.exec(line);
    if (!match) continue; // attributes (/Placement …) and marked-content references (Object 12 0)
    const depth = match[1].length;
    const element: StructElement = { type: match[2], children: [] };
    while (stack[stack.length - 1].depth >= depth) stack.pop();
    stack[stack.length - 1].element.children.push(element);
    stack.push({ depth, element });
  }
  return root;
}

/** Every element of the tree, in document order. */
export function flattenStructure(element: StructElement): StructElement[] {
  return [element, ...element.children.flatMap(flattenStructure)];
}

/**
 * The alternate texts of the Figure elements, read from the file's structure element dictionaries (LibreOffice
 * writes them uncompressed; poppler's pdfinfo does not print /Alt). undefined: a Figure without /Alt.
 */
export async function figureAltTexts(pdf: string): Promise<(string | undefined)[]> {
  const text = (await readFile(pdf)).toString('latin1');
  const figures = [...text.matchAll(/<<\/Type\/StructElem\s*\/S\/Figure\b([\s\S]*?)>>\s*endobj/g)];
  return figures.map(([, body]) => {
    const hex = /\/Alt<([0-9A-Fa-f]*)>/.exec(body);
    if (hex) return decodeUtf16Hex(hex[1]);
    const literal = /\/Alt\(([^)]*)\)/.exec(body);
    return literal ? literal[1] : undefined;
  });
}

function decodeUtf16Hex(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  const start = bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
  return bytes.subarray(start).swap16().toString('utf16le');
}
