/**
 * Kernel-compatibility code in filler and program functions (see code-bodies.ts): conditional
 * groups on kernel versions or kernel features, CO-RE feature checks, and the function as the
 * oldest and the newest kernel build see it. libs' README.VERSION.md: no bump for changes that
 * only fix the build on some kernels.
 */
import { evaluate, type MacroDef } from '../../../parse/consteval.js';
import { matchForward, ifStatementEnd, skipDirectives, statementEnd } from './functions.js';
import { DIRECTIVE, IDENT, PP_ELIF, PP_ELSE, PP_ENDIF, PP_IF, type Tokens } from './lexer.js';
import { record } from '../../../record.js';

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
  /**
   * A compat group every supported kernel resolves alike (`#if LINUX_VERSION_CODE >=
   * KERNEL_VERSION(2, 6, 0)` when the driver needs 3.10): the branch they take (-1: none). Its
   * code is plain code, and the other branches dead code.
   */
  decided?: number;
}

/** Conditional groups by the token index of their `#if` (unclosed ones are left out). */
export function conditionalGroups(T: Tokens, minKernel = 0n): Map<number, Group> {
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
      if (!top) continue;
      const g = { ...top.group, end: k };
      if (g.compat) {
        const decided = decidedBranch(T, g, minKernel);
        if (decided !== undefined) g.decided = decided;
      }
      groups.set(top.at, g);
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
  // A decided group keeps its taken branch: `skipTo` jumps from the end of that branch to the `#endif`.
  const skipTo = new Map<number, number>();
  for (let k = start; k <= end; k++) {
    const jump = skipTo.get(k);
    if (jump !== undefined) {
      k = jump;
      continue;
    }
    if (T.pp[k] === PP_IF) {
      const g = groups.get(k);
      if (g && g.compat && g.end <= end) {
        changed = true;
        const taken = g.decided ?? -1;
        if (taken < 0) {
          k = g.end;
          continue;
        }
        const marks = [...g.branches, g.end];
        skipTo.set(marks[taken + 1]!, g.end);
        k = marks[taken]!;
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
 * A hypothetical kernel build, for `compatVariants` and for groups decided by the supported
 * kernel range: `kernel` is its LINUX_VERSION_CODE; `features` says whether every kernel
 * feature macro is defined and every CO-RE check true. Not RHEL in either.
 */
export interface Build {
  kernel: bigint;
  features: boolean;
}

/** The highest LINUX_VERSION_CODE. */
const KERNEL_MAX = 0x7fffffffn;

/** The oldest supported kernel with no optional feature, and the newest with every one. */
export function oldest(minKernel: bigint): Build {
  return { kernel: minKernel, features: false };
}
export const NEWEST: Build = { kernel: KERNEL_MAX, features: true };

const KERNEL_MACROS = record<MacroDef>({
  KERNEL_VERSION: { name: 'KERNEL_VERSION', params: ['a', 'b', 'c'], body: '(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))' },
  IS_ENABLED: { name: 'IS_ENABLED', params: ['x'], body: '(x)' },
  IS_BUILTIN: { name: 'IS_BUILTIN', params: ['x'], body: '(x)' },
});

function isFeature(id: string): boolean {
  return (isCompatIdent(id) && !id.includes('RHEL_RELEASE')) || /^[a-z]/.test(id);
}

/**
 * Evaluates a directive condition the way the preprocessor would in `build`, with the one
 * constant evaluator (parse/consteval.ts). Identifiers that are not kernel feature macros are
 * undefined (0), as in C; `onValue` sees every number (the thresholds of version tests).
 */
export function evalCondition(condition: string, build: Build, onValue?: (v: bigint) => void): boolean {
  const lookup = (name: string): MacroDef | undefined =>
    name === 'LINUX_VERSION_CODE' ? { name, params: null, body: String(build.kernel) } : KERNEL_MACROS[name];
  const v = evaluate(condition, {
    macros: { get: lookup, has: (n) => lookup(n) !== undefined },
    enumerators: new Map(),
    isDefined: (n) => n === 'LINUX_VERSION_CODE' || n in KERNEL_MACROS || (isFeature(n) && build.features),
    identifier: (n) => (isFeature(n) && build.features ? 1n : 0n),
    hasInclude: () => build.features,
    ...(onValue ? { onValue } : {}),
  });
  return v !== null && v !== 0n;
}

/**
 * The branch of a group every supported kernel takes, when its conditions depend on the kernel
 * version only: its index, or -1 when none is taken. undefined when the choice varies over the
 * range or depends on a kernel feature (a real compatibility region).
 */
function decidedBranch(T: Tokens, g: Group, minKernel: bigint): number | undefined {
  const conds = g.branches.map((d) => directiveCondition(T.text[d]!));
  const seen: bigint[] = [];
  for (const c of conds) if (c !== null) evalCondition(c, oldest(minKernel), (v) => seen.push(v));
  const samples = new Set<bigint>([minKernel, KERNEL_MAX]);
  for (const v of seen) for (const x of [v - 1n, v, v + 1n]) if (x > minKernel && x < KERNEL_MAX) samples.add(x);
  let choice: number | undefined;
  for (const kernel of samples) {
    for (const features of [false, true]) {
      const i = conds.findIndex((c) => c === null || evalCondition(c, { kernel, features }));
      if (choice === undefined) choice = i;
      else if (choice !== i) return undefined;
    }
  }
  return choice;
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
        const then = build.features !== negated;
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