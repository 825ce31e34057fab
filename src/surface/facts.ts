import { parseC, ParseTimeout } from '../parse/parser.js';
import { cText } from '../parse/c-text.js';
import { scanDirectives, type Directives, type MacroFact } from '../parse/directives.js';
import { extractCodeBodies } from './extract/code-bodies.js';
import { extractEnums, type EnumFact } from './extract/enums.js';
import { retiredIoctls, type RetiredIoctlFact } from './extract/ioctls.js';
import { extractPpmScMacro, type PpmScFact } from './extract/ppm-sc.js';
import { hasInitError } from './extract/syntax.js';
import { extractTables, type TableFact } from './extract/tables.js';
import { NO_TOP_LEVEL, topLevelStatements, type TopLevel } from './extract/text-scan.js';
import { extractXLists, type XListFact } from './extract/x-lists.js';
import { fileKind, type FileKind } from './files.js';
import { collectStructs, type StructDecls } from './layout.js';
import type { CodeFile } from './model.js';
import type { WorkBudget } from '../parse/budget.js';

/**
 * What one file contributes to the surface, still symbolic (expressions as written). It
 * depends only on the file's content, so it is computed once per git blob and reused for every
 * revision that has the same blob; values are resolved later, per revision.
 */
export interface FileFacts {
  path: string;
  /** Preprocessor directives (conditional groups, #define, #include, #pragma pack, #error); empty for code files. */
  directives: Directives;
  macros: MacroFact[];
  enums: EnumFact[];
  tables: TableFact[];
  ppmSc: PpmScFact[];
  structs: StructDecls;
  xLists: XListFact[];
  retiredIoctls: RetiredIoctlFact[];
  /** The file-scope statements of a text file (bpf maps and globals, module parameters), read per revision (text-declarations.ts). */
  topLevel: TopLevel;
  /** Function bodies of a filler or probe file. */
  code: CodeFile | null;
  /** ERROR/MISSING nodes where an extractor looked; empty when the file parsed cleanly there. */
  parseProblems: string[];
}

const EMPTY_DIRECTIVES: Directives = {
  branches: [],
  macros: [],
  includes: [],
  ops: [],
  branchOfLine: [],
  spans: [],
  unbalanced: false,
  unfollowed: [],
};

function emptyFacts(path: string): FileFacts {
  return {
    path,
    directives: EMPTY_DIRECTIVES,
    macros: [],
    enums: [],
    tables: [],
    ppmSc: [],
    structs: { structs: [], typedefs: {} },
    xLists: [],
    retiredIoctls: [],
    topLevel: NO_TOP_LEVEL,
    code: null,
    parseProblems: [],
  };
}

/**
 * Extracts the facts of one file; the kind of file (files.ts) decides which extractors run. A
 * parse is charged to `budget`, the revision's: when it is spent this throws `BudgetSpent`
 * (what is not a fact of the file, and never cached as one).
 */
export async function extractFacts(
  path: string,
  source: string,
  kind: FileKind = fileKind(path),
  minKernel = 0n,
  budget?: WorkBudget,
): Promise<FileFacts | string> {
  const facts = emptyFacts(path);
  if (kind === 'tree') {
    let file: Awaited<ReturnType<typeof parseC>>;
    try {
      file = await parseC(path, source, budget);
    } catch (e) {
      if (e instanceof ParseTimeout) return e.message;
      throw e;
    }
    try {
      facts.directives = file.pre.directives;
      facts.macros = file.pre.directives.macros;
      facts.enums = extractEnums(file);
      facts.tables = extractTables(file);
      facts.ppmSc = extractPpmScMacro(file);
      facts.structs = collectStructs([file]);
      facts.xLists = extractXLists(file);
      facts.retiredIoctls = retiredIoctls(file.pre.c.spliced, file.lineAt);
      for (const t of facts.tables) {
        for (const item of t.items) {
          if (hasInitError(item.value))
            facts.parseProblems.push(`${t.name}: entry at line ${item.value.line} could not be parsed`);
        }
      }
    } finally {
      file.dispose();
    }
  } else if (kind === 'text') {
    // Constructs tree-sitter cannot read (libbpf map macros, module_param calls inside ERROR nodes).
    const c = cText(source);
    facts.directives = scanDirectives(c.text);
    facts.macros = facts.directives.macros;
    facts.topLevel = topLevelStatements(c.text, facts.directives);
  } else if (kind === 'code') {
    // A hand-written lexer, not tree-sitter: about 190 files per revision, ppm_fillers.c is 8600
    // lines (code/lexer.ts has the figures).
    facts.code = extractCodeBodies(path, source, minKernel);
  }
  return facts;
}
