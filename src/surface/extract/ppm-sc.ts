import type { ParsedFile } from '../../parse/parser.js';

export interface PpmScFact {
  /** Full symbol, e.g. PPM_SC_OPEN. */
  symbol: string;
  /** The X-macro's name argument (`OPEN`) and value argument (`2`), as written. */
  name: string;
  expr: string;
  line: number;
  /** Present only as a comment: the number is retired and reserved. */
  retired: boolean;
  /** Line of the `#define PPM_SC_FIELDS` this entry belongs to (a file may hold alternatives under #if). */
  defineLine: number;
}

/**
 * PPM_SC_* codes from the `PPM_SC_FIELDS` X-macro. The entries are read from the text of every
 * `#define PPM_SC_FIELDS` (tree-sitter only sees opaque macro text there); an entry whose text
 * the comment pass blanked was inside a comment and is a retired code. Which definition the
 * build compiles, and what `PPM_SC_X` expands each entry to, is decided per revision.
 */
export function extractPpmScMacro(file: ParsedFile): PpmScFact[] {
  const { spliced, text } = file.pre.c;
  const out: PpmScFact[] = [];
  for (const def of file.pre.directives.macros) {
    if (def.name !== 'PPM_SC_FIELDS' || def.params !== null) continue;
    const span = file.pre.directives.spans.find(([a]) => file.lineAt(a) === def.line);
    if (!span) continue;
    const re = /PPM_SC_X\s*\(\s*(\w+)\s*,\s*([^)]*?)\s*\)/g;
    re.lastIndex = span[0];
    for (let m = re.exec(spliced); m && m.index < span[1]; m = re.exec(spliced)) {
      const live = text.slice(m.index, m.index + 8) === 'PPM_SC_X';
      out.push({
        symbol: `PPM_SC_${m[1]}`,
        name: m[1]!,
        expr: m[2]!,
        line: file.lineAt(m.index),
        retired: !live,
        defineLine: def.line,
      });
    }
  }
  return out;
}
