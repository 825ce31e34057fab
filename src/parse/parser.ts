import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { lineIndex, preprocess, type Preprocessed } from './preprocess.js';

export type { Node, Tree };

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

/** Loads the grammar once; call before parseC. */
export async function initParser(): Promise<void> {
  await getParser();
}

let parser: Parser | null = null;

export interface ParsedFile {
  path: string;
  /** The original text. */
  source: string;
  pre: Preprocessed;
  root: Node;
  /** Number of ERROR or MISSING nodes, for the "could not be read" warnings. */
  errorCount: number;
  /** 1-based line of an offset (the same in the source and the preprocessed text). */
  lineAt(offset: number): number;
  /** Frees the wasm-side tree: extractors copy what they need out first. */
  dispose(): void;
}

/** Preprocesses and parses one C file. `initParser()` must have resolved. */
export async function parseC(filePath: string, source: string): Promise<ParsedFile> {
  parser ??= await getParser();
  const pre = preprocess(source);
  const tree = parser.parse(pre.text);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${filePath}`);
  let lines: ((offset: number) => number) | null = null;
  return {
    path: filePath,
    source,
    pre,
    lineAt: (offset) => (lines ??= lineIndex(source))(offset),
    root: tree.rootNode,
    errorCount: tree.rootNode.hasError ? countErrors(tree.rootNode) : 0,
    dispose: () => tree.delete(),
  };
}

function countErrors(node: Node): number {
  let n = 0;
  const cursor = node.walk();
  let done = false;
  while (!done) {
    const cur = cursor.currentNode;
    if (cur.type === 'ERROR' || cur.isMissing) n++;
    if (cur.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  cursor.delete();
  return n;
}

/** 1-based line of a node. */
export function lineOfNode(node: Node): number {
  return node.startPosition.row + 1;
}

/** All descendants (not the node itself) in document order, descending into ERROR nodes too. */
export function* walk(node: Node): Generator<Node> {
  for (const child of node.namedChildren) {
    if (!child) continue;
    yield child;
    yield* walk(child);
  }
}
