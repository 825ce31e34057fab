/**
 * Kernel-compatibility code in filler and program functions (see code-bodies.ts): conditional
 * groups on kernel versions or kernel API probes, CO-RE feature checks, and the function as
 * the oldest and the newest kernel builds see it. libs' README.VERSION.md: no bump for changes
 * that only fix the build on some kernels.
 */
import { evaluate, type MacroDef } from '../../../parse/consteval.js';
import { matchForward, skipDirectives, statementEnd } from './functions.js';
import { DIRECTIVE, IDENT, NUMBER, PP_ELIF, PP_ELSE, PP_ENDIF, PP_IF, type Tokens } from './lexer.js';
import { partialCondition, type Partial } from './partial-condition.js';
import { record } from '../../../record.js';
import { MEMO_ENTRIES } from '../../../limits.js';

/**
 * What a conditional tests, read from the identifiers of its condition:
 * - the kernel version (`LINUX_VERSION_CODE`, `KERNEL_VERSION`, RHEL and Ubuntu releases);
 * - a kernel API probe: the presence of a kernel API or a quirk of some kernels, which selects
 *   another spelling of the same code (`HAS_*` from the kmod's configure system, `__has_include`,
 *   UAPI feature macros, `defined(get_file_rcu)`, the legacy probe's verifier quirks); whether
 *   it marks older or newer kernels depends on the probe;
 * - a kernel configuration option (`CONFIG_*` that selects no architecture): whether the
 *   kernel was built with a subsystem. libs compiles payload code under them (the cgroups
 *   param under `CONFIG_CGROUPS`, memfd detection under `CONFIG_MEMFD_CREATE`) and every distro
 *   kernel sets the common ones, so the code under one is code of every build that has it.
 * The first two make a conditional kernel-compatibility code (README.VERSION.md: no bump for
 * "patches that solely address build issues on specific kernels"); an option alone does not.
 */
type CompatKind = 'version' | 'probe' | 'config';

/**
 * Not `BPF_SUPPORTS_RAW_TRACEPOINTS`: it selects the legacy probe's main code path on every
 * kernel from 4.17, so code under it is the probe's logic.
 */
const VERSION_IDENTS = new Set(['LINUX_VERSION_CODE', 'KERNEL_VERSION', 'UTS_UBUNTU_RELEASE_ABI']);
/** The legacy probe's quirks of old kernels (the pre-4.14 verifier, COS 73) and header presence. */
const PROBE_IDENTS = new Set([
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
const ARCH_CONFIG =
  /^CONFIG_(COMPAT|IA32_EMULATION|X86(_64|_32)?|ARM(64)?|AEABI|S390|PPC(32|64)?|RISCV|LOONGARCH|MIPS|64BIT|32BIT)$/;

function compatKind(id: string): CompatKind | null {
  if (VERSION_IDENTS.has(id) || id.includes('RHEL_RELEASE')) return 'version'; // RHEL_RELEASE_CODE, PPM_RHEL_RELEASE_VERSION
  if (PROBE_IDENTS.has(id) || UAPI_FEATURE_MACRO.test(id) || id.startsWith('HAS_')) return 'probe';
  if (id.startsWith('CONFIG_') && !ARCH_CONFIG.test(id)) return 'config';
  return null;
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

/** Flags every `#if`/`#elif` whose condition tests the kernel version or probes a kernel API. */
export function markCompat(T: Tokens): void {
  for (let k = 0; k < T.n; k++) {
    if (T.kind[k] !== DIRECTIVE || (T.pp[k] !== PP_IF && T.pp[k] !== PP_ELIF)) continue;
    const cond = directiveCondition(T.text[k]!);
    T.compat[k] = cond !== null && isCompatCondition(cond) ? 1 : 0;
  }
}

/**
 * Does a conditional directive's condition (`#ifdef X` is passed as `defined(X)`) test the
 * kernel version or probe a kernel API (CompatKind)? Besides the identifiers above,
 * `defined(x)` of a lower-case name is a kernel API presence check (`defined(get_file_rcu)`,
 * `access_ok_noprefault`): the driver's own macros are upper case. A condition on kernel
 * configuration options only is not: the code under it is built by every kernel with them.
 */
export function isCompatCondition(condition: string): boolean {
  const ids = condition.match(/[A-Za-z_]\w*/g) ?? [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const kind = compatKind(id);
    if (kind === 'version' || kind === 'probe') return true;
    if (id === 'defined' && /^[a-z][a-z0-9_]*$/.test(ids[i + 1] ?? '')) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Kernel-compatibility regions and the kernel builds that resolve them

export interface Group {
  /** Token index of the `#endif`. */
  end: number;
  /** Any of its conditions tests the kernel version or probes a kernel API. */
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
export function isCoreCheck(T: Tokens, t: number | undefined): boolean {
  if (t === undefined || T.kind[t] !== IDENT) return false;
  const s = T.text[t]!;
  return s.startsWith('bpf_core_') && !s.startsWith('bpf_core_read');
}

/** What may join CO-RE checks in a feature-check condition besides them: logic, comparison, the checked constants. */
const FEATURE_CHECK_GLUE = new Set(['!', '&&', '||', '(', ')', '==', '!=']);

/**
 * Whether the condition between the parentheses at positions `open` and `close` of `a` is a
 * CO-RE feature check: `bpf_core_*(…)` calls joined only by logic and comparisons with
 * constants (`bpf_core_enum_value(enum bpf_func_id, BPF_FUNC_x) == BPF_FUNC_x`). A condition
 * that also tests the event's data (`bpf_core_type_exists(struct if_dqblk) && cmd == Q_GET`)
 * is payload logic in every build.
 */
export function isFeatureCheck(T: Tokens, a: number[], open: number, close: number): boolean {
  const checked = new Set<string>();
  const rest: number[] = [];
  for (let j = open + 1; j < close; j++) {
    const t = a[j]!;
    if (isCoreCheck(T, t) && T.text[a[j + 1]!] === '(') {
      const end = matchForward(T, a, j + 1);
      if (end < 0 || end >= close) return false;
      for (let k = j + 2; k < end; k++) if (T.kind[a[k]!] === IDENT) checked.add(T.text[a[k]!]!);
      j = end;
    } else rest.push(t);
  }
  // Outside the checks: logic, numbers, macro-case constants and the names the checks check.
  const constant = (t: number) =>
    T.kind[t] === NUMBER || (T.kind[t] === IDENT && (/^[A-Z][A-Z0-9_]*$/.test(T.text[t]!) || checked.has(T.text[t]!)));
  return checked.size > 0 && rest.every((t) => FEATURE_CHECK_GLUE.has(T.text[t]!) || constant(t));
}

/**
 * A hypothetical kernel build, for `compatVariants` and for groups decided by the supported
 * kernel range: `kernel` is its LINUX_VERSION_CODE; `probes` says whether every kernel API probe
 * finds its API (and every CO-RE check holds), `config` whether every configuration option is
 * set. Not RHEL or Ubuntu in any.
 */
export interface Build {
  kernel: bigint;
  probes: boolean;
  config: boolean;
}

/** The highest LINUX_VERSION_CODE. */
const KERNEL_MAX = 0x7fffffffn;

/**
 * The oldest supported kernel, built four ways: without and with the probed kernel APIs, each
 * without and with the configuration options (in this order: see `keepsOldestBuild`).
 */
export function oldestBuilds(minKernel: bigint): [Build, Build, Build, Build] {
  return [
    { kernel: minKernel, probes: false, config: false },
    { kernel: minKernel, probes: false, config: true },
    { kernel: minKernel, probes: true, config: false },
    { kernel: minKernel, probes: true, config: true },
  ];
}
/** The newest kernel, with every probed API and every option. */
export const NEWEST: Build = { kernel: KERNEL_MAX, probes: true, config: true };

const KERNEL_MACROS = record<MacroDef>({
  KERNEL_VERSION: {
    name: 'KERNEL_VERSION',
    params: ['a', 'b', 'c'],
    body: '(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))',
  },
  IS_ENABLED: { name: 'IS_ENABLED', params: ['x'], body: '(x)' },
  IS_BUILTIN: { name: 'IS_BUILTIN', params: ['x'], body: '(x)' },
});

/** Whether `build` defines an identifier of a condition: probed APIs and options as it says, the rest not (RHEL, Ubuntu, the architecture options). */
function defines(id: string, build: Build): boolean {
  const kind = compatKind(id);
  if (kind === 'probe' || (kind === null && /^[a-z]/.test(id))) return build.probes;
  return kind === 'config' && build.config;
}

/** Whether a build knows an identifier: the kernel's version, releases, probes and options; not the architecture or the driver's own switches. */
function knows(id: string): boolean {
  return compatKind(id) !== null || /^[a-z]/.test(id);
}

/** LINUX_VERSION_CODE and the kernel's macros, in `build`. */
function kernelMacros(build: Build) {
  const get = (name: string): MacroDef | undefined =>
    name === 'LINUX_VERSION_CODE' ? { name, params: null, body: String(build.kernel) } : KERNEL_MACROS[name];
  return { get, has: (n: string) => get(n) !== undefined };
}

/**
 * A directive condition as far as `build` decides it (partial-condition.ts): the kernel version,
 * probes and options evaluated, the architecture and the driver's own switches left as written.
 */
export function decide(condition: string, build: Build): Partial {
  // libs repeats a few hundred conditions thousands of times (every function, every build).
  const key = `${build.kernel}:${Number(build.probes)}${Number(build.config)}:${condition}`;
  let hit = decisions.get(key);
  if (!hit) {
    if (decisions.size >= MEMO_ENTRIES) decisions.clear();
    decisions.set(key, (hit = decideNow(condition, build)));
  }
  return hit;
}

/** decide()'s answers (never mutated by callers). */
const decisions = new Map<string, Partial>();

function decideNow(condition: string, build: Build): Partial {
  const macros = kernelMacros(build);
  return partialCondition(condition, (expr) =>
    evaluate(expr, {
      macros,
      enumerators: new Map(),
      isDefined: (n) => (macros.has(n) ? true : knows(n) ? defines(n, build) : null),
      identifier: (n) => (knows(n) ? (defines(n, build) ? 1n : 0n) : null),
      hasInclude: () => build.probes,
    }),
  );
}

/**
 * Evaluates a directive condition the way the preprocessor would in `build`, with the one
 * constant evaluator (parse/consteval.ts). Identifiers the build does not define are 0, as in
 * C; `onValue` sees every number (the thresholds of version tests).
 */
export function evalCondition(condition: string, build: Build, onValue?: (v: bigint) => void): boolean {
  const macros = kernelMacros(build);
  const v = evaluate(condition, {
    macros,
    enumerators: new Map(),
    isDefined: (n) => macros.has(n) || defines(n, build),
    identifier: (n) => (defines(n, build) ? 1n : 0n),
    hasInclude: () => build.probes,
    ...(onValue ? { onValue } : {}),
  });
  return v !== null && v !== 0n;
}

/**
 * The branch of a group every supported kernel takes, when its conditions depend on the kernel
 * version only: its index, or -1 when none is taken. undefined when the choice varies over the
 * range, depends on a probe or an option (a real compatibility region), or on something no
 * kernel build decides (the architecture, the driver's own switches).
 */
function decidedBranch(T: Tokens, g: Group, minKernel: bigint): number | undefined {
  const conds = g.branches.map((d) => directiveCondition(T.text[d]!));
  const seen: bigint[] = [];
  for (const c of conds) if (c !== null) evalCondition(c, oldestBuilds(minKernel)[0], (v) => seen.push(v));
  const samples = new Set<bigint>([minKernel, KERNEL_MAX]);
  for (const v of seen) for (const x of [v - 1n, v, v + 1n]) if (x > minKernel && x < KERNEL_MAX) samples.add(x);
  let choice: number | undefined;
  for (const kernel of samples) {
    for (const { probes, config } of oldestBuilds(0n)) {
      const parts = conds.map((c) => (c === null ? { value: true } : decide(c, { kernel, probes, config })));
      if (parts.some((p) => !('value' in p))) return undefined;
      const i = parts.findIndex((p) => 'value' in p && p.value);
      if (choice === undefined) choice = i;
      else if (choice !== i) return undefined;
    }
  }
  return choice;
}

/** Each branch's condition in `build` (an `#else`: true). */
function branchConditions(T: Tokens, g: Group, build: Build): Partial[] {
  return g.branches.map((d) => {
    const cond = directiveCondition(T.text[d]!);
    return cond === null ? { value: true } : decide(cond, build);
  });
}

/** Whether `build` may compile branch `b` of a group: no branch before it is taken, and it is not ruled out. */
export function mayCompile(T: Tokens, g: Group, b: number, build: Build): boolean {
  const parts = branchConditions(T, g, build);
  const ruledOut = (p: Partial) => 'value' in p && !p.value;
  return !ruledOut(parts[b]!) && !parts.slice(0, b).some((p) => 'value' in p && p.value);
}

/** A directive token that is not in the source (a condition a build simplified), one per text. */
function synthetic(T: Tokens, text: string, pp: number): number {
  let memo = syntheticTokens.get(T);
  if (!memo) syntheticTokens.set(T, (memo = new Map()));
  let t = memo.get(text);
  if (t === undefined) {
    t = T.n;
    T.push(DIRECTIVE, text, 0, pp);
    memo.set(text, t);
  }
  return t;
}
const syntheticTokens = new WeakMap<Tokens, Map<string, number>>();

/**
 * A compat group as `build` compiles it, appended to `out`: the branches it rules out dropped,
 * the one it takes unwrapped (or kept as the `#else` of the ones it cannot decide), the ones it
 * cannot decide kept with their conditions simplified.
 */
function resolveGroup(T: Tokens, a: number[], g: Group, build: Build, groups: Map<number, Group>, out: number[]): void {
  const base = a[0]!;
  const marks = [...g.branches, g.end];
  const parts = branchConditions(T, g, build);
  let kept = 0;
  for (let b = 0; b < g.branches.length; b++) {
    const d = g.branches[b]!;
    const p = parts[b]!;
    if ('value' in p && !p.value) continue;
    if ('value' in p) {
      if (kept) out.push(T.pp[d] === PP_ELSE ? d : synthetic(T, '#else', PP_ELSE));
      resolveVariant(T, a, d + 1 - base, marks[b + 1]! - base, build, groups, out);
      break;
    }
    // The source's own directive when the build changes nothing in it.
    const same = !p.simplified && (b === 0) === (kept === 0);
    out.push(same ? d : synthetic(T, `${kept ? '#elif' : '#if'} ${p.text}`, kept ? PP_ELIF : PP_IF));
    kept++;
    resolveVariant(T, a, d + 1 - base, marks[b + 1]! - base, build, groups, out);
  }
  if (kept) out.push(g.end);
}

/**
 * Where a CO-RE `if` resolved up to `end` really ends: past the `#endif`s of groups that open
 * between its then-statement and its `else` (positions [thenEnd, elseAt) of `a`) when nothing
 * but directives follows the else-statement up to them (`} #ifdef X else {…} #endif`): those
 * directives wrap the else, which the resolution has already taken or dropped.
 */
function closingDirectives(
  T: Tokens,
  a: number[],
  groups: Map<number, Group>,
  thenEnd: number,
  elseAt: number,
  end: number,
): number {
  const base = a[0]!;
  const reach = skipDirectives(T, a, end);
  let after = end;
  for (let k = thenEnd; k < elseAt; k++) {
    const g = T.pp[a[k]!] === PP_IF ? groups.get(a[k]!) : undefined;
    if (g && g.end - base < reach) after = Math.max(after, g.end - base + 1);
  }
  return after;
}

/**
 * Token indices of positions [from, to) of `a` (a function's contiguous token range) as one
 * hypothetical kernel build sees them: each kernel-compatibility `#if` group resolved as far as
 * the build decides it (resolveGroup), each CO-RE `if (bpf_core_*(…))` statement to its then-statement
 * (newest; the else-statement for `if (!bpf_core_*(…))`) or its else-statement, or nothing
 * (oldest), outer braces dropped. Nested regions are resolved the same way.
 */
export function resolveVariant(
  T: Tokens,
  a: number[],
  from: number,
  to: number,
  build: Build,
  groups: Map<number, Group>,
  out: number[],
): void {
  const base = a[0]!;
  for (let p = from; p < to; p++) {
    const t = a[p]!;
    if (T.pp[t] === PP_IF) {
      const g = groups.get(t);
      if (g?.compat && g.end <= a[to - 1]!) {
        resolveGroup(T, a, g, build, groups, out);
        p = g.end - base;
        continue;
      }
    }
    if (T.kind[t] === IDENT && T.text[t] === 'if' && p + 1 < to && T.text[a[p + 1]!] === '(') {
      const close = matchForward(T, a, p + 1);
      if (isFeatureCheck(T, a, p + 1, close)) {
        const thenEnd = statementEnd(T, a, close + 1);
        const j = skipDirectives(T, a, thenEnd);
        const hasElse = j < a.length && T.kind[a[j]!] === IDENT && T.text[a[j]!] === 'else';
        const end = hasElse ? statementEnd(T, a, j + 1) : thenEnd;
        // `if (!bpf_core_x(…))`: the feature is missing in the then-branch.
        const negated =
          T.text[a[p + 2]!] === '!' && isCoreCheck(T, a[p + 3]) && matchForward(T, a, p + 4) === close - 1;
        const then = build.probes !== negated;
        let [b0, b1] = then ? [close + 1, thenEnd] : hasElse ? [j + 1, end] : [0, 0];
        b0 = skipDirectives(T, a, b0);
        if (b1 - b0 >= 2 && T.text[a[b0]!] === '{' && matchForward(T, a, b0) === b1 - 1) {
          b0++;
          b1--;
        }
        if (b1 > b0) resolveVariant(T, a, b0, b1, build, groups, out);
        p = closingDirectives(T, a, groups, thenEnd, j, end) - 1;
        continue;
      }
    }
    out.push(t);
  }
}
