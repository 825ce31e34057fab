import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { preprocess, type Preprocessed } from './preprocess.js';
import { MAX_PARSE_MS } from '../limits.js';
import type { WorkBudget } from './budget.js';

export type { Node };

/**
 * The two .wasm files sit beside the bundle in dist/ (copied by the build); when running from
 * src/ (tests, tsx) they come from node_modules.
 */
function locate(file: string, pkg: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(here, file);
  if (existsSync(beside)) return beside;
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve(`${pkg}/${file}`)), file);
}

let ready: Promise<Parser> | null = null;

function getParser(): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init({ locateFile: () => locate('web-tree-sitter.wasm', 'web-tree-sitter') });
    const c = await Language.load(locate('tree-sitter-c.wasm', 'tree-sitter-c'));
    return new Parser().setLanguage(c);
  })();
  return ready;
}

let parser: Parser | null = null;

/** Loads the grammar once; call before parseC. */
export async function initParser(): Promise<void> {
  parser ??= await getParser();
}

export interface ParsedFile {
  path: string;
  /** The original text. */
  source: string;
  /** Its preprocessing: `pre.c.spliced` is the text with comments (same offsets), `pre.text` what tree-sitter parses. */
  pre: Preprocessed;
  root: Node;
  /** 1-based line of an offset (the same in the source and the preprocessed text). */
  lineAt(offset: number): number;
  /**
   * The nodes of the given types anywhere in the tree, in document order, with their types.
   * Walking a tree inside wasm costs about as much for one type as for several, so the types of
   * DESCENDANT_TYPES are found in one walk, the first time any extractor asks.
   */
  descendants(types: readonly string[]): Array<{ node: Node; type: string }>;
  /** Frees the wasm-side tree: extractors copy what they need out first. */
  dispose(): void;
}

/** The node types the extractors look for anywhere in a tree (enums.ts, layout.ts, syntax.ts: arrayDeclarations). */
const DESCENDANT_TYPES = ['enum_specifier', 'struct_specifier', 'type_definition', 'init_declarator'];

/** Preprocesses and parses one C file (see parseCSync for the budget). */
export async function parseC(filePath: string, source: string, budget?: WorkBudget): Promise<ParsedFile> {
  parser ??= await getParser();
  return parseCSync(filePath, source, budget);
}

/**
 * A parse that took longer than MAX_PARSE_MS: a fact about the file (the file is reported, not
 * read). A parse cut short by a revision's budget throws `BudgetSpent` instead (budget.ts).
 */
export class ParseTimeout extends Error {}

/**
 * parseC for a caller that knows the grammar is loaded (`initParser()` resolved). With a
 * budget, the time taken (preprocessing included) is charged to it, and the parse may take no
 * longer than what is left of it: when that is less than MAX_PARSE_MS and runs out, or nothing
 * is left, it throws `BudgetSpent`.
 */
export function parseCSync(filePath: string, source: string, budget?: WorkBudget): ParsedFile {
  if (!parser) throw new Error('parseCSync before initParser()');
  const left = budget ? budget.parseLeft : Infinity;
  if (left <= 0) throw budget!.stop('MAX_REVISION_PARSE_MS');
  const allowed = Math.min(MAX_PARSE_MS, left);
  const start = performance.now();
  const pre = preprocess(source);
  const tree = parser.parse(pre.text, null, { progressCallback: () => performance.now() - start > allowed });
  // A cancelled parse is resumed by the next call unless the parser is reset (the next file would
  // be read as the rest of this one); freeing what it built takes time too, charged with it.
  if (!tree) parser.reset();
  budget?.chargeParse(performance.now() - start);
  if (!tree) {
    if (allowed < MAX_PARSE_MS) throw budget!.stop('MAX_REVISION_PARSE_MS');
    throw new ParseTimeout(`parsing ${filePath} took longer than ${MAX_PARSE_MS} ms`);
  }
  const root = tree.rootNode;
  let found: Array<{ node: Node; type: string }> | null = null;
  const typed = (nodes: Array<Node | null>) =>
    nodes.filter((n): n is Node => n !== null).map((node) => ({ node, type: node.type }));
  return {
    path: filePath,
    source,
    pre,
    lineAt: pre.c.lineAt,
    root,
    descendants: (types) => {
      if (!types.every((t) => DESCENDANT_TYPES.includes(t))) return typed(root.descendantsOfType([...types]));
      found ??= typed(root.descendantsOfType(DESCENDANT_TYPES));
      return found.filter((d) => types.includes(d.type));
    },
    dispose: () => tree.delete(),
  };
}

/** 1-based line of a node. */
export function lineOfNode(node: Node): number {
  return node.startPosition.row + 1;
}
