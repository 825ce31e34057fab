/**
 * Kernel-compatibility code in filler and program functions (see code-bodies.ts): conditional
 * groups on kernel versions or kernel features, CO-RE feature checks, and the function as the
 * oldest and the newest kernel build see it. libs' README.VERSION.md: no bump for changes that
 * only fix the build on some kernels.
 */
import { matchForward, ifStatementEnd, skipDirectives, statementEnd } from './functions.js';
import { DIRECTIVE, IDENT, PP_ELIF, PP_ELSE, PP_ENDIF, PP_IF, type Tokens } from './lexer.js';

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
]);

/**
 * Kernel UAPI feature macros (`IORING_FEAT_SINGLE_MMAP`): the kernel headers define them from
 * the release that has the feature, so `#ifdef` on one is a kernel-build switch like a
 * LINUX_VERSION_CODE test (libs 4949e54e0 fixed a RHEL 8.2 build this way).
 */
const UAPI_FEATURE_MACRO = /^[A-Z][A-Z0-9]*_FEAT_[A-Z0-9_]+$/;

/**
 * Kernel config options that select an architecture or the 32-bit syscall ABI: code under them
 * builds a payload on that architecture (which syscall argument holds what), so a change there
 * is a logic change, not a build fix.
 */
const ARCH_CONFIG = /^CONFIG_(COMPAT|IA32_EMULATION|X86(_64|_32)?|ARM(64)?|AEABI|S390|PPC(32|64)?|RISCV|LOONGARCH|MIPS|64BIT|32BIT)$/;

function isCompatIdent(id: string): boolean {
  return (
    COMPAT_IDENTS.has(id) ||
    UAPI_FEATURE_MACRO.test(id) ||
    id.includes('RHEL_RELEASE') || // RHEL_RELEASE_CODE, PPM_RHEL_RELEASE_VERSION
    id.startsWith('HAS_') || // the configure system's kernel probes (driver/configure)
    (id.startsWith('CONFIG_') && !ARCH_CONFIG.test(id))
  );
}

/** The condition a conditional directive token tests (`#ifdef X` → `defined(X)`), or null. */
export function directiveCondition(text: string): string | null {
  const m = /^#(\w+)\s*(.*)$/.exec(text);
  if (!m) return null;
  const [, name, cond] = m as unknown as [string, string, string];
  if (name.endsWith('ndef')) return `!defined(${cond})`;
  if (name.endsWith('def')) return `defined(${cond})`;
  return name === 'if' || name === 'elif' ? cond : null;
}

/** Flags every `#if`/`#elif` whose condition mentions a kernel-version or kernel-feature macro. */
export function markCompat(T: Tokens): void {
  for (let k = 0; k < T.n; k++) {
    if (T.kind[k] !== DIRECTIVE || (T.pp[k] !== PP_IF && T.pp[k] !== PP_ELIF)) continue;
    const cond = directiveCondition(T.text[k]!);
    T.compat[k] = cond !== null && isCompatCondition(cond) ? 1 : 0;
  }
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

// ---------------------------------------------------------------------------------------------
// Kernel-compatibility code, removed for coreHash

export interface Group {
  /** Token index of the `#endif`. */
  end: number;
  /** Any of its conditions mentions a kernel-version or kernel-feature macro. */
  compat: boolean;
  /** Token indices of its `#if`, `#elif`s and `#else`, in order. */
  branches: number[];
}

/** Conditional groups by the token index of their `#if` (unclosed ones are left out). */
export function conditionalGroups(T: Tokens): Map<number, Group> {
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
export function coreTokens(T: Tokens, start: number, end: number, groups: Map<number, Group>): number[] | null {
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
export type Build = 'oldest' | 'newest';

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
    const cond = directiveCondition(T.text[d]!);
    if (cond === null || evalCondition(cond, build)) return [d + 1, marks[b + 1]!];
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
export function resolveVariant(T: Tokens, a: number[], from: number, to: number, build: Build, groups: Map<number, Group>, out: number[]): void {
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