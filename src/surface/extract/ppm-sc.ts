import type { ParsedFile } from '../../parse/parser.js';

export interface PpmScFact {
  /** Full symbol, e.g. PPM_SC_OPEN. */
  symbol: string;
  expr: string;
  line: number;
  /** Present only as a comment: the number is retired and reserved. */
  retired: boolean;
}

/**
 * PPM_SC_* codes from the `PPM_SC_FIELDS` X-macro. tree-sitter cannot give us the macro body
 * (its entries are opaque macro text, and a comment inside it used to end the macro early), so
 * the entries are read from the raw text of the continued #define; an entry whose text the
 * preprocessing pass blanked was inside a comment and is a retired code.
 */
export function extractPpmScMacro(file: ParsedFile): PpmScFact[] {
  const start = /^[ \t]*#[ \t]*define[ \t]+PPM_SC_FIELDS\b/m.exec(file.source);
  if (!start) return [];
  let end = start.index;
  // The macro continues while lines end with a backslash (a comment line inside it included).
  for (;;) {
    const nl = file.source.indexOf('\n', end);
    if (nl < 0) {
      end = file.source.length;
      break;
    }
    const lineText = file.source.slice(end, nl).replace(/\r$/, '');
    end = nl + 1;
    if (!lineText.endsWith('\\')) break;
  }
  const lineOf = file.lineAt;
  const out: PpmScFact[] = [];
  const re = /PPM_SC_X\s*\(\s*(\w+)\s*,\s*([^)]*?)\s*\)/g;
  re.lastIndex = start.index;
  for (let m = re.exec(file.source); m && m.index < end; m = re.exec(file.source)) {
    const live = file.pre.text.slice(m.index, m.index + 8) === 'PPM_SC_X';
    out.push({ symbol: `PPM_SC_${m[1]}`, expr: m[2]!, line: lineOf(m.index), retired: !live });
  }
  return out;
}
