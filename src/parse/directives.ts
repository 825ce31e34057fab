/**
 * The preprocessor directives of one C file, read from its comment-blanked text (c-text.ts):
 * the conditional groups and their branches, `#define`/`#undef`, `#include`, `#pragma pack`
 * (and its operator form `_Pragma("pack(...)")`, C99 6.10.9) and `#error`, in source order.
 * Plain data (it is cached per blob and crosses worker threads); which branches a build
 * compiles is decided later, per build configuration (conditions.ts),
 * because it depends on macros other files define.
 */
import { MAX_PRAGMA_MACRO_USE_CHARS } from '../limits.js';
import { isBlank } from './c-text.js';

/** One branch of a conditional group: the lines from its directive to the next one of the group. */
export interface Branch {
  /** `if`, `ifdef`, `ifndef`, `elif`, `elifdef`, `elifndef` or `else`. */
  kind: string;
  /** What the branch's own directive tests, as a condition: `#ifdef X` is `defined(X)`; '' for `#else`. */
  test: string;
  /** What must hold for the branch to be compiled, given its group: earlier branches false, its test true. */
  condition: string;
  /** 1-based line of the directive. */
  line: number;
  /** Last line of the branch (the line before the group's next directive). */
  endLine: number;
  /** The enclosing branch (-1 at file level). */
  parent: number;
  /** `#ifndef X` + `#define X` around a whole file: it conditions nothing the first time the file is read. */
  includeGuard?: true;
}

export interface MacroFact {
  name: string;
  /** Parameter names of a function-like macro (`...` for the variadic tail); null for an object-like one. */
  params: string[] | null;
  /** The replacement list as written, whitespace folded. */
  body: string;
  line: number;
  /** Innermost enclosing branch (-1 at file level). */
  branch: number;
}

export interface IncludeFact {
  /** The header name as written, without its quotes or angle brackets. */
  path: string;
  angled: boolean;
  line: number;
  /** Offset of the directive in the text. */
  offset: number;
  branch: number;
}

/** The directives in source order, for a sequential walk (conditions.ts). */
export type Op =
  | { op: 'branch'; branch: number }
  | { op: 'endif'; first: number; line: number }
  | { op: 'define'; macro: number }
  | { op: 'undef'; name: string; line: number }
  | { op: 'include'; include: number }
  | { op: 'pack'; args: string[]; line: number }
  /**
   * A use of a macro that may expand to `_Pragma(...)` (see pragmaMacroNames), at `offset`: the
   * walk expands `text`. `unread`: its argument list could not be read (unclosed, too long, or
   * running into a directive line), so what it does is not known.
   */
  | { op: 'expand'; text: string; line: number; offset: number; unread?: true }
  | { op: 'error'; text: string; line: number; branch: number };

export interface Directives {
  branches: Branch[];
  macros: MacroFact[];
  includes: IncludeFact[];
  ops: Op[];
  /** Innermost branch of every 1-based line (-1 at file level); index 0 unused. */
  branchOfLine: number[];
  /** Directive lines (blanked before tree-sitter parses the file), as [start, end) offsets. */
  spans: Array<[number, number]>;
  /** Conditional groups left open at the end of the file, or closed without an `#if`: the file is malformed. */
  unbalanced: boolean;
  /** Directives the model does not follow, by line, with why (an `#include` a macro from elsewhere names...). */
  unfollowed: Array<{ line: number; directive: 'include' | 'pop_macro'; reason: string }>;
}

const DIRECTIVE_START = /^[ \t\f\v]*(?:#|%:)[ \t\f\v]*([A-Za-z_]\w*)?/;

/** The directive name and the logical line's text (continuations joined) of a directive starting at `lineStart`. */
function logicalLine(text: string, lineStart: number): { end: number; joined: string; lines: number } {
  let end = text.indexOf('\n', lineStart);
  let lines = 1;
  while (end >= 0 && text.charCodeAt(end - 1) === 92 /* \ */) {
    end = text.indexOf('\n', end + 1);
    lines++;
  }
  if (end < 0) end = text.length;
  return { end, joined: text.slice(lineStart, end).replace(/\\\n/g, ' '), lines };
}

function fold(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** `NAME body` or `NAME(a, b) body`: a function-like macro's `(` follows its name at once. */
function parseDefine(rest: string): { name: string; params: string[] | null; body: string } | null {
  const m = /^\s*([A-Za-z_]\w*)(\()?/.exec(rest);
  if (!m) return null;
  const name = m[1]!;
  if (!m[2]) return { name, params: null, body: fold(rest.slice(m[0].length)) };
  const close = rest.indexOf(')', m[0].length);
  if (close < 0) return null;
  const params = rest
    .slice(m[0].length, close)
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    // GNU `args...` names the variadic tail.
    .map((p) => (p.endsWith('...') && p !== '...' ? `${p.slice(0, -3).trim()}...` : p));
  return { name, params, body: fold(rest.slice(close + 1)) };
}

function headerName(rest: string): { path: string; angled: boolean } | null {
  const m = /^\s*(?:"([^"\n]*)"|<([^>\n]*)>)/.exec(rest);
  if (!m) return null;
  return m[1] !== undefined ? { path: m[1], angled: false } : { path: m[2]!, angled: true };
}

/** The arguments of a pack pragma's text (`pack(push, 1)`), or null for another pragma. */
export function packArgs(pragma: string): string[] | null {
  const p = /^\s*pack\s*\(([^)]*)\)/.exec(pragma);
  return p ? p[1]!.split(',').map((a) => a.trim()) : null;
}

/** The `#pragma pack` state: the alignment cap in force (0: none) and the caps `push` saved. */
export interface PackState {
  cap: number;
  stack: number[];
}

/**
 * Applies one pack pragma's arguments to a state as gcc does on Linux (c-pragma.cc): `n` sets the
 * cap, `push[, n]` saves it first, `pop` restores the last saved one (nothing to restore: no
 * change), `()` and `0` reset it; a value other than 0, 1, 2, 4, 8 or 16 makes the compiler
 * ignore the pragma. gcc does not expand macros there (`push, N` pushes a label N) where clang
 * does: a name, an expression or a label is not understood, and false says the cap from then on
 * is not known.
 */
export function applyPack(state: PackState, args: string[]): boolean {
  const [first = '', second, third] = args;
  const literal = (text: string): number | null | 'ignored' => {
    if (!/^(0x[0-9a-f]+|\d+)$/i.test(text)) return null;
    const v = Number(text);
    return [0, 1, 2, 4, 8, 16].includes(v) ? v : 'ignored';
  };
  if (third !== undefined) return false;
  if (first === 'push') {
    const v = second === undefined ? state.cap : literal(second);
    if (v === null) return false;
    if (v !== 'ignored') {
      state.stack.push(state.cap);
      state.cap = v;
    }
    return true;
  }
  if (first === 'pop') {
    if (second !== undefined) return false;
    if (state.stack.length) state.cap = state.stack.pop()!;
    return true;
  }
  if (second !== undefined) return false;
  if (first === 'show') return true;
  const v = first === '' ? 0 : literal(first);
  if (v === null) return false;
  if (v !== 'ignored') state.cap = v;
  return true;
}

/** `_Pragma ( "string" )` at `lastIndex` (the string as written), or no match. */
const PRAGMA_OPERATOR = /_Pragma\s*\(\s*(L?"(?:\\.|[^"\\\n])*")\s*\)/y;

/** The pragma text of a `_Pragma` string literal: its quotes and prefix removed, `\"` and `\\` unescaped (C99 6.10.9). */
export function destringize(literal: string): string {
  return literal.replace(/^L?"|"$/g, '').replace(/\\(["\\])/g, '$1');
}

/** The pack arguments of a `_Pragma("pack(...)")` at offset `i` of a text, or null. */
function packOperatorAt(text: string, i: number): string[] | null {
  PRAGMA_OPERATOR.lastIndex = i;
  const m = PRAGMA_OPERATOR.exec(text);
  return m && packArgs(destringize(m[1]!));
}

/** The pack pragmas among the `_Pragma` operators of a text, in order (macro expansions are read with this too). */
export function pragmaOperatorPacks(text: string): string[][] {
  const out: string[][] = [];
  for (let i = text.indexOf('_Pragma'); i >= 0; i = text.indexOf('_Pragma', i + 7)) {
    const args = packOperatorAt(text, i);
    if (args) out.push(args);
  }
  return out;
}

/**
 * The macros of a tree that may expand to a `_Pragma` operator: those whose body has one, and,
 * to a fixed point, those whose body names one of them. Uses of these names are pack ops to the
 * walk (scanDirectives' `pragmaMacros`); a tree without any (the usual case) needs no second scan.
 */
export function pragmaMacroNames(all: Iterable<Directives>): Set<string> {
  const bodies = new Map<string, string[]>();
  for (const d of all) for (const m of d.macros) bodies.set(m.name, [...(bodies.get(m.name) ?? []), m.body]);
  const names = new Set<string>();
  for (const [name, list] of bodies) if (list.some((b) => /\b_Pragma\b/.test(b))) names.add(name);
  for (let grew = names.size > 0; grew; ) {
    grew = false;
    for (const [name, list] of bodies) {
      if (names.has(name) || !list.some((b) => (b.match(/[A-Za-z_]\w*/g) ?? []).some((w) => names.has(w)))) continue;
      names.add(name);
      grew = true;
    }
  }
  return names;
}

/**
 * Whether offsets of a line are inside a string or character literal (comments are blanked
 * already), asked in increasing order: one pass over the line however many offsets are asked.
 */
function literalCursor(line: string): (i: number) => boolean {
  let k = 0;
  let quote = '';
  return (i) => {
    for (; k < i; k++) {
      const c = line[k]!;
      if (quote) {
        if (c === '\\') k++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
    }
    return quote !== '';
  };
}

/**
 * The pack ops of a line that is not a directive: `_Pragma("pack(...)")` as written, and the
 * uses of `pragmaMacros` (with their arguments, which may run onto the next lines: `scan.until`
 * is where the last use read ends, so a use inside another's arguments is not read twice).
 */
function operatorOps(
  text: string,
  start: number,
  end: number,
  atLine: number,
  pragmaMacros: ReadonlySet<string> | undefined,
  scan: { until: number },
): Op[] {
  const line = text.slice(start, end);
  const found: Array<{ at: number; op: Op }> = [];
  const inLiteral = literalCursor(line);
  for (let i = line.indexOf('_Pragma'); i >= 0; i = line.indexOf('_Pragma', i + 7)) {
    if (inLiteral(i) || /\w/.test(line[i - 1] ?? '') || /\w/.test(line[i + 7] ?? '')) continue;
    const args = packOperatorAt(text, start + i);
    if (args) found.push({ at: i, op: { op: 'pack', args, line: atLine } });
  }
  if (pragmaMacros?.size) {
    const inLiteralToo = literalCursor(line);
    for (const m of line.matchAll(/[A-Za-z_]\w*/g)) {
      const from = start + m.index!;
      if (!pragmaMacros.has(m[0]) || from < scan.until || inLiteralToo(m.index!)) continue;
      const after = /^\s*\(/.exec(text.slice(from + m[0].length, from + m[0].length + 256));
      const use = after ? invocation(text, from, from + m[0].length + after[0].length - 1) : m[0];
      // An argument list that cannot be read: the name alone is blanked, what it does is not known.
      const op: Op = {
        op: 'expand',
        text: use ?? m[0],
        line: atLine,
        offset: from,
        ...(use === null ? { unread: true as const } : {}),
      };
      scan.until = from + op.text.length;
      found.push({ at: m.index!, op });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.op);
}

/**
 * The text of a function-like macro's invocation from its name to the `)` matching the `(` at
 * `open`; null when it does not close within the bound or before a directive line.
 */
function invocation(text: string, from: number, open: number): string | null {
  let depth = 0;
  const stop = Math.min(text.length, from + MAX_PRAGMA_MACRO_USE_CHARS);
  for (let i = open; i < stop; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(from, i + 1);
    else if (c === '\n' && /^[ \t]*(#|%:)/.test(text.slice(i + 1, i + 64))) return null;
  }
  return null;
}

/**
 * Scans the directives of a comment-blanked C text (see the module comment). `pragmaMacros`:
 * names of macros that may expand to `_Pragma` (pragmaMacroNames), whose uses become `expand` ops.
 */
export function scanDirectives(text: string, pragmaMacros?: ReadonlySet<string>): Directives {
  const branches: Branch[] = [];
  const macros: MacroFact[] = [];
  const includes: IncludeFact[] = [];
  const ops: Op[] = [];
  const spans: Array<[number, number]> = [];
  const branchOfLine: number[] = [-1];
  const unfollowed: Directives['unfollowed'] = [];
  // `#pragma push_macro`: per name, the definitions saved (a #define of this file, an #undef, or
  // what another file may have defined).
  const pushed = new Map<string, Array<{ macro: number; branch: number } | 'undef' | null>>();
  const lastOf = (name: string): { macro: number; branch: number } | 'undef' | null => {
    for (let i = ops.length - 1; i >= 0; i--) {
      const o = ops[i]!;
      if (o.op === 'define' && macros[o.macro]!.name === name)
        return { macro: o.macro, branch: macros[o.macro]!.branch };
      if (o.op === 'undef' && o.name === name) return 'undef';
    }
    return null;
  };
  // Open groups: their branches so far, and the negation of every earlier branch (for #elif/#else).
  const open: Array<{ branches: number[]; rest: string }> = [];
  let unbalanced = false;
  let nextPragma = text.indexOf('_Pragma');
  const uses = { until: 0 };
  let current = -1;
  let line = 1;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? n : nl;
    // A directive starts with `#` (or the digraph `%:`) after optional blanks (any of them, any number).
    let k = pos;
    while (k < lineEnd && isBlank(text.charCodeAt(k))) k++;
    const first = text.charCodeAt(k);
    const m =
      first === 35 || (first === 37 && text.charCodeAt(k + 1) === 58)
        ? DIRECTIVE_START.exec(text.slice(pos, Math.min(lineEnd, k + 256)))
        : null;
    if (!m) {
      // The next `_Pragma` of the text, found once, not once per line.
      if (nextPragma >= 0 && nextPragma < pos) nextPragma = text.indexOf('_Pragma', pos);
      if ((nextPragma >= 0 && nextPragma < lineEnd) || pragmaMacros?.size)
        ops.push(...operatorOps(text, pos, lineEnd, line, pragmaMacros, uses));
      branchOfLine[line] = current;
      if (nl < 0) break;
      pos = nl + 1;
      line++;
      continue;
    }
    const { end, joined, lines } = logicalLine(text, pos);
    const name = m[1] ?? '';
    const rest = joined.slice(m[0].length);
    const atLine = line;
    spans.push([pos, end]);
    const closeBranch = () => {
      if (current >= 0) branches[current]!.endLine = atLine - 1;
    };
    if (name === 'if' || name === 'ifdef' || name === 'ifndef') {
      const test = name === 'if' ? fold(rest) : name === 'ifdef' ? `defined(${fold(rest)})` : `!defined(${fold(rest)})`;
      const id = branches.length;
      branches.push({ kind: name, test, condition: test, line: atLine, endLine: atLine, parent: current });
      open.push({ branches: [id], rest: `!(${test})` });
      ops.push({ op: 'branch', branch: id });
      current = id;
    } else if (name === 'elif' || name === 'elifdef' || name === 'elifndef' || name === 'else') {
      const group = open[open.length - 1];
      if (!group) unbalanced = true;
      else {
        closeBranch();
        const test =
          name === 'else'
            ? ''
            : name === 'elif'
              ? fold(rest)
              : name === 'elifdef'
                ? `defined(${fold(rest)})`
                : `!defined(${fold(rest)})`;
        const id = branches.length;
        const parent = branches[group.branches[0]!]!.parent;
        branches.push({
          kind: name,
          test,
          condition: test ? `${group.rest} && (${test})` : group.rest,
          line: atLine,
          endLine: atLine,
          parent,
        });
        if (test) group.rest = `${group.rest} && !(${test})`;
        group.branches.push(id);
        ops.push({ op: 'branch', branch: id });
        current = id;
      }
    } else if (name === 'endif') {
      const group = open.pop();
      if (!group) unbalanced = true;
      else {
        closeBranch();
        const firstBranch = branches[group.branches[0]!]!;
        ops.push({ op: 'endif', first: group.branches[0]!, line: atLine });
        current = firstBranch.parent;
      }
    } else if (name === 'define') {
      const d = parseDefine(rest);
      if (d) {
        // `#ifndef X` directly followed by `#define X`: an include guard.
        const top = current >= 0 ? branches[current]! : null;
        if (
          top &&
          top.kind === 'ifndef' &&
          top.test === `!defined(${d.name})` &&
          top.line === atLine - 1 &&
          d.params === null
        )
          top.includeGuard = true;
        ops.push({ op: 'define', macro: macros.length });
        macros.push({ ...d, line: atLine, branch: current });
      }
    } else if (name === 'undef') {
      const u = /^\s*([A-Za-z_]\w*)/.exec(rest);
      if (u) ops.push({ op: 'undef', name: u[1]!, line: atLine });
    } else if (name === 'include' || name === 'include_next') {
      // `#include NAME` where this file defined NAME as a header name before (C99 6.10.2p4: the
      // line is macro-expanded): the header it names. Any other computed include is reported.
      const named = /^\s*([A-Za-z_]\w*)\s*$/.exec(rest)?.[1];
      const h =
        headerName(rest) ??
        (named
          ? headerName([...macros].reverse().find((m) => m.name === named && m.params === null)?.body ?? '')
          : null);
      if (h) {
        ops.push({ op: 'include', include: includes.length });
        includes.push({ ...h, line: atLine, offset: pos, branch: current });
      } else if (rest.trim())
        unfollowed.push({
          line: atLine,
          directive: 'include',
          reason:
            'an #include names its header with a macro, which driver-semver does not follow, so what that header defines is not known',
        });
    } else if (name === 'pragma') {
      const args = packArgs(rest);
      const saved = /^\s*(push|pop)_macro\s*\(\s*"([A-Za-z_]\w*)"\s*\)/.exec(rest);
      if (args) ops.push({ op: 'pack', args, line: atLine });
      else if (saved?.[1] === 'push') {
        const last = lastOf(saved[2]!);
        // Followed when this file wrote what is saved, in the same branch as the push.
        pushed.set(saved[2]!, [
          ...(pushed.get(saved[2]!) ?? []),
          last === 'undef' || (last && last.branch === current) ? last : null,
        ]);
      } else if (saved) {
        const back = pushed.get(saved[2]!)?.pop();
        if (back === 'undef') ops.push({ op: 'undef', name: saved[2]!, line: atLine });
        else if (back && back.branch === current) {
          // The saved definition, in force again from here: an #undef and a #define of it at this line.
          ops.push({ op: 'undef', name: saved[2]!, line: atLine });
          ops.push({ op: 'define', macro: macros.length });
          macros.push({ ...macros[back.macro]!, line: atLine, branch: current });
        } else
          unfollowed.push({
            line: atLine,
            directive: 'pop_macro',
            reason: `#pragma pop_macro("${saved[2]}") restores a definition driver-semver cannot tell, so the value of ${saved[2]} is not known`,
          });
      }
    } else if (name === 'error') {
      ops.push({ op: 'error', text: fold(rest), line: atLine, branch: current });
    }
    for (let k = 0; k < lines; k++) branchOfLine[atLine + k] = current;
    line += lines;
    if (end >= n) break;
    pos = end + 1;
  }
  if (open.length) unbalanced = true;
  // An include guard's branch must end at the file's last directive: otherwise it guards only part of it.
  for (const b of branches) {
    if (b.includeGuard && !isWholeFile(b, branches, ops)) delete b.includeGuard;
  }
  return { branches, macros, includes, ops, branchOfLine, spans, unbalanced, unfollowed };
}

/** The group of an `#ifndef X` guard has no other branch, and its `#endif` is the file's last directive. */
function isWholeFile(b: Branch, branches: Branch[], ops: Op[]): boolean {
  const id = branches.indexOf(b);
  const last = ops[ops.length - 1];
  if (b.parent !== -1 || !last || last.op !== 'endif' || last.first !== id) return false;
  return !branches.some((o) => o.parent === -1 && o.line > b.line && (o.kind.startsWith('elif') || o.kind === 'else'));
}

/** The branch chain of a line, outermost first. */
export function branchChain(d: Directives, line: number): number[] {
  const out: number[] = [];
  for (let b = d.branchOfLine[line] ?? -1; b >= 0; b = d.branches[b]!.parent) out.push(b);
  return out.reverse();
}
