import { CONFIGS, describeMask, type ConfigMask } from '../parse/build-configs.js';
import { evaluateNumber, type SymbolTable } from '../parse/consteval.js';
import type { BuildModel, Candidate } from './builds.js';
import type { FileFacts } from './facts.js';
import {
  layoutsOf,
  type EnumDecl,
  type LayoutSelection,
  type StructDecl,
  type StructDecls,
  type StructLayout,
  type TypeRef,
} from './layout.js';
import {
  loc,
  type BpfGlobal,
  type BpfMap,
  type CodeList,
  type Constant,
  type Ioctl,
  type Surface,
  type Warning,
} from './model.js';
import type { SharedStruct } from './shared-structs.js';
import { record } from '../record.js';
import { canonicalType } from '../parse/c-types.js';
import { readTextDeclarations, resolveModuleParams, type TextContext } from './text-declarations.js';
import type { BpfGlobalFact, BpfMapFact } from './extract/bpf.js';
import { probeOf } from './extract/code-bodies.js';
import type { WorkBudget } from '../parse/budget.js';

type ApiPart = Pick<
  Surface,
  'structs' | 'ioctls' | 'retiredIoctls' | 'bpfMaps' | 'bpfGlobals' | 'codeLists' | 'moduleParams'
>;

interface ApiContext {
  legacy: boolean;
  sharedStructs: SharedStruct[];
  warnings: Warning[];
  rev: string;
  model: BuildModel;
  /** The revision's work budget (macro expansion of the text files' statements). */
  budget?: WorkBudget;
  /** The compiled enum whose enumerators include all these names (what an X-macro list expands into), if any. */
  enumHolding?: (names: string[]) => Record<string, Constant> | null;
}

/** Enums whose order is an index userspace uses (modern probe tail calls), under each name it had. */
const ORDERED_ENUMS = ['sys_exit_extra_code', 'extra_syscall_codes', 'extra_event_prog_code'];

/** The API half of the surface, resolved for one revision. */
export function resolveApi(
  facts: FileFacts[],
  symsOf: (path: string) => SymbolTable,
  enums: Record<string, Record<string, Constant>>,
  ctx: ApiContext,
): ApiPart {
  const layouts = new Layouts(facts, symsOf, ctx.model);
  // sizeof(struct x) in map definitions and _IOR/_IOW comes from the computed layouts.
  const sized = (path: string): SymbolTable => ({ ...symsOf(path), sizeOf: (t) => layouts.sizeOf(t) });
  const text: TextContext = {
    model: ctx.model,
    rev: ctx.rev,
    warnings: ctx.warnings,
    onMacro: (path, name) => symsOf(path).onMacro?.(name),
    budget: ctx.budget,
  };
  const declared = readTextDeclarations(facts, text);
  return {
    structs: sharedLayouts(layouts, ctx),
    ioctls: resolveIoctls(facts, sized, ctx.model),
    retiredIoctls: record(
      facts.flatMap((f) => f.retiredIoctls.map((r) => [r.name, ioctl(r.expr, f.path, r.line, sized(f.path))] as const)),
    ),
    bpfMaps: resolveMaps(declared.maps, sized, ctx),
    bpfGlobals: resolveGlobals(declared.globals, sized, ctx.model),
    codeLists: resolveCodeLists(facts, enums, ctx),
    moduleParams: resolveModuleParams(declared, text),
  };
}

/** Build configurations in the order a struct's reported layout is taken from: libscap's view first. */
const PREFERENCE = [...CONFIGS]
  .sort((a, b) => viewRank(a.view) - viewRank(b.view) || a.index - b.index)
  .map((c) => c.index);
function viewRank(v: string): number {
  return ['userspace', 'kmod', 'modern', 'legacy'].indexOf(v);
}

/**
 * Struct layouts per build configuration: each build lays out the definitions and fields it
 * compiles, with the `#pragma pack` it sees. A field under a condition the model cannot decide
 * is laid out both ways.
 */
class Layouts {
  private decls: StructDecl[] = [];
  private enums: EnumDecl[] = [];
  private typedefs: Array<Candidate<TypeRef> & { name: string }> = [];
  private perConfig = new Map<string, Record<string, StructLayout>>();
  private typedefScopes = new Map<string, StructDecls['typedefs']>();
  private typedefConfigKeys = new Map<number, string>();

  constructor(
    facts: FileFacts[],
    private symsOf: (path: string) => SymbolTable,
    private model: BuildModel,
  ) {
    for (const f of facts) {
      for (const d of f.structs.structs) if (model.live(d.loc.path, d.loc.line)) this.decls.push(d);
      for (const e of f.structs.enums ?? []) {
        if (!model.live(e.loc.path, e.loc.line)) continue;
        // The enumerators as the surface read them (re-read with macros expanded when needed).
        const read = f.enums.find((x) => x.name === e.name && x.line === e.loc.line);
        this.enums.push(read ? { ...e, enumerators: read.enumerators.map((x) => x.name) } : e);
      }
      for (const t of f.structs.typedefList ?? []) {
        const presence = model.presence(f.path, t.line);
        if (presence.maybe) this.typedefs.push({ name: t.name, value: t.type, file: f, line: t.line, presence });
      }
    }
  }

  /**
   * The typedefs a file sees in configuration `c`: those of its own include tree (as for macros, a
   * typedef of a file it never includes is not in scope). A name its tree does not define comes
   * from whatever includes the file: usable only when every live definition of the tree agrees.
   * Definitions that may be compiled together and disagree are never settled by position.
   */
  private typedefsOf(path: string, c: number): StructDecls['typedefs'] {
    // Keyed by which typedefs configuration `c` may compile, not by `c`: most configurations
    // (every architecture of a view, often) have the same ones, and so the same scopes.
    let configKey = this.typedefConfigKeys.get(c);
    if (configKey === undefined) {
      const bit = 1 << c;
      configKey = this.typedefs.map((t) => (t.presence.maybe & bit ? '1' : '0')).join('');
      this.typedefConfigKeys.set(c, configKey);
    }
    const key = `${configKey}:${path}`;
    const hit = this.typedefScopes.get(key);
    if (hit) return hit;
    const tree = new Set(this.model.treeOf(path));
    const inTree = new Map<string, Array<Candidate<TypeRef>>>();
    const outside = new Map<string, Array<Candidate<TypeRef>>>();
    for (const t of this.typedefs) {
      if (!(t.presence.maybe & (1 << c))) continue;
      const into = tree.has(t.file.path) ? inTree : outside;
      into.set(t.name, [...(into.get(t.name) ?? []), t]);
    }
    const out: StructDecls['typedefs'] = {};
    for (const [name, list] of [...outside, ...inTree]) out[name] = agreed(name, list);
    this.typedefScopes.set(key, out);
    return out;
  }

  /** The selection of configuration `c`: `maybe` says whether undecided fields are laid out. */
  private selection(
    c: number,
    maybe: boolean,
  ): { select: LayoutSelection; typedefsOf: (path: string) => StructDecls['typedefs'] } {
    const bit = 1 << c;
    const inBuild = (at: { path: string; line: number }) => {
      const p = this.model.presence(at.path, at.line);
      return p.always & bit ? true : p.maybe & bit ? maybe : false;
    };
    return {
      typedefsOf: (path) => this.typedefsOf(path, c),
      select: {
        decls: (structs) => structs.filter((s) => this.model.presence(s.loc.path, s.loc.line).maybe & bit),
        field: (decl, f) => inBuild(f.at ?? { path: decl.loc.path, line: f.line }),
        pack: (decl) => this.model.packAt(decl.loc.path, decl.endLine, c),
      },
    };
  }

  /** Layouts of `names` in configuration `c` (undecided fields present, or absent with `maybe` false). */
  layouts(names: string[], c: number, maybe = true): Record<string, StructLayout> {
    const key = `${c}:${maybe}:${names.join(',')}`;
    // The same selection for every name list of this configuration (sizeOf asks one at a time).
    let hit = this.perConfig.get(key);
    if (!hit) {
      const { select, typedefsOf } = this.selection(c, maybe);
      const enums = this.enums.filter((e) => this.model.presence(e.loc.path, e.loc.line).maybe & (1 << c));
      hit = layoutsOf(names, this.decls, typedefsOf, this.symsOf, select, enums);
      this.perConfig.set(key, hit);
    }
    return hit;
  }

  /** Whether any live field of a struct named `name` is undecided somewhere. */
  hasUndecided(name: string): boolean {
    return this.decls.some(
      (d) =>
        d.name === name &&
        d.fields.some((f) => {
          const at = f.at ?? { path: d.loc.path, line: f.line };
          const p = this.model.presence(at.path, at.line);
          return p.maybe !== p.always;
        }),
    );
  }

  sizeOf(typeName: string): number | null {
    const name = typeName.replace(/^(struct|enum)\s+/, '').trim();
    if (/^enum\s/.test(typeName)) return 4;
    for (const c of PREFERENCE) {
      const l = this.layouts([name], c)[name];
      if (l) return l.size >= 0 ? l.size : null;
    }
    return null;
  }
}

/** One typedef's meaning from its live definitions: the only one, or all alike, else ambiguous (where they are). */
function agreed(name: string, list: Array<Candidate<TypeRef>>): TypeRef {
  if (new Set(list.map((t) => meaning(t.value))).size <= 1) return list[0]!.value;
  const places = list.map((t) => `${t.file.path}:${t.line}`).join(' and ');
  return {
    kind: 'ambiguous',
    name,
    why: `typedef ${name} has definitions that differ (${places}) and which one applies is not settled by the files it includes`,
  };
}

/** What a typedef means, where it sits left out (once per definition: the facts of a blob are the same objects at every revision). */
function meaning(t: TypeRef): string {
  let m = meanings.get(t);
  if (m === undefined) {
    m = JSON.stringify(t, (k, v: unknown) =>
      k === 'loc' || k === 'line' || k === 'endLine' || k === 'at' || k === 'names' ? undefined : v,
    );
    meanings.set(t, m);
  }
  return m;
}
const meanings = new WeakMap<TypeRef, string>();

/** Compares two layouts field by field (what a reader of one would get wrong reading the other). */
function layoutKey(l: StructLayout): string {
  return JSON.stringify([l.size, l.align, l.fields.map((f) => [f.name, canonicalType(f.type), f.offset, f.size])]);
}

function sharedLayouts(layouts: Layouts, ctx: ApiContext): Record<string, StructLayout> {
  const out = record<StructLayout>();
  const shared = ctx.sharedStructs.filter((s) => !s.legacyOnly || ctx.legacy);
  const names = shared.map((s) => s.name);
  const undecided = shared.some((s) => layouts.hasUndecided(s.name));
  for (const s of shared) {
    // Every build that defines it, and the layout it computes (undecided fields both ways).
    const byKey = new Map<string, { layout: StructLayout; mask: ConfigMask }>();
    let primary: StructLayout | null = null;
    // The first layout some build cannot compute, and the builds that cannot: not compared, reported.
    let unresolved: { layout: StructLayout; mask: ConfigMask } | null = null;
    for (const c of PREFERENCE) {
      for (const maybe of undecided ? [true, false] : [true]) {
        const l = layouts.layouts(names, c, maybe)[s.name];
        if (!l) continue;
        primary ??= l;
        if (l.unresolved?.length) {
          unresolved ??= { layout: l, mask: 0 };
          unresolved.mask |= 1 << c;
          continue;
        }
        const k = layoutKey(l);
        const e = byKey.get(k);
        if (e) e.mask |= 1 << c;
        else byKey.set(k, { layout: l, mask: 1 << c });
      }
    }
    if (!primary) continue;
    if (unresolved) {
      const l = unresolved.layout;
      // Which builds, when some of them can: the struct then looks fine in the others.
      const where = byKey.size ? ` for ${describeMask(unresolved.mask)}` : '';
      ctx.warnings.push({
        path: l.loc.path,
        message: `${l.loc.path} at ${ctx.rev}: the layout of struct ${s.name} cannot be computed${where} (${l.unresolved!.join('; ')})`,
        incomplete: true,
      });
    }
    out[s.name] =
      byKey.size > 1
        ? {
            ...primary,
            byBuild: [...byKey.values()].map((v) => ({
              builds: describeMask(v.mask),
              size: v.layout.size,
              fields: v.layout.fields,
            })),
          }
        : primary;
  }
  return out;
}

function ioctl(expr: string, path: string, line: number, syms: SymbolTable): Ioctl {
  const nr = /_IO\w*\s*\(\s*[^,]+,\s*([^,)]+)/.exec(expr)?.[1];
  return { number: evaluateNumber(expr, syms), nr: nr ? evaluateNumber(nr, syms) : null, expr, loc: loc(path, line) };
}

function resolveIoctls(
  facts: FileFacts[],
  syms: (path: string) => SymbolTable,
  model: BuildModel,
): Record<string, Ioctl> {
  const byName = new Map<string, Candidate<Ioctl>[]>();
  for (const f of facts) {
    f.macros.forEach((m, i) => {
      if (m.params !== null || !/^PPM_IOCTL_\w+$/.test(m.name) || m.name === 'PPM_IOCTL_MAGIC') return;
      push(byName, m.name, {
        value: ioctl(m.body, f.path, m.line, syms(f.path)),
        file: f,
        line: m.line,
        presence: model.macroPresence(f.path, i),
      });
    });
  }
  return picked(model, 'ioctl', byName, (i) => `${i.number}`);
}

/** Adds a candidate to its list. */
function push<T>(m: Map<string, Candidate<T>[]>, key: string, c: Candidate<T>): void {
  const list = m.get(key);
  if (list) list.push(c);
  else m.set(key, [c]);
}

/** One value per key: the live candidate, or the compiler's choice with a conflict recorded. */
function picked<T>(
  model: BuildModel,
  what: string,
  byKey: Map<string, Candidate<T>[]>,
  same: (v: T) => string,
): Record<string, T> {
  const out = record<T>();
  for (const [key, list] of byKey) {
    const c = model.pick(`${what} ${key}`, list, same);
    if (c) out[key] = c.value;
  }
  return out;
}

function typeSize(t: string | null, syms: SymbolTable): number | null {
  return t ? evaluateNumber(`sizeof(${t})`, syms) : null;
}

function resolveMaps(
  maps: Candidate<BpfMapFact>[],
  symsOf: (path: string) => SymbolTable,
  ctx: ApiContext,
): Record<string, BpfMap> {
  const byName = new Map<string, Candidate<BpfMap>[]>();
  const legacyBefore = new Map<string, MapsBefore>();
  for (const c of maps) {
    const m = c.value;
    const syms = symsOf(c.file.path);
    let index: number | null = null;
    if (m.probe === 'legacy') {
      // Userspace indexes legacy maps by declaration order: the maps the same build compiles before it.
      let before = legacyBefore.get(c.file.path);
      if (!before)
        legacyBefore.set(c.file.path, (before = { always: CONFIGS.map(() => 0), maybe: CONFIGS.map(() => 0) }));
      index = legacyIndex(c, before, ctx);
    }
    const map: BpfMap = {
      probe: m.probe,
      type: m.type,
      keyType: m.keyType,
      valueType: m.valueType,
      keySize: m.keySizeExpr ? evaluateNumber(m.keySizeExpr, syms) : typeSize(m.keyType, syms),
      valueSize: m.valueSizeExpr ? evaluateNumber(m.valueSizeExpr, syms) : typeSize(m.valueType, syms),
      maxEntries: m.maxEntriesExpr ? evaluateNumber(m.maxEntriesExpr, syms) : null,
      maxEntriesExpr: m.maxEntriesExpr,
      index,
      loc: loc(c.file.path, c.line),
    };
    push(byName, m.name, { ...c, value: map });
  }
  return picked(ctx.model, 'bpf map', byName, (m) => JSON.stringify({ ...m, loc: null }));
}

/** How many maps of a file each configuration compiles so far: certainly, and maybe. */
interface MapsBefore {
  always: number[];
  maybe: number[];
}

/**
 * A legacy map's index: how many maps each build that compiles it compiles before it. Builds
 * that disagree, or a condition the model cannot decide before it, leave the index unknown: a
 * warning, and the lowest one is kept.
 */
function legacyIndex(c: Candidate<BpfMapFact>, before: MapsBefore, ctx: ApiContext): number {
  const counts = new Set<number>();
  for (const config of CONFIGS) {
    const bit = 1 << config.index;
    if (c.presence.maybe & bit) counts.add(before.always[config.index]!).add(before.maybe[config.index]!);
  }
  for (const config of CONFIGS) {
    const bit = 1 << config.index;
    if (c.presence.always & bit) before.always[config.index]!++;
    if (c.presence.maybe & bit) before.maybe[config.index]!++;
  }
  const index = Math.min(...counts);
  if (counts.size > 1) {
    ctx.warnings.push({
      path: c.file.path,
      message: `${c.file.path}:${c.line} at ${ctx.rev}: the position of legacy map ${c.value.name} (the index libscap reads it by) depends on maps before it that not every build compiles, so it is not known`,
      incomplete: true,
    });
  }
  return index;
}

/** Spellings of one width normalised, so `__u64` → `uint64_t` is no change. */
function normaliseScalar(t: string): string {
  const m = /^(?:__)?([us])(8|16|32|64)$/.exec(t);
  if (m) return `${m[1] === 'u' ? 'u' : ''}int${m[2]}_t`;
  return t;
}

function resolveGlobals(
  globals: Candidate<BpfGlobalFact>[],
  symsOf: (path: string) => SymbolTable,
  model: BuildModel,
): Record<string, BpfGlobal> {
  const byName = new Map<string, Candidate<BpfGlobal>[]>();
  for (const c of globals) {
    const g = c.value;
    const syms = symsOf(c.file.path);
    const base = normaliseScalar(g.type);
    const n = g.arraySize ? evaluateNumber(g.arraySize, syms) : null;
    const elem = typeSize(base, syms);
    const global: BpfGlobal = {
      probe: probeOf(c.file.path) === 'modern' ? 'modern' : 'legacy',
      // const objects go to .rodata, objects initialised to something other than zero to .data.
      section: g.rodata ? 'rodata' : g.init !== null && !isZero(g.init, syms) ? 'data' : 'bss',
      // The size as written: an array sized by a count that grows (PPM_EVENT_MAX) keeps its type.
      type: g.arraySize ? `${base}[${g.arraySize}]` : base,
      size: elem === null ? null : g.arraySize ? (n === null ? null : elem * n) : elem,
      loc: loc(c.file.path, c.line),
    };
    push(byName, g.name, { ...c, value: global });
  }
  return picked(model, 'bpf global', byName, (g) => JSON.stringify({ ...g, loc: null }));
}

/** An initializer the compiler leaves in .bss: zero, however it is spelled. */
function isZero(init: string, syms: SymbolTable): boolean {
  return /^(NULL|false|\{\s*0?\s*\})$/.test(init) || evaluateNumber(init, syms) === 0;
}

/**
 * The codes an X-macro list gives, in the order of their values: those of the enum it expands
 * into when there is one (an enumerator written before or after the expansion shifts or adds
 * codes too), else the list's own order. `_MAX` sentinels count codes, they are not one.
 */
function codesOf(listed: CodeList['entries'], ctx: ApiContext): CodeList['entries'] {
  const compiled = ctx.enumHolding?.(listed.map((e) => e.name));
  if (!compiled) return listed;
  const codes = Object.entries(compiled).filter(([name]) => !/_MAX$/.test(name));
  if (codes.some(([, c]) => c.value === null)) return listed;
  const at = new Map(listed.map((e) => [e.name, e.loc]));
  return codes.sort(([, a], [, b]) => a.value! - b.value!).map(([name, c]) => ({ name, loc: at.get(name) ?? c.loc }));
}

function resolveCodeLists(
  facts: FileFacts[],
  enums: Record<string, Record<string, Constant>>,
  ctx: ApiContext,
): Record<string, CodeList> {
  const byName = new Map<string, Candidate<CodeList>[]>();
  for (const f of facts) {
    for (const x of f.xLists) {
      // Filler ids are ABI only for the legacy probe (it tail-calls them by number).
      if (x.name === 'FILLER_LIST_MAPPER' && !ctx.legacy) continue;
      // Filler ids travel with the event table: see rules/schema/filler-ids-changed.ts.
      const governs = x.name === 'FILLER_LIST_MAPPER' ? 'schema' : 'api';
      const list: CodeList = {
        governs,
        entries: codesOf(
          x.entries.map((e) => ({ name: e.name, loc: loc(f.path, e.line) })),
          ctx,
        ),
        loc: loc(f.path, x.line),
      };
      push(byName, x.name, { value: list, file: f, line: x.line, presence: ctx.model.presence(f.path, x.line) });
    }
  }
  const out = picked(ctx.model, 'X-macro', byName, (l) => l.entries.map((e) => e.name).join(','));
  for (const name of ORDERED_ENUMS) {
    const e = enums[name];
    if (!e) continue;
    const entries = Object.entries(e)
      .filter(([sym]) => !/_MAX$/.test(sym))
      .sort(([, a], [, b]) => (a.value ?? 0) - (b.value ?? 0))
      .map(([sym, c]) => ({ name: sym, loc: c.loc }));
    // One list whatever its name across history, so the rename is not a removal.
    out.sys_exit_extra_code = {
      governs: 'api',
      entries,
      loc: entries[0]?.loc ?? { path: 'driver/ppm_events_public.h', line: 0 },
    };
  }
  return out;
}
