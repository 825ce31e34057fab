/**
 * Which branches of a file's conditional groups each build configuration compiles: the
 * preprocessor's walk over the directives (directives.ts), for one configuration
 * (build-configs.ts), with three-valued answers: a branch is compiled always, never, or maybe
 * (a condition on something we cannot know, such as the target kernel's configuration or a
 * kernel version inside the supported range). `#define`, `#undef` and `#include` of files of the
 * tree are followed in order, as the preprocessor does: `#ifndef X` after `#define X` is not
 * compiled, and a macro defined in an included header counts from the `#include` on.
 *
 * Kernel versions: in a kernel build, `LINUX_VERSION_CODE` is any version from the minimum the
 * driver states (its `#if LINUX_VERSION_CODE < KERNEL_VERSION(...)` + `#error`) upwards. A
 * condition is evaluated at every version where its answer can change (the thresholds it
 * compares with) over that range: the same answer everywhere is a known answer, so a branch
 * only for kernels below the minimum is never compiled.
 */
import { CONFIGS, DEFINED_VALUE_UNKNOWN, isExternal, type BuildConfig, type ConfigMask } from './build-configs.js';
import { evaluate, type MacroDef, type SymbolTable } from './consteval.js';
import {
  applyPack,
  pragmaOperatorPacks,
  type Directives,
  type IncludeFact,
  type Op,
  type PackState,
} from './directives.js';
import { expandMacros } from './macros.js';
import { MAX_INCLUDE_DEPTH, MAX_INCLUDED_FILES, MEMO_ENTRIES } from '../limits.js';
import { describeLimit, type WorkBudget } from './budget.js';

/** 0: never compiled, 1: maybe, 2: always. */
export type Status = 0 | 1 | 2;

/** The highest kernel version `LINUX_VERSION_CODE` can take. */
const KERNEL_MAX = 0x7fffffffn;

const KERNEL_VERSION: MacroDef = {
  name: 'KERNEL_VERSION',
  params: ['a', 'b', 'c'],
  body: '(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))',
};

/** `KERNEL_VERSION(a, b, c)` as a number. */
export function kernelVersion(a: number, b: number, c: number): bigint {
  return BigInt((a << 16) + (b << 8) + Math.min(c, 255));
}

/** `3.10.0` for a LINUX_VERSION_CODE value. */
export function describeKernel(v: bigint): string {
  const n = Number(v);
  return `${n >> 16}.${(n >> 8) & 0xff}.${n & 0xff}`;
}

/** How a walk finds the files a directive includes: the directives of an in-tree file, or null (outside the tree). */
export type IncludeResolver = (from: string, inc: IncludeFact) => { path: string; directives: Directives } | null;

/**
 * One layer of the preprocessor's macro table: what one stretch of the walk defined or
 * undefined. The table is a stack of layers (the configuration's own answers below them all);
 * an included header's effect is one layer, reused as is by every later inclusion that sees
 * the same inputs.
 */
class Layer {
  /** 2: defined, 0: undefined (after `#undef`), 1: maybe. */
  readonly status = new Map<string, Status>();
  /** The definition of a macro certainly defined by one `#define`, or the definitions a maybe-defined one may have. */
  readonly defs = new Map<string, MacroDef | MacroDef[]>();
}

/**
 * What a configuration says about a name no `#define` of the walk set: its predefined value,
 * `set` (defined by every compiler, with a value that depends on it), `ext` (defined outside
 * the tree, unknown), `kver` (the kernel version of a kernel build), or `undef`.
 */
function answerOf(config: BuildConfig, name: string): string {
  if (config.kernel && (name === 'LINUX_VERSION_CODE' || name === 'KERNEL_VERSION')) return 'kver';
  if (Object.hasOwn(config.defines, name)) return `def:${config.defines[name]}`;
  if (DEFINED_VALUE_UNKNOWN.has(name)) return 'set';
  return isExternal(name, config) ? 'ext' : 'undef';
}

/** Every configuration's answer for a name, by configuration index; one answer when they all agree. */
const answers = new Map<string, string | string[]>();

function answersFor(name: string): string | string[] {
  let a = answers.get(name);
  if (a === undefined) {
    const all = CONFIGS.map((c) => answerOf(c, name));
    a = all.every((x) => x === all[0]) ? all[0]! : all;
    if (answers.size >= MEMO_ENTRIES) answers.clear();
    answers.set(name, a);
  }
  return a;
}

/** A configuration's answer for a name (see answerOf). */
export function configAnswer(config: BuildConfig, name: string): string {
  const a = answersFor(name);
  return typeof a === 'string' ? a : a[config.index]!;
}

/** Names an included header looked up below its own layer, with what they were: its inputs. */
type Inputs = Map<string, string>;

interface Found {
  status: Status;
  defs: MacroDef | MacroDef[] | undefined;
  /** Index of the layer that answered, -1 for the configuration. */
  at: number;
  /** The configuration's answer, when it answered (at -1). */
  answer?: string;
}

/** The text of a definition (or of the definitions a maybe-defined name may have), computed once per object. */
const defsText = new WeakMap<object, string>();

/** What was found, as text: two lookups that agree have the same signature. */
function signature(f: Found): string {
  if (f.answer !== undefined) return f.answer;
  if (!f.defs) return `${f.status}:`;
  let text = defsText.get(f.defs);
  if (text === undefined) defsText.set(f.defs, (text = JSON.stringify(f.defs)));
  return `${f.status}:${text}`;
}

/**
 * Conditions evaluated before, each with the names its evaluation looked up (and what they were)
 * and its answer: the same condition where every one of them looks up alike has the same answer.
 * One condition is met in every configuration, and again in every revision of an audit.
 */
const testMemo = new Map<string, Array<{ inputs: Inputs; minKernel: bigint | null; answer: boolean | null }>>();
/** Evaluations remembered per condition (configurations and revisions that differ). */
const MEMO_PER_CONDITION = 16;

/** The preprocessor's macro table during a walk, for one configuration. */
class Env {
  private layers: Layer[] = [new Layer()];
  /** Header walks in progress: the layer they start at and the inputs they have read so far. */
  private recorders: Array<{ base: number; inputs: Inputs }> = [];
  /** Set when a condition looked at LINUX_VERSION_CODE. */
  usedKernel = false;
  /** The names the configuration answered that other configurations answer otherwise: what the walk depends on. */
  readonly asked = new Map<string, string>();
  /** Kernel version the next evaluation sees (kernel builds). */
  kernel: bigint;

  constructor(
    readonly config: BuildConfig,
    readonly minKernel: bigint,
    readonly hasInclude: (path: string, angled: boolean) => boolean | null,
    /** The revision's budget: conditions and macro uses are charged to it (see walkFile). */
    readonly budget?: WorkBudget,
  ) {
    this.kernel = minKernel;
  }

  private find(name: string): Found {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i]!;
      const s = l.status.get(name);
      if (s === undefined) continue;
      const defs = l.defs.get(name);
      return { status: s, defs, at: i };
    }
    const all = answersFor(name);
    const answer = typeof all === 'string' ? all : all[this.config.index]!;
    // Only what differs between configurations can make two walks differ.
    if (typeof all !== 'string' && !this.asked.has(name)) this.asked.set(name, answer);
    if (answer === 'kver') {
      if (name === 'KERNEL_VERSION') return { status: 2, defs: KERNEL_VERSION, at: -1, answer };
      this.usedKernel = true;
      return { status: 2, defs: { name, params: null, body: String(this.kernel) }, at: -1, answer };
    }
    if (answer.startsWith('def:'))
      return { status: 2, defs: { name, params: null, body: answer.slice(4) }, at: -1, answer };
    // Defined, with no value the walk may use: `defined(X)` is true, `X >= N` unknown.
    if (answer === 'set') return { status: 2, defs: undefined, at: -1, answer };
    return { status: answer === 'ext' ? 1 : 0, defs: undefined, at: -1, answer };
  }

  /** The names the condition being evaluated looked up (see testMemo). */
  private tracking: Inputs | null = null;

  /** A lookup, recorded as an input of every header walk it reaches below. */
  private lookup(name: string): Found {
    const f = this.find(name);
    for (const r of this.recorders) if (f.at < r.base && !r.inputs.has(name)) r.inputs.set(name, signature(f));
    if (this.tracking && !this.tracking.has(name)) this.tracking.set(name, signature(f));
    return f;
  }

  private set(name: string, status: Status, defs: MacroDef | MacroDef[] | undefined): void {
    const top = this.layers[this.layers.length - 1]!;
    top.status.set(name, status);
    if (defs === undefined) top.defs.delete(name);
    else top.defs.set(name, defs);
  }

  /** The definitions a name may have now. */
  private current(f: Found): MacroDef[] {
    return Array.isArray(f.defs) ? f.defs : f.defs ? [f.defs] : [];
  }

  define(def: MacroDef, status: Status): void {
    if (status === 2) {
      this.set(def.name, 2, def);
      return;
    }
    const prev = this.lookup(def.name);
    this.set(def.name, 1, prev.status === 0 ? [def] : [...this.current(prev), def]);
  }

  undef(name: string, status: Status): void {
    if (status === 2) {
      this.set(name, 0, undefined);
      return;
    }
    const prev = this.lookup(name);
    if (prev.status !== 0) this.set(name, 1, this.current(prev));
  }

  /** Starts an included header's walk: its effect goes to a layer of its own, its inputs are recorded. */
  beginHeader(): void {
    this.layers.push(new Layer());
    this.recorders.push({ base: this.layers.length - 1, inputs: new Map() });
  }

  /** Ends it: the header's layer (from now on shared and never changed) and its inputs. */
  endHeader(): { layer: Layer; inputs: Inputs } {
    const r = this.recorders.pop()!;
    const layer = this.layers[r.base]!;
    // The header's own layer and whatever it stacked are one effect: fold them (rarely more than one).
    for (const l of this.layers.splice(r.base + 1)) {
      for (const [k, v] of l.status) layer.status.set(k, v);
      for (const [k, v] of l.defs) layer.defs.set(k, v);
      for (const k of l.status.keys()) if (!l.defs.has(k)) layer.defs.delete(k);
    }
    this.layers.push(new Layer());
    return { layer, inputs: r.inputs };
  }

  /** Whether a header walk with these inputs would see the same now (the check records them for enclosing walks). */
  sameInputs(inputs: Inputs): boolean {
    for (const [name, sig] of inputs) if (signature(this.lookup(name)) !== sig) return false;
    return true;
  }

  /** Applies a header's recorded effect: its layer, shared, then a new layer for what follows. */
  apply(layer: Layer): void {
    this.layers.push(layer, new Layer());
  }

  isDefined(name: string): boolean | null {
    const s = this.lookup(name).status;
    return s === 2 ? true : s === 0 ? false : null;
  }

  /**
   * A macro use expanded with the macros in force (null when it cannot be), and whether a macro
   * of the tree it met may or may not be defined here (names only defined outside the tree, like
   * `pack`, are taken as undefined: the result is what the tree makes of them).
   */
  expand(text: string): { text: string | null; uncertain: boolean } {
    let uncertain = false;
    const get = (name: string): MacroDef | undefined => {
      const f = this.lookup(name);
      if (f.status === 1 && f.at >= 0) uncertain = true;
      return f.status === 2 && f.defs && !Array.isArray(f.defs) ? f.defs : undefined;
    };
    const e = expandMacros(text, { get, has: (name) => get(name) !== undefined }, { budget: this.budget });
    return 'text' in e ? { text: e.text, uncertain } : { text: null, uncertain: true };
  }

  /** The symbol table a condition is evaluated with (macros only: the preprocessor knows no enumerators). */
  symbols(): SymbolTable {
    const get = (name: string): MacroDef | undefined => {
      const f = this.lookup(name);
      return f.status === 2 && f.defs && !Array.isArray(f.defs) ? f.defs : undefined;
    };
    return {
      macros: { get, has: (name: string) => get(name) !== undefined },
      enumerators: new Map(),
      isDefined: (name) => this.isDefined(name),
      identifier: (name) => (this.isDefined(name) === false ? 0n : null),
      hasInclude: this.hasInclude,
      budget: this.budget,
    };
  }

  /** A condition's truth in this configuration, over the supported kernel range. */
  test(condition: string): boolean | null {
    // The commonest tests, `#ifdef X` and `#ifndef X`, need no evaluator.
    const simple = /^(!?)defined\((\w+)\)$/.exec(condition);
    if (simple) {
      const d = this.isDefined(simple[2]!);
      return d === null ? null : simple[1] ? !d : d;
    }
    // `__has_include` asks the tree, not the macro table: never answered from memory.
    const memoised = !condition.includes('__has_include');
    for (const e of (memoised && testMemo.get(condition)) || []) {
      if (e.minKernel !== null && e.minKernel !== this.minKernel) continue;
      let same = true;
      for (const [name, sig] of e.inputs) {
        if (signature(this.lookup(name)) !== sig) {
          same = false;
          break;
        }
      }
      if (same) return e.answer;
    }
    this.tracking = new Map();
    const stops = this.budget?.stops;
    const answer = this.evaluateCondition(condition);
    // An answer a spent budget left unknown is not the condition's: not remembered.
    if (memoised && this.budget?.stops === stops) {
      if (testMemo.size >= MEMO_ENTRIES) testMemo.clear();
      const list = testMemo.get(condition) ?? [];
      if (list.length >= MEMO_PER_CONDITION) list.shift();
      list.push({ inputs: this.tracking, minKernel: this.usedKernel ? this.minKernel : null, answer });
      testMemo.set(condition, list);
    }
    this.tracking = null;
    return answer;
  }

  private evaluateCondition(condition: string): boolean | null {
    this.usedKernel = false;
    this.kernel = this.minKernel;
    const seen: bigint[] = [];
    const first = evaluate(condition, { ...this.symbols(), onValue: (v) => seen.push(v) });
    if (!this.usedKernel) return first === null ? null : first !== 0n;
    // The answer can only change at a value the condition compares with: try both sides of each.
    const samples = new Set<bigint>([this.minKernel, KERNEL_MAX]);
    for (const v of seen) for (const x of [v - 1n, v, v + 1n]) if (x > this.minKernel && x < KERNEL_MAX) samples.add(x);
    let answer: boolean | null | undefined;
    for (const x of samples) {
      this.kernel = x;
      const v = evaluate(condition, this.symbols());
      const b = v === null ? null : v !== 0n;
      if (answer === undefined) answer = b;
      else if (answer !== b) return null;
    }
    return answer ?? null;
  }
}

/** What a walk of one file found, for one configuration. */
export interface FileWalk {
  /** Status of every branch of the file (index = branch id). */
  branches: Uint8Array;
  /** `#define`s of the file by index, with the status of the line they are on. */
  macros: Uint8Array;
  /**
   * `#pragma pack` in force after each line of the file that changes it (a pragma, a `_Pragma`
   * operator or a macro expanding to one, an `#include` of a header that sets it): [line, cap, certain].
   */
  packs: Array<[number, number, boolean]>;
  /** In-tree headers included while a pack cap was (or may have been) in force: their structs are laid out under it. */
  packedIncludes: string[];
  /**
   * `#define`s of the file a later `#undef` or `#define` of the same name replaced, in this
   * build: `by` is the line that did, `redefined` when no `#undef` came between (gcc warns).
   */
  replaced: Array<{ macro: number; by: number; redefined: boolean }>;
  /** Problems met (limits). */
  problems: string[];
}

/** How the includes a walk followed were resolved: a later walk may reuse it only if they resolve alike. */
type Resolutions = Array<{ from: string; inc: IncludeFact; to: Directives | null }>;

/** Whether a cached walk's includes resolve alike in the revision last asked (see WalkCache.resolvesAlike). */
type Checked = { checkedIn?: number; alike?: boolean };
/** The pack state a walk is in: the cap, the saved caps, and whether it is known (no undecided or unread pragma so far). */
type WalkPack = PackState & { certain: boolean };
/** A header's effect, for one entering pack state (`packIn`): the macros it defines, the pack state it leaves. */
type HeaderEffect = Checked & {
  minKernel: bigint;
  inputs: Inputs;
  resolutions: Resolutions;
  layer: Layer;
  status: Status;
  packIn: string;
  packOut: WalkPack;
  packedIncludes: string[];
};
/** A file's walk, and what it depends on: the configuration's answers it used, the kernel range, its includes. */
type FileEntryWalk = Checked & {
  asked: Map<string, string>;
  minKernel: bigint;
  resolutions: Resolutions;
  walk: FileWalk;
  /** Per configuration: 2 when it answers alike every name the walk asked, 1 when not, 0 not yet known. */
  alikeFor: Uint8Array;
};

/** Whether a configuration answers every name a walk asked as the walk's configuration did (known once per configuration). */
function answersAlike(e: FileEntryWalk, config: BuildConfig): boolean {
  if (!e.alikeFor[config.index]) {
    let alike = true;
    for (const [name, answer] of e.asked) if (configAnswer(config, name) !== answer) alike = false;
    e.alikeFor[config.index] = alike ? 2 : 1;
  }
  return e.alikeFor[config.index] === 2;
}

/**
 * Walks reused within one revision and by the next one: an included header's effect is recorded
 * with its inputs (the names it looked up outside itself, and how its own includes resolved) and
 * applied again wherever the same inputs hold; a whole file's walk is reused for the same
 * configuration when it and its includes did not change. What the last two revisions (see
 * `nextRevision`) did not use is dropped, so a walk over the whole history keeps little.
 */
export class WalkCache {
  private generation = 0;
  private readonly headerMap = new Map<Directives, { used: number; list: HeaderEffect[] }>();
  private readonly fileMap = new Map<Directives, { used: number; list: FileEntryWalk[] }>();

  /** Called once per revision: forgets what neither this revision nor the previous one used. */
  nextRevision(): void {
    this.generation++;
    for (const m of [this.headerMap, this.fileMap] as Array<Map<Directives, { used: number }>>) {
      for (const [k, v] of m) if (v.used < this.generation - 1) m.delete(k);
    }
  }

  /** Whether a cached walk's includes resolve as they did; asked once per revision (every configuration asks). */
  resolvesAlike(e: Checked & { resolutions: Resolutions }, resolve: IncludeResolver): boolean {
    if (e.checkedIn !== this.generation) {
      e.checkedIn = this.generation;
      e.alike = resolveAlike(e.resolutions, resolve);
    }
    return e.alike!;
  }

  headers(d: Directives): HeaderEffect[] {
    return this.slot(this.headerMap, d);
  }

  files(d: Directives): FileEntryWalk[] {
    return this.slot(this.fileMap, d);
  }

  private slot<T>(m: Map<Directives, { used: number; list: T[] }>, d: Directives): T[] {
    let e = m.get(d);
    if (!e) m.set(d, (e = { used: this.generation, list: [] }));
    e.used = this.generation;
    return e.list;
  }
}

function usedKernelVersion(asked: Map<string, string>): boolean {
  return asked.get('LINUX_VERSION_CODE') === 'kver';
}

function resolveAlike(list: Resolutions, resolve: IncludeResolver): boolean {
  return list.every((x) => (resolve(x.from, x.inc)?.directives ?? null) === x.to);
}

interface Walk {
  env: Env;
  resolve: IncludeResolver;
  budget: { files: number };
  problems: string[];
  resolutions: Resolutions;
  cache: WalkCache;
  /** One state for the whole translation unit: a header's pragmas carry into the file that includes it. */
  pack: WalkPack;
  packedIncludes: string[];
  /** Files with a condition or macro use the revision's budget left unevaluated. */
  cut: Set<string>;
}

function packKey(p: WalkPack): string {
  return `${p.cap}/${p.stack.join(',')}/${p.certain}`;
}

function clonePack(p: WalkPack): WalkPack {
  return { cap: p.cap, stack: [...p.stack], certain: p.certain };
}

function min(a: Status, b: Status): Status {
  return (a < b ? a : b) as Status;
}

/**
 * Walks one file's directives for one configuration (see the module comment). `minKernel` is the
 * lowest LINUX_VERSION_CODE the driver supports in that configuration.
 */
export function walkFile(
  path: string,
  d: Directives,
  config: BuildConfig,
  minKernel: bigint,
  resolve: IncludeResolver,
  cache = new WalkCache(),
  budget?: WorkBudget,
): FileWalk {
  const cached = cache.files(d);
  // Configurations that answer alike every name the walk asked share it (most files never ask
  // about the architecture): the kernel range matters only to a walk that read the kernel version.
  const hit = cached.find(
    (e) =>
      (e.minKernel === minKernel || !usedKernelVersion(e.asked)) &&
      answersAlike(e, config) &&
      cache.resolvesAlike(e, resolve),
  );
  if (hit) return hit.walk;
  const out: FileWalk = {
    branches: new Uint8Array(d.branches.length),
    macros: new Uint8Array(d.macros.length),
    packs: [],
    packedIncludes: [],
    replaced: [],
    problems: [],
  };
  const resolutions: Resolutions = [];
  // `__has_include` asks the same resolver, and is recorded like an #include.
  const hasInclude = (p: string, angled: boolean) => {
    const inc: IncludeFact = { path: p, angled, line: 0, offset: 0, branch: -1 };
    const to = resolve(path, inc)?.directives ?? null;
    resolutions.push({ from: path, inc, to });
    return to ? true : null;
  };
  const stops = budget?.stops;
  const w: Walk = {
    env: new Env(config, minKernel, hasInclude, budget),
    resolve,
    budget: { files: 0 },
    problems: out.problems,
    resolutions,
    cache,
    pack: { cap: 0, stack: [], certain: true },
    packedIncludes: out.packedIncludes,
    cut: new Set(),
  };
  walkOps(path, d, w, 2, out, 0);
  // Cut short by the revision's budget: what it could not evaluate is unknown (both branches may
  // be compiled), said once, and the walk is not kept for another configuration or revision.
  if (budget && budget.stops !== stops) {
    out.problems.push(
      `${describeLimit(budget, 'MAX_REVISION_EVAL_STEPS')}, so which lines of ${[...(w.cut.size ? w.cut : [path])].join(', ')} the builds compile is not known`,
    );
    return out;
  }
  cached.push({ asked: w.env.asked, minKernel, resolutions, walk: out, alikeFor: new Uint8Array(CONFIGS.length) });
  return out;
}

function walkOps(path: string, d: Directives, w: Walk, ambient: Status, out: FileWalk | null, depth: number): void {
  const env = w.env;
  // Per open group: the status of the region around it and whether an earlier branch was taken.
  const frames: Array<{ parent: Status; taken: Status }> = [];
  let status: Status = ambient;
  // A pack change, recorded at its line for the file being walked (a header's lines are its own walk's).
  const packed = (line: number, understood: boolean) => {
    if (!understood || status === 1) w.pack.certain = false;
    out?.packs.push([line, w.pack.cap, w.pack.certain]);
  };
  // The file's own definitions that may be in force, by name (to know what a later one replaces).
  const active = new Map<string, number[]>();
  const replace = (name: string, by: number, redefined: boolean) => {
    const prev = active.get(name);
    if (prev === undefined || !out) return;
    for (const i of prev) {
      out.macros[i] = 0;
      out.replaced.push({ macro: i, by, redefined });
    }
    active.delete(name);
  };
  for (const op of d.ops as Op[]) {
    switch (op.op) {
      case 'branch': {
        const b = d.branches[op.branch]!;
        if (b.kind === 'if' || b.kind === 'ifdef' || b.kind === 'ifndef') frames.push({ parent: status, taken: 0 });
        const frame = frames[frames.length - 1]!;
        let own: Status = 0;
        if (frame.parent !== 0 && frame.taken !== 2) {
          const stops = env.budget?.stops;
          const v = b.kind === 'else' ? true : env.test(b.test);
          if (env.budget?.stops !== stops) w.cut.add(path);
          own = v === true ? 2 : v === false ? 0 : 1;
          if (frame.taken === 1 && own === 2) own = 1;
          frame.taken = v === true ? 2 : v === null || frame.taken === 1 ? 1 : 0;
        }
        status = min(frame.parent, own);
        if (out) out.branches[op.branch] = status;
        break;
      }
      case 'endif':
        status = frames.pop()?.parent ?? ambient;
        break;
      case 'define': {
        const def = d.macros[op.macro]!;
        if (out) out.macros[op.macro] = status;
        if (status === 2) {
          replace(def.name, def.line, true);
          active.set(def.name, [op.macro]);
        } else if (status === 1) active.set(def.name, [...(active.get(def.name) ?? []), op.macro]);
        if (status) env.define(def, status);
        break;
      }
      case 'undef':
        // An #undef only some builds compile leaves the definitions before it maybe in force.
        if (status === 2) replace(op.name, op.line, false);
        if (status) env.undef(op.name, status);
        break;
      case 'include': {
        if (!status) break;
        const inc = d.includes[op.include]!;
        const target = w.resolve(path, inc);
        w.resolutions.push({ from: path, inc, to: target?.directives ?? null });
        if (!target) break;
        if (depth >= MAX_INCLUDE_DEPTH || ++w.budget.files > MAX_INCLUDED_FILES) {
          w.problems.push(
            `${path}:${inc.line}: includes nested deeper than ${MAX_INCLUDE_DEPTH} or more than ${MAX_INCLUDED_FILES} files: not followed further`,
          );
          break;
        }
        if (w.pack.cap || !w.pack.certain) w.packedIncludes.push(target.path);
        const before = packKey(w.pack);
        includeFile(target, w, status, depth);
        // What the header left in force applies to the rest of this file (gcc has one pack state per translation unit).
        if (packKey(w.pack) !== before) packed(inc.line, true);
        break;
      }
      case 'pack': {
        if (status) packed(op.line, applyPack(w.pack, op.args));
        break;
      }
      case 'expand': {
        if (!status) break;
        // A use whose arguments could not be read, of a name that is a macro here: not known.
        if (op.unread) {
          if (env.isDefined(op.text) !== false) packed(op.line, false);
          break;
        }
        const stops = env.budget?.stops;
        const e = env.expand(op.text);
        if (env.budget?.stops !== stops) w.cut.add(path);
        let understood = e.text !== null && !e.uncertain;
        const found = e.text === null ? [] : pragmaOperatorPacks(e.text);
        for (const args of found) understood = applyPack(w.pack, args) && understood;
        if (found.length || !understood) packed(op.line, understood);
        break;
      }
      case 'error':
        break;
    }
  }
}

/** Walks an included file for its macros, or applies the effect a walk with the same inputs recorded. */
function includeFile(target: { path: string; directives: Directives }, w: Walk, status: Status, depth: number): void {
  const env = w.env;
  const list = w.cache.headers(target.directives);
  const packIn = packKey(w.pack);
  const hit = list.find(
    (e) =>
      e.minKernel === env.minKernel &&
      e.status === status &&
      e.packIn === packIn &&
      w.cache.resolvesAlike(e, w.resolve) &&
      env.sameInputs(e.inputs),
  );
  if (hit) {
    env.apply(hit.layer);
    w.resolutions.push(...hit.resolutions);
    w.pack = clonePack(hit.packOut);
    w.packedIncludes.push(...hit.packedIncludes);
    return;
  }
  const before = w.resolutions.length;
  const packedBefore = w.packedIncludes.length;
  const stops = env.budget?.stops;
  env.beginHeader();
  walkOps(target.path, target.directives, w, status, null, depth + 1);
  const { layer, inputs } = env.endHeader();
  // A header walk a spent budget cut short is not the header's effect: not kept.
  if (env.budget?.stops !== stops) return;
  list.push({
    minKernel: env.minKernel,
    inputs,
    resolutions: w.resolutions.slice(before),
    layer,
    status,
    packIn,
    packOut: clonePack(w.pack),
    packedIncludes: w.packedIncludes.slice(packedBefore),
  });
}

/**
 * The lowest kernel version a kernel build of the driver accepts, from its own check: an
 * `#error` under a condition on LINUX_VERSION_CODE only (`#if LINUX_VERSION_CODE <
 * KERNEL_VERSION(3, 10, 0)` / `#error ...`). 0 when the files state none.
 */
export function minimumKernel(files: Array<{ directives: Directives }>, config: BuildConfig): bigint {
  let lowest = 0n;
  for (const { directives: d } of files) {
    for (const op of d.ops) {
      if (op.op !== 'error' || op.branch < 0) continue;
      const b = d.branches[op.branch]!;
      // Only a check at file level (inside an include guard at most) states the range.
      const parent = b.parent >= 0 ? d.branches[b.parent]! : null;
      if (parent && !parent.includeGuard) continue;
      const env = new Env(config, 0n, () => null);
      const seen: bigint[] = [];
      env.usedKernel = false;
      evaluate(b.condition, { ...env.symbols(), onValue: (v) => seen.push(v) });
      if (!env.usedKernel) continue;
      // The smallest threshold from which the #error never fires.
      const candidates = [...new Set([0n, ...seen.filter((v) => v > 0n && v < KERNEL_MAX)])].sort((x, y) =>
        x < y ? -1 : 1,
      );
      for (const k of candidates) {
        const e = new Env(config, k, () => null);
        if (e.test(b.condition) === false) {
          if (k > lowest) lowest = k;
          break;
        }
      }
    }
  }
  return lowest;
}

/** Presence of something over the configurations: where it is always compiled, where maybe. */
export interface Presence {
  always: ConfigMask;
  maybe: ConfigMask;
}

export const NOWHERE: Presence = { always: 0, maybe: 0 };

/** The configurations as bits, for a status per configuration. */
export function presenceOf(statuses: ArrayLike<Status>): Presence {
  let always = 0;
  let maybe = 0;
  for (let i = 0; i < CONFIGS.length; i++) {
    const s = statuses[i] ?? 0;
    if (s === 2) always |= 1 << i;
    if (s >= 1) maybe |= 1 << i;
  }
  return { always, maybe };
}
