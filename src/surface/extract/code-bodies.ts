/**
 * Filler and program code (DRIVER-SURFACE.md §1.9, §5): the bodies of the functions that build
 * event payloads, compared as token streams with comments and whitespace dropped.
 *
 * This deliberately does not use tree-sitter: it runs on every filler/program file of every
 * revision (about 250 files, ppm_fillers.c alone is about 9000 lines), and the grammar chokes
 * on exactly the constructs these files are made of (`BPF_PROG(name, ...)`, `FILLER(x, true)`,
 * `SEC("...")`, `#if` inside statements). A small C lexer plus brace matching is enough to find
 * top-level function definitions and is an order of magnitude faster.
 *
 * Each function gets two hashes:
 * - `hash`: every token of the definition (return type, name, parameter list, body, the
 *   preprocessor directives inside it, normalised to single-spaced token text);
 * - `coreHash`: the same with kernel-compatibility code removed, so that a change confined to
 *   it leaves `coreHash` equal (libs' README.VERSION.md: no bump for kernel build fixes):
 *   (a) conditional groups (`#if` … `#endif`, every branch, the directive lines included)
 *       any of whose conditions mentions a kernel-version or kernel-feature macro
 *       (see `isCompatCondition`);
 *   (b) C-level `if (…bpf_core_*(…)…) A else B` statements (CO-RE feature checks of the modern
 *       probe): the whole statement, else-branch included;
 *   (c) the remaining `bpf_core_*(…)` calls themselves (`bpf_core_read*` excepted: those are
 *       data reads, not feature checks).
 *
 * A name defined more than once in one file (alternative definitions in the branches of an
 * `#if`) is one entry: its hashes cover every definition in source order, its line is the
 * first definition's. When some of those definitions sit in a kernel-compatibility branch at
 * top level, `coreHash` covers only the definitions outside such branches (when every
 * definition is inside one, it covers them all): adding a kernel-specific variant of a helper
 * is a build fix, not a logic change.
 */
import { createHash } from 'node:crypto';
import { lineIndex } from '../../parse/preprocess.js';
import type { CodeFile, CodeFunction } from '../model.js';

/** Repository paths whose function bodies are compared (filler and program code). */
export const CODE_FILES: RegExp[] = [
  // Kernel module: the fillers and the payload helpers (val_to_ring, pack_addr, ...).
  /^driver\/ppm_fillers\.c$/,
  /^driver\/ppm_events\.c$/,
  /^driver\/ppm_events\.h$/,
  // Flag conversions (open_flags_to_scap, ...) used by every driver's fillers.
  /^driver\/ppm_flag_helpers\.h$/,
  // Modern eBPF probe: programs and the helpers that build payloads (never definitions/).
  /^driver\/modern_bpf\/programs\/.+\.bpf\.c$/,
  /^driver\/modern_bpf\/helpers\/.+\.h$/,
  // Legacy eBPF probe (until c5ea0da85): fillers and their helpers; maps.h, types.h,
  // bpf_helpers.h, builtins.h, quirks.h and missing_definitions.h declare, they do not fill.
  /^driver\/bpf\/(fillers|filler_helpers|ring_helpers|plumbing_helpers)\.h$/,
];

/** True for a path whose function bodies are compared. */
export function isCodeFile(path: string): boolean {
  return CODE_FILES.some((re) => re.test(path));
}

/** Which driver a file is built into. */
export function probeOf(path: string): CodeFile['probe'] {
  if (path.startsWith('driver/modern_bpf/')) return 'modern';
  if (path.startsWith('driver/bpf/')) return 'legacy';
  if (/^driver\/[^/]+\.c$/.test(path) || path === 'driver/ppm_events.h') return 'kmod';
  return 'shared';
}

// ---------------------------------------------------------------------------------------------
// Lexer

const enum K {
  Ident,
  Number,
  Str,
  Punct,
  Directive,
}

/** Kind of a preprocessor directive, for conditional-group matching. */
type PpKind = 'if' | 'elif' | 'else' | 'endif' | 'other';

interface Tok {
  k: K;
  /** Token text; for a directive, `#name tok tok ...` single-spaced. */
  s: string;
  /** Byte offset of the token's start (for line numbers). */
  at: number;
  pp?: PpKind;
  /** Directive condition mentions a kernel-version / kernel-feature macro. */
  compat?: boolean;
}

const PUNCT3 = new Set(['<<=', '>>=', '...']);
const PUNCT2 = new Set(['->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '##']);

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}
function isIdChar(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Identifiers whose mention in an `#if`/`#elif` condition makes the group kernel-compatibility
 * code: the kernel version, RHEL backports, the configure system's HAS_* probes, kernel config
 * options, header presence, and the legacy probe's raw-tracepoint switch (kernel >= 4.17).
 */
const COMPAT_IDENTS = new Set([
  'LINUX_VERSION_CODE',
  'KERNEL_VERSION',
  'RHEL_RELEASE_CODE',
  'RHEL_RELEASE_VERSION',
  'UTS_UBUNTU_RELEASE_ABI',
  '__has_include',
  '__has_include_next',
  'BPF_SUPPORTS_RAW_TRACEPOINTS',
  'COS_73_WORKAROUND',
]);

/** Does a conditional directive's condition mention a kernel-version or kernel-feature macro? */
export function isCompatCondition(condition: string): boolean {
  for (const m of condition.matchAll(/[A-Za-z_]\w*/g)) {
    const id = m[0];
    if (COMPAT_IDENTS.has(id) || id.startsWith('HAS_') || id.startsWith('CONFIG_')) return true;
  }
  return false;
}

/**
 * Splits C source into tokens; comments, whitespace and line continuations are dropped, and
 * each preprocessor directive becomes one token. The first branch of `#if 0` is dead code and
 * dropped.
 */
function lex(src: string): Tok[] {
  const out: Tok[] = [];
  const n = src.length;
  let i = 0;
  let lineStart = true;
  // Directive being collected: its name and its tokens.
  let dir: { at: number; name: string; toks: string[] } | null = null;
  // `#if 0` skipping: nesting depth of conditionals inside the dead branch (0 = not skipping).
  let dead = 0;

  // Live conditional groups: true for an `#if 0 … #else` group whose directives are dropped
  // (its `#else` branch is kept unwrapped).
  const groups: boolean[] = [];

  const finishDirective = () => {
    const d = dir!;
    dir = null;
    let name = d.name;
    const cond = d.toks.join(' ');
    let pp: PpKind = 'other';
    if (name === 'if' || name === 'ifdef' || name === 'ifndef') pp = 'if';
    else if (name === 'elif' || name === 'elifdef' || name === 'elifndef') pp = 'elif';
    else if (name === 'else') pp = 'else';
    else if (name === 'endif') pp = 'endif';
    if (dead > 0) {
      if (pp === 'if') dead++;
      else if (pp === 'endif') dead--;
      else if (dead === 1 && pp === 'else') {
        dead = 0;
        groups.push(true);
      } else if (dead === 1 && pp === 'elif') {
        // `#if 0 … #elif X`: from here on, the group is `#if X`.
        dead = 0;
        groups.push(false);
        pp = 'if';
        name = name === 'elif' ? 'if' : name.replace('elif', 'if');
      }
      if (dead > 0 || pp !== 'if') return;
    } else if (pp === 'if' && name === 'if' && cond === '0') {
      dead = 1;
      return;
    } else if (pp === 'if') groups.push(false);
    else if (pp === 'endif') {
      if (groups.pop()) return;
    }
    const tok: Tok = { k: K.Directive, s: cond ? `#${name} ${cond}` : `#${name}`, at: d.at, pp };
    if ((pp === 'if' || pp === 'elif') && isCompatCondition(cond)) tok.compat = true;
    out.push(tok);
  };

  const emit = (k: K, start: number, end: number) => {
    if (dir) dir.toks.push(src.slice(start, end));
    else if (dead === 0) out.push({ k, s: src.slice(start, end), at: start });
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      if (dir) finishDirective();
      lineStart = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    if (c === 92 /* \ */) {
      // Line continuation (also with CRLF).
      if (src.charCodeAt(i + 1) === 10) {
        i += 2;
        continue;
      }
      if (src.charCodeAt(i + 1) === 13 && src.charCodeAt(i + 2) === 10) {
        i += 3;
        continue;
      }
    }
    if (c === 47 /* / */) {
      const d = src.charCodeAt(i + 1);
      if (d === 42 /* * */) {
        const end = src.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      if (d === 47) {
        // Ends at the newline, unless the line is continued with a backslash.
        let stop = src.indexOf('\n', i);
        while (stop > 0 && (src.charCodeAt(stop - 1) === 92 || (src.charCodeAt(stop - 1) === 13 && src.charCodeAt(stop - 2) === 92))) {
          stop = src.indexOf('\n', stop + 1);
        }
        i = stop < 0 ? n : stop;
        continue;
      }
    }
    if (c === 35 /* # */ && lineStart && !dir) {
      lineStart = false;
      let j = i + 1;
      while (j < n && (src.charCodeAt(j) === 32 || src.charCodeAt(j) === 9)) j++;
      const s = j;
      while (j < n && isIdChar(src.charCodeAt(j))) j++;
      dir = { at: i, name: src.slice(s, j), toks: [] };
      i = j;
      continue;
    }
    lineStart = false;
    const start = i;
    if (isIdStart(c)) {
      i++;
      while (i < n && isIdChar(src.charCodeAt(i))) i++;
      // Prefixed string or char literal: L"x", u8"x", U'x'.
      const q = src.charCodeAt(i);
      if ((q === 34 || q === 39) && /^(L|u|U|u8)$/.test(src.slice(start, i))) i = skipQuoted(src, i);
      emit(q === 34 || q === 39 ? K.Str : K.Ident, start, i);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      // A pp-number: digits, letters, dots, and signs after an exponent.
      i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (isIdChar(d) || d === 46) i++;
        else if ((d === 43 || d === 45) && /[eEpP]/.test(src[i - 1]!)) i++;
        else break;
      }
      emit(K.Number, start, i);
      continue;
    }
    if (c === 34 || c === 39) {
      i = skipQuoted(src, i);
      emit(K.Str, start, i);
      continue;
    }
    const three = src.slice(i, i + 3);
    if (PUNCT3.has(three)) i += 3;
    else if (PUNCT2.has(three.slice(0, 2))) i += 2;
    else i++;
    emit(K.Punct, start, i);
  }
  if (dir) finishDirective();
  return out;
}

/** Index just past a string or char literal starting at `i` (an unterminated one ends at the line's end). */
function skipQuoted(src: string, i: number): number {
  const q = src.charCodeAt(i);
  const n = src.length;
  i++;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === q) return i + 1;
    if (c === 10) return i;
    i += c === 92 ? 2 : 1;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Function definitions

/** Macros that define a function whose real name is their first argument. */
const NAME_IS_FIRST_ARG = new Set([
  'BPF_PROG',
  'BPF_PROG2',
  'BPF_KPROBE',
  'BPF_KRETPROBE',
  'BPF_KSYSCALL',
  'BPF_KPROBE_SYSCALL',
  'BPF_UPROBE',
  'BPF_URETPROBE',
  'BPF_USDT',
  'FILLER',
  'FILLER_RAW',
  'TRACEPOINT_PROBE',
]);
/** `BPF_PROBE("raw_syscalls/", sys_enter, sys_enter_args)`: the name is the second argument. */
const NAME_IS_SECOND_ARG = new Set(['BPF_PROBE']);
/** Trailing `__attribute__((...))`-like groups between the parameter list and the body. */
const TRAILING_ATTRS = new Set(['__attribute__', '__attribute', '__acquires', '__releases', '__must_hold']);
const NOT_A_NAME = new Set(['if', 'while', 'for', 'switch', 'return', 'sizeof', 'do', 'else', 'typeof', '__typeof__', '_Alignof', 'defined']);

interface Def {
  name: string;
  /** Offset of the name token (for the line). */
  at: number;
  /** Token range [start, end] inclusive: first signature token to the closing brace. */
  start: number;
  end: number;
  /** Defined inside a top-level kernel-compatibility conditional group. */
  compatScoped: boolean;
}

/** Matching close index for the open bracket at `i` (same kind), skipping directives; -1 if none. */
function matchForward(toks: Tok[], i: number, end: number): number {
  const open = toks[i]!.s;
  const close = open === '(' ? ')' : open === '[' ? ']' : '}';
  let depth = 0;
  for (let k = i; k <= end; k++) {
    const t = toks[k]!;
    if (t.k !== K.Punct) continue;
    if (t.s === open) depth++;
    else if (t.s === close && --depth === 0) return k;
  }
  return -1;
}

/** Index of the `(` matching the `)` at `i`, scanning back no further than `lo`; -1 if none. */
function matchBackward(head: Tok[], i: number, lo = 0): number {
  let depth = 0;
  for (let k = i; k >= lo; k--) {
    const s = head[k]!.s;
    if (head[k]!.k !== K.Punct) continue;
    if (s === ')') depth++;
    else if (s === '(' && --depth === 0) return k;
  }
  return -1;
}

/** The function name of a definition head (its non-directive tokens before `{`), or null. */
function functionName(head: Tok[]): { name: string; at: number } | null {
  if (!head.length || head[0]!.s === 'typedef') return null;
  for (const t of head) if (t.k === K.Punct && t.s === '=') return null;
  let last = head.length - 1;
  for (;;) {
    if (head[last]?.s !== ')') return null;
    const p = matchBackward(head, last);
    if (p <= 0) return null;
    const before = head[p - 1]!;
    if (before.k === K.Ident && TRAILING_ATTRS.has(before.s)) {
      last = p - 2;
      continue;
    }
    if (before.k !== K.Ident || NOT_A_NAME.has(before.s)) return null;
    if (NAME_IS_FIRST_ARG.has(before.s) || NAME_IS_SECOND_ARG.has(before.s)) {
      // The argument list's first (or second) top-level argument's identifier.
      let k = p + 1;
      if (NAME_IS_SECOND_ARG.has(before.s)) {
        let depth = 0;
        for (; k < last; k++) {
          const s = head[k]!.s;
          if (s === '(') depth++;
          else if (s === ')') depth--;
          else if (s === ',' && depth === 0) break;
        }
        k++;
      }
      const arg = head[k];
      if (arg?.k === K.Ident) return { name: arg.s, at: arg.at };
      return null;
    }
    return { name: before.s, at: before.at };
  }
}

/**
 * Top-level function definitions, found by brace matching. Brace depth is tracked through
 * conditional groups the way ctags does: every branch starts from the depth at its `#if`, and
 * after `#endif` the first branch's depth wins (so `#if A\n if (x) {\n#else\n if (y) {\n#endif`
 * opens one block, not two).
 */
function findDefinitions(toks: Tok[]): Def[] {
  const defs: Def[] = [];
  const cond: Array<{ depth: number; firstEnd: number | null; compat: boolean }> = [];
  let depth = 0;
  let headStart = 0;
  let externC = 0;
  let fn: { name: string; at: number; start: number; compatScoped: boolean } | null = null;
  // Whether a block opened at depth 0 is a function: an initializer or struct block is not.
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.k === K.Directive) {
      if (t.pp === 'if') cond.push({ depth, firstEnd: null, compat: Boolean(t.compat) });
      else if (t.pp === 'elif' || t.pp === 'else') {
        const top = cond[cond.length - 1];
        if (top) {
          if (top.firstEnd === null) top.firstEnd = depth;
          depth = top.depth;
          if (t.compat) top.compat = true;
        }
      } else if (t.pp === 'endif') {
        const top = cond.pop();
        if (top && top.firstEnd !== null) depth = top.firstEnd;
      }
      continue;
    }
    if (t.k !== K.Punct) continue;
    if (depth === 0 && !fn) {
      if (t.s === ';') headStart = k + 1;
      else if (t.s === '}') {
        if (externC > 0) externC--;
        headStart = k + 1;
      } else if (t.s === '{') {
        const head: Tok[] = [];
        let first = -1;
        for (let h = headStart; h < k; h++) {
          if (toks[h]!.k === K.Directive) continue;
          if (first < 0) first = h;
          head.push(toks[h]!);
        }
        if (head.length === 2 && head[0]!.s === 'extern' && head[1]!.k === K.Str) {
          // extern "C" { … }: transparent.
          externC++;
          headStart = k + 1;
          continue;
        }
        const name = functionName(head);
        if (name) fn = { ...name, start: first, compatScoped: cond.some((c) => c.compat) };
        depth = 1;
      }
      continue;
    }
    if (t.s === '{') depth++;
    else if (t.s === '}') {
      if (depth > 0) depth--;
      if (depth === 0) {
        if (fn) defs.push({ ...fn, end: k });
        fn = null;
        headStart = k + 1;
      }
    }
  }
  return defs;
}

// ---------------------------------------------------------------------------------------------
// Kernel-compatibility removal

/** For each `#if` directive index, the index of its `#endif` and whether any branch condition is compat. */
function conditionalGroups(toks: Tok[]): Map<number, { end: number; compat: boolean }> {
  const groups = new Map<number, { end: number; compat: boolean }>();
  const stack: Array<{ at: number; compat: boolean }> = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.k !== K.Directive) continue;
    if (t.pp === 'if') stack.push({ at: k, compat: Boolean(t.compat) });
    else if (t.pp === 'elif') {
      const top = stack[stack.length - 1];
      if (top && t.compat) top.compat = true;
    } else if (t.pp === 'endif') {
      const top = stack.pop();
      if (top) groups.set(top.at, { end: k, compat: top.compat });
    }
  }
  return groups;
}

/** `bpf_core_*` feature checks and relocated sizes/values; `bpf_core_read*` are data reads and stay. */
function isCoreCheck(t: Tok | undefined): boolean {
  return t !== undefined && t.k === K.Ident && t.s.startsWith('bpf_core_') && !t.s.startsWith('bpf_core_read');
}

/** The tokens of [start, end] without kernel-compatibility code (see the module comment). */
function coreTokens(toks: Tok[], start: number, end: number, groups: Map<number, { end: number; compat: boolean }>): Tok[] {
  // (a) compat conditional groups that open and close inside the range.
  const a: Tok[] = [];
  for (let k = start; k <= end; k++) {
    const t = toks[k]!;
    if (t.k === K.Directive && t.pp === 'if') {
      const g = groups.get(k);
      if (g && g.compat && g.end <= end) {
        k = g.end;
        continue;
      }
    }
    a.push(t);
  }
  // (b) if-statements whose condition has a bpf_core_* check, and (c) bpf_core_* calls.
  const out: Tok[] = [];
  for (let k = 0; k < a.length; k++) {
    const t = a[k]!;
    if (t.k === K.Ident && t.s === 'if' && a[k + 1]?.s === '(') {
      const close = matchForward(a, k + 1, a.length - 1);
      if (close > 0) {
        let core = false;
        for (let j = k + 2; j < close; j++) if (isCoreCheck(a[j]) && a[j + 1]?.s === '(') core = true;
        if (core) {
          k = ifStatementEnd(a, k) - 1;
          continue;
        }
      }
    }
    if (isCoreCheck(t) && a[k + 1]?.s === '(') {
      const close = matchForward(a, k + 1, a.length - 1);
      if (close > 0) {
        k = close;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** Skips directives from `k`. */
function skipDirectives(a: Tok[], k: number): number {
  while (k < a.length && a[k]!.k === K.Directive) k++;
  return k;
}

/** Index just past the `if` statement (else branch included) starting at `k`. */
function ifStatementEnd(a: Tok[], k: number): number {
  const close = matchForward(a, k + 1, a.length - 1);
  if (close < 0) return a.length;
  let e = statementEnd(a, close + 1);
  const j = skipDirectives(a, e);
  if (a[j]?.k === K.Ident && a[j]!.s === 'else') e = statementEnd(a, j + 1);
  return e;
}

/** Index just past the C statement starting at `k`. */
function statementEnd(a: Tok[], k: number): number {
  k = skipDirectives(a, k);
  const t = a[k];
  if (!t) return a.length;
  if (t.k === K.Punct && t.s === '{') {
    const close = matchForward(a, k, a.length - 1);
    return close < 0 ? a.length : close + 1;
  }
  if (t.k === K.Ident) {
    if (t.s === 'if' && a[k + 1]?.s === '(') return ifStatementEnd(a, k);
    if ((t.s === 'for' || t.s === 'while' || t.s === 'switch') && a[k + 1]?.s === '(') {
      const close = matchForward(a, k + 1, a.length - 1);
      return close < 0 ? a.length : statementEnd(a, close + 1);
    }
    if (t.s === 'do') {
      const body = statementEnd(a, k + 1);
      return statementEnd(a, body); // `while (...);`
    }
  }
  // An expression statement: up to `;` outside brackets, or before the enclosing block's `}`.
  let depth = 0;
  for (let j = k; j < a.length; j++) {
    const s = a[j]!;
    if (s.k !== K.Punct) continue;
    if (s.s === '(' || s.s === '[' || s.s === '{') depth++;
    else if (s.s === ')' || s.s === ']' || s.s === '}') {
      if (depth === 0) return j;
      depth--;
    } else if (s.s === ';' && depth === 0) return j + 1;
  }
  return a.length;
}

// ---------------------------------------------------------------------------------------------

function digest(parts: Tok[][]): string {
  const h = createHash('sha1');
  parts.forEach((toks, i) => {
    if (i) h.update('\u0000');
    for (const t of toks) h.update(t.s + '\u001f');
  });
  return h.digest('hex').slice(0, 16);
}

/** The functions of one filler or program file, keyed by name, with their token hashes. */
export function extractCodeBodies(path: string, source: string): CodeFile {
  const toks = lex(source);
  const defs = findDefinitions(toks);
  const groups = conditionalGroups(toks);
  const lineOf = lineIndex(source);
  const byName = new Map<string, Def[]>();
  for (const d of defs) {
    const list = byName.get(d.name);
    if (list) list.push(d);
    else byName.set(d.name, [d]);
  }
  const functions: Record<string, CodeFunction> = {};
  for (const name of [...byName.keys()].sort()) {
    const list = byName.get(name)!;
    const full = list.map((d) => toks.slice(d.start, d.end + 1));
    const plain = list.filter((d) => !d.compatScoped);
    const coreDefs = plain.length ? plain : list;
    const core = coreDefs.map((d) => coreTokens(toks, d.start, d.end, groups));
    functions[name] = { line: lineOf(list[0]!.at), hash: digest(full), coreHash: digest(core) };
  }
  return { probe: probeOf(path), functions };
}
