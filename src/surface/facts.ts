import type { ParsedFile } from '../parse/parser.js';
import { extractDefines, type MacroFact } from './extract/defines.js';
import { extractEnums, type EnumFact } from './extract/enums.js';
import { extractPpmScMacro, type PpmScFact } from './extract/ppm-sc.js';
import { hasInitError } from './extract/syntax.js';
import { extractTables, type TableFact } from './extract/tables.js';

/**
 * What one C file contributes to the surface, still symbolic (expressions as written). It
 * depends only on the file's content, so it is computed once per git blob and reused for every
 * revision that has the same blob; values are resolved later, per revision.
 */
export interface FileFacts {
  path: string;
  macros: MacroFact[];
  enums: EnumFact[];
  tables: TableFact[];
  ppmSc: PpmScFact[];
  /** ERROR/MISSING nodes where an extractor looked; empty when the file parsed cleanly there. */
  parseProblems: string[];
}

export function extractFileFacts(file: ParsedFile): FileFacts {
  const tables = extractTables(file);
  const parseProblems: string[] = [];
  for (const t of tables) {
    for (const item of t.items) {
      if (hasInitError(item.value)) parseProblems.push(`${t.name}: entry at line ${item.value.line} could not be parsed`);
    }
  }
  return {
    path: file.path,
    macros: extractDefines(file),
    enums: extractEnums(file),
    tables,
    ppmSc: extractPpmScMacro(file),
    parseProblems,
  };
}
