import { buildsOf, COMMON_PREDEFINED, CONFIGS, viewMask, type View } from '../parse/build-configs.js';
import { describeKernel, minimumKernel } from '../parse/conditions.js';
import {
  evaluate,
  evaluateAs,
  evaluateNumber,
  type MacroDef,
  type MacroLookup,
  type SymbolTable,
} from '../parse/consteval.js';
import { initParser, ParseTimeout } from '../parse/parser.js';
import { BudgetSpent, describeLimit, WorkBudget } from '../parse/budget.js';
import type { FileEntry, Snapshot } from '../source/git.js';
import { MAX_FILE_BYTES, MAX_INCLUDED_FILES, MAX_NESTING, MEMO_ENTRIES } from '../limits.js';
import { resolveApi } from './api.js';
import type { MacroFact } from '../parse/directives.js';
import {
  buildModel,
  conflictMessage,
  describeConflict,
  includeTarget,
  type BuildModel,
  type Candidate,
  type MacroScope,
} from './builds.js';
import { resolveCodeRoles, roleContext } from './code-roles.js';
import { resolveProduction, type FillerTable } from './production.js';
import { resolveSharedConstants } from './shared-constants.js';
import { isWireDefine } from './wire-defines.js';
import { isCodeFile, probeOf } from './extract/code-bodies.js';
import type { EnumFact } from './extract/enums.js';
import { expandMacros, mentionsMacro } from '../parse/macros.js';
import { scanPragmaMacroUses } from './pragma-macros.js';
import { needsReread, reread, type Definition, type RereadContext } from './reread.js';
import { hasInitError, normExpr, splitOr, unquote, type Init } from './extract/syntax.js';
import { DECLARED_ELEMENTS, designatorSteps, layOut, type Shapes } from './initializers.js';
import type { StructDecl, TypeRef } from './layout.js';
import type { TableFact } from './extract/tables.js';
import { extractFacts, type FileFacts } from './facts.js';
import { fileKind, hasLegacyProbe, type FileKind } from './files.js';
import { VERSION_FILES } from '../vocabulary.js';
import { EVENT_CODE_ENUMS, PPM_SC_ENUMS } from './enum-names.js';
import { DEFAULT_SHARED_STRUCTS, type SharedStruct } from './shared-structs.js';
import {
  emptySurface,
  loc,
  type Constant,
  type DynamicParamTable,
  type EventInfo,
  type FlagTable,
  type MinimumVersion,
  type ParamInfo,
  type PpmScCode,
  type SyscallRoute,
  type Surface,
  type VersionFile,
  type Warning,
} from './model.js';
import { record } from '../record.js';

export { MAX_FILE_BYTES };

/**
 * Per-blob cache of extracted facts: an unchanged blob is parsed once, whatever the revision. A
 * reading cut short by a revision's budget (`BudgetSpent`) is not a fact of the blob: it is
 * dropped, and the next revision that needs the blob reads it under its own budget.
 */
export class FactsCache {
  private map = new Map<string, Promise<FileFacts | string>>();
  private keysOfBlob = new Map<string, string[]>();
  /** Readings extracted so far, forgotten ones included. */
  extracted = 0;
  get(key: string, make: () => Promise<FileFacts | string>): Promise<FileFacts | string> {
    const known = this.map.get(key);
    if (known) return known;
    const p = make();
    this.map.set(key, p);
    this.extracted++;
    // Every key ends with the blob (factsKey).
    const blob = key.slice(key.lastIndexOf(':') + 1);
    this.keysOfBlob.set(blob, [...(this.keysOfBlob.get(blob) ?? []), key]);
    // Registered before any caller awaits `p`: the entry is gone when they see the rejection.
    p.catch((e: unknown) => {
      if (!(e instanceof BudgetSpent) || this.map.get(key) !== p) return;
      this.map.delete(key);
      const keys = (this.keysOfBlob.get(blob) ?? []).filter((k) => k !== key);
      if (keys.length) this.keysOfBlob.set(blob, keys);
      else this.keysOfBlob.delete(blob);
    });
    return p;
  }
  /** Forgets every reading of a blob no later revision holds (the audit's memory stays flat). */
  forget(blob: string): void {
    for (const k of this.keysOfBlob.get(blob) ?? []) this.map.delete(k);
    this.keysOfBlob.delete(blob);
  }
}

/**
 * The cache key of a blob read as `kind`: what is extracted depends on the kind, and for the
 * scanned files (bpf maps) on which probe the path belongs to.
 */
export function factsKey(path: string, kind: Exclude<FileKind, null>, blob: string, minKernel = 0n): string {
  if (kind === 'text') return `text:${path}:${blob}`;
  return kind === 'code' ? `code:${minKernel}:${blob}` : `${kind}:${blob}`;
}

const PUBLIC_HEADER = 'driver/ppm_events_public.h';

/** The builds of libscap/libpman: what userspace compiles. */
const USERSPACE = viewMask('userspace');

export interface BuildOptions {
  /** Struct names whose layout is ABI (default: DEFAULT_SHARED_STRUCTS). */
  sharedStructs?: SharedStruct[];
  /** The revision's work budget (default: the snapshot's, `budgetOf`). */
  budget?: WorkBudget;
}

/**
 * The facts of one blob read at `path` as `kind` (what FactsCache holds), or why it could not
 * be read. The audit's parsing workers call this too, so both compute exactly the same thing.
 * A parse is charged to `budget` (throws `BudgetSpent` when it is spent).
 */
export async function blobFacts(
  path: string,
  data: Buffer | null,
  kind: Exclude<FileKind, null> = fileKind(path) ?? 'tree',
  minKernel = 0n,
  budget?: WorkBudget,
): Promise<FileFacts | string> {
  await initParser();
  if (!data) return 'its blob is missing from this clone (a partial or filtered mirror?)';
  if (data.length > MAX_FILE_BYTES) return tooLarge(data.length);
  return extractFacts(path, data.toString('utf8'), kind, minKernel, budget);
}

/**
 * The work budget of one revision (budget.ts): a snapshot is one revision, so everything read
 * for it (the parsing workers' pass over its declarations, then buildSurface) shares one.
 */
const budgets = new WeakMap<Snapshot, WorkBudget>();
export function budgetOf(snap: Snapshot): WorkBudget {
  let b = budgets.get(snap);
  if (!b) budgets.set(snap, (b = new WorkBudget()));
  return b;
}

/**
 * The lowest kernel version each kernel build supports, from the driver's own check (the kernel
 * module's main.c, the legacy probe's quirks.h): code only for kernels below it is dead code.
 */
export function kernelRanges(files: Iterable<FileFacts>): Partial<Record<View, bigint>> {
  const out: Partial<Record<View, bigint>> = {};
  const all = [...files];
  for (const view of ['kmod', 'legacy'] as const) {
    const config = CONFIGS.find((c) => c.view === view)!;
    out[view] = minimumKernel(
      all.filter((f) => buildsOf(f.path) & (1 << config.index)),
      config,
    );
  }
  return out;
}

/** The kernel range a code file is compiled for: its probe's (the shared helpers: the lower of the two). */
export function codeKernel(path: string, ranges: Partial<Record<View, bigint>>): bigint {
  const probe = probeOf(path);
  if (probe === 'kmod') return ranges.kmod ?? 0n;
  if (probe === 'legacy') return ranges.legacy ?? 0n;
  if (probe === 'shared') return [ranges.kmod ?? 0n, ranges.legacy ?? 0n].reduce((a, b) => (a < b ? a : b));
  return 0n;
}

/** Why an oversized file is not read. */
export function tooLarge(size: number): string {
  return `it is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`;
}

/** Git modes of what is not a regular file (FileEntry.mode, source/git.ts): never read through. */
const NOT_A_FILE: Record<NonNullable<FileEntry['mode']>, string> = {
  '120000': 'a symbolic link',
  '160000': 'a submodule',
};

/**
 * Reads one listed file's facts through the cache (its size first), or records why it cannot be
 * read. A parse is charged to the revision's budget; once it is spent, a blob no earlier
 * revision read is not read (an unread warning naming the file and the limit).
 */
async function loadFacts(
  snap: Snapshot,
  cache: FactsCache,
  warnings: Warning[],
  p: string,
  kind: Exclude<FileKind, null>,
  minKernel: bigint,
  budget: WorkBudget,
  retried = false,
): Promise<FileFacts | null> {
  const entry = snap.files.get(p)!;
  const what = entry.mode ? NOT_A_FILE[entry.mode] : undefined;
  if (what) {
    warnings.push({
      path: p,
      message: `${p} at ${snap.label} is ${what}: driver-semver does not read it through`,
      incomplete: true,
      unread: true,
    });
    return null;
  }
  // The size first: an oversized blob is refused without being read.
  const read = () =>
    cache.get(factsKey(p, kind, entry.blob, minKernel), async () => {
      const size = entry.size ?? (await snap.size(p));
      return size !== null && size > MAX_FILE_BYTES
        ? tooLarge(size)
        : blobFacts(p, await snap.read(p), kind, minKernel, budget);
    });
  let r: FileFacts | string;
  try {
    r = await read();
  } catch (e) {
    if (!(e instanceof BudgetSpent)) throw e;
    // Another revision's budget ran out on this blob (the cache dropped it): read it under ours.
    if (e.budget !== budget && !retried) return loadFacts(snap, cache, warnings, p, kind, minKernel, budget, true);
    warnings.push({
      path: p,
      message: `${p} at ${snap.label} is not read: ${e.message}`,
      incomplete: true,
      unread: true,
    });
    return null;
  }
  if (typeof r === 'string') {
    warnings.push({ path: p, message: `could not read ${p} at ${snap.label}: ${r}`, incomplete: true, unread: true });
    return null;
  }
  for (const problem of r.parseProblems)
    warnings.push({ path: p, message: `${p} at ${snap.label}: ${problem}`, incomplete: true });
  // The cache is keyed by blob: the same content may sit at another path in another revision.
  return r.path === p ? r : { ...r, path: p };
}

/**
 * Reads the declarations the surface is built from: the parsed and scanned surface files
 * (files.ts) and, transitively, the files of the tree they `#include` (read as surface files
 * too: what a new header defines counts as if it were written in place).
 */
export async function readDeclarations(
  snap: Snapshot,
  cache: FactsCache,
  warnings: Warning[],
  budget = budgetOf(snap),
): Promise<Map<string, FileFacts>> {
  const files = new Map<string, FileFacts>();
  const paths = [...snap.files.keys()].filter((p) => fileKind(p) === 'tree' || fileKind(p) === 'text').sort();
  const loaded = await Promise.all(paths.map((p) => loadFacts(snap, cache, warnings, p, fileKind(p)!, 0n, budget)));
  loaded.forEach((f, i) => {
    if (f) files.set(paths[i]!, f);
  });

  // The in-tree includes of the files with directives, breadth first, bounded.
  const exists = (p: string) => snap.files.has(p);
  let frontier = [...files.values()].filter((f) => f.directives.includes.length);
  let added = 0;
  while (frontier.length) {
    const next = new Set<string>();
    for (const f of frontier) {
      for (const inc of f.directives.includes) {
        const target = includeTarget(f.path, inc, exists);
        if (target && !files.has(target) && fileKind(target) === null) next.add(target);
      }
    }
    const wanted = [...next].sort();
    if (added + wanted.length > MAX_INCLUDED_FILES) {
      warnings.push({
        path: wanted[0]!,
        message: `the surface files at ${snap.label} include more than ${MAX_INCLUDED_FILES} other files: the rest are not read`,
        incomplete: true,
      });
      wanted.length = Math.max(0, MAX_INCLUDED_FILES - added);
    }
    added += wanted.length;
    const more = await Promise.all(wanted.map((p) => loadFacts(snap, cache, warnings, p, 'tree', 0n, budget)));
    frontier = [];
    more.forEach((f, i) => {
      if (!f) return;
      files.set(wanted[i]!, f);
      frontier.push(f);
    });
  }
  return files;
}

/** Reads every file the surface is built from: the declarations, then the code for the kernel range they state. */
async function readFiles(
  snap: Snapshot,
  cache: FactsCache,
  warnings: Warning[],
  budget: WorkBudget,
): Promise<{ files: Map<string, FileFacts>; kernels: Partial<Record<View, bigint>> }> {
  const files = await readDeclarations(snap, cache, warnings, budget);
  const kernels = kernelRanges(files.values());
  // Code files, and the text files whose functions are code too (main.c), when they could be read.
  const code = [...snap.files.keys()].filter((p) => fileKind(p) === 'code' || (isCodeFile(p) && files.has(p))).sort();
  const codeFacts = await Promise.all(
    code.map((p) => loadFacts(snap, cache, warnings, p, 'code', codeKernel(p, kernels), budget)),
  );
  codeFacts.forEach((f, i) => {
    const text = files.get(code[i]!);
    if (f) files.set(code[i]!, text ? { ...text, code: f.code } : f);
  });
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), kernels };
}

/**
 * Re-reads, in place, the definitions the plain reading misses: an `#include` inside a table,
 * enum or struct, or a macro standing for part of one (see reread.ts).
 */
async function rereadDefinitions(
  files: Map<string, FileFacts>,
  snap: Snapshot,
  model: BuildModel,
  warnings: Warning[],
  budget: WorkBudget,
): Promise<void> {
  const exists = (p: string) => snap.files.has(p);
  const said = new Set<string>();
  const problem = (message: string) => {
    if (said.has(message)) return;
    said.add(message);
    warnings.push({ path: message.split(/[:, ]/)[0]!, message: `${message} (at ${snap.label})`, incomplete: true });
  };
  for (const [path, f] of [...files]) {
    if (!f.tables.length && !f.enums.length && !f.structs.structs.length) continue;
    // The macros this file sees, not those of files it does not include.
    const scope = model.scope(path);
    const memo = rereadMemo.get(f);
    if (
      memo &&
      memo.scope === scope &&
      memo.resolved.every(([from, inc, angled, to]) => includeTarget(from, { path: inc, angled }, exists) === to) &&
      memo.read.every(([p, blob]) => snap.files.get(p)?.blob === blob)
    ) {
      memo.problems.forEach(problem);
      files.set(path, memo.facts);
      continue;
    }
    // What the re-read depends on besides the macros, to know when it can be reused.
    const resolved: Array<[string, string, boolean, string | null]> = [];
    const read: Array<[string, string | undefined]> = [];
    const problems: string[] = [];
    const ctx: RereadContext = {
      macros: scope.macros,
      keep: READ_AS_WRITTEN,
      read: async (p) => {
        const entry = snap.files.get(p);
        read.push([p, entry?.blob]);
        if (!entry || entry.mode) return null;
        const known = rereadSources.get(entry.blob);
        if (known !== undefined) return known;
        const size = entry.size ?? (await snap.size(p));
        if (size !== null && size > MAX_FILE_BYTES) return null;
        const text = (await snap.read(p))?.toString('utf8') ?? null;
        if (text !== null) rememberSource(entry.blob, text);
        return text;
      },
      resolve: (from, p, angled) => {
        const to = includeTarget(from, { path: p, angled }, exists);
        resolved.push([from, p, angled, to]);
        return to;
      },
      problem: (message) => {
        problems.push(message);
        problem(message);
      },
      budget,
    };
    const stops = budget.stops;
    const defs: Array<Definition & { names: string[] | undefined }> = [
      ...f.tables.map((t) => ({
        kind: 'table' as const,
        name: t.name,
        line: t.line,
        endLine: t.endLine,
        names: t.names,
      })),
      ...f.enums
        .filter((e) => e.name)
        .map((e) => ({ kind: 'enum' as const, name: e.name!, line: e.line, endLine: e.endLine, names: e.names })),
      ...f.structs.structs.map((s) => ({
        kind: 'struct' as const,
        name: s.name,
        line: s.loc.line,
        endLine: s.lastLine ?? s.endLine,
        names: s.names,
      })),
    ].filter((d) => model.live(path, d.line) && needsReread(f.directives, d, d.names, ctx));
    let next = f;
    for (const d of defs) {
      let again: Awaited<ReturnType<typeof reread>>;
      try {
        again = await reread(path, f.directives, d, ctx);
      } catch (e) {
        if (!(e instanceof BudgetSpent || e instanceof ParseTimeout)) throw e;
        ctx.problem(
          `${path}:${d.line}: ${d.kind} ${d.name} cannot be read again with its macros expanded: ${e.message}`,
        );
        continue;
      }
      if (!again) {
        ctx.problem(`${path}:${d.line}: ${d.kind} ${d.name} cannot be read again with its macros expanded`);
        continue;
      }
      next = {
        ...next,
        tables:
          d.kind === 'table'
            ? next.tables.map((t) => (t.name === d.name && t.line === d.line ? again.tables[0]! : t))
            : next.tables,
        enums:
          d.kind === 'enum'
            ? next.enums.map((e) => (e.name === d.name && e.line === d.line ? again.enums[0]! : e))
            : next.enums,
        structs:
          d.kind === 'struct'
            ? {
                ...next.structs,
                structs: next.structs.structs.map((s) =>
                  s.name === d.name && s.loc.line === d.line ? again.structs.structs[0]! : s,
                ),
              }
            : next.structs,
      };
    }
    // What a spent budget cut short is not what this file reads as: the next revision reads it again.
    if (budget.stops === stops) rereadMemo.set(f, { scope, resolved, read, problems, facts: next });
    files.set(path, next);
  }
}

/**
 * The last re-reading of each file's facts (the cached object: an unchanged blob is the same
 * object in every revision), reused while its scope, its includes and the files they name are
 * the same: the next revision usually changes none of them.
 */
const rereadMemo = new WeakMap<
  FileFacts,
  {
    scope: MacroScope;
    resolved: Array<[string, string, boolean, string | null]>;
    read: Array<[string, string | undefined]>;
    problems: string[];
    facts: FileFacts;
  }
>();

/**
 * The text of the files re-reads read last, by blob: a re-read that cannot be reused (its scope
 * changed) reads the same included files again, and git would be asked for them at every revision.
 */
const rereadSources = new Map<string, string>();
/** At most this many characters of them (the oldest go first). */
const REREAD_SOURCE_CHARS = 8 * 1024 * 1024;
let rereadSourceChars = 0;
function rememberSource(blob: string, text: string): void {
  if (text.length > REREAD_SOURCE_CHARS / 4 || rereadSources.has(blob)) return;
  rereadSources.set(blob, text);
  rereadSourceChars += text.length;
  for (const [b, t] of rereadSources) {
    if (rereadSourceChars <= REREAD_SOURCE_CHARS) break;
    rereadSources.delete(b);
    rereadSourceChars -= t.length;
  }
}

/** A scope's macros over what every build predefines (one lookup per scope, so memos keyed by it still hit). */
const predefinedUnder = new WeakMap<MacroLookup, MacroLookup>();
function withPredefined(macros: MacroLookup): MacroLookup {
  let m = predefinedUnder.get(macros);
  if (!m) {
    m = {
      get: (n) => macros.get(n) ?? COMMON_PREDEFINED.get(n),
      has: (n) => macros.has(n) || COMMON_PREDEFINED.has(n),
    };
    predefinedUnder.set(macros, m);
  }
  return m;
}

/**
 * The problems of one file's symbol table: the revision's budget running out is said once per
 * file, naming it (`spent`); any other problem goes to the revision's set, said once.
 */
class FileProblems extends Set<string> {
  constructor(
    private readonly revision: Set<string>,
    private readonly spentMessage: string,
    private readonly spent: () => void,
  ) {
    super();
  }
  override add(problem: string): this {
    if (problem === this.spentMessage) this.spent();
    else this.revision.add(problem);
    return this;
  }
}

/** What the resolvers share: the build model, the value symbols, the warnings. */
interface Resolution {
  model: BuildModel;
  /** The value symbols of a file: the macros in its scope (builds.ts), every enumerator. */
  symsOf(path: string): SymbolTable;
  /** Why values came out unknown (limits hit). */
  problems: Set<string>;
  facts: FileFacts[];
  rev: string;
  warnings: Warning[];
  /** The revision's work budget. */
  budget: WorkBudget;
  /** Reports (once per file) that the budget ran out while values of `path` were computed. */
  spentIn(path: string): void;
}

/** Reads, parses and resolves the driver surface of one snapshot. */
export async function buildSurface(
  snap: Snapshot,
  cache = new FactsCache(),
  opts: BuildOptions = {},
): Promise<Surface> {
  await initParser();
  const warnings: Warning[] = [];
  const budget = opts.budget ?? budgetOf(snap);
  const { files, kernels } = await readFiles(snap, cache, warnings, budget);
  await scanPragmaMacroUses(files, (p) => snap.read(p), {
    budget,
    warn: (path, why) => warnings.push({ path, message: `${path} at ${snap.label}: ${why}`, incomplete: true }),
  });
  const model = buildModel(files, snap.label, warnings, kernels, budget);
  await rereadDefinitions(files, snap, model, warnings, budget);
  const facts = [...files.values()];
  // Macros whose live definitions disagree, as a value used them (reported once each).
  const used = new Map<string, Candidate<MacroFact>[]>();
  const enumerators = new Map<string, bigint>();
  const problems = new Set<string>();
  const symbols = new Map<string, SymbolTable>();
  const spent = new Set<string>();
  const spentIn = (path: string) => {
    if (spent.has(path)) return;
    spent.add(path);
    warnings.push({
      path,
      message: `${path} at ${snap.label}: ${describeLimit(budget, 'MAX_REVISION_EVAL_STEPS')}, so the rest of its values are not known`,
      incomplete: true,
    });
  };
  const symsOf = (path: string): SymbolTable => {
    let s = symbols.get(path);
    if (!s) {
      const scope = model.scope(path);
      s = {
        macros: withPredefined(scope.macros),
        enumerators,
        problems: new FileProblems(problems, describeLimit(budget, 'MAX_REVISION_EVAL_STEPS'), () => spentIn(path)),
        budget,
        onMacro: (n) => void (scope.ambiguous.has(n) && used.set(n, scope.ambiguous.get(n)!)),
      };
      symbols.set(path, s);
    }
    return s;
  };
  const r: Resolution = { model, symsOf, problems, facts, rev: snap.label, warnings, budget, spentIn };
  for (const f of facts) for (const e of f.enums) resolveEnumValues(r, f, e);

  const header = files.get(PUBLIC_HEADER);
  const eventCodes = resolveEventCodes(r);
  const legacy = hasLegacyProbe(snap.files.keys());
  const publicTree = publicHeader(r, files);
  const enums = resolveEnums(r, publicTree);
  const defines = resolveDefines(r, publicTree);
  const api = resolveApi(facts, symsOf, enums, {
    legacy,
    sharedStructs: opts.sharedStructs ?? DEFAULT_SHARED_STRUCTS,
    warnings,
    rev: snap.label,
    model,
    budget,
    enumHolding: (names) => enumHolding(r, names),
  });
  // The probe follows the path (a cached blob may have been read at another one).
  const code = resolveCodeRoles(
    record(facts.filter((f) => f.code).map((f) => [f.path, { ...f.code!, probe: probeOf(f.path) }])),
    roleContext(api),
  );
  const surface: Surface = {
    ...emptySurface(snap.label, snap.commit),
    versions: await readVersions(snap, warnings),
    scapMinimum: { api: minimum(r, 'API'), schema: minimum(r, 'SCHEMA') },
    eventCodes,
    events: resolveEvents(r, eventCodes),
    enums,
    retiredEnumValues: resolveRetiredEnumValues(r, publicTree),
    ppmSc: resolvePpmSc(r),
    defines,
    sharedConstants: resolveSharedConstants(facts, new Set(Object.keys(defines).filter(isWireDefine)), {
      symsOf,
      live: (path, index) => model.macroPresence(path, index).maybe !== 0,
      guard: (path, line) => guardOf(r, path, line).guard,
    }),
    flagTables: resolveFlagTables(r),
    dynamicParams: resolveDynamicParams(r),
    syscalls: resolveSyscalls(r),
    code,
    production: resolveProduction(fillerTable(r), code, legacy),
    ...api,
    kernels: Object.fromEntries(
      Object.entries(kernels)
        .filter(([, k]) => k)
        .map(([v, k]) => [v, describeKernel(k!)]),
    ),
    warnings,
  };
  if (!header) {
    warnings.push({
      path: PUBLIC_HEADER,
      message: `${PUBLIC_HEADER} is missing at ${snap.label}: no enums, event codes or ppm_sc codes`,
      incomplete: true,
    });
  }
  // A macro whose live definitions disagree, used by a value of the surface.
  for (const [name, list] of [...used].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!model.conflicts.some((c) => c.what === `macro ${name}`))
      model.conflicts.push(describeConflict(`macro ${name}`, list));
  }
  for (const c of model.conflicts)
    warnings.push({ path: c.alternatives[0]!.loc.path, message: conflictMessage(c, snap.label), incomplete: true });
  for (const p of problems)
    warnings.push({
      path: snap.label,
      message: `at ${snap.label}: ${p}; the values it gives are unknown`,
      incomplete: true,
    });
  surface.conflicts = model.conflicts;
  return surface;
}

/** The version files of a snapshot, without building the rest of its surface. */
export async function readVersions(snap: Snapshot, warnings: Warning[] = []): Promise<Surface['versions']> {
  return {
    api: await readVersionFile(snap, VERSION_FILES.api, warnings),
    schema: await readVersionFile(snap, VERSION_FILES.schema, warnings),
  };
}

async function readVersionFile(snap: Snapshot, path: string, warnings: Warning[]): Promise<VersionFile | null> {
  const entry = snap.files.get(path);
  if (!entry) return null;
  const what = entry.mode ? NOT_A_FILE[entry.mode] : undefined;
  if (what) return { path, raw: `(${what})`, version: null };
  const known = versionMemo.get(entry.blob);
  if (known) return { path, ...known };
  const size = entry.size ?? (await snap.size(path));
  if (size !== null && size > MAX_FILE_BYTES) return { path, raw: `(${size} bytes)`, version: null };
  const data = await snap.read(path);
  if (!data) {
    warnings.push({ path, message: `could not read ${path} at ${snap.label}`, incomplete: true });
    return null;
  }
  const read = versionOf(data);
  if (versionMemo.size >= MEMO_ENTRIES) versionMemo.clear();
  versionMemo.set(entry.blob, read);
  return { path, ...read };
}

/** Version files read before, by blob: an audit reads both at every rebuilt revision, and they rarely change. */
const versionMemo = new Map<string, Pick<VersionFile, 'raw' | 'version'>>();

/**
 * A version file as libs' build reads it: compute_versions.cmake takes the first line with
 * `file(STRINGS ... LIMIT_COUNT 1)`, which ends a line at LF only and drops every CR ("3.1.0\r1"
 * is "3.1.01"), and driver_config.h.in pastes each number into a C `#define`, where a leading
 * zero makes it octal ("3.010.0" builds as 3.8.0). So the version is valid only when the line
 * (CRs dropped, blanks around it trimmed) is exactly major.minor.patch without leading zeros.
 */
export function versionOf(data: Buffer): Pick<VersionFile, 'raw' | 'version'> {
  const lf = data.indexOf(0x0a);
  const raw = data
    .subarray(0, lf < 0 ? data.length : lf)
    .toString('utf8')
    .replaceAll('\r', '')
    .trim();
  const m = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(raw);
  return { raw, version: m ? `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}` : null };
}

/**
 * A simple symbol table, every macro and enumerator of `facts` taken as compiled: for tests and
 * tools that lay out one header on its own. The surface uses the build model instead.
 */
export function symbolTable(facts: Array<Pick<FileFacts, 'macros' | 'enums'>>): SymbolTable {
  const macros = new Map<string, MacroDef>();
  for (const f of facts)
    for (const m of f.macros)
      if (!macros.has(m.name)) macros.set(m.name, { name: m.name, params: m.params, body: m.body });
  const syms: SymbolTable = { macros, enumerators: new Map() };
  for (const f of facts) for (const e of f.enums) enumValues(e, syms, () => true);
  return syms;
}

/** Values of one enum's compiled enumerators in declaration order (implicit ones count up from the previous). */
function enumValues(
  e: EnumFact,
  syms: SymbolTable,
  live: (en: EnumFact['enumerators'][number]) => boolean,
): Map<number, number | null> {
  const values = new Map<number, number | null>();
  let next: bigint | null = 0n;
  e.enumerators.forEach((en, i) => {
    if (!live(en)) return;
    if (e.opaqueAfter !== null && i >= e.opaqueAfter && en.expr === null) next = null;
    const v = en.expr !== null ? evaluate(en.expr, syms) : next;
    if (v !== null && !syms.enumerators.has(en.name)) syms.enumerators.set(en.name, v);
    values.set(i, v === null ? null : Number(v));
    next = v === null ? null : v + 1n;
  });
  return values;
}

function resolveEnumValues(r: Resolution, f: FileFacts, e: EnumFact): Map<number, number | null> {
  return r.model.live(f.path, e.line)
    ? enumValues(e, r.symsOf(f.path), (en) => r.model.live(en.path ?? f.path, en.line))
    : new Map();
}

/** A `guard` field for an item some builds may not compile. */
function guardOf(r: Resolution, path: string, line: number): { guard?: string[] } {
  const g = r.model.guards(path, line);
  return g.length ? { guard: g } : {};
}

function constantsOf(r: Resolution, f: FileFacts, e: EnumFact): Record<string, Constant> {
  const values = resolveEnumValues(r, f, e);
  const out = record<Constant>();
  e.enumerators.forEach((en, i) => {
    if (!values.has(i)) return;
    const path = en.path ?? f.path;
    out[en.name] = {
      value: values.get(i) ?? null,
      expr: en.expr ?? '(implicit)',
      loc: loc(path, en.line),
      ...guardOf(r, path, en.line),
    };
  });
  return out;
}

/** The live definitions of one enum, keyed alike: one chosen, disagreements recorded as conflicts. */
function pickEnum(r: Resolution, names: string[], files: FileFacts[]): Candidate<EnumFact> | null {
  const candidates = files.flatMap((f) =>
    f.enums
      .filter((e) => e.name !== null && names.includes(e.name))
      .map((e) => ({ value: e, file: f, line: e.line, presence: r.model.presence(f.path, e.line) })),
  );
  return r.model.pick(`enum ${names[0]}`, candidates, (e) =>
    JSON.stringify(e.enumerators.map((x) => [x.name, x.expr])),
  );
}

/** The live g_ppm_events table (driver/fillers_table.c): which filler the kernel module runs per event. */
function fillerTable(r: Resolution): FillerTable | null {
  const found = findTable(r, 'g_ppm_events');
  return found
    ? {
        path: found.file.path,
        items: liveItems(r, found.file, found.table),
        guard: (line) => guardOf(r, found.file.path, line).guard,
      }
    : null;
}

/** The live enum whose enumerators include every one of `names` (what an X-macro list expands into), as compiled. */
function enumHolding(r: Resolution, names: string[]): Record<string, Constant> | null {
  if (!names.length) return null;
  for (const f of r.facts) {
    for (const e of f.enums) {
      if (!r.model.live(f.path, e.line)) continue;
      const have = new Set(e.enumerators.map((x) => x.name));
      if (names.every((n) => have.has(n))) return constantsOf(r, f, e);
    }
  }
  return null;
}

function resolveEventCodes(r: Resolution): Record<string, Constant> {
  const c = pickEnum(r, EVENT_CODE_ENUMS, r.facts);
  return c ? constantsOf(r, c.file, c.value) : record();
}

/**
 * What the public header compiles: its own definitions and those of the in-tree headers it
 * includes (a definition moved into an included header is still the header's), except headers
 * the surface reads in their own right (ppm_fillers.h: the filler ids have their own rule).
 */
function publicHeader(r: Resolution, files: Map<string, FileFacts>): FileFacts[] {
  if (!files.has(PUBLIC_HEADER)) return [];
  return r.model
    .treeOf(PUBLIC_HEADER)
    .flatMap((p) => (p === PUBLIC_HEADER || fileKind(p) === null ? [files.get(p)!] : []));
}

function resolveEnums(r: Resolution, header: FileFacts[]): Record<string, Record<string, Constant>> {
  const out = record<Record<string, Constant>>();
  // From a header the public one includes, only what userspace compiles too (as for defines).
  const shared = (f: FileFacts, e: EnumFact) =>
    f.path === PUBLIC_HEADER || (r.model.presence(f.path, e.line).maybe & USERSPACE) !== 0;
  const names = [
    ...new Set(
      header
        .flatMap((f) => f.enums.filter((e) => shared(f, e)).map((e) => e.name))
        .filter((n): n is string => n !== null && !EVENT_CODE_ENUMS.includes(n) && !PPM_SC_ENUMS.includes(n)),
    ),
  ];
  for (const name of names) {
    const c = pickEnum(r, [name], header);
    if (c) out[name] = constantsOf(r, c.file, c.value);
  }
  return out;
}

function resolveRetiredEnumValues(r: Resolution, header: FileFacts[]): Record<string, Record<string, Constant>> {
  const out = record<Record<string, Constant>>();
  for (const f of header) {
    for (const e of f.enums) {
      if (!e.name || !e.retired.length || !r.model.live(f.path, e.line)) continue;
      out[e.name] = record(
        e.retired.map((x) => [
          x.name,
          { value: evaluateNumber(x.expr ?? '', r.symsOf(f.path)), expr: x.expr ?? '', loc: loc(f.path, x.line) },
        ]),
      );
    }
  }
  return out;
}

function resolvePpmSc(r: Resolution): Record<string, PpmScCode> {
  // The values are those of the compiled enum: since 2022 it is `PPM_SC_FIELDS` expanded through
  // the `PPM_SC_X` defined just before it (re-read with its macros, reread.ts), so a redefined
  // `PPM_SC_X` shows; before, a plain enum.
  const e = pickEnum(r, PPM_SC_ENUMS, r.facts);
  const compiled = e ? constantsOf(r, e.file, e.value) : record<Constant>();
  delete compiled.PPM_SC_MAX;
  // Each `#define PPM_SC_FIELDS` is a candidate; the build compiles one. Its entries give each
  // code its own line, and the retired ones (commented out) that the enum never sees.
  const candidates: Candidate<FileFacts['ppmSc']>[] = [];
  for (const f of r.facts) {
    const byDefine = new Map<number, FileFacts['ppmSc']>();
    for (const sc of f.ppmSc) byDefine.set(sc.defineLine, [...(byDefine.get(sc.defineLine) ?? []), sc]);
    for (const [line, entries] of byDefine)
      candidates.push({ value: entries, file: f, line, presence: r.model.presence(f.path, line) });
  }
  const chosen = r.model.pick('the PPM_SC_FIELDS X-macro', candidates, (list) =>
    list.map((sc) => `${sc.symbol}=${sc.expr}${sc.retired ? '?' : ''}`).join(','),
  );
  const out = record<PpmScCode>();
  for (const sc of chosen?.value ?? []) {
    const asCompiled = sc.retired ? undefined : compiled[sc.symbol];
    const value =
      asCompiled && asCompiled.value !== null ? asCompiled.value : evaluateNumber(sc.expr, r.symsOf(chosen!.file.path));
    out[sc.symbol] = { value, loc: loc(chosen!.file.path, sc.line), ...(sc.retired ? { retired: true } : {}) };
  }
  for (const [name, c] of Object.entries(compiled)) if (!(name in out)) out[name] = { value: c.value, loc: c.loc };
  return out;
}

/** Object-like `#define PPM_*` with an integer value: flag bits and wire constants. */
function resolveDefines(r: Resolution, header: FileFacts[]): Record<string, Constant> {
  const byName = new Map<string, Candidate<Constant>[]>();
  for (const f of header) {
    f.macros.forEach((m, i) => {
      if (m.params !== null || !m.name.startsWith('PPM_') || m.body === '') return;
      const presence = r.model.macroPresence(f.path, i);
      // From a header the public one includes, only what userspace compiles too: the kernel's own
      // helpers (ppm_version.h through feature_gates.h) are not values the two sides share.
      if (!presence.maybe || (f.path !== PUBLIC_HEADER && !(presence.maybe & USERSPACE))) return;
      const value = evaluateNumber(m.body, r.symsOf(f.path));
      if (value === null) return;
      const c = {
        value: { value, expr: m.body, loc: loc(f.path, m.line), ...guardOf(r, f.path, m.line) },
        file: f,
        line: m.line,
        presence,
      };
      byName.set(m.name, [...(byName.get(m.name) ?? []), c]);
    });
  }
  const out = record<Constant>();
  for (const [name, list] of byName) {
    const c = r.model.pick(`macro ${name}`, list, (x) => String(x.value));
    if (c) out[name] = c.value;
  }
  return out;
}

function minimum(r: Resolution, which: 'API' | 'SCHEMA'): MinimumVersion | null {
  // SCAP_MINIMUM_DRIVER_* since 2022; SCAP_MINIMUM_PROBE_* before.
  for (const name of [`SCAP_MINIMUM_DRIVER_${which}_VERSION`, `SCAP_MINIMUM_PROBE_${which}_VERSION`]) {
    const candidates = r.facts.flatMap((f) =>
      f.macros.flatMap((m, i) =>
        m.name === name ? [{ value: m, file: f, line: m.line, presence: r.model.macroPresence(f.path, i) }] : [],
      ),
    );
    const c = r.model.pick(`macro ${name}`, candidates, (m) => m.body);
    if (!c) continue;
    const m = c.value;
    const args = /^\(?\s*PPM_API_VERSION\s*\(([^)]*)\)\s*\)?$/.exec(m.body)?.[1]?.split(',');
    const parts = args?.length === 3 ? args.map((a) => evaluateNumber(a, r.symsOf(c.file.path))) : null;
    const version = parts?.every((p) => p !== null) ? parts.join('.') : null;
    return { macro: name, version, expr: m.body, loc: loc(c.file.path, m.line) };
  }
  return null;
}

function exprOf(init: Init | undefined): string | null {
  return init && init.kind === 'expr' ? normExpr(init.text) : null;
}

/**
 * Function-like macros the surface reads as they are written (a param's dirfd reference, a
 * filler reference): their arguments are what matters, not their expansion.
 */
const READ_AS_WRITTEN = new Set(['DIRFD_PARAM', 'FILLER_REF']);

/**
 * A slot the surface reads a symbol from (a param's type, an event's flags, a syscall's events),
 * with the macros the build expands there expanded: `#define PT_FSPATH PT_BYTEBUF` makes a
 * PT_FSPATH param a PT_BYTEBUF one, as it does in gcc's output.
 */
function slot(r: Resolution, path: string, init: Init | undefined): string | null {
  if (init?.kind !== 'expr') return null;
  const syms = r.symsOf(path);
  // The same text under the same macros reads the same: memoised per macro table (the tables
  // of unchanged include trees are reused from one revision to the next, see builds.ts).
  let memo = slotMemo.get(syms.macros);
  if (!memo) slotMemo.set(syms.macros, (memo = new Map()));
  let read = memo.get(init.text);
  if (!read) {
    const text = normExpr(init.text);
    read = { text, used: [] };
    let spent = false;
    if (mentionsMacro(text, syms.macros, READ_AS_WRITTEN)) {
      const used = read.used;
      const e = expandMacros(text, syms.macros, {
        keep: READ_AS_WRITTEN,
        onMacro: (n) => used.push(n),
        budget: r.budget,
      });
      if ('text' in e) read.text = normExpr(e.text);
      else if (e.spent) spent = true;
      else read.problem = `${text.slice(0, 60)}: ${e.problem}`;
    }
    // Cut short by the revision's budget: not how this text reads under these macros (the table
    // may serve the next revision), so not memoised; the file is named once.
    if (spent) {
      r.spentIn(path);
      return read.text;
    }
    memo.set(init.text, read);
  }
  for (const n of read.used) syms.onMacro?.(n);
  if (read.problem) r.problems.add(read.problem);
  return read.text;
}

/** Symbol slots as read under one macro table (see `slot`). */
const slotMemo = new WeakMap<object, Map<string, { text: string; used: string[]; problem?: string }>>();

/** A string slot (a name), through the same expansion: `#define OPEN_NAME "open"`. */
function stringSlot(r: Resolution, path: string, init: Init | undefined): string {
  const text = slot(r, path, init);
  return text === null ? '' : (unquote(text) ?? text);
}

/** The spellings of "no info" in a param's info slot. */
const NO_INFO = /^(0|NULL|\(void\*\)0|\(\(void\*\)0\))$/;

function toParam(r: Resolution, init: Init, path: string): ParamInfo | null {
  if (init.kind !== 'list') return null;
  const [name, type, format, info, ninfo] = init.items.map((i) => i.value);
  const infoText = slot(r, path, info);
  // The PT_DYN table size stays a symbol: its value is a define the surface compares itself.
  const ninfoText = exprOf(ninfo);
  return {
    name: stringSlot(r, path, name),
    type: slot(r, path, type) ?? '',
    format: slot(r, path, format) ?? '',
    // A literal 0 / NULL info slot is the same as leaving it out.
    info: infoText && !NO_INFO.test(infoText) ? infoText : null,
    ninfo: ninfoText && ninfoText !== '0' ? ninfoText : null,
    loc: loc(path, init.line),
  };
}

function flagSet(expr: string | null): string[] {
  if (!expr) return [];
  let set = flagSets.get(expr);
  if (!set) {
    set = [...new Set(splitOr(expr).filter((s) => s !== 'EF_NONE' && s !== '0'))].sort();
    if (flagSets.size >= MEMO_ENTRIES) flagSets.clear();
    flagSets.set(expr, set);
  }
  return [...set];
}

/** Flag sets read before: every event of every revision spells its flags again. */
const flagSets = new Map<string, string[]>();

/** The live tables of one name (a table defined twice is one choice and a conflict). */
function findTable(r: Resolution, name: string): { file: FileFacts; table: TableFact } | null {
  const candidates = r.facts.flatMap((f) =>
    f.tables
      .filter((t) => t.name === name)
      .map((t) => ({ value: t, file: f, line: t.line, presence: r.model.presence(f.path, t.line) })),
  );
  const c = r.model.pick(`table ${name}`, candidates, (t) =>
    JSON.stringify(t.items.map((i) => [i.designator, i.value])),
  );
  return c ? { file: c.file, table: c.value } : null;
}

type TableItem = TableFact['items'][number];

/**
 * The items of a table the builds compile, in order, each laid out as C lays it out
 * (initializers.ts: designated members in declaration order; a chained designator at the top,
 * `[X].params[1].type = v`, is part of element X). An item that a conditional directive cuts
 * in two (`#if` between its designator and its value, or inside its braces) cannot be read as
 * any build sees it: it is reported, and left out, as is an item that cannot be laid out.
 */
function liveItems(r: Resolution, file: FileFacts, table: TableFact): TableItem[] {
  const cuts = cutsOf(file.directives);
  const live = table.items.filter((item) => {
    if (item.path) return r.model.live(item.path, item.line);
    if (cutInside(cuts, item.line, item.endLine)) {
      r.warnings.push({
        path: file.path,
        message: `${file.path} at ${r.rev}: the ${table.name} entry at line ${item.line} has a conditional directive inside it, which driver-semver cannot follow`,
        incomplete: true,
      });
      return false;
    }
    return r.model.live(file.path, item.line);
  });
  const element: TypeRef = { kind: 'struct', name: table.elementType, tagged: true };
  const shapes = shapesOf(r, file.path);
  const unreadable = (item: TableItem, why: string) =>
    r.warnings.push({
      path: item.path ?? file.path,
      message: `${item.path ?? file.path} at ${r.rev}: the ${table.name} entry at line ${item.line} cannot be read: ${why}`,
      incomplete: true,
    });
  const out: TableItem[] = [];
  for (const item of live) {
    const steps = item.designator === null ? [] : designatorSteps(item.designator);
    const first = steps[0];
    if (steps.length > 1 && first && 'index' in first) {
      let target = out.length - 1;
      while (target >= 0 && out[target]!.designator !== first.index) target--;
      const into = target >= 0 ? out[target]!.value : null;
      if (into?.kind !== 'list') {
        unreadable(item, `its designator ${item.designator} names an element driver-semver cannot find`);
        continue;
      }
      const rest = item.designator!.slice(first.index.length);
      const laid = layOut(
        {
          ...into,
          items: [...into.items, { designator: rest, value: item.value, line: item.line, endLine: item.endLine }],
        },
        element,
        shapes,
      );
      if ('problem' in laid) unreadable(item, laid.problem);
      else out[target] = { ...out[target]!, value: laid.init };
      continue;
    }
    const laid = hasDesignator(item.value) ? layOut(item.value, element, shapes) : { init: item.value };
    if ('problem' in laid) unreadable(item, laid.problem);
    else out.push({ ...item, value: laid.init });
  }
  return out;
}

/** The lines of a file's conditional directives (branches and #endif), sorted; once per file's facts. */
function cutsOf(d: FileFacts['directives']): number[] {
  let cuts = cutLines.get(d);
  if (!cuts) {
    cuts = d.ops
      .flatMap((o) => (o.op === 'branch' ? [d.branches[o.branch]!.line] : o.op === 'endif' ? [o.line] : []))
      .sort((a, b) => a - b);
    cutLines.set(d, cuts);
  }
  return cuts;
}
const cutLines = new WeakMap<FileFacts['directives'], number[]>();

/** Whether a sorted list of lines has one in (from, to]. */
function cutInside(cuts: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! > from) hi = mid;
    else lo = mid + 1;
  }
  return lo < cuts.length && cuts[lo]! <= to;
}

function hasDesignator(init: Init): boolean {
  const todo = [init];
  while (todo.length) {
    const i = todo.pop()!;
    if (i.kind !== 'list') continue;
    for (const item of i.items) {
      if (item.designator !== null) return true;
      todo.push(item.value);
    }
  }
  return false;
}

/** The struct members and index values a file's initializers are laid out with, per revision and file (every table of a file asks). */
function shapesOf(r: Resolution, path: string): Shapes {
  let memo = shapesMemo.get(r);
  if (!memo)
    shapesMemo.set(
      r,
      (memo = {
        structs: r.facts.flatMap((f) => f.structs.structs.filter((s) => r.model.live(f.path, s.loc.line))),
        typedefs: record<TypeRef>(r.facts.flatMap((f) => Object.entries(f.structs.typedefs))),
        byPath: new Map(),
      }),
    );
  let shapes = memo.byPath.get(path);
  if (!shapes) memo.byPath.set(path, (shapes = makeShapes(r, path, memo.structs, memo.typedefs)));
  return shapes;
}

const shapesMemo = new WeakMap<
  Resolution,
  { structs: StructDecl[]; typedefs: Record<string, TypeRef>; byPath: Map<string, Shapes> }
>();

function makeShapes(r: Resolution, path: string, structs: StructDecl[], typedefs: Record<string, TypeRef>): Shapes {
  const resolve = (t: TypeRef, depth = 0): StructDecl | null => {
    if (depth > MAX_NESTING) return null;
    if (t.kind === 'inline') return t.decl;
    if (t.kind === 'struct')
      return structs.find((s) => (t.tagged && s.tagged && s.name === t.name) || s.aliases.includes(t.name)) ?? null;
    if (t.kind === 'name' && Object.hasOwn(typedefs, t.name)) return resolve(typedefs[t.name]!, depth + 1);
    return null;
  };
  return {
    members: (t) =>
      resolve(t)?.fields.map((f) => ({ name: f.name, type: f.type })) ??
      (t.kind === 'struct' && Object.hasOwn(DECLARED_ELEMENTS, t.name) ? DECLARED_ELEMENTS[t.name]! : null),
    index: (expr) => evaluateNumber(expr, r.symsOf(path)),
  };
}

/** Keeps one item per key: duplicates that disagree are a conflict (the compiler keeps the last). */
function byKey<T>(
  r: Resolution,
  what: string,
  file: FileFacts,
  entries: Array<{ key: string; line: number; path?: string; value: T }>,
  same: (v: T) => string,
): Map<string, T> {
  const groups = new Map<string, Candidate<T>[]>();
  for (const e of entries) {
    const c = { value: e.value, file, line: e.line, presence: r.model.presence(e.path ?? file.path, e.line) };
    groups.set(e.key, [...(groups.get(e.key) ?? []), c]);
  }
  const out = new Map<string, T>();
  for (const [key, list] of groups) {
    const c = r.model.pick(`${what} ${key}`, list, same);
    if (c) out.set(key, c.value);
  }
  return out;
}

/**
 * g_event_info entries keyed by PPME_* symbol. A designated entry (`[PPME_X] = {...}`) names its
 * symbol; a positional one (the pre-2023 `/* PPME_X *\/{...}` form) is keyed by its index mapped
 * through ppm_event_code, never by the comment, which may be wrong or edited.
 */
function resolveEvents(r: Resolution, codes: Record<string, Constant>): Record<string, EventInfo> {
  const found = findTable(r, 'g_event_info');
  if (!found) return record();
  const { file, table } = found;
  const byValue = new Map<number, string>();
  for (const [sym, c] of Object.entries(codes)) {
    if (c.value !== null && sym !== 'PPM_EVENT_MAX' && !byValue.has(c.value)) byValue.set(c.value, sym);
  }
  const entries: Array<{ key: string; line: number; path: string; value: EventInfo }> = [];
  let index = -1;
  for (const item of liveItems(r, file, table)) {
    const path = item.path ?? file.path;
    let symbol: string | null = null;
    if (item.designator !== null) {
      if (codes[item.designator]) symbol = item.designator;
      const v = evaluateNumber(item.designator, r.symsOf(path));
      index = v ?? -1;
      symbol ??= v !== null ? (byValue.get(v) ?? null) : null;
    } else {
      index++;
      symbol = byValue.get(index) ?? null;
    }
    const entry = item.value;
    if (!symbol) {
      // Without any event code (its header unreadable, which is reported), every entry would say so.
      if (byValue.size)
        r.warnings.push({
          path: file.path,
          message: `g_event_info entry at line ${entry.line} has no matching ppm_event_code value (index ${index})`,
          incomplete: true,
        });
      continue;
    }
    // An entry that did not parse was reported by extractFacts; reading it would shift fields.
    if (entry.kind !== 'list' || hasInitError(entry)) continue;
    const [name, category, flags, nparams, params] = entry.items.map((i) => i.value);
    const nparamsExpr = nparams ? (exprOf(nparams) ?? '') : null;
    const count = nparamsExpr === null ? 0 : evaluateNumber(nparamsExpr, r.symsOf(path));
    entries.push({
      key: symbol,
      line: item.line,
      path,
      value: {
        symbol,
        name: stringSlot(r, path, name),
        category: flagSet(slot(r, path, category)),
        flags: flagSet(slot(r, path, flags)),
        nparams: count,
        ...(count === null ? { nparamsExpr: nparamsExpr! } : {}),
        params:
          params?.kind === 'list'
            ? params.items.map((p) => toParam(r, p.value, path)).filter((p): p is ParamInfo => p !== null)
            : [],
        loc: loc(path, entry.line),
      },
    });
  }
  return record(
    byKey(r, 'g_event_info entry', file, entries, (e) =>
      JSON.stringify({ ...e, loc: null, params: e.params.map((p) => ({ ...p, loc: null })) }),
    ),
  );
}

/** The type of `struct ppm_name_value`'s value field: what a flag-table entry holds (`1 << 31` is 2147483648 there). */
const NAME_VALUE_TYPE = 'uint32_t';

function resolveFlagTables(r: Resolution): Record<string, FlagTable> {
  const out = record<FlagTable>();
  const names = [
    ...new Set(r.facts.flatMap((f) => f.tables.filter((t) => t.elementType === 'ppm_name_value').map((t) => t.name))),
  ];
  for (const tableName of names.sort()) {
    const found = findTable(r, tableName);
    if (!found) continue;
    const { file: f, table: t } = found;
    // Elements by index (`[i] = {...}` places one, a later one for the same index wins);
    // userspace reads them in order up to the {0, 0} terminator, which has no name.
    const byIndex: TableItem[] = [];
    let index = -1;
    for (const item of liveItems(r, f, t)) {
      index =
        item.designator !== null ? (evaluateNumber(item.designator, r.symsOf(item.path ?? f.path)) ?? -1) : index + 1;
      if (index < 0) {
        r.warnings.push({
          path: f.path,
          message: `${f.path} at ${r.rev}: the ${t.name} entry at line ${item.line} has an index driver-semver cannot compute`,
          incomplete: true,
        });
        continue;
      }
      byIndex[index] = item;
    }
    const entries: FlagTable['entries'] = [];
    for (const item of byIndex) {
      const [name, value] = item?.value.kind === 'list' ? item.value.items.map((i) => i.value) : [];
      const nameText = name?.kind === 'expr' ? unquote(name.text) : null;
      if (!item || nameText === null) break;
      const expr = exprOf(value) ?? '';
      const path = item.path ?? f.path;
      entries.push({
        name: nameText,
        expr,
        value: evaluateAs(expr, r.symsOf(path), NAME_VALUE_TYPE),
        loc: loc(path, item.value.line),
        ...guardOf(r, path, item.line),
      });
    }
    out[t.name] = { loc: loc(f.path, t.line), entries };
  }
  return out;
}

function resolveDynamicParams(r: Resolution): Record<string, DynamicParamTable> {
  const out = record<DynamicParamTable>();
  const names = [
    ...new Set(
      r.facts.flatMap((f) =>
        f.tables.filter((t) => t.elementType === 'ppm_param_info' && t.name !== 'g_event_info').map((t) => t.name),
      ),
    ),
  ];
  for (const tableName of names.sort()) {
    const found = findTable(r, tableName);
    if (!found) continue;
    const { file: f, table: t } = found;
    // Entries are keyed by their index symbol (PPM_SOCKOPT_IDX_ERRNO), positional or not:
    // the table is sized by PPM_SOCKOPT_IDX_MAX, so its indexes are the PPM_SOCKOPT_IDX_* values.
    const prefix = t.size && /^\w+_MAX$/.test(t.size) ? t.size.slice(0, -'MAX'.length) : null;
    const symbolOf = new Map<number, string>();
    if (prefix) {
      for (const [name, m] of r.model.scope(f.path).macros) {
        const v = name.startsWith(prefix) && name !== t.size ? evaluateNumber(m.body, r.symsOf(f.path)) : null;
        if (v !== null && !symbolOf.has(v)) symbolOf.set(v, name);
      }
    }
    const entries: Array<{ key: string; line: number; path?: string; value: DynamicParamTable['entries'][string] }> =
      [];
    let index = -1;
    for (const item of liveItems(r, f, t)) {
      index =
        item.designator !== null ? (evaluateNumber(item.designator, r.symsOf(item.path ?? f.path)) ?? -1) : index + 1;
      const key = symbolOf.get(index) ?? item.designator ?? String(index);
      const p = toParam(r, item.value, item.path ?? f.path);
      if (p)
        entries.push({
          key,
          line: item.line,
          ...(item.path ? { path: item.path } : {}),
          value: { ...p, index: index >= 0 ? index : null },
        });
    }
    out[t.name] = {
      loc: loc(f.path, t.line),
      entries: record(byKey(r, `${t.name} entry`, f, entries, (p) => JSON.stringify({ ...p, loc: null }))),
    };
  }
  return out;
}

/**
 * g_syscall_table entries keyed by their `__NR_x` symbol (the index expression without
 * `- SYSCALL_TABLE_ID0`). Fields are {flags, enter, exit, ppm_sc}; a generic syscall is
 * written `{.ppm_sc = PPM_SC_X}` and produces PPME_GENERIC_E/X.
 */
function resolveSyscalls(r: Resolution): Record<string, SyscallRoute> {
  const found = findTable(r, 'g_syscall_table');
  if (!found) return record();
  const entries: Array<{ key: string; line: number; path?: string; value: SyscallRoute }> = [];
  for (const item of liveItems(r, found.file, found.table)) {
    const nr = item.designator?.replace(/\s*-\s*SYSCALL_TABLE_ID0$/, '').trim();
    if (!nr || item.value.kind !== 'list' || hasInitError(item.value)) continue;
    const path = item.path ?? found.file.path;
    // Laid out positionally (liveItems): {flags, enter, exit, ppm_sc}; a member no initializer
    // names is zero: no flags, and the generic events.
    const [flags, enter, exit, ppmSc] = item.value.items.map((f) =>
      f.value.kind === 'expr' && f.value.implicit ? null : slot(r, path, f.value),
    );
    const fields: Record<string, string | null> = {
      flags: flags ?? null,
      enter_event_type: enter ?? null,
      exit_event_type: exit ?? null,
      ppm_sc: ppmSc ?? null,
    };
    entries.push({
      key: nr,
      line: item.line,
      ...(item.path ? { path: item.path } : {}),
      value: {
        flags: flagSet(fields.flags).filter((f) => f !== 'UF_NONE'),
        enter: fields.enter_event_type ?? 'PPME_GENERIC_E',
        exit: fields.exit_event_type ?? 'PPME_GENERIC_X',
        ppmSc: fields.ppm_sc,
        loc: loc(path, item.value.line),
        ...guardOf(r, path, item.line),
      },
    });
  }
  return record(
    byKey(r, 'g_syscall_table entry', found.file, entries, (e) => JSON.stringify({ ...e, loc: null, guard: null })),
  );
}
