/**
 * The build model of one revision: for every line of every file the surface reads, which build
 * configurations compile it (parse/build-configs.ts), from the preprocessor's walk of each file
 * (parse/conditions.ts) with its `#include`s of files of the tree followed; the kernel range each
 * kernel build supports; and the macros and enumerators values are computed with, taken only
 * from what some build compiles. Two live definitions of one thing that disagree are recorded as
 * conflicts, never resolved by position.
 */
import { CONFIGS, describeMask, buildsOf, INCLUDE_ROOTS, type ConfigMask, type View } from '../parse/build-configs.js';
import { describeKernel, walkFile, WalkCache, type FileWalk, type Presence } from '../parse/conditions.js';
import type { MacroDef } from '../parse/consteval.js';
import type { WorkBudget } from '../parse/budget.js';
import { branchChain, type Directives, type IncludeFact, type MacroFact } from '../parse/directives.js';
import type { FileFacts } from './facts.js';
import { loc, type Loc, type Warning } from './model.js';

/** Two or more live definitions of one thing that disagree (the surface keeps the compiler's choice, the last). */
export interface Conflict {
  /** What is defined twice: `macro X`, `g_event_info entry PPME_X`, `struct x`. */
  what: string;
  /** Every live definition, in source order, with the builds that compile it. */
  alternatives: Array<{ loc: Loc; builds: string }>;
  /** `together`: one build compiles two of them; `by-build`: builds disagree; `undecided`: a condition the model cannot decide picks one. */
  kind: 'together' | 'by-build' | 'undecided';
}

/** The macros one file sees, and those among them whose live definitions disagree. */
export interface MacroScope {
  macros: Map<string, MacroDef>;
  ambiguous: Map<string, Candidate<MacroFact>[]>;
}

/** A candidate definition: where it is and which builds compile it. */
export interface Candidate<T> {
  value: T;
  file: FileFacts;
  line: number;
  presence: Presence;
}

export interface BuildModel {
  /** Which builds compile a line of a file (a file the model does not know is compiled everywhere it is built). */
  presence(path: string, line: number): Presence;
  /** Some build may compile the line. */
  live(path: string, line: number): boolean;
  /** The conditions of the branches around a line that not every build of the file decides the same way (for messages). */
  guards(path: string, line: number): string[];
  /**
   * The alignment cap `#pragma pack` sets at a line for a configuration (its own pragmas and those
   * of the headers it includes before the line); null when not known: a build may or may not
   * have it, or a file includes this one with a cap in force.
   */
  packAt(path: string, line: number, config: number): number | null;
  /**
   * Which builds have a file's `#define` (by its index in the file's directives) in force at the
   * end of the file: a definition a later `#undef` or `#define` replaced is not.
   */
  macroPresence(path: string, index: number): Presence;
  /** Lowest LINUX_VERSION_CODE each kernel build supports, from the driver's own check. */
  minKernel: Partial<Record<View, bigint>>;
  /** Live macros of every file (a macro with disagreeing live definitions is reported when a value uses it). */
  macros: Map<string, MacroDef>;
  /** Macros with disagreeing live definitions, by name. */
  ambiguous: Map<string, Candidate<MacroFact>[]>;
  /**
   * The macros a file sees: its own and those of the files it includes (transitively), as the
   * preprocessor gives them to it; a macro of an unrelated file is not in scope.
   */
  scope(path: string): MacroScope;
  /** A file and the in-tree files it includes (transitively, through #includes some build compiles), itself first. */
  treeOf(path: string): string[];
  conflicts: Conflict[];
  /**
   * Picks one definition among live candidates keyed alike: the only one, or, when live ones
   * disagree (`same` differs), the last one, recording a conflict. Dead candidates are dropped.
   */
  pick<T>(what: string, candidates: Candidate<T>[], same: (v: T) => string): Candidate<T> | null;
}

const SHIFT = CONFIGS.length;

/** Resolves a header name the way the builds' include paths do, against the files of the revision. */
export function includeTarget(
  from: string,
  inc: Pick<IncludeFact, 'path' | 'angled'>,
  exists: (p: string) => boolean,
): string | null {
  const candidates: Array<string | null> = [];
  if (!inc.angled) candidates.push(normalise(from.slice(0, from.lastIndexOf('/') + 1) + inc.path));
  for (const root of INCLUDE_ROOTS) candidates.push(normalise(root + inc.path));
  for (const c of candidates) if (c !== null && exists(c)) return c;
  return null;
}

/** `driver/./a/../b.h` → `driver/b.h`; null when it climbs out of the tree. */
function normalise(p: string): string | null {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

function bits(mask: ConfigMask): number[] {
  const out: number[] = [];
  for (let i = 0; i < SHIFT; i++) if (mask & (1 << i)) out.push(i);
  return out;
}

/**
 * Walks are reused across revisions: a file whose directives and includes did not change is not
 * walked again (keyed by the cached facts' identity, so unchanged blobs share it).
 */
const walkCache = new WalkCache();

/**
 * Values computed from a list of inputs, kept while a revision (or the next one) uses them and
 * reused when every input is the very same object as before.
 */
class InputsMemo<T> {
  private generation = 0;
  private readonly map = new Map<string, { used: number; inputs: unknown[]; value: T }>();
  nextRevision(): void {
    this.generation++;
    for (const [k, v] of this.map) if (v.used < this.generation - 1) this.map.delete(k);
  }
  get(key: string, inputs: unknown[], make: () => T): T {
    const e = this.map.get(key);
    if (e && e.inputs.length === inputs.length && e.inputs.every((x, i) => x === inputs[i])) {
      e.used = this.generation;
      return e.value;
    }
    const value = make();
    this.map.set(key, { used: this.generation, inputs, value });
    return value;
  }
}

/** The macro table of each include tree (see `tableOf`). */
const treeTables = new InputsMemo<MacroScope>();

/** A file's own macros over those of the units that include it (memoised: both tables are reused across revisions). */
const contexts = new WeakMap<MacroScope, WeakMap<MacroScope, MacroScope>>();
function withContext(own: MacroScope, context: MacroScope): MacroScope {
  let byContext = contexts.get(own);
  if (!byContext) contexts.set(own, (byContext = new WeakMap()));
  let s = byContext.get(context);
  if (!s) {
    const ambiguous = new Map([...context.ambiguous].filter(([name]) => !own.macros.has(name)));
    for (const [name, list] of own.ambiguous) ambiguous.set(name, list);
    s = { macros: new Map([...context.macros, ...own.macros]), ambiguous };
    byContext.set(context, s);
  }
  return s;
}

/** Builds the model from the facts of every file the surface reads (`files` keyed by path). */
export function buildModel(
  files: Map<string, FileFacts>,
  rev: string,
  warnings: Warning[],
  minKernel: Partial<Record<View, bigint>>,
  budget?: WorkBudget,
): BuildModel {
  const exists = (p: string) => files.has(p);
  // Every walk asks again for the same includes (and reused walks check theirs): resolve each
  // #include of each file once.
  const resolved = new Map<string, Map<IncludeFact, { path: string; directives: Directives } | null>>();
  const resolve = (from: string, inc: IncludeFact) => {
    let byInclude = resolved.get(from);
    if (!byInclude) resolved.set(from, (byInclude = new Map()));
    let r = byInclude.get(inc);
    if (r === undefined) {
      const target = includeTarget(from, inc, exists);
      r = target ? { path: target, directives: files.get(target)!.directives } : null;
      byInclude.set(inc, r);
    }
    return r;
  };
  const cache = walkCache;
  cache.nextRevision();
  treeTables.nextRevision();

  // Walk every file with directives in every build that compiles it.
  // Keyed by path: re-reading a file's definitions replaces its facts object, not its directives.
  const branchStatus = new Map<string, Uint8Array[]>();
  const macroStatus = new Map<string, Uint8Array[]>();
  const packs = new Map<string, Array<Array<[number, number, boolean]>>>();
  // Headers some file includes with a pack cap in force, by configuration: their structs take it.
  const packedIncludes = new Map<string, Set<number>>();
  const replaced = new Map<string, Map<number, { by: number; redefined: boolean }>>();
  const walksOf = new Map<string, FileWalk[]>();
  for (const f of files.values()) {
    if (!f.directives.ops.length) continue;
    const mask = buildsOf(f.path);
    const perConfigBranches: Uint8Array[] = [];
    const perConfigMacros: Uint8Array[] = [];
    const perConfigPacks: Array<Array<[number, number, boolean]>> = [];
    const perConfigWalks: FileWalk[] = [];
    for (const c of CONFIGS) {
      if (!(mask & (1 << c.index))) continue;
      const walk = walkFile(f.path, f.directives, c, minKernel[c.view] ?? 0n, resolve, cache, budget);
      perConfigWalks.push(walk);
      perConfigBranches[c.index] = walk.branches;
      perConfigMacros[c.index] = walk.macros;
      perConfigPacks[c.index] = walk.packs;
      for (const t of walk.packedIncludes) packedIncludes.set(t, (packedIncludes.get(t) ?? new Set()).add(c.index));
      for (const r of walk.replaced) {
        let m = replaced.get(f.path);
        if (!m) replaced.set(f.path, (m = new Map()));
        m.set(r.macro, { by: r.by, redefined: r.redefined });
      }
      for (const p of walk.problems)
        if (!warnings.some((w) => w.message.endsWith(p)))
          warnings.push({ path: f.path, message: `${f.path} at ${rev}: ${p}`, incomplete: true });
    }
    walksOf.set(f.path, perConfigWalks);
    branchStatus.set(f.path, perConfigBranches);
    macroStatus.set(f.path, perConfigMacros);
    packs.set(f.path, perConfigPacks);
    if (f.directives.unbalanced) {
      warnings.push({
        path: f.path,
        message: `${f.path} at ${rev}: its #if/#endif do not balance, so which lines a build compiles is not known`,
        incomplete: true,
      });
    }
  }

  const presenceCache = new Map<string, Map<number, Presence>>();
  const branchPresence = (f: FileFacts, branch: number): Presence => {
    let m = presenceCache.get(f.path);
    if (!m) presenceCache.set(f.path, (m = new Map()));
    const hit = m.get(branch);
    if (hit) return hit;
    const mask = buildsOf(f.path);
    let always = 0;
    let maybe = 0;
    const st = branchStatus.get(f.path);
    for (const i of bits(mask)) {
      const s = branch < 0 || !st ? 2 : (st[i]?.[branch] ?? 0);
      if (s === 2) always |= 1 << i;
      if (s >= 1) maybe |= 1 << i;
    }
    const p = { always, maybe };
    m.set(branch, p);
    return p;
  };
  const presence = (path: string, line: number): Presence => {
    const f = files.get(path);
    if (!f) return { always: buildsOf(path), maybe: buildsOf(path) };
    return branchPresence(f, f.directives.branchOfLine[line] ?? -1);
  };
  // A live directive the model does not follow (a header named by a macro of another file...).
  for (const f of files.values()) {
    for (const u of f.directives.unfollowed) {
      if (presence(f.path, u.line).maybe)
        warnings.push({ path: f.path, message: `${f.path}:${u.line} at ${rev}: ${u.reason}`, incomplete: true });
    }
  }

  // Every #define's presence, computed once per file (macroPresences).
  const presenceOfMacros = new Map<string, Presence[]>();
  // The macros of a set of files, as the builds leave them at the end of each file.
  // `upTo`: the files whose macros count only before a line (an includer, up to its #include).
  const macroTable = (paths: Iterable<string>, upTo: ReadonlyMap<string, number> = new Map()): MacroScope => {
    const byName = new Map<string, Candidate<MacroFact>[]>();
    const set = new Set(paths);
    const before = (path: string, line: number) => line < (upTo.get(path) ?? Infinity);
    for (const p of [...set].sort()) {
      const f = files.get(p);
      if (!f) continue;
      const presences = macroPresences(f);
      f.directives.macros.forEach((m, i) => {
        const pr = presences[i]!;
        if (!pr.maybe || !before(p, m.line)) return;
        const list = byName.get(m.name);
        const c = { value: m, file: f, line: m.line, presence: pr };
        if (list) list.push(c);
        else byName.set(m.name, [c]);
      });
    }
    const macros = new Map<string, MacroDef>();
    const ambiguous = new Map<string, Candidate<MacroFact>[]>();
    for (const [name, list] of byName) {
      const chosen = list[list.length - 1]!.value;
      macros.set(name, { name, params: chosen.params, body: chosen.body });
      // One definition (most names) cannot disagree with itself.
      if (list.length > 1 && new Set(list.map((c) => macroKey(c.value))).size > 1) ambiguous.set(name, list);
    }
    // A definition replaced by a later one is what the files that include this one see no more;
    // but a #define repeated without #undef (gcc warns), or replaced after a definition of this
    // same file may have used it, leaves the value to position: ambiguous.
    for (const [path, list] of replaced) {
      if (!set.has(path)) continue;
      const f = files.get(path)!;
      const firstUse = Math.min(
        ...f.tables.map((t) => t.line),
        ...f.enums.map((e) => e.line),
        ...f.structs.structs.map((s) => s.loc.line),
      );
      for (const [i, r] of list) {
        const old = f.directives.macros[i]!;
        const now = f.directives.macros.find((m) => m.name === old.name && m.line === r.by);
        if (!before(path, r.by) || !(r.redefined || firstUse < r.by)) continue;
        if (now && macroKey(now) === macroKey(old)) continue;
        const all = [
          { value: old, file: f, line: old.line, presence: presence(f.path, old.line) },
          ...(byName.get(old.name) ?? []),
        ];
        ambiguous.set(
          old.name,
          all.sort((a, b) => (a.file.path === b.file.path ? a.line - b.line : a.file.path < b.file.path ? -1 : 1)),
        );
      }
    }
    return { macros, ambiguous };
  };
  // A tree's table depends only on its files' directives and walks: a revision that changed
  // neither (the usual case between a PR's base and head) reuses the previous one.
  const tableOf = (paths: Iterable<string>, upTo: ReadonlyMap<string, number> = new Map()): MacroScope => {
    const sorted = [...new Set(paths)].sort();
    const inputs: unknown[] = [];
    for (const p of sorted) inputs.push(files.get(p)?.directives, ...(walksOf.get(p) ?? []), null);
    const key = sorted.map((p) => (upTo.has(p) ? `${p}<${upTo.get(p)}` : p)).join('\n');
    return treeTables.get(key, inputs, () => macroTable(sorted, upTo));
  };
  const everything = tableOf(files.keys());
  const scopes = new Map<string, MacroScope>();
  // The in-tree files a file includes through #includes some build compiles, transitively,
  // itself first.
  const trees = new Map<string, string[]>();
  const treeOf = (path: string): string[] => {
    let tree = trees.get(path);
    if (tree) return tree;
    const seen = new Set<string>([path]);
    const todo = [path];
    while (todo.length) {
      const f = files.get(todo.pop()!);
      for (const inc of f?.directives.includes ?? []) {
        if (!presence(f!.path, inc.line).maybe) continue;
        const t = resolve(f!.path, inc);
        if (t && !seen.has(t.path)) {
          seen.add(t.path);
          todo.push(t.path);
        }
      }
    }
    trees.set(path, (tree = [...seen]));
    return tree;
  };
  // Who includes each file, and at which line (its first live #include there).
  let includers: Map<string, Map<string, number>> | null = null;
  const includersOf = (path: string): Map<string, number> => {
    if (!includers) {
      includers = new Map();
      for (const f of files.values()) {
        for (const inc of f.directives.includes) {
          const t = presence(f.path, inc.line).maybe ? resolve(f.path, inc) : null;
          if (!t || t.path === f.path) continue;
          let by = includers.get(t.path);
          if (!by) includers.set(t.path, (by = new Map()));
          if (!by.has(f.path)) by.set(f.path, inc.line);
        }
      }
    }
    return includers.get(path) ?? new Map();
  };
  // What the preprocessor has defined when it reaches a file's #include in each file that
  // includes it: the includer's macros above that line, the trees it included above it, and
  // what its own includers had defined (a header sees what its includers defined first).
  const contexts = new Map<string, Map<string, number>>();
  const contextOf = (path: string, visiting: Set<string> = new Set()): Map<string, number> => {
    const known = contexts.get(path);
    if (known) return known;
    const upTo = new Map<string, number>();
    const add = (p: string, line: number) => upTo.set(p, Math.max(upTo.get(p) ?? -1, line));
    visiting.add(path);
    for (const [by, line] of includersOf(path)) {
      add(by, line);
      const f = files.get(by)!;
      for (const inc of f.directives.includes) {
        const t = inc.line < line && presence(by, inc.line).maybe ? resolve(by, inc) : null;
        if (t) for (const p of treeOf(t.path)) add(p, Infinity);
      }
      if (!visiting.has(by)) for (const [p, l] of contextOf(by, visiting)) add(p, l);
    }
    visiting.delete(path);
    if (!visiting.size) contexts.set(path, upTo);
    return upTo;
  };
  const scope = (path: string): MacroScope => {
    let s = scopes.get(path);
    if (s) return s;
    // Files that include the same tree see the same macros: one table per tree.
    const own = tableOf(treeOf(path));
    // What the file's own tree does not define comes from what its includers defined first.
    const context = contextOf(path);
    s = context.size ? withContext(own, tableOf(context.keys(), context)) : own;
    scopes.set(path, s);
    return s;
  };

  function macroPresences(f: FileFacts): Presence[] {
    let list = presenceOfMacros.get(f.path);
    if (!list) {
      const st = macroStatus.get(f.path);
      list = f.directives.macros.map((_, i) => macroPresence(f, i, st));
      presenceOfMacros.set(f.path, list);
    }
    return list;
  }

  function macroPresence(f: FileFacts, i: number, st: Uint8Array[] | undefined): Presence {
    const mask = buildsOf(f.path);
    let always = 0;
    let maybe = 0;
    for (const c of bits(mask)) {
      const s = st?.[c]?.[i] ?? 0;
      if (s === 2) always |= 1 << c;
      if (s >= 1) maybe |= 1 << c;
    }
    return { always, maybe };
  }

  const conflicts: Conflict[] = [];
  const model: BuildModel = {
    presence,
    live: (path, line) => presence(path, line).maybe !== 0,
    guards(path, line) {
      const f = files.get(path);
      if (!f) return [];
      const d = f.directives;
      const mask = buildsOf(f.path);
      return branchChain(d, line)
        .filter((b) => !d.branches[b]!.includeGuard && branchPresence(f, b).always !== mask)
        .map((b) => d.branches[b]!.condition);
    },
    packAt(path, line, config) {
      // The header's own walk starts with no cap: under an includer's cap its structs may be laid out otherwise.
      if (packedIncludes.get(path)?.has(config)) return null;
      let cap = 0;
      let certain = true;
      const f = files.get(path);
      for (const [at, v, sure] of (f && packs.get(f.path)?.[config]) ?? []) {
        if (at > line) break;
        cap = v;
        certain = sure;
      }
      return certain ? cap : null;
    },
    macroPresence(path, index) {
      const f = files.get(path);
      return f ? macroPresences(f)[index]! : { always: buildsOf(path), maybe: buildsOf(path) };
    },
    minKernel,
    macros: everything.macros,
    ambiguous: everything.ambiguous,
    scope,
    treeOf,
    conflicts,
    pick(what, candidates, same) {
      const live = candidates.filter((c) => c.presence.maybe !== 0);
      if (live.length <= 1) return live[0] ?? null;
      const values = new Set(live.map((c) => same(c.value)));
      if (values.size > 1) conflicts.push(describeConflict(what, live));
      return live[live.length - 1]!;
    },
  };
  return model;
}

function macroKey(m: MacroFact): string {
  return `${m.params ? `(${m.params.join(',')})` : ''}${m.body}`;
}

/** How live alternatives relate: compiled together by one build, chosen by build, or by a condition we cannot decide. */
export function describeConflict<T>(what: string, live: Candidate<T>[]): Conflict {
  let together = false;
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) if (live[i]!.presence.always & live[j]!.presence.always) together = true;
  }
  const undecided = live.some((c) => c.presence.maybe !== c.presence.always);
  return {
    what,
    alternatives: live.map((c) => ({ loc: loc(c.file.path, c.line), builds: describeMask(c.presence.maybe) })),
    kind: together ? 'together' : undecided ? 'undecided' : 'by-build',
  };
}

/** One line naming a conflict's places and what it means for the verdict. */
export function conflictMessage(c: Conflict, rev: string): string {
  const places = c.alternatives.map((a) => `${a.loc.path}:${a.loc.line} (${a.builds})`).join(' and ');
  const why =
    c.kind === 'together'
      ? 'one build compiles more than one of them'
      : c.kind === 'undecided'
        ? 'which one a build compiles depends on a condition driver-semver cannot decide'
        : 'the builds disagree on it';
  return `${c.what} at ${rev} has live definitions that differ: ${places}; ${why}, so this comparison is not complete`;
}

/** A kernel range for messages: `kernel module from 3.10.0`. */
export function describeKernels(min: Partial<Record<View, bigint>>): string {
  return Object.entries(min)
    .map(([v, k]) => `${v} from ${describeKernel(k!)}`)
    .join(', ');
}
