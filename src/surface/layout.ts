/**
 * C struct layouts (size, alignment, every field's offset) for the LP64 Linux targets the drivers
 * are built for (x86_64, aarch64, s390x, ppc64le, riscv64): natural alignment, 8-byte pointers
 * and `long`, 4-byte enums. Nothing is compiled: declarations come from the tree-sitter trees,
 * array sizes from `evaluate` over the revision's defines and enumerators.
 *
 * Two stages, both plain data so either can be cached per blob or per revision:
 * - `collectStructs(files)` reads struct definitions and typedefs out of the trees;
 * - `computeLayouts(decls, syms)` resolves types and lays the structs out.
 *
 * Attributes are read where gcc applies them: `packed` and `aligned(N)` (GNU or `[[gnu::...]]`
 * spellings, `_Alignas`/`alignas` on a field) between `struct` and the body or between the body
 * and the first declarator belong to the struct, before a member's declarators to all of them,
 * after one declarator to it alone; on a typedef, `aligned` sets the alignment of the new name.
 *
 * What cannot be computed exactly (bit-fields, unions, unknown types or array sizes, attributes
 * that change a layout in other ways) is listed in `unresolved`, and every number it makes
 * unknowable is -1: a wrong layout would be worse than none.
 */
import type { Node } from 'web-tree-sitter';
import { scalarType } from '../parse/c-types.js';
import { evaluateNumber, type SymbolTable } from '../parse/consteval.js';
import { lineOfNode, type ParsedFile } from '../parse/parser.js';
import { isOtherCompilerOnly, type Guard } from '../parse/preprocess.js';
import { MAX_NESTING } from '../limits.js';
import type { Loc } from './model.js';
import { record } from '../record.js';

// ---------------------------------------------------------------------------------------------
// Result types

export interface FieldLayout {
  name: string;
  /** Normalised spelling: `uint64_t`, `struct ppm_proc_info`, `uint8_t[131072]`, `pointer`. */
  type: string;
  /** Bytes from the start of the struct; -1 when an earlier field could not be laid out. */
  offset: number;
  /** -1 when unknown. */
  size: number;
  /** The alignment the field was placed with (after `packed` / `#pragma pack`); -1 when unknown. */
  align: number;
  line: number;
  /** `#if` conditions inside the struct body that enclose the field (it is still laid out). */
  conditional?: string[];
}

export interface StructLayout {
  /** Record key: the tag, else the typedef name, else `outer.field` for an anonymous struct member. */
  name: string;
  /** -1 when `unresolved` is set. */
  size: number;
  /** -1 when `unresolved` is set. */
  align: number;
  /** `__attribute__((packed))` / `_packed` on the struct. */
  packed: boolean;
  /** `#pragma pack` cap in force at the closing brace, when there is one. */
  pack?: number;
  fields: FieldLayout[];
  loc: Loc;
  /** Typedef names of this struct. */
  aliases?: string[];
  /** `#if` conditions enclosing the whole definition. */
  conditional?: string[];
  /** What could not be computed, e.g. an unknown type or array size. */
  unresolved?: string[];
  /**
   * When the builds lay it out differently (a field under a condition on the build, an
   * architecture, or one driver-semver cannot decide): each distinct layout and its builds.
   */
  byBuild?: Array<{ builds: string; size: number; fields: FieldLayout[] }>;
}

// ---------------------------------------------------------------------------------------------
// Declarations (stage 1)

/** A type as written, before typedefs and array sizes are resolved. */
export type TypeRef =
  /** A builtin spelling (`unsigned long long`, `uint64_t`, `__u64`) or a typedef name. */
  | { kind: 'name'; name: string }
  /** `struct tag`, or (tagged: false) a struct known only by its typedef name. */
  | { kind: 'struct'; name: string; tagged: boolean }
  /** `def`: an enum defined in place (no tag to look it up by). */
  | { kind: 'enum'; name: string; tagged: boolean; def?: EnumDecl }
  /** An anonymous struct defined in place (`struct { ... } x;`). */
  | { kind: 'inline'; decl: StructDecl }
  /** A typedef with `aligned(N)`: the type, with its alignment set to N (gcc lets a typedef lower it). */
  | { kind: 'aligned'; of: TypeRef; align: string }
  | { kind: 'pointer' }
  | { kind: 'function' }
  /** size: the expression as written; null for a flexible array member `x[]`. */
  | { kind: 'array'; of: TypeRef; size: string | null }
  /** Something laid out by rules we do not implement (unions, macro types). */
  | { kind: 'unsupported'; what: string }
  /** A type name whose definitions the file may see disagree (`why` says where). */
  | { kind: 'ambiguous'; name: string; why: string };

export interface FieldDecl {
  /** '' for an anonymous struct member (C11): its fields belong to the enclosing struct. */
  name: string;
  type: TypeRef;
  line: number;
  conditional?: string[];
  /** In a branch the default build does not take (`#else`, an MSVC-only branch); see defaultSelection. */
  untaken?: true;
  /** Where it was written, when not in the struct's own file (a field from an `#include`d file). */
  at?: Loc;
  /** Bit-field width as written. */
  bits?: string;
  /** `__attribute__((packed))` on the field. */
  packed?: boolean;
  /** Alignments asked for the field (`aligned(N)`, `_Alignas(N)`, `_Alignas(type)`), as written. */
  aligned?: string[];
  /** Why the field cannot be laid out, found while reading it (parse error, unknown attribute). */
  problems?: string[];
}

export interface StructDecl {
  name: string;
  tagged: boolean;
  aliases: string[];
  packed: boolean;
  /** `aligned(N)` on the struct, as written: its alignment is at least that (a `#pragma pack` does not cap it). */
  aligned?: string[];
  pack: number;
  fields: FieldDecl[];
  loc: Loc;
  /** Line of the closing brace: the `#pragma pack` in force there applies (GCC). */
  endLine: number;
  /** Last line of the declaration it is defined in (its `;`): attributes and macros up to there are read with it. */
  lastLine?: number;
  /** Every identifier of its declaration up to its `;`, as gcc reads it (see TableFact.names). */
  names?: string[];
  conditional?: string[];
  /** The definition sits in a branch the build does not take (`#else`/`#elif`), see branchTaken. */
  untaken?: boolean;
  problems?: string[];
}

/**
 * An enum definition, for its size (gcc): int-sized when every value fits in int or unsigned
 * int, else 8 bytes; `packed`, the smallest integer that holds every value; with a fixed
 * underlying type (C23 `enum e : uint8_t`), that type's size.
 */
export interface EnumDecl {
  /** The tag, else the first typedef name; '' for one defined in place without either. */
  name: string;
  aliases: string[];
  /** Enumerator names in order: their values are the revision's (SymbolTable.enumerators). */
  enumerators: string[];
  packed?: true;
  underlying?: TypeRef;
  problems?: string[];
  loc: Loc;
}

export interface StructDecls {
  structs: StructDecl[];
  /** Enum definitions (their sizes depend on their values and attributes). */
  enums?: EnumDecl[];
  /** Typedef name → what it names. */
  typedefs: Record<string, TypeRef>;
  /** Every typedef with its line, alternatives under #if included (the surface picks per build). */
  typedefList?: Array<{ name: string; type: TypeRef; line: number }>;
}

/** Attributes that do not change a layout. */
const LAYOUT_NEUTRAL_ATTRIBUTES = new Set([
  'preserve_access_index',
  'unused',
  'used',
  'deprecated',
  'may_alias',
  'designated_init',
  'visibility',
]);

/** Per-file helpers the readers share. */
class FileReader {
  private lines: string[];
  /** Struct definitions open around the one being read (they nest as deep as the input wants). */
  depth = 0;

  constructor(readonly file: ParsedFile) {
    this.lines = file.pre.c.spliced.split('\n');
  }

  loc(node: Node): Loc {
    return { path: this.file.path, line: lineOfNode(node) };
  }

  guards(line: number): Guard[] {
    return this.file.pre.guardsAt(line);
  }

  /**
   * Whether a guard's branch is part of the build we lay out: the first branch of every
   * conditional (so `#ifdef FEATURE` fields are included), except that MSVC/Windows-only
   * branches are never taken and the `#else` after one always is.
   */
  branchTaken(g: Guard): boolean {
    if (isOtherCompilerOnly(g)) return false;
    const directive = /^\s*#\s*(\w+)/.exec(this.lines[g.line - 1] ?? '')?.[1];
    if (directive === 'else' || directive === 'elif') return /\b(_MSC_VER|_WIN32|_WIN64)\b/.test(g.condition);
    return true;
  }

  /** The text gcc reads of [start, end): comments blanked, the annotations preprocessing blanked for the grammar (`_packed`) still in it. */
  original(start: number, end: number): string {
    return this.file.pre.c.text.slice(start, end);
  }
}

/**
 * Struct definitions and typedefs of the given files, in file order. Reads
 * `struct X {...};`, `typedef struct {...} X;`, `typedef struct X {...} Y;`, struct definitions
 * nested in other structs, and anonymous struct members.
 */
export function collectStructs(files: ParsedFile[]): StructDecls {
  const structs: StructDecl[] = [];
  const enums: EnumDecl[] = [];
  const typedefs = record<TypeRef>();
  const typedefList: NonNullable<StructDecls['typedefList']> = [];
  for (const file of files) {
    const reader = new FileReader(file);
    // The tree is walked inside wasm (ParsedFile.descendants), far faster than visiting every node from JS.
    for (const { node, type } of file.descendants(['struct_specifier', 'type_definition', 'enum_specifier'])) {
      if (type === 'struct_specifier' && node.childForFieldName('body')) {
        const decl = readTopStruct(reader, node);
        if (decl) structs.push(decl);
      } else if (type === 'type_definition') {
        readTypedef(reader, node, typedefs, typedefList);
      } else if (type === 'enum_specifier' && node.childForFieldName('body')) {
        const decl = readEnum(reader, node);
        if (decl.name) enums.push(decl);
      }
    }
  }
  return { structs, enums, typedefs, typedefList };
}

/** The names a `typedef` around a struct or enum specifier gives it (`typedef struct {…} a, b;`), none outside one. */
function typedefNamesOf(node: Node): string[] {
  const parent = node.parent;
  if (parent?.type !== 'type_definition') return [];
  return parent
    .childrenForFieldName('declarator')
    .filter((d) => d.type === 'type_identifier')
    .map((d) => d.text);
}

/** An enum definition: its enumerators' names, its attributes and underlying type (see EnumDecl). */
function readEnum(reader: FileReader, node: Node): EnumDecl {
  const body = node.childForFieldName('body')!;
  const typedefNames = typedefNamesOf(node);
  const tag = node.childForFieldName('name')?.text;
  const name = tag ?? typedefNames[0] ?? '';
  const { stop } = declarationTail(reader, node, body.endIndex);
  const attrs = readAttributes(
    `${reader.original(node.startIndex, body.startIndex)} ${reader.original(body.endIndex, stop)}`,
    `enum ${name || '<anonymous>'}`,
  );
  const problems = [
    ...attrs.problems,
    ...(attrs.aligned.length ? [`attribute aligned on enum ${name || '<anonymous>'}`] : []),
  ];
  // An X-macro expansion in the body does not parse (the surface reads it again expanded, see
  // api.ts): only a packed enum, whose size depends on every value, needs it whole.
  if (body.hasError && attrs.packed) problems.push(`packed enum ${name || '<anonymous>'} does not parse cleanly`);
  const decl: EnumDecl = {
    name,
    aliases: tag ? typedefNames : typedefNames.slice(1),
    enumerators: body.namedChildren
      .filter((c) => c?.type === 'enumerator')
      .map((c) => c!.childForFieldName('name')!.text),
    loc: reader.loc(node),
  };
  const underlying = node.childForFieldName('underlying_type');
  if (underlying) decl.underlying = typeOf(reader, underlying, name);
  if (attrs.packed) decl.packed = true;
  if (problems.length) decl.problems = problems;
  return decl;
}

/** A struct definition with file scope; null for an anonymous one (handled by its user). */
function readTopStruct(reader: FileReader, node: Node): StructDecl | null {
  const tag = node.childForFieldName('name')?.text ?? null;
  const typedefNames = typedefNamesOf(node);
  const name = tag ?? typedefNames[0];
  if (name === undefined) return null;
  const aliases = tag ? typedefNames : typedefNames.slice(1);
  return readStructBody(reader, node, name, tag !== null, aliases);
}

function readStructBody(reader: FileReader, node: Node, name: string, tagged: boolean, aliases: string[]): StructDecl {
  if (reader.depth >= MAX_NESTING) {
    return {
      name,
      tagged,
      aliases,
      packed: false,
      pack: 0,
      fields: [],
      loc: reader.loc(node),
      endLine: lineOfNode(node),
      problems: [`structs defined in structs nested more than ${MAX_NESTING} deep`],
    };
  }
  reader.depth++;
  try {
    return readStructDefinition(reader, node, name, tagged, aliases);
  } finally {
    reader.depth--;
  }
}

function readStructDefinition(
  reader: FileReader,
  node: Node,
  name: string,
  tagged: boolean,
  aliases: string[],
): StructDecl {
  const body = node.childForFieldName('body')!;
  const startLine = lineOfNode(node);
  const endLine = body.endPosition.row + 1;
  const outerGuards = reader.guards(startLine);
  const problems: string[] = [];

  // Attributes may sit before the tag (`struct __attribute__((packed)) x {`) or after the body
  // (`} _packed;`): read the original text, since preprocessing blanked `_packed`. Attributes
  // after the first declarator are the declarator's (a variable, a member, a typedef name).
  const { stop, end } = declarationTail(reader, node, body.endIndex);
  const attrs = readAttributes(
    `${reader.original(node.startIndex, body.startIndex)} ${reader.original(body.endIndex, stop)}`,
    `struct ${name}`,
  );
  problems.push(...attrs.problems);
  if (body.hasError) problems.push(`struct ${name} does not parse cleanly`);

  const decl: StructDecl = {
    name,
    tagged,
    aliases,
    packed: attrs.packed,
    // GCC applies the pack state in force when the struct is completed, i.e. at its closing brace.
    pack: reader.file.pre.packAt(endLine),
    fields: [],
    loc: reader.loc(node),
    endLine,
    // Every name of the declaration as written (preprocessing blanked some): a macro among them
    // (a field, an attribute) makes the surface read it again expanded (reread.ts).
    names: [...new Set(reader.original(node.startIndex, end).match(/[A-Za-z_]\w*/g) ?? [])],
  };
  if (attrs.aligned.length) decl.aligned = attrs.aligned;
  const lastLine = reader.file.lineAt(Math.max(end - 1, node.startIndex));
  if (lastLine > endLine) decl.lastLine = lastLine;
  if (outerGuards.length) decl.conditional = outerGuards.map((g) => g.condition);
  if (!outerGuards.every((g) => reader.branchTaken(g))) decl.untaken = true;

  for (const child of body.namedChildren) {
    if (!child) continue;
    if (child.type === 'field_declaration') readField(reader, child, decl, outerGuards.length);
    else if (child.type === 'ERROR') problems.push(`unreadable text in struct ${name} at line ${lineOfNode(child)}`);
    // preproc_def, preproc_call (#pragma), comments: no storage.
  }
  if (problems.length) decl.problems = problems;
  return decl;
}

function readField(reader: FileReader, node: Node, outer: StructDecl, outerDepth: number): void {
  const line = lineOfNode(node);
  const inner = reader.guards(line).slice(outerDepth);
  // Every field is kept: which build compiles it is decided when the struct is laid out.
  const untaken = !inner.every((g) => reader.branchTaken(g));
  const conditional = inner.map((g) => g.condition);

  const typeNode = node.childForFieldName('type');
  const declarators = node.childrenForFieldName('declarator');
  const parseProblems: string[] = [];
  if (node.hasError) parseProblems.push(`field at line ${line} does not parse cleanly`);
  // Attributes before the declarators apply to every one, those after a declarator to it alone.
  // A struct defined in place carries its own attributes (read by readStructBody): skip its text.
  const specifiers = typeNode?.childForFieldName('body')
    ? reader.original(node.startIndex, typeNode.startIndex)
    : reader.original(node.startIndex, declarators[0]?.startIndex ?? node.endIndex);
  const attributesOf = (d: Node | undefined): Attributes => {
    const i = d ? declarators.indexOf(d) : -1;
    const own = d ? reader.original(d.startIndex, declarators[i + 1]?.startIndex ?? node.endIndex) : '';
    return readAttributes(`${specifiers} ${own}`, `line ${line}`);
  };
  const bits = node.namedChildren.find((c) => c?.type === 'bitfield_clause')?.namedChildren[0]?.text;

  const push = (name: string, type: TypeRef, at: number, d?: Node): void => {
    const field: FieldDecl = { name, type, line: at };
    const attrs = attributesOf(d);
    const problems = [...parseProblems, ...attrs.problems];
    if (conditional.length) field.conditional = conditional;
    if (untaken) field.untaken = true;
    if (bits !== undefined) field.bits = squash(bits);
    if (attrs.packed) field.packed = true;
    if (attrs.aligned.length) field.aligned = attrs.aligned;
    if (problems.length) field.problems = problems;
    outer.fields.push(field);
  };

  if (!typeNode) {
    push('', { kind: 'unsupported', what: squash(node.text) }, line);
    return;
  }
  if (declarators.length === 0) {
    // `struct { ... };` inside a struct is an anonymous member (C11); a tagged one is only a
    // nested definition (collected on its own) and takes no room.
    const hasBody = typeNode.childForFieldName('body') !== null;
    const tag = typeNode.childForFieldName('name');
    if (typeNode.type === 'struct_specifier' && hasBody && !tag) {
      push(
        '',
        { kind: 'inline', decl: readStructBody(reader, typeNode, `${outer.name}.<anonymous@${line}>`, false, []) },
        line,
      );
    } else if (typeNode.type === 'union_specifier' && hasBody && !tag) {
      push('', { kind: 'unsupported', what: 'anonymous union' }, line);
    } else if (!(hasBody && tag)) {
      push('', { kind: 'unsupported', what: squash(node.text) }, line);
    }
    return;
  }
  // The first declarator names an anonymous struct defined in place.
  const firstName = declaratorName(declarators[0]!) ?? `<field@${line}>`;
  const base = typeOf(reader, typeNode, `${outer.name}.${firstName}`);
  for (const d of declarators) {
    const declared = applyDeclarator(d, base);
    if (declared) push(declared.name, declared.type, lineOfNode(d), d);
    else push(squash(d.text), { kind: 'unsupported', what: `declarator ${squash(d.text)}` }, lineOfNode(d), d);
  }
}

/**
 * Where the struct-level attributes after a body stop (the first declarator of the declaration
 * it is defined in, or its `;`), and where that declaration ends.
 */
function declarationTail(reader: FileReader, node: Node, from: number): { stop: number; end: number } {
  const parent = node.parent;
  if (
    parent &&
    (parent.type === 'field_declaration' || parent.type === 'declaration' || parent.type === 'type_definition') &&
    parent.childForFieldName('type')?.id === node.id
  ) {
    return { stop: parent.childrenForFieldName('declarator')[0]?.startIndex ?? parent.endIndex, end: parent.endIndex };
  }
  const pre = reader.file.pre.text;
  let stop = from;
  while (stop < pre.length && pre[stop] !== ';' && pre[stop] !== '{' && pre[stop] !== '}') stop++;
  return { stop, end: Math.min(pre.length, stop + 1) };
}

function readTypedef(
  reader: FileReader,
  node: Node,
  typedefs: Record<string, TypeRef>,
  list: NonNullable<StructDecls['typedefList']>,
): void {
  const typeNode = node.childForFieldName('type');
  if (!typeNode) return;
  const declarators = node.childrenForFieldName('declarator');
  const plain = declarators.find((d) => d.type === 'type_identifier')?.text;
  let base: TypeRef;
  const tag = typeNode.childForFieldName('name')?.text;
  const hasBody = typeNode.childForFieldName('body') !== null;
  if (typeNode.type === 'struct_specifier' && !tag) {
    // `typedef struct {...} X, *PX;`: the struct is known by its first plain typedef name.
    if (!hasBody || !plain) return;
    base = { kind: 'struct', name: plain, tagged: false };
  } else if (typeNode.type === 'enum_specifier' && !tag) {
    base = {
      kind: 'enum',
      name: plain ?? '<anonymous>',
      tagged: false,
      ...(hasBody ? { def: readEnum(reader, typeNode) } : {}),
    };
  } else base = typeOf(reader, typeNode, plain ?? '<typedef>');
  // Attributes before the declarators (the struct's own aside) apply to every name, those after one to it alone.
  const specifiers = hasBody
    ? reader.original(node.startIndex, typeNode.startIndex)
    : reader.original(node.startIndex, declarators[0]?.startIndex ?? node.endIndex);
  declarators.forEach((d, i) => {
    const declared = applyDeclarator(d, base);
    if (!declared) return;
    const own = reader.original(d.startIndex, declarators[i + 1]?.startIndex ?? node.endIndex);
    const type = typedefType(declared.type, readAttributes(`${specifiers} ${own}`, `typedef ${declared.name}`));
    list.push({ name: declared.name, type, line: lineOfNode(d) });
    if (!Object.hasOwn(typedefs, declared.name)) typedefs[declared.name] = type;
  });
}

/** A typedef's type with its attributes: `aligned(N)` sets the alignment; `packed` is ignored there (gcc warns). */
function typedefType(type: TypeRef, attrs: Attributes): TypeRef {
  if (attrs.problems.length) return { kind: 'unsupported', what: attrs.problems.join('; ') };
  // Several aligned(N): gcc keeps the last one.
  const align = attrs.aligned[attrs.aligned.length - 1];
  return align === undefined ? type : { kind: 'aligned', of: type, align };
}

/** The base type of a declaration, from its type specifier. */
function typeOf(reader: FileReader, node: Node, inlineName: string): TypeRef {
  switch (node.type) {
    case 'primitive_type':
    case 'type_identifier':
    case 'sized_type_specifier':
      return { kind: 'name', name: squash(node.text) };
    case 'struct_specifier': {
      const tag = node.childForFieldName('name')?.text;
      if (tag) return { kind: 'struct', name: tag, tagged: true };
      if (node.childForFieldName('body'))
        return { kind: 'inline', decl: readStructBody(reader, node, inlineName, false, []) };
      return { kind: 'unsupported', what: squash(node.text) };
    }
    case 'enum_specifier': {
      const tag = node.childForFieldName('name')?.text;
      // Defined in place without a tag: it can only be known by its definition.
      if (!tag && node.childForFieldName('body'))
        return { kind: 'enum', name: '<anonymous>', tagged: true, def: readEnum(reader, node) };
      return { kind: 'enum', name: tag ?? '<anonymous>', tagged: true };
    }
    case 'union_specifier':
      return { kind: 'unsupported', what: `union ${node.childForFieldName('name')?.text ?? '<anonymous>'}` };
    default:
      return { kind: 'unsupported', what: squash(node.text) };
  }
}

/**
 * C's inside-out declarator rule: `int *a[3]` is an array of pointers, `int (*a)[3]` a pointer.
 * A loop, not recursion: a declarator may nest as deep as the input is long (`int ********x`).
 */
function applyDeclarator(node: Node, base: TypeRef): { name: string; type: TypeRef } | null {
  let type = base;
  for (let n: Node | null | undefined = node; n; ) {
    switch (n.type) {
      case 'field_identifier':
      case 'identifier':
      case 'type_identifier':
        return { name: n.text, type };
      case 'pointer_declarator':
        type = { kind: 'pointer' };
        n = n.childForFieldName('declarator');
        break;
      case 'array_declarator': {
        const size = n.childForFieldName('size');
        type = { kind: 'array', of: type, size: size ? squash(size.text) : null };
        n = n.childForFieldName('declarator');
        break;
      }
      case 'function_declarator':
        type = { kind: 'function' };
        n = n.childForFieldName('declarator');
        break;
      case 'parenthesized_declarator':
      case 'attributed_declarator':
        n = n.namedChildren.find((c) => c !== null && c.type !== 'attribute_specifier' && c.type !== 'type_qualifier');
        break;
      default:
        return null;
    }
  }
  return null;
}

function declaratorName(node: Node): string | null {
  for (let n: Node | null | undefined = node; n; ) {
    if (n.type === 'field_identifier' || n.type === 'identifier' || n.type === 'type_identifier') return n.text;
    n = n.childForFieldName('declarator') ?? n.namedChildren.find((c) => c?.type.endsWith('declarator'));
  }
  return null;
}

/** A macro body that names a type (`uint64_t`, `unsigned long`, `struct x`, `uint8_t *`), as a TypeRef. */
function typeSpelling(body: string): TypeRef | null {
  const text = squash(body.replace(/\b(const|volatile)\b/g, ''));
  if (/^[\w\s]+\*+$/.test(text)) return { kind: 'pointer' };
  const tagged = /^(struct|enum) (\w+)$/.exec(text);
  if (tagged) return { kind: tagged[1] as 'struct' | 'enum', name: tagged[2]!, tagged: true };
  return /^\w+( \w+)*$/.test(text) ? { kind: 'name', name: text } : null;
}

/** Collapses whitespace (comments were blanked, so expressions can carry runs of spaces). */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function attrName(attr: string): string {
  return attr.replace(/\(.*$/s, '').replace(/^__(.*)__$/, '$1');
}

/** The text from the `(` at `open` to its matching `)` (both included); to the end when unbalanced. */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/**
 * The attributes in a stretch of original text, in order: `_packed`/`__packed` and
 * `__aligned(N)` (the driver's and the kernel's macros for the GNU attributes, when the tree does
 * not define them otherwise: then the surface reads the text again expanded), each entry of every
 * `__attribute__((...))` and `[[...]]` (a `gnu::` prefix dropped), and `_Alignas(X)`/`alignas(X)`
 * as `aligned(X)`. `__packed__` is normalised to `packed`.
 */
export function attributesIn(text: string): string[] {
  const out: Array<[number, string]> = [];
  const add = (at: number, a: string) => {
    const attr = squash(a).replace(/^(?:__)?(?:gnu|clang)(?:__)?\s*::\s*/, '');
    if (attr) out.push([at, attrName(attr) === 'packed' ? 'packed' : attr]);
  };
  for (const m of text.matchAll(/\b_{1,2}packed\b/g)) add(m.index!, 'packed');
  for (const m of text.matchAll(/\b(?:__aligned|_Alignas|alignas)\s*\(/g))
    add(m.index!, `aligned${balanced(text, m.index! + m[0].length - 1)}`);
  for (const m of text.matchAll(/\b__attribute__\s*\(/g)) {
    const inner = balanced(text, m.index! + m[0].length - 1)
      .slice(1, -1)
      .trim();
    if (!inner.startsWith('(') || !inner.endsWith(')')) continue;
    for (const part of splitTopLevel(inner.slice(1, -1))) add(m.index!, part);
  }
  for (const m of text.matchAll(/\[\s*\[/g)) {
    const close = text.indexOf(']]', m.index!);
    if (close < 0) continue;
    for (const part of splitTopLevel(text.slice(m.index! + m[0].length, close))) add(m.index!, part);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, a]) => a);
}

/** What the attributes of a declaration ask of a layout. */
interface Attributes {
  packed: boolean;
  /** Alignments asked for (`aligned(N)`, `_Alignas(N)`, `_Alignas(type)`), as written. */
  aligned: string[];
  /** Attributes that change a layout in a way not computed here. */
  problems: string[];
}

function readAttributes(text: string, where: string): Attributes {
  const out: Attributes = { packed: false, aligned: [], problems: [] };
  for (const attr of attributesIn(text)) {
    const name = attrName(attr);
    if (name === 'packed') out.packed = true;
    else if (name === 'aligned') {
      const arg = /^[^(]*\((.*)\)$/s.exec(attr)?.[1]?.trim();
      if (arg) out.aligned.push(arg);
      // Without a value: the target's largest alignment, which differs between architectures (8 on s390x, 16 elsewhere).
      else out.problems.push(`attribute aligned without a value on ${where}`);
    } else if (!LAYOUT_NEUTRAL_ATTRIBUTES.has(name)) out.problems.push(`attribute ${attr} on ${where}`);
  }
  return out;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Types and layout (stage 2)

type Resolved = { type: string; size: number; align: number } | { problem: string; type: string };

const POINTER = { type: 'pointer', size: 8, align: 8 };
const ENUM_SIZE = 4;

function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** Splices an array dimension in before the element type's own: `int[4]` of 3 is `int[3][4]`. */
function arrayType(elem: string, dim: string): string {
  const i = elem.indexOf('[');
  return i < 0 ? `${elem}[${dim}]` : `${elem.slice(0, i)}[${dim}]${elem.slice(i)}`;
}

/**
 * Which definitions and fields one build compiles, and the `#pragma pack` it sees. The default
 * takes the first branch of every conditional (never an MSVC- or Windows-only one); the surface
 * passes one selection per build configuration (surface/api.ts).
 */
export interface LayoutSelection {
  /** The definitions this build compiles, most preferred first (the first of a name wins). */
  decls(structs: StructDecl[]): StructDecl[];
  field(decl: StructDecl, f: FieldDecl): boolean;
  /** The pack cap at the struct's closing brace; null when the build may or may not have one. */
  pack(decl: StructDecl): number | null;
}

export const defaultSelection: LayoutSelection = {
  // The first taken definition wins; a definition in an untaken branch only fills a gap.
  decls: (structs) => [...structs.filter((s) => !s.untaken), ...structs.filter((s) => s.untaken)],
  field: (_decl, f) => !f.untaken,
  pack: (decl) => decl.pack,
};

class LayoutEngine {
  private decls = new Map<string, StructDecl>();
  private layouts = new Map<string, StructLayout>();
  private inProgress = new Set<string>();
  /** Files of the structs being laid out, innermost last: their macros and typedefs size arrays and name types. */
  private files: string[] = [];
  private symbols = new Map<string, SymbolTable>();

  /** Enum definitions by tag and typedef name (the first of a name wins, as for structs). */
  private enumDecls = new Map<string, EnumDecl>();

  constructor(
    structs: StructDecl[],
    private typedefsOf: (path: string) => Record<string, TypeRef>,
    private symsOf: (path: string) => SymbolTable,
    private select: LayoutSelection = defaultSelection,
    enums: EnumDecl[] = [],
  ) {
    for (const s of select.decls(structs)) if (!this.decls.has(s.name)) this.decls.set(s.name, s);
    for (const e of enums) for (const n of [e.name, ...e.aliases]) if (!this.enumDecls.has(n)) this.enumDecls.set(n, e);
  }

  /**
   * An enum's size and alignment as gcc gives them (see EnumDecl). A value that cannot be
   * computed counts as int-sized (it is reported where the enum is read); a packed enum needs
   * them all. An enum the tree does not define (or that does not parse) is not known: every
   * enum of the drivers' ABI is defined in the tree.
   */
  private enumLayout(t: Extract<TypeRef, { kind: 'enum' }>, depth: number): Resolved {
    const def = t.def ?? this.enumDecls.get(t.name);
    const int = { type: 'enum', size: ENUM_SIZE, align: ENUM_SIZE };
    if (!def) return { problem: `enum ${t.name} has no definition driver-semver can read`, type: 'enum' };
    if (def.problems?.length) return { problem: def.problems.join('; '), type: 'enum' };
    if (def.underlying) {
      const r = this.resolve(def.underlying, depth + 1);
      return 'problem' in r ? r : { type: 'enum', size: r.size, align: r.align };
    }
    const values = def.enumerators.map((n) => this.syms.enumerators.get(n));
    const known = values.filter((v): v is bigint => v !== undefined);
    const lo = known.reduce((a, b) => (b < a ? b : a), 0n);
    const hi = known.reduce((a, b) => (b > a ? b : a), 0n);
    const fits = (bytes: number): boolean => {
      const bits = BigInt(bytes * 8);
      return lo < 0n ? lo >= -(1n << (bits - 1n)) && hi < 1n << (bits - 1n) : hi < 1n << bits;
    };
    if (def.packed) {
      const missing = def.enumerators.find((_, i) => values[i] === undefined);
      if (missing !== undefined)
        return {
          problem: `enum ${def.name || '<anonymous>'} is packed and the value of ${missing} is not known`,
          type: 'enum',
        };
      const size = [1, 2, 4, 8].find(fits);
      return size
        ? { type: 'enum', size, align: size }
        : { problem: `enum ${def.name} has values beyond 64 bits`, type: 'enum' };
    }
    // int or unsigned int when every value fits one of them, else 8 bytes (a GNU extension).
    const inInt = lo >= -(1n << 31n) && hi < 1n << 31n;
    return inInt || fits(4) ? int : { type: 'enum', size: 8, align: 8 };
  }

  /** The typedefs the file of the struct being laid out sees. */
  private get typedefs(): Record<string, TypeRef> {
    return this.typedefsOf(this.files[this.files.length - 1] ?? '');
  }

  /** The symbols of the struct being laid out: `sizeof(struct x)` in an array size resolves through the layouts themselves. */
  private get syms(): SymbolTable {
    const path = this.files[this.files.length - 1] ?? '';
    let s = this.symbols.get(path);
    if (!s) {
      const base = this.symsOf(path);
      s = {
        ...base,
        sizeOf: (name) => base.sizeOf?.(name) ?? this.sizeOfSpelling(name),
        scalarOf: (name) => base.scalarOf?.(name) ?? this.scalarOfTypedef(name),
      };
      this.symbols.set(path, s);
    }
    return s;
  }

  /** A struct and the anonymous structs defined in its fields, each under its own key. */
  private register(s: StructDecl, asEntry = true): void {
    if (asEntry && !this.decls.has(s.name)) this.decls.set(s.name, s);
    for (const f of s.fields) {
      let t = f.type;
      while (t.kind === 'array') t = t.of;
      // An anonymous member's fields are reported in its parent, so it gets no entry of its own.
      if (t.kind === 'inline') this.register(t.decl, f.name !== '');
    }
  }

  /** Every struct, the named structs defined in fields included (each under `outer.field`). */
  all(): Record<string, StructLayout> {
    for (const s of [...this.decls.values()]) this.register(s, false);
    const out = record<StructLayout>();
    for (const name of this.decls.keys()) out[name] = this.layout(name);
    return out;
  }

  /** The layout of one struct (and what it needs), or null when this build has no definition of it. */
  one(name: string): StructLayout | null {
    return this.decls.has(name) ? this.layout(name) : null;
  }

  private sizeOfSpelling(spelling: string): number | null {
    const m = /^(struct|enum) (\S+)$/.exec(spelling);
    const ref: TypeRef = m
      ? { kind: m[1] as 'struct' | 'enum', name: m[2]!, tagged: true }
      : { kind: 'name', name: spelling };
    const r = this.resolve(ref, 0);
    return 'problem' in r ? null : r.size;
  }

  /** The scalar type a typedef name stands for (`typedef unsigned char u_char;`), for a cast in an array size. */
  private scalarOfTypedef(name: string): string | null {
    if (!Object.hasOwn(this.typedefs, name)) return null;
    const r = this.resolve({ kind: 'name', name }, 0);
    return 'problem' in r || !(r.type === 'enum' || scalarType(r.type)) ? null : r.type;
  }

  layout(name: string, decl = this.decls.get(name)!): StructLayout {
    const done = this.layouts.get(name);
    if (done) return done;
    const unresolved = [...(decl.problems ?? [])];
    if (this.inProgress.size >= MAX_NESTING) {
      unresolved.push(`structs nested more than ${MAX_NESTING} deep`);
      return { name, size: -1, align: -1, packed: decl.packed, fields: [], loc: decl.loc, unresolved };
    }
    this.inProgress.add(name);
    this.files.push(decl.loc.path);
    const fields: FieldLayout[] = [];
    let offset = 0;
    let maxAlign = 1;
    const pack = this.select.pack(decl);
    if (pack === null)
      unresolved.push(
        'the #pragma pack in force at its closing brace is not known (set under a condition driver-semver cannot decide, in a form it does not read, or by a file that includes its header)',
      );
    let known = unresolved.length === 0;

    // gcc: packed lowers a member's alignment to 1, aligned(N) / _Alignas(N) raise it (packed or
    // not), and a #pragma pack cap applies last, to both.
    const placeAlign = (natural: number, f: FieldDecl): number | string => {
      let a = decl.packed || f.packed ? 1 : natural;
      for (const expr of f.aligned ?? []) {
        const n = this.alignment(expr);
        if (typeof n === 'string') return n;
        a = Math.max(a, n);
      }
      return pack ? Math.min(a, pack) : a;
    };

    for (const f of decl.fields) {
      if (!this.select.field(decl, f)) continue;
      const r: Resolved =
        f.bits !== undefined
          ? {
              problem: `bit-field ${f.name || '<anonymous>'} : ${f.bits}`,
              type: `${this.resolve(f.type, 0).type}:${f.bits}`,
            }
          : f.problems?.length
            ? { problem: f.problems.join('; '), type: 'unknown' }
            : this.resolve(f.type, 0);
      const base = { line: f.line, ...(f.conditional ? { conditional: f.conditional } : {}) };
      if ('problem' in r) {
        unresolved.push(`${f.name || '<anonymous member>'}: ${r.problem}`);
        known = false;
        if (f.name !== '') fields.push({ name: f.name, type: r.type, offset: -1, size: -1, align: -1, ...base });
        continue;
      }
      const align = placeAlign(r.align, f);
      if (typeof align === 'string') {
        unresolved.push(`${f.name || '<anonymous member>'}: ${align}`);
        known = false;
        if (f.name !== '') fields.push({ name: f.name, type: r.type, offset: -1, size: -1, align: -1, ...base });
        continue;
      }
      maxAlign = Math.max(maxAlign, align);
      const at = known ? alignUp(offset, align) : -1;
      if (known) offset = at + r.size;
      if (f.name === '' && f.type.kind === 'inline') {
        // An anonymous member: its fields are this struct's fields, shifted by its offset.
        for (const sub of this.layout(f.type.decl.name, f.type.decl).fields) {
          const conditional = [...(f.conditional ?? []), ...(sub.conditional ?? [])];
          fields.push({
            ...sub,
            offset: at < 0 || sub.offset < 0 ? -1 : at + sub.offset,
            ...(conditional.length ? { conditional } : {}),
          });
        }
        continue;
      }
      fields.push({ name: f.name, type: r.type, offset: at, size: r.size, align, ...base });
    }

    // aligned(N) on the struct raises its alignment (never lowers it; a #pragma pack does not cap it).
    for (const expr of decl.aligned ?? []) {
      const n = this.alignment(expr);
      if (typeof n === 'string') {
        unresolved.push(n);
        known = false;
      } else maxAlign = Math.max(maxAlign, n);
    }
    const result: StructLayout = {
      name,
      size: known ? alignUp(offset, maxAlign) : -1,
      align: known ? maxAlign : -1,
      packed: decl.packed,
      fields,
      loc: decl.loc,
    };
    if (pack) result.pack = pack;
    if (decl.aliases.length) result.aliases = decl.aliases;
    if (decl.conditional) result.conditional = decl.conditional;
    if (unresolved.length) result.unresolved = unresolved;
    this.inProgress.delete(name);
    this.files.pop();
    this.layouts.set(name, result);
    return result;
  }

  /** An alignment as written (`16`, `sizeof(long)`, a macro, or a type for `_Alignas(type)`); a problem when it is not a power of two. */
  private alignment(expr: string): number | string {
    let n = evaluateNumber(expr, this.syms);
    if (n === null) {
      const t = typeSpelling(expr);
      const r = t ? this.resolve(t, 0) : null;
      if (r && !('problem' in r)) n = r.align;
    }
    if (n === null) return `alignment '${expr}' cannot be evaluated`;
    if (n <= 0 || (n & (n - 1)) !== 0) return `alignment '${expr}' is ${n}, not a power of two`;
    return n;
  }

  private structRef(name: string, spelled: string, decl?: StructDecl): Resolved {
    const d = decl ?? this.decls.get(name);
    if (!d) return { problem: `unknown type ${spelled}`, type: spelled };
    if (this.inProgress.has(name)) return { problem: `${spelled} contains itself`, type: spelled };
    const l = this.layout(name, d);
    if (l.unresolved) return { problem: `${spelled} has an unresolved layout`, type: spelled };
    return { type: spelled, size: l.size, align: l.align };
  }

  resolve(t: TypeRef, depth: number): Resolved {
    if (depth > 32) return { problem: 'typedef chain too deep', type: 'unknown' };
    switch (t.kind) {
      case 'pointer':
        return POINTER;
      case 'enum':
        // Its name is not layout (libs' `enum ppm_event_type` became the typedef
        // `ppm_event_code`), so the normalised spelling is just `enum`.
        return this.enumLayout(t, depth);
      case 'struct':
        return this.structRef(t.name, t.tagged ? `struct ${t.name}` : t.name);
      case 'inline':
        return this.structRef(t.decl.name, `struct ${t.decl.name}`, t.decl);
      case 'function':
        return { problem: 'a function type has no size', type: 'function' };
      case 'unsupported':
        return { problem: `unsupported ${t.what}`, type: t.what };
      case 'ambiguous':
        return { problem: t.why, type: t.name };
      case 'aligned': {
        const r = this.resolve(t.of, depth + 1);
        if ('problem' in r) return r;
        const n = this.alignment(t.align);
        return typeof n === 'string' ? { problem: n, type: r.type } : { ...r, align: n };
      }
      case 'name': {
        // The preprocessor runs first: `#define uint32_t uint64_t` makes every uint32_t field 8 bytes.
        const alias = this.syms.macros.get(t.name);
        if (alias && alias.params === null && depth < 32) {
          const spelled = typeSpelling(alias.body);
          if (spelled) return this.resolve(spelled, depth + 1);
          return { problem: `macro ${t.name} stands for '${alias.body.slice(0, 40)}', not a type`, type: t.name };
        }
        // Builtin spellings first: a header's own `typedef ... uint64_t` must not change the spelling.
        const s = scalarType(t.name);
        if (s) return { type: s.type, size: s.size, align: s.size };
        const typedefs = this.typedefs;
        if (Object.hasOwn(typedefs, t.name)) return this.resolve(typedefs[t.name]!, depth + 1);
        if (t.name === 'void') return { problem: 'void has no size', type: 'void' };
        return { problem: `unknown type ${t.name}`, type: t.name };
      }
      case 'array': {
        const elem = this.resolve(t.of, depth + 1);
        if (t.size === null) {
          // Flexible array member: no storage, but it still aligns the struct.
          return 'problem' in elem
            ? { ...elem, type: arrayType(elem.type, '') }
            : { type: arrayType(elem.type, ''), size: 0, align: elem.align };
        }
        const n = evaluateNumber(t.size, this.syms);
        if ('problem' in elem) return { ...elem, type: arrayType(elem.type, n === null ? t.size : String(n)) };
        if (n === null || n < 0)
          return { problem: `array size '${t.size}' cannot be evaluated`, type: arrayType(elem.type, t.size) };
        // `x[0]` (the GNU spelling) and `x[]` are the same flexible array member.
        return { type: arrayType(elem.type, n === 0 ? '' : String(n)), size: n * elem.size, align: elem.align };
      }
    }
  }
}

/**
 * Lays out every struct in `decls` (keyed by StructLayout.name). `syms` supplies the defines and
 * enumerators array sizes use; `sizeof(struct x)` in a size is answered from the layouts.
 */
export function computeLayouts(
  decls: StructDecls,
  syms: SymbolTable,
  select?: LayoutSelection,
): Record<string, StructLayout> {
  return new LayoutEngine(
    decls.structs,
    () => decls.typedefs,
    () => syms,
    select,
    decls.enums,
  ).all();
}

/**
 * Lays out the named structs only (and what they contain), for one build's selection;
 * `symsOf` and `typedefsOf` give the macros and typedefs each file sees.
 */
export function layoutsOf(
  names: string[],
  structs: StructDecl[],
  typedefsOf: (path: string) => Record<string, TypeRef>,
  symsOf: (path: string) => SymbolTable,
  select: LayoutSelection,
  enums: EnumDecl[] = [],
): Record<string, StructLayout> {
  const engine = new LayoutEngine(structs, typedefsOf, symsOf, select, enums);
  const out = record<StructLayout>();
  for (const n of names) {
    const l = engine.one(n);
    if (l) out[n] = l;
  }
  return out;
}
