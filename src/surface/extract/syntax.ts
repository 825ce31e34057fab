import { lineOfNode, type Node, type ParsedFile } from '../../parse/parser.js';
import { MAX_NESTING } from '../../limits.js';

/**
 * Helpers that turn tree-sitter nodes into plain data, so extractors copy what they need out of
 * the wasm tree and the results can be cached and serialised.
 */

/** An initializer as plain data: a brace list or an expression (text with whitespace folded). */
export type Init =
  | {
      kind: 'list';
      items: InitItem[];
      line: number /** Some of it did not parse: its items may be shifted. */;
      error?: true;
    }
  | {
      kind: 'expr';
      text: string;
      line: number /** A member no initializer names, zero as C makes it (initializers.ts). */;
      implicit?: true;
    }
  | { kind: 'error'; text: string; line: number };

export interface InitItem {
  /** `[X]` → 'X' (index designator), `.f` → '.f' (field designator), a chain `[X].f[1]` → 'X.f[1]'. */
  designator: string | null;
  value: Init;
  /** First and last line of the item, designator included. */
  line: number;
  endLine: number;
}

/** True when an initializer, or anything inside it, could not be parsed. */
export function hasInitError(init: Init): boolean {
  // Anywhere inside it, without recursion (initializers nest as deep as the input wants).
  const todo = [init];
  while (todo.length) {
    const i = todo.pop()!;
    if (i.kind === 'error' || (i.kind === 'list' && i.error)) return true;
    if (i.kind === 'list') for (const item of i.items) todo.push(item.value);
  }
  return false;
}

export function foldSpace(s: string): string {
  return s
    .replace(/\\\r?\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text a tree was parsed from (`ParsedFile.pre.text`) and its 1-based line of an offset. */
export interface NodeSource {
  text: string;
  lineAt(offset: number): number;
}

/**
 * An initializer node as plain data. Every property of a tree-sitter node read from JS but its
 * start is a call into wasm that copies the node there first, and the tables hold tens of
 * thousands of nodes: so each node's type is read once, text and end lines come from offsets
 * into the parsed text, and `hasError` is asked only below a node that has an error (a node
 * without one has none anywhere inside).
 */
export function toInit(node: Node, src: NodeSource): Init {
  return readInit(node, node.type, true, src, 0).init;
}

/** toInit of a node of a known type, and its end offset. `mayHaveError`: false under a node without errors. */
function readInit(
  node: Node,
  type: string,
  mayHaveError: boolean,
  src: NodeSource,
  depth: number,
): { init: Init; end: number } {
  const line = lineOfNode(node);
  if (depth > MAX_NESTING)
    return { init: { kind: 'error', text: `braces nested more than ${MAX_NESTING} deep`, line }, end: node.endIndex };
  const hasError = mayHaveError && node.hasError;
  if (type === 'initializer_list') {
    const items: InitItem[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      const childType = child.type;
      if (childType === 'comment') continue;
      if (childType === 'initializer_pair') {
        const designators = child.childrenForFieldName('designator').filter((d): d is Node => d !== null);
        const value = child.childForFieldName('value');
        const designator = designators.map((d, i) => designatorText(d, i > 0)).join('');
        items.push({
          designator,
          value: value ? readInit(value, value.type, hasError, src, depth + 1).init : { kind: 'error', text: '', line },
          line: lineOfNode(child),
          endLine: src.lineAt(child.endIndex),
        });
      } else {
        const { init, end } = readInit(child, childType, hasError, src, depth + 1);
        items.push({ designator: null, value: init, line: lineOfNode(child), endLine: src.lineAt(end) });
      }
    }
    return { init: { kind: 'list', items, line, ...(hasError ? { error: true as const } : {}) }, end: node.endIndex };
  }
  const end = node.endIndex;
  const text = foldSpace(src.text.slice(node.startIndex, end));
  return { init: type === 'ERROR' || hasError ? { kind: 'error', text, line } : { kind: 'expr', text, line }, end };
}

/** `[X]` → 'X' when it is the first designator of a chain, `[X]` after one (`X.params[1].type`); `.f` → '.f'. */
function designatorText(d: Node, inChain: boolean): string {
  if (d.type === 'subscript_designator')
    return inChain ? `[${foldSpace(d.text.replace(/^\[|\]$/g, ''))}]` : foldSpace(d.text.replace(/^\[|\]$/g, ''));
  if (d.type === 'field_designator') return foldSpace(d.text);
  return foldSpace(d.text);
}

/**
 * Splits `A | B | (C | D)` into its operands at any depth of parentheses that only group ORs,
 * so `(EC_FILE | EC_SYSCALL)` and `EC_FILE | EC_SYSCALL` are the same set.
 */
export function splitOr(expr: string): string[] {
  // A work list, not recursion: `(A | (B | (C | ...)))` may nest as deep as the input is long.
  const out: string[] = [];
  const todo = [expr];
  while (todo.length) {
    const parts = splitTopLevel(stripParens(todo.pop()!), '|')
      .map((p) => stripParens(p.trim()))
      .filter((p) => p !== '');
    if (parts.length === 1) out.push(parts[0]!);
    else for (let i = parts.length - 1; i >= 0; i--) todo.push(parts[i]!);
  }
  return out;
}

/**
 * Splits on a one-character separator outside parentheses, brackets and braces (`||` is not
 * split on `|`).
 */
export function splitTopLevel(expr: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i]!;
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    if (ch === ')' || ch === ']' || ch === '}') depth--;
    if (ch === sep && depth === 0 && expr[i + 1] !== sep && expr[i - 1] !== sep) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** Expression text with spacing normalised: `DIRFD_PARAM( 0 )` and `DIRFD_PARAM(0)` are the same. */
export function normExpr(s: string): string {
  return foldSpace(s).replace(/\s*([()[\],*])\s*/g, '$1');
}

/** `((A | B))` → `A | B`: the parentheses that enclose the whole expression, in one pass. */
export function stripParens(s: string): string {
  const t = s.trim();
  // close[i]: where the parenthesis opened at i closes (or -1).
  const close = new Int32Array(t.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(') open.push(i);
    else if (t[i] === ')') {
      const o = open.pop();
      if (o === undefined) return t;
      close[o] = i;
    }
  }
  if (open.length) return t;
  let a = 0;
  let b = t.length - 1;
  while (a < b && t[a] === '(' && close[a] === b) {
    a++;
    b--;
    while (a <= b && /\s/.test(t[a]!)) a++;
    while (b >= a && /\s/.test(t[b]!)) b--;
  }
  return t.slice(a, b + 1);
}

/** The distinct identifiers of a text (string literals' words included: harmless). */
export function namesIn(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z_]\w*/g) ?? [])];
}

/** Unquotes a C string literal (adjacent literals concatenated); null when it is not one. */
export function unquote(text: string): string | null {
  const t = text.trim();
  // The common case, one literal without escapes or inner quotes.
  if (
    t.length >= 2 &&
    t[0] === '"' &&
    t[t.length - 1] === '"' &&
    t.indexOf('"', 1) === t.length - 1 &&
    !t.includes('\\')
  )
    return t.slice(1, -1);
  if (!/^("(?:\\.|[^"\\])*"\s*)+$/.test(t)) return null;
  return [...t.matchAll(/"((?:\\.|[^"\\])*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1')).join('');
}

/**
 * Top-level declarations `<type> NAME[...] = { ... };` of the file, with the declarator name,
 * the array size expression (or null) and the initializer. Descends into ERROR nodes, where
 * tree-sitter sometimes leaves well-formed declarations.
 */
export interface ArrayDecl {
  name: string;
  typeText: string;
  size: string | null;
  init: Node;
  line: number;
}

export function arrayDeclarations(file: Pick<ParsedFile, 'descendants'>): ArrayDecl[] {
  const out: ArrayDecl[] = [];
  for (const { node: decl } of file.descendants(['init_declarator'])) {
    const declarator = decl.childForFieldName('declarator');
    const value = decl.childForFieldName('value');
    if (declarator?.type !== 'array_declarator' || value?.type !== 'initializer_list') continue;
    const nameNode = declarator.childForFieldName('declarator');
    const size = declarator.childForFieldName('size');
    const typeNode = decl.parent?.childForFieldName('type');
    out.push({
      name: nameNode?.text ?? '',
      typeText: typeNode ? foldSpace(typeNode.text) : '',
      size: size ? foldSpace(size.text) : null,
      init: value,
      line: lineOfNode(decl),
    });
  }
  return out;
}
