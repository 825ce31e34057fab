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
 *   preprocessor directives inside it, normalised to single-spaced token text). Adjacent
 *   string literals count as one and `u32`/`__u64`-style types as `uint32_t`/`uint64_t`, so
 *   clang-format (215db2d9d) and type-spelling cleanups are not changes;
 * - `coreHash`: the same with kernel-compatibility code removed, so that a change confined to
 *   it leaves `coreHash` equal (libs' README.VERSION.md: no bump for kernel build fixes):
 *   (a) conditional groups (`#if` … `#endif`, every branch, the directive lines included)
 *       any of whose conditions mentions a kernel-version or kernel-feature macro
 *       (see `isCompatCondition`);
 *   (b) C-level `if (…bpf_core_*(…)…) A else B` statements (CO-RE feature checks of the modern
 *       probe): the whole statement, else-branch included;
 *   (c) the remaining `bpf_core_*(…)` calls themselves (`bpf_core_read*` excepted: those are
 *       data reads, not feature checks).
 * and, when it has kernel-compatibility regions, two more (`compatVariants`, see
 * `CodeFunction.compatVariants`): the function as the oldest and as the newest kernel build sees
 * it. Those catch the commonest kernel build fix, which wraps existing code into a new
 * conditional (`X` becomes `#if LINUX_VERSION_CODE < V X #else Y #endif`): drop-all `coreHash`
 * then loses X on one side only, while the oldest build still sees X on both.
 *
 * A name defined more than once in one file (alternative definitions in the branches of an
 * `#if`) is one entry: its hashes cover every definition in source order, its line is the
 * first definition's. When some of those definitions sit in a kernel-compatibility branch at
 * top level, `coreHash` covers only the definitions outside such branches (when every
 * definition is inside one, it covers them all, and the function is `kernelSpecific`).
 */
import { createHash } from 'node:crypto';
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
// Lexer. Tokens are kept as parallel arrays (no object per token): this runs on every filler
// and program file of both revisions.

const IDENT = 1;
const NUMBER = 2;
const STR = 3;
const PUNCT = 4;
const DIRECTIVE = 5;

/** Directive kinds, for conditional-group matching. */
const PP_IF = 1;
const PP_ELIF = 2;
const PP_ELSE = 3;
const PP_ENDIF = 4;
const PP_OTHER = 5;

class Tokens {
  n = 0;
  kind: Uint8Array;
  /** Byte offset of the token's start (for line numbers). */
  at: Int32Array;
  /** PP_* for a directive, 0 otherwise. */
  pp: Uint8Array;
  /** 1 when a conditional directive's condition mentions a kernel-version or kernel-feature macro. */
  compat: Uint8Array;
  /** Token text; a directive is `#name tok tok ...`, single-spaced. */
  readonly text: string[] = [];
  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.at = new Int32Array(capacity);
    this.pp = new Uint8Array(capacity);
    this.compat = new Uint8Array(capacity);
  }
  push(kind: number, text: string, at: number, pp = 0, compat = 0): void {
    const i = this.n++;
    if (i === this.kind.length) this.grow();
    this.kind[i] = kind;
    this.at[i] = at;
    this.pp[i] = pp;
    this.compat[i] = compat;
    this.text.push(text);
  }
  private grow(): void {
    const size = this.kind.length * 2;
    const kind = new Uint8Array(size);
    const at = new Int32Array(size);
    const pp = new Uint8Array(size);
    const compat = new Uint8Array(size);
    kind.set(this.kind);
    at.set(this.at);
    pp.set(this.pp);
    compat.set(this.compat);
    Object.assign(this, { kind, at, pp, compat });
  }
}

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}
function isIdChar(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length of the punctuator at `i` (maximal munch over C's 2- and 3-character operators). */
function punctLen(src: string, i: number, c: number): number {
  const d = src.charCodeAt(i + 1);
  switch (c) {
    case 45: // - : -> -- -=
      return d === 62 || d === 45 || d === 61 ? 2 : 1;
    case 43: // + : ++ +=
      return d === 43 || d === 61 ? 2 : 1;
    case 60: // < : << <<= <=
    case 62: // > : >> >>= >=
      if (d === c) return src.charCodeAt(i + 2) === 61 ? 3 : 2;
      return d === 61 ? 2 : 1;
    case 61: // =
    case 33: // !
    case 42: // *
    case 47: // /
    case 37: // %
    case 94: // ^
      return d === 61 ? 2 : 1;
    case 38: // & : && &=
    case 124: // | : || |=
      return d === c || d === 61 ? 2 : 1;
    case 35: // ##
      return d === 35 ? 2 : 1;
    case 46: // ...
      return d === 46 && src.charCodeAt(i + 2) === 46 ? 3 : 1;
    default:
      return 1;
  }
}

/**
 * Identifiers whose mention in an `#if`/`#elif` condition makes the group kernel-compatibility
 * code: the kernel version, RHEL backports, header presence, kernel-version quirks of the legacy
 * probe (the pre-4.14 verifier, COS 73). Not `BPF_SUPPORTS_RAW_TRACEPOINTS`: it selects the
 * legacy probe's main code path on every kernel from 4.17, so code under it is the probe's logic.
 */
const COMPAT_IDENTS = new Set([
  'LINUX_VERSION_CODE',
  'KERNEL_VERSION',
  'UTS_UBUNTU_RELEASE_ABI',
  '__has_include',
  '__has_include_next',
  'BPF_FORBIDS_ZERO_ACCESS',
  'COS_73_WORKAROUND',
  '__COS_WORKAROUND__',
  'IORING_FEAT_SINGLE_MMAP',
]);

/**
 * Qualifiers and hints that change how a function is compiled, not what it sends: `static`
 * added to a helper, `volatile` for the verifier, an inlining hint. Left out of the token
 * stream (libs #1335, #947).
 */
const BUILD_ONLY_TOKENS = new Set(['static', 'volatile', 'inline', '__inline', '__always_inline', '__noinline', 'noinline']);

/**
 * Kernel config options that select an architecture or the 32-bit syscall ABI: code under them
 * builds a payload on that architecture (which syscall argument holds what), so a change there
 * is a logic change, not a build fix.
 */
const ARCH_CONFIG = /^CONFIG_(COMPAT|IA32_EMULATION|X86(_64|_32)?|ARM(64)?|AEABI|S390|PPC(32|64)?|RISCV|LOONGARCH|MIPS|64BIT|32BIT)$/;

function isCompatIdent(id: string): boolean {
  return (
    COMPAT_IDENTS.has(id) ||
    id.includes('RHEL_RELEASE') || // RHEL_RELEASE_CODE, PPM_RHEL_RELEASE_VERSION
    id.startsWith('HAS_') || // the configure system's kernel probes (driver/configure)
    (id.startsWith('CONFIG_') && !ARCH_CONFIG.test(id))
  );
}

/**
 * Does a conditional directive's condition (`#ifdef X` is passed as `defined(X)`) mention a
 * kernel-version or kernel-feature macro? Besides the identifiers above, `defined(x)` of a
 * lower-case name is a kernel API presence check (`defined(get_file_rcu)`,
 * `access_ok_noprefault`): the driver's own macros are upper case.
 */
export function isCompatCondition(condition: string): boolean {
  const ids = condition.match(/[A-Za-z_]\w*/g) ?? [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (isCompatIdent(id)) return true;
    if (id === 'defined' && /^[a-z][a-z0-9_]*$/.test(ids[i + 1] ?? '')) return true;
  }
  return false;
}

/**
 * Fixed-width integer type spellings, normalised to <stdint.h> names: libs moved from the
 * kernel's `u32`/`__u64` to `uint32_t`/`uint64_t` in bulk (4dd9c8a25, 9326b1dd2, 5ee8c6ce9),
 * which changes no generated code.
 */
const TYPE_ALIASES = new Map<string, string>();
for (const bits of [8, 16, 32, 64]) {
  for (const prefix of ['', '__']) {
    TYPE_ALIASES.set(`${prefix}u${bits}`, `uint${bits}_t`);
    TYPE_ALIASES.set(`${prefix}s${bits}`, `int${bits}_t`);
  }
}

/**
 * Splits C source into tokens: comments, whitespace and line continuations are dropped, each
 * preprocessor directive becomes one token, adjacent string literals become one, and
 * fixed-width type aliases take their <stdint.h> spelling. The first branch of `#if 0` is dead code and
 * dropped with its directives (an `#else` branch after it is kept, unwrapped).
 */
function lex(src: string): Tokens {
  const n = src.length;
  // About one token per 4 bytes of C; grown when needed.
  const T = new Tokens((n >> 2) + 64);
  let i = 0;
  let lineStart = true;
  // The directive being collected.
  let dir: { at: number; name: string; toks: string[] } | null = null;
  // Inside the dead branch of `#if 0`: nesting depth of conditionals there (0 = live).
  let dead = 0;
  // Open conditional groups: true for an `#if 0 … #else` group whose `#endif` is dropped.
  const groups: boolean[] = [];

  const finishDirective = () => {
    const d = dir!;
    dir = null;
    let name = d.name;
    const cond = d.toks.join(' ');
    let pp = PP_OTHER;
    if (name === 'if' || name === 'ifdef' || name === 'ifndef') pp = PP_IF;
    else if (name === 'elif' || name === 'elifdef' || name === 'elifndef') pp = PP_ELIF;
    else if (name === 'else') pp = PP_ELSE;
    else if (name === 'endif') pp = PP_ENDIF;
    if (dead > 0) {
      if (pp === PP_IF) dead++;
      else if (pp === PP_ENDIF) dead--;
      else if (dead === 1 && pp === PP_ELSE) {
        dead = 0;
        groups.push(true);
        return;
      } else if (dead === 1 && pp === PP_ELIF) {
        // `#if 0 … #elif X`: from here on the group is `#if X`.
        dead = 0;
        groups.push(false);
        pp = PP_IF;
        name = name.replace('elif', 'if');
      }
      if (dead > 0 || pp !== PP_IF) return;
    } else if (pp === PP_IF && name === 'if' && cond === '0') {
      dead = 1;
      return;
    } else if (pp === PP_IF) groups.push(false);
    else if (pp === PP_ENDIF && groups.pop()) return;
    const test = name === 'ifdef' || name === 'ifndef' || name === 'elifdef' || name === 'elifndef' ? `defined(${cond})` : cond;
    const compat = (pp === PP_IF || pp === PP_ELIF) && isCompatCondition(test) ? 1 : 0;
    T.push(DIRECTIVE, cond ? `#${name} ${cond}` : `#${name}`, d.at, pp, compat);
  };

  const emit = (kind: number, start: number, end: number) => {
    let text = src.slice(start, end);
    if (kind === IDENT) text = TYPE_ALIASES.get(text) ?? text;
    const list = dir ? dir.toks : T.text;
    const prev = list.length - 1;
    if (kind === STR && text.charCodeAt(0) === 34 && (dir || (dead === 0 && T.kind[prev] === STR)) && list[prev]?.endsWith('"')) {
      // Adjacent string literals are one string (C translation phase 6): clang-format splits
      // long ones.
      list[prev] = list[prev]!.slice(0, -1) + text.slice(1);
      return;
    }
    if (dir) dir.toks.push(text);
    else if (dead === 0 && !(kind === IDENT && BUILD_ONLY_TOKENS.has(text))) T.push(kind, text, start);
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
      // A line continuation (LF or CRLF) joins two lines.
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
        // A // comment ends at the newline, unless the line is continued with a backslash.
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
      // A prefixed string or char literal: L"x", u8"x", U'x'.
      const q = src.charCodeAt(i);
      if ((q === 34 || q === 39) && i - start <= 2 && /^(L|u|U|u8)$/.test(src.slice(start, i))) {
        i = skipQuoted(src, i);
        emit(STR, start, i);
      } else emit(IDENT, start, i);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      // A pp-number: digits, letters, dots, and a sign right after an exponent letter.
      i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (isIdChar(d) || d === 46) i++;
        else if ((d === 43 || d === 45) && /[eEpP]/.test(src[i - 1]!)) i++;
        else break;
      }
      emit(NUMBER, start, i);
      continue;
    }
    if (c === 34 || c === 39) {
      i = skipQuoted(src, i);
      emit(STR, start, i);
      continue;
    }
    i += punctLen(src, i, c);
    emit(PUNCT, start, i);
  }
  if (dir) finishDirective();
  return T;
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
/** `__attribute__((...))`-like groups allowed between the parameter list and the body. */
const TRAILING_ATTRS = new Set(['__attribute__', '__attribute', '__acquires', '__releases', '__must_hold']);
const NOT_A_NAME = new Set(['if', 'while', 'for', 'switch', 'return', 'sizeof', 'do', 'else', 'typeof', '__typeof__', '_Alignof', 'defined']);

interface Def {
  name: string;
  /** Offset of the name token (for the line). */
  at: number;
  /** Token range [start, end], inclusive: the first signature token to the closing brace. */
  start: number;
  end: number;
  /** Defined inside a top-level kernel-compatibility conditional group. */
  compatScoped: boolean;
}

/** In `list` (token indices), the index of the bracket closing the one at `i`; -1 if none. */
function matchForward(T: Tokens, list: number[], i: number): number {
  const open = T.text[list[i]!]!;
  const close = open === '(' ? ')' : open === '[' ? ']' : '}';
  let depth = 0;
  for (let k = i; k < list.length; k++) {
    const t = list[k]!;
    if (T.kind[t] !== PUNCT) continue;
    const s = T.text[t];
    if (s === open) depth++;
    else if (s === close && --depth === 0) return k;
  }
  return -1;
}

/** In `list`, the index of the `(` matching the `)` at `i`; -1 if none. */
function matchBackward(T: Tokens, list: number[], i: number): number {
  let depth = 0;
  for (let k = i; k >= 0; k--) {
    const t = list[k]!;
    if (T.kind[t] !== PUNCT) continue;
    const s = T.text[t];
    if (s === ')') depth++;
    else if (s === '(' && --depth === 0) return k;
  }
  return -1;
}

/** The function name of a definition head (its non-directive tokens before `{`), or null. */
function functionName(T: Tokens, head: number[]): { name: string; at: number } | null {
  if (!head.length || T.text[head[0]!] === 'typedef') return null;
  for (const t of head) if (T.kind[t] === PUNCT && T.text[t] === '=') return null;
  let last = head.length - 1;
  for (;;) {
    if (last < 0 || T.text[head[last]!] !== ')') return null;
    const p = matchBackward(T, head, last);
    if (p <= 0) return null;
    const before = head[p - 1]!;
    const word = T.text[before]!;
    if (T.kind[before] !== IDENT || NOT_A_NAME.has(word)) return null;
    if (TRAILING_ATTRS.has(word)) {
      last = p - 2;
      continue;
    }
    if (NAME_IS_FIRST_ARG.has(word) || NAME_IS_SECOND_ARG.has(word)) {
      // The first (or second) top-level argument's identifier.
      let k = p + 1;
      if (NAME_IS_SECOND_ARG.has(word)) {
        for (let depth = 0; k < last; k++) {
          const s = T.text[head[k]!];
          if (s === '(') depth++;
          else if (s === ')') depth--;
          else if (s === ',' && depth === 0) break;
        }
        k++;
      }
      const arg = head[k];
      return arg !== undefined && k < last && T.kind[arg] === IDENT ? { name: T.text[arg]!, at: T.at[arg]! } : null;
    }
    return { name: word, at: T.at[before]! };
  }
}

/**
 * Top-level function definitions, found by brace matching. Brace depth goes through
 * conditional groups the way ctags does: every branch starts from the depth at its `#if`, and
 * after `#endif` the first branch's depth wins (so `#if A / if (x) { / #else / if (y) { /
 * #endif` opens one block, not two).
 */
function findDefinitions(T: Tokens): Def[] {
  const defs: Def[] = [];
  const cond: Array<{ depth: number; firstEnd: number; compat: boolean }> = [];
  let depth = 0;
  let headStart = 0;
  let externC = 0;
  let fn: { name: string; at: number; start: number; compatScoped: boolean } | null = null;
  for (let k = 0; k < T.n; k++) {
    const kind = T.kind[k];
    if (kind === DIRECTIVE) {
      const pp = T.pp[k];
      if (pp === PP_IF) cond.push({ depth, firstEnd: -1, compat: T.compat[k] === 1 });
      else if (pp === PP_ELIF || pp === PP_ELSE) {
        const top = cond[cond.length - 1];
        if (top) {
          if (top.firstEnd < 0) top.firstEnd = depth;
          depth = top.depth;
          if (T.compat[k]) top.compat = true;
        }
      } else if (pp === PP_ENDIF) {
        const top = cond.pop();
        if (top && top.firstEnd >= 0) depth = top.firstEnd;
      }
      continue;
    }
    if (kind !== PUNCT) continue;
    const s = T.text[k];
    if (depth === 0 && !fn) {
      if (s === ';') headStart = k + 1;
      else if (s === '}') {
        if (externC > 0) externC--;
        headStart = k + 1;
      } else if (s === '{') {
        const head: number[] = [];
        for (let h = headStart; h < k; h++) if (T.kind[h] !== DIRECTIVE) head.push(h);
        if (head.length === 2 && T.text[head[0]!] === 'extern' && T.kind[head[1]!] === STR) {
          // extern "C" { … } is transparent.
          externC++;
          headStart = k + 1;
          continue;
        }
        const name = functionName(T, head);
        if (name) fn = { ...name, start: head[0]!, compatScoped: cond.some((c) => c.compat) };
        depth = 1;
      }
      continue;
    }
    if (s === '{') depth++;
    else if (s === '}') {
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
// Kernel-compatibility code, removed for coreHash

interface Group {
  /** Token index of the `#endif`. */
  end: number;
  /** Any of its conditions mentions a kernel-version or kernel-feature macro. */
  compat: boolean;
  /** Token indices of its `#if`, `#elif`s and `#else`, in order. */
  branches: number[];
}

/** Conditional groups by the token index of their `#if` (unclosed ones are left out). */
function conditionalGroups(T: Tokens): Map<number, Group> {
  const groups = new Map<number, Group>();
  const stack: Array<{ at: number; group: Group }> = [];
  for (let k = 0; k < T.n; k++) {
    if (T.kind[k] !== DIRECTIVE) continue;
    const pp = T.pp[k];
    if (pp === PP_IF) stack.push({ at: k, group: { end: -1, compat: T.compat[k] === 1, branches: [k] } });
    else if (pp === PP_ELIF || pp === PP_ELSE) {
      const top = stack[stack.length - 1];
      if (!top) continue;
      top.group.branches.push(k);
      if (T.compat[k]) top.group.compat = true;
    } else if (pp === PP_ENDIF) {
      const top = stack.pop();
      if (top) groups.set(top.at, { ...top.group, end: k });
    }
  }
  return groups;
}

/** A `bpf_core_*` feature check or relocated size/value; `bpf_core_read*` are data reads and stay. */
function isCoreCheck(T: Tokens, t: number | undefined): boolean {
  if (t === undefined || T.kind[t] !== IDENT) return false;
  const s = T.text[t]!;
  return s.startsWith('bpf_core_') && !s.startsWith('bpf_core_read');
}

/**
 * Token indices of [start, end] without kernel-compatibility code (see the module comment), or
 * null when the range has none (then coreHash = hash).
 */
function coreTokens(T: Tokens, start: number, end: number, groups: Map<number, Group>): number[] | null {
  // (a) compat conditional groups that open and close inside the range.
  const a: number[] = [];
  let changed = false;
  let core = false;
  for (let k = start; k <= end; k++) {
    if (T.pp[k] === PP_IF) {
      const g = groups.get(k);
      if (g && g.compat && g.end <= end) {
        k = g.end;
        changed = true;
        continue;
      }
    }
    if (!core && isCoreCheck(T, k)) core = true;
    a.push(k);
  }
  if (!core) return changed ? a : null;
  // (b) if-statements whose condition has a bpf_core_* check, and (c) the other bpf_core_* calls.
  const out: number[] = [];
  for (let k = 0; k < a.length; k++) {
    const t = a[k]!;
    if (T.kind[t] !== IDENT) {
      out.push(t);
      continue;
    }
    if (T.text[t] === 'if' && T.text[a[k + 1]!] === '(') {
      const close = matchForward(T, a, k + 1);
      let check = false;
      for (let j = k + 2; j < close; j++) if (isCoreCheck(T, a[j]) && T.text[a[j + 1]!] === '(') check = true;
      if (check) {
        k = ifStatementEnd(T, a, k) - 1;
        continue;
      }
    }
    if (isCoreCheck(T, t) && T.text[a[k + 1]!] === '(') {
      const close = matchForward(T, a, k + 1);
      if (close > 0) {
        k = close;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/**
 * A hypothetical kernel build, for `compatVariants`: the oldest kernel (LINUX_VERSION_CODE 0,
 * every kernel feature macro undefined, no CO-RE feature) or the newest (LINUX_VERSION_CODE
 * maximal, every feature macro defined, every CO-RE check true). Not RHEL in either.
 */
type Build = 'oldest' | 'newest';

/**
 * Evaluates a directive condition the way the preprocessor would in `build`. Identifiers
 * that are not kernel feature macros are undefined (0), as in C; function-like macros other
 * than the kernel's version and config helpers are 0.
 */
export function evalCondition(condition: string, build: Build): boolean {
  const toks = condition.match(/0[xX][0-9a-fA-F]+[uUlL]*|\d+[uUlL]*|[A-Za-z_]\w*|<<|>>|<=|>=|==|!=|&&|\|\||\S/g) ?? [];
  const feature = build === 'newest' ? 1 : 0;
  let i = 0;
  const peek = () => toks[i];
  const skipParens = () => {
    if (toks[i] !== '(') return;
    for (let depth = 0; i < toks.length; i++) {
      if (toks[i] === '(') depth++;
      else if (toks[i] === ')' && --depth === 0) {
        i++;
        return;
      }
    }
  };
  const args = (): number[] => {
    const out: number[] = [];
    if (toks[i] !== '(') return out;
    i++;
    while (i < toks.length && toks[i] !== ')') {
      out.push(ternary());
      if (toks[i] === ',') i++;
      else if (toks[i] !== ')') i++;
    }
    i++;
    return out;
  };
  const identValue = (id: string): number => {
    if (id === 'LINUX_VERSION_CODE') return build === 'newest' ? 0x7fffffff : 0;
    if (id.includes('RHEL_RELEASE')) return 0;
    return isCompatIdent(id) || /^[a-z]/.test(id) ? feature : 0;
  };
  const primary = (): number => {
    const t = toks[i++];
    if (t === undefined) return 0;
    if (t === '(') {
      const v = ternary();
      if (toks[i] === ')') i++;
      return v;
    }
    if (t === '!') return primary() ? 0 : 1;
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '~') return ~primary();
    if (/^\d/.test(t)) return Number(t.replace(/[uUlL]+$/, ''));
    if (t === 'defined') {
      const paren = peek() === '(';
      if (paren) i++;
      const id = toks[i++] ?? '';
      if (paren && toks[i] === ')') i++;
      return id === 'LINUX_VERSION_CODE' || id === 'KERNEL_VERSION' ? 1 : identValue(id) ? 1 : 0;
    }
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() !== '(') return identValue(t);
      if (t === '__has_include' || t === '__has_include_next') {
        skipParens();
        return feature;
      }
      const a = args();
      if (t === 'KERNEL_VERSION') return ((a[0] ?? 0) << 16) + ((a[1] ?? 0) << 8) + (a[2] ?? 0);
      if (t === 'IS_ENABLED' || t === 'IS_BUILTIN') return a[0] ?? 0;
      return 0;
    }
    return 0;
  };
  // Binary operators by precedence, loosest first.
  const LEVELS = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||': return a || b ? 1 : 0;
      case '&&': return a && b ? 1 : 0;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return b ? Math.trunc(a / b) : 0;
      default: return b ? a % b : 0;
    }
  };
  const binary = (level: number): number => {
    if (level >= LEVELS.length) return primary();
    let v = binary(level + 1);
    while (peek() !== undefined && LEVELS[level]!.includes(peek()!)) {
      const op = toks[i++]!;
      v = apply(op, v, binary(level + 1));
    }
    return v;
  };
  const ternary = (): number => {
    const c = binary(0);
    if (peek() !== '?') return c;
    i++;
    const a = ternary();
    if (peek() === ':') i++;
    const b = ternary();
    return c ? a : b;
  };
  return ternary() !== 0;
}

/** The branch of a conditional group a build takes: [from, to) token indices, or null for none. */
function takenBranch(T: Tokens, g: Group, build: Build): [number, number] | null {
  const marks = [...g.branches, g.end];
  for (let b = 0; b < g.branches.length; b++) {
    const d = g.branches[b]!;
    const m = /^#(\w+)\s*(.*)$/.exec(T.text[d]!)!;
    const name = m[1]!;
    const cond = name.endsWith('ndef') ? `!defined(${m[2]})` : name.endsWith('def') ? `defined(${m[2]})` : m[2]!;
    if (name === 'else' || evalCondition(cond, build)) return [d + 1, marks[b + 1]!];
  }
  return null;
}

/**
 * Token indices of positions [from, to) of `a` (a function's contiguous token range) as one
 * hypothetical kernel build sees them: each kernel-compatibility `#if` group resolved to the
 * branch that build takes, each CO-RE `if (bpf_core_*(…))` statement to its then-statement
 * (newest; the else-statement for `if (!bpf_core_*(…))`) or its else-statement, or nothing
 * (oldest), outer braces dropped. Nested regions are resolved the same way.
 */
function resolveVariant(T: Tokens, a: number[], from: number, to: number, build: Build, groups: Map<number, Group>, out: number[]): void {
  const base = a[0]!;
  for (let p = from; p < to; p++) {
    const t = a[p]!;
    if (T.pp[t] === PP_IF) {
      const g = groups.get(t);
      if (g && g.compat && g.end <= a[to - 1]!) {
        const taken = takenBranch(T, g, build);
        if (taken) resolveVariant(T, a, taken[0] - base, taken[1] - base, build, groups, out);
        p = g.end - base;
        continue;
      }
    }
    if (T.kind[t] === IDENT && T.text[t] === 'if' && p + 1 < to && T.text[a[p + 1]!] === '(') {
      const close = matchForward(T, a, p + 1);
      let check = false;
      for (let j = p + 2; j < close; j++) if (isCoreCheck(T, a[j]) && T.text[a[j + 1]!] === '(') check = true;
      if (check) {
        const thenEnd = statementEnd(T, a, close + 1);
        const j = skipDirectives(T, a, thenEnd);
        const hasElse = j < a.length && T.kind[a[j]!] === IDENT && T.text[a[j]!] === 'else';
        const end = hasElse ? statementEnd(T, a, j + 1) : thenEnd;
        // `if (!bpf_core_x(…))`: the feature is missing in the then-branch.
        const negated = T.text[a[p + 2]!] === '!' && isCoreCheck(T, a[p + 3]) && matchForward(T, a, p + 4) === close - 1;
        const then = (build === 'newest') !== negated;
        let [b0, b1] = then ? [close + 1, thenEnd] : hasElse ? [j + 1, end] : [0, 0];
        b0 = skipDirectives(T, a, b0);
        if (b1 - b0 >= 2 && T.text[a[b0]!] === '{' && matchForward(T, a, b0) === b1 - 1) {
          b0++;
          b1--;
        }
        if (b1 > b0) resolveVariant(T, a, b0, b1, build, groups, out);
        p = end - 1;
        continue;
      }
    }
    out.push(t);
  }
}

function skipDirectives(T: Tokens, a: number[], k: number): number {
  while (k < a.length && T.kind[a[k]!] === DIRECTIVE) k++;
  return k;
}

/** Index (in `a`) just past the `if` statement at `k`, its else branch included (else-if chains iteratively). */
function ifStatementEnd(T: Tokens, a: number[], k: number): number {
  for (;;) {
    const close = matchForward(T, a, k + 1);
    if (close < 0) return a.length;
    const e = statementEnd(T, a, close + 1);
    const j = skipDirectives(T, a, e);
    if (!(j < a.length && T.kind[a[j]!] === IDENT && T.text[a[j]!] === 'else')) return e;
    const s = skipDirectives(T, a, j + 1);
    if (s + 1 < a.length && T.text[a[s]!] === 'if' && T.text[a[s + 1]!] === '(') {
      k = s;
      continue;
    }
    return statementEnd(T, a, j + 1);
  }
}

/** Index (in `a`) just past the C statement starting at `k`. */
function statementEnd(T: Tokens, a: number[], k: number): number {
  k = skipDirectives(T, a, k);
  if (k >= a.length) return a.length;
  const t = a[k]!;
  const s = T.text[t];
  if (T.kind[t] === PUNCT && s === '{') {
    const close = matchForward(T, a, k);
    return close < 0 ? a.length : close + 1;
  }
  if (T.kind[t] === IDENT) {
    const paren = k + 1 < a.length && T.text[a[k + 1]!] === '(';
    if (s === 'if' && paren) return ifStatementEnd(T, a, k);
    if ((s === 'for' || s === 'while' || s === 'switch') && paren) {
      const close = matchForward(T, a, k + 1);
      return close < 0 ? a.length : statementEnd(T, a, close + 1);
    }
    if (s === 'do') return statementEnd(T, a, statementEnd(T, a, k + 1)); // body, then `while (...);`
  }
  // An expression statement: up to `;` outside brackets, or up to the enclosing block's `}`.
  let depth = 0;
  for (let j = k; j < a.length; j++) {
    const u = a[j]!;
    if (T.kind[u] !== PUNCT) continue;
    const p = T.text[u];
    if (p === '(' || p === '[' || p === '{') depth++;
    else if (p === ')' || p === ']' || p === '}') {
      if (depth === 0) return j;
      depth--;
    } else if (p === ';' && depth === 0) return j + 1;
  }
  return a.length;
}

// ---------------------------------------------------------------------------------------------

function digest(texts: string[]): string {
  return createHash('sha1').update(texts.join('\u0000')).digest('hex').slice(0, 16);
}

/** 1-based lines of ascending byte offsets (one pass, no full line index). */
function linesOf(src: string, offsets: number[]): number[] {
  const out: number[] = [];
  let line = 1;
  let pos = 0;
  for (const off of offsets) {
    for (let nl = src.indexOf('\n', pos); nl >= 0 && nl < off; nl = src.indexOf('\n', nl + 1)) {
      line++;
      pos = nl + 1;
    }
    out.push(line);
  }
  return out;
}

/** Whether a function exists only under kernel-compatibility conditionals. */
export function isKernelSpecific(fn: CodeFunction): boolean {
  return fn.kernelSpecific === true;
}

/** The `compatVariants` of a function, or its hash twice when it has no kernel-compatibility regions. */
export function compatVariants(fn: CodeFunction): [string, string] {
  return fn.compatVariants ?? [fn.hash, fn.hash];
}

/** The functions of one filler or program file, keyed by name, with their token hashes. */
export function extractCodeBodies(path: string, source: string): CodeFile {
  const T = lex(source);
  const defs = findDefinitions(T);
  const groups = conditionalGroups(T);
  const lines = linesOf(source, defs.map((d) => d.at));
  interface Entry {
    def: Def;
    line: number;
    text: string;
    core: string;
    oldest: string;
    newest: string;
  }
  const join = (list: number[]) => list.map((t) => T.text[t]).join('\u001f');
  const byName = new Map<string, Entry[]>();
  defs.forEach((def, i) => {
    const text = T.text.slice(def.start, def.end + 1).join('\u001f');
    let core = text;
    let oldest = text;
    let newest = text;
    try {
      const kept = coreTokens(T, def.start, def.end, groups);
      if (kept) {
        core = join(kept);
        const a: number[] = [];
        for (let t = def.start; t <= def.end; t++) a.push(t);
        const f: number[] = [];
        const l: number[] = [];
        resolveVariant(T, a, 0, a.length, 'oldest', groups, f);
        resolveVariant(T, a, 0, a.length, 'newest', groups, l);
        oldest = join(f);
        newest = join(l);
      }
    } catch (e) {
      // Statements or conditionals nested deeper than the stack (crafted input): no
      // kernel-compatibility allowance for this function, every change counts.
      if (!(e instanceof RangeError)) throw e;
      core = oldest = newest = text;
    }
    const entry = { def, line: lines[i]!, text, core, oldest, newest };
    const list = byName.get(def.name);
    if (list) list.push(entry);
    else byName.set(def.name, [entry]);
  });
  const functions: Record<string, CodeFunction> = {};
  for (const name of [...byName.keys()].sort()) {
    const list = byName.get(name)!;
    const hash = digest(list.map((e) => e.text));
    // Definitions inside top-level kernel-compatibility groups are variants of the others.
    const plain = list.filter((e) => !e.def.compatScoped);
    const pick = (parts: string[]) => (parts.length === list.length && parts.every((c, i) => c === list[i]!.text) ? hash : digest(parts));
    const coreHash = pick((plain.length ? plain : list).map((e) => e.core));
    // Alternative definitions of a kernel-specific helper: the last one (usually the `#else`)
    // stands for the oldest kernels, the first for the newest.
    const oldest = pick((plain.length ? plain : list.slice(-1)).map((e) => e.oldest));
    const newest = pick((plain.length ? plain : list.slice(0, 1)).map((e) => e.newest));
    const fn: CodeFunction = { line: list[0]!.line, hash, coreHash };
    if (oldest !== hash || newest !== hash) fn.compatVariants = [oldest, newest];
    if (!plain.length) fn.kernelSpecific = true;
    // An own property even for a function named `__proto__` (the sources are untrusted).
    Object.defineProperty(functions, name, { value: fn, enumerable: true, writable: true, configurable: true });
  }
  return { probe: probeOf(path), functions };
}
