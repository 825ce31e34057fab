import { evaluate, evaluateNumber, type MacroDef, type SymbolTable } from '../parse/consteval.js';
import { initParser } from '../parse/parser.js';
import type { Snapshot } from '../source/git.js';
import { resolveApi } from './api.js';
import { resolveCodeRoles, roleContext } from './code-roles.js';
import { resolveProduction } from './production.js';
import { resolveSharedConstants } from './shared-constants.js';
import { isWireDefine } from './wire-defines.js';
import { probeOf } from './extract/code-bodies.js';
import { extractFacts, type FileFacts } from './facts.js';
import type { EnumFact } from './extract/enums.js';
import { hasInitError, normExpr, splitOr, unquote, type Init } from './extract/syntax.js';
import type { TableFact } from './extract/tables.js';
import { EVENT_CODE_ENUMS, PPM_SC_ENUMS } from './enum-names.js';
import { fileKind, hasLegacyProbe, VERSION_FILES } from './files.js';
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

/** Files larger than this are not parsed (a warning names them): bounded work on untrusted input. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Per-blob cache of extracted facts: an unchanged blob is parsed once, whatever the revision. */
export class FactsCache {
  private map = new Map<string, Promise<FileFacts | string>>();
  get size(): number {
    return this.map.size;
  }
  get(blob: string, make: () => Promise<FileFacts | string>): Promise<FileFacts | string> {
    let p = this.map.get(blob);
    if (!p) {
      p = make();
      this.map.set(blob, p);
    }
    return p;
  }
}

const PUBLIC_HEADER = 'driver/ppm_events_public.h';

export interface BuildOptions {
  /** Struct names whose layout is ABI (default: DEFAULT_SHARED_STRUCTS). */
  sharedStructs?: SharedStruct[];
}

/**
 * The facts of one blob read at `path` (what FactsCache holds), or why it could not be read.
 * The audit's parsing workers call this too, so both compute exactly the same thing.
 */
export async function blobFacts(path: string, data: Buffer | null): Promise<FileFacts | string> {
  await initParser();
  if (!data) return 'its blob is missing from this clone (a partial or filtered mirror?)';
  if (data.length > MAX_FILE_BYTES) return `it is ${data.length} bytes, over the ${MAX_FILE_BYTES}-byte limit`;
  return extractFacts(path, data.toString('utf8'));
}

/** Reads, parses and resolves the driver surface of one snapshot. */
export async function buildSurface(snap: Snapshot, cache = new FactsCache(), opts: BuildOptions = {}): Promise<Surface> {
  await initParser();
  const warnings: Warning[] = [];
  const facts: FileFacts[] = [];
  const paths = [...snap.files.keys()].filter((p) => fileKind(p) !== null).sort();
  const results = await Promise.all(
    paths.map((p) => {
      const entry = snap.files.get(p)!;
      return cache.get(entry.blob, async () => blobFacts(p, await snap.read(p)));
    }),
  );
  results.forEach((r, i) => {
    const p = paths[i]!;
    if (typeof r === 'string') warnings.push({ path: p, message: `could not read ${p} at ${snap.label}: ${r}`, incomplete: true });
    else {
      // The cache is keyed by blob: the same content may sit at another path in another revision.
      facts.push(r.path === p ? r : { ...r, path: p });
      for (const problem of r.parseProblems) warnings.push({ path: p, message: `${p} at ${snap.label}: ${problem}`, incomplete: true });
    }
  });

  const syms = symbolTable(facts);
  const header = facts.find((f) => f.path === PUBLIC_HEADER);
  const eventCodes = resolveEventCodes(facts, syms);
  const legacy = hasLegacyProbe(snap.files.keys());
  const enums = header ? resolveEnums(header, syms) : {};
  const defines = header ? resolveDefines(header, syms) : {};
  const api = resolveApi(facts, syms, enums, { legacy, sharedStructs: opts.sharedStructs ?? DEFAULT_SHARED_STRUCTS, warnings, rev: snap.label });
  // The probe follows the path (a cached blob may have been read at another one).
  const code = resolveCodeRoles(Object.fromEntries(facts.filter((f) => f.code).map((f) => [f.path, { ...f.code!, probe: probeOf(f.path) }])), roleContext(api));
  const surface: Surface = {
    ...emptySurface(snap.label, snap.commit),
    versions: await readVersions(snap, warnings),
    scapMinimum: { api: minimum(facts, 'API', syms), schema: minimum(facts, 'SCHEMA', syms) },
    eventCodes,
    events: resolveEvents(facts, syms, eventCodes, warnings),
    enums,
    retiredEnumValues: header ? resolveRetiredEnumValues(header, syms) : {},
    ppmSc: resolvePpmSc(facts, syms),
    defines,
    sharedConstants: resolveSharedConstants(facts, syms, new Set(Object.keys(defines).filter(isWireDefine))),
    flagTables: resolveFlagTables(facts, syms),
    dynamicParams: resolveDynamicParams(facts, syms),
    syscalls: resolveSyscalls(facts),
    code,
    production: resolveProduction(facts, code, legacy),
    ...api,
    warnings,
  };
  if (!header) {
    warnings.push({ path: PUBLIC_HEADER, message: `${PUBLIC_HEADER} is missing at ${snap.label}: no enums, event codes or ppm_sc codes`, incomplete: true });
  }
  return surface;
}

/** The version files of a snapshot, without building the rest of its surface. */
export async function readVersions(snap: Snapshot, warnings: Warning[] = []): Promise<Surface['versions']> {
  return { api: await readVersionFile(snap, VERSION_FILES.api, warnings), schema: await readVersionFile(snap, VERSION_FILES.schema, warnings) };
}

async function readVersionFile(snap: Snapshot, path: string, warnings: Warning[]): Promise<VersionFile | null> {
  if (!snap.files.has(path)) return null;
  const data = await snap.read(path);
  if (!data) {
    warnings.push({ path, message: `could not read ${path} at ${snap.label}`, incomplete: true });
    return null;
  }
  // Only the first line counts (libs' compute_versions.cmake reads LIMIT_COUNT 1).
  const raw = data.toString('utf8').split(/\r?\n/)[0]!.trim();
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(raw);
  return { path, raw, version: m ? `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}` : null };
}

/** Macros of every file (the first unguarded definition wins) and every enumerator, resolved. */
export function symbolTable(facts: Array<Pick<FileFacts, 'macros' | 'enums'>>): SymbolTable {
  const macros = new Map<string, MacroDef>();
  for (const pass of [false, true]) {
    for (const f of facts) {
      for (const m of f.macros) {
        if (Boolean(m.guard) !== pass || macros.has(m.name)) continue;
        macros.set(m.name, { name: m.name, params: m.params, body: m.body });
      }
    }
  }
  const syms: SymbolTable = { macros, enumerators: new Map() };
  for (const f of facts) for (const e of f.enums) resolveEnumValues(e, syms);
  return syms;
}

/** Values of one enum in declaration order (implicit ones count up from the previous). */
function resolveEnumValues(e: EnumFact, syms: SymbolTable): Array<number | null> {
  const values: Array<number | null> = [];
  let next: bigint | null = 0n;
  e.enumerators.forEach((en, i) => {
    if (e.opaqueAfter !== null && i >= e.opaqueAfter && en.expr === null) next = null;
    const v = en.expr !== null ? evaluate(en.expr, syms) : next;
    if (v !== null && !syms.enumerators.has(en.name)) syms.enumerators.set(en.name, v);
    values.push(v === null ? null : Number(v));
    next = v === null ? null : v + 1n;
  });
  return values;
}


function constantsOf(f: FileFacts, e: EnumFact, syms: SymbolTable): Record<string, Constant> {
  const values = resolveEnumValues(e, syms);
  const out: Record<string, Constant> = {};
  e.enumerators.forEach((en, i) => {
    out[en.name] = {
      value: values[i] ?? null,
      expr: en.expr ?? '(implicit)',
      loc: loc(f.path, en.line),
      ...(en.guard ? { guard: en.guard } : {}),
    };
  });
  return out;
}

function resolveEventCodes(facts: FileFacts[], syms: SymbolTable): Record<string, Constant> {
  for (const f of facts) {
    const e = f.enums.find((x) => x.name !== null && EVENT_CODE_ENUMS.includes(x.name));
    if (e) return constantsOf(f, e, syms);
  }
  return {};
}

function resolveEnums(header: FileFacts, syms: SymbolTable): Record<string, Record<string, Constant>> {
  const out: Record<string, Record<string, Constant>> = {};
  for (const e of header.enums) {
    if (!e.name || EVENT_CODE_ENUMS.includes(e.name) || PPM_SC_ENUMS.includes(e.name)) continue;
    out[e.name] = constantsOf(header, e, syms);
  }
  return out;
}

function resolveRetiredEnumValues(header: FileFacts, syms: SymbolTable): Record<string, Record<string, Constant>> {
  const out: Record<string, Record<string, Constant>> = {};
  for (const e of header.enums) {
    if (!e.name || !e.retired.length) continue;
    out[e.name] = Object.fromEntries(
      e.retired.map((r) => [r.name, { value: evaluateNumber(r.expr ?? '', syms), expr: r.expr ?? '', loc: loc(header.path, r.line) }]),
    );
  }
  return out;
}

function resolvePpmSc(facts: FileFacts[], syms: SymbolTable): Record<string, PpmScCode> {
  const out: Record<string, PpmScCode> = {};
  for (const f of facts) {
    for (const sc of f.ppmSc) {
      out[sc.symbol] = {
        value: evaluateNumber(sc.expr, syms),
        loc: loc(f.path, sc.line),
        ...(sc.retired ? { retired: true } : {}),
      };
    }
  }
  if (Object.keys(out).length) return out;
  // Before the X-macro (2022) the codes were a plain enum.
  for (const f of facts) {
    const e = f.enums.find((x) => x.name !== null && PPM_SC_ENUMS.includes(x.name));
    if (!e) continue;
    for (const [name, c] of Object.entries(constantsOf(f, e, syms))) {
      if (name !== 'PPM_SC_MAX') out[name] = { value: c.value, loc: c.loc };
    }
  }
  return out;
}

/** Object-like `#define PPM_*` with an integer value: flag bits and wire constants. */
function resolveDefines(header: FileFacts, syms: SymbolTable): Record<string, Constant> {
  const out: Record<string, Constant> = {};
  for (const m of header.macros) {
    if (m.params !== null || !m.name.startsWith('PPM_') || m.body === '') continue;
    const value = evaluateNumber(m.body, syms);
    if (value === null) continue;
    if (out[m.name] && !m.guard) continue;
    out[m.name] = { value, expr: m.body, loc: loc(header.path, m.line), ...(m.guard ? { guard: m.guard } : {}) };
  }
  return out;
}

function minimum(facts: FileFacts[], which: 'API' | 'SCHEMA', syms: SymbolTable): MinimumVersion | null {
  // SCAP_MINIMUM_DRIVER_* since 2022; SCAP_MINIMUM_PROBE_* before.
  for (const name of [`SCAP_MINIMUM_DRIVER_${which}_VERSION`, `SCAP_MINIMUM_PROBE_${which}_VERSION`]) {
    for (const f of facts) {
      const m = f.macros.find((x) => x.name === name);
      if (!m) continue;
      const args = /^\(?\s*PPM_API_VERSION\s*\(([^)]*)\)\s*\)?$/.exec(m.body)?.[1]?.split(',');
      const parts = args?.length === 3 ? args.map((a) => evaluateNumber(a, syms)) : null;
      const version = parts && parts.every((p) => p !== null) ? parts.join('.') : null;
      return { macro: name, version, expr: m.body, loc: loc(f.path, m.line) };
    }
  }
  return null;
}

function exprOf(init: Init | undefined): string | null {
  return init && init.kind === 'expr' ? normExpr(init.text) : null;
}

/** The spellings of "no info" in a param's info slot. */
const NO_INFO = /^(0|NULL|\(void\*\)0|\(\(void\*\)0\))$/;

function toParam(init: Init, path: string): ParamInfo | null {
  if (init.kind !== 'list') return null;
  const [name, type, format, info, ninfo] = init.items.map((i) => i.value);
  const nameText = name?.kind === 'expr' ? (unquote(name.text) ?? name.text) : '';
  const infoText = exprOf(info);
  return {
    name: nameText,
    type: exprOf(type) ?? '',
    format: exprOf(format) ?? '',
    // A literal 0 / NULL info slot is the same as leaving it out.
    info: infoText && !NO_INFO.test(infoText) ? infoText : null,
    ninfo: exprOf(ninfo) && exprOf(ninfo) !== '0' ? exprOf(ninfo) : null,
    loc: loc(path, init.line),
  };
}

function flagSet(expr: string | null): string[] {
  if (!expr) return [];
  return [...new Set(splitOr(expr).filter((s) => s !== 'EF_NONE' && s !== '0'))].sort();
}

function findTable(facts: FileFacts[], name: string): { file: FileFacts; table: TableFact } | null {
  for (const file of facts) {
    const table = file.tables.find((t) => t.name === name);
    if (table) return { file, table };
  }
  return null;
}

/**
 * g_event_info entries keyed by PPME_* symbol. A designated entry (`[PPME_X] = {...}`) names its
 * symbol; a positional one (the pre-2023 `/* PPME_X *\/{...}` form) is keyed by its index mapped
 * through ppm_event_code, never by the comment, which may be wrong or edited.
 */
function resolveEvents(
  facts: FileFacts[],
  syms: SymbolTable,
  codes: Record<string, Constant>,
  warnings: Warning[],
): Record<string, EventInfo> {
  const found = findTable(facts, 'g_event_info');
  if (!found) return {};
  const { file, table } = found;
  const byValue = new Map<number, string>();
  for (const [sym, c] of Object.entries(codes)) {
    if (c.value !== null && sym !== 'PPM_EVENT_MAX' && !byValue.has(c.value)) byValue.set(c.value, sym);
  }
  const out: Record<string, EventInfo> = {};
  let index = -1;
  for (const item of table.items) {
    let symbol: string | null = null;
    if (item.designator !== null) {
      if (codes[item.designator]) symbol = item.designator;
      const v = evaluateNumber(item.designator, syms);
      index = v ?? -1;
      symbol ??= v !== null ? (byValue.get(v) ?? null) : null;
    } else {
      index++;
      symbol = byValue.get(index) ?? null;
    }
    const entry = item.value;
    if (!symbol) {
      warnings.push({ path: file.path, message: `g_event_info entry at line ${entry.line} has no matching ppm_event_code value (index ${index})`, incomplete: true });
      continue;
    }
    // An entry that did not parse was reported by extractFacts; reading it would shift fields.
    if (entry.kind !== 'list' || hasInitError(entry)) continue;
    const [name, category, flags, nparams, params] = entry.items.map((i) => i.value);
    out[symbol] = {
      symbol,
      name: name?.kind === 'expr' ? (unquote(name.text) ?? name.text) : '',
      category: flagSet(exprOf(category)),
      flags: flagSet(exprOf(flags)),
      nparams: nparams ? evaluateNumber(exprOf(nparams) ?? '', syms) : 0,
      params:
        params?.kind === 'list'
          ? params.items.map((p) => toParam(p.value, file.path)).filter((p): p is ParamInfo => p !== null)
          : [],
      loc: loc(file.path, entry.line),
    };
  }
  return out;
}

function resolveFlagTables(facts: FileFacts[], syms: SymbolTable): Record<string, FlagTable> {
  const out: Record<string, FlagTable> = {};
  for (const f of facts) {
    for (const t of f.tables) {
      if (t.elementType !== 'ppm_name_value') continue;
      const entries = t.items.flatMap((item) => {
        if (item.value.kind !== 'list') return [];
        const [name, value] = item.value.items.map((i) => i.value);
        const nameText = name?.kind === 'expr' ? unquote(name.text) : null;
        // The terminator {0, 0} has no name.
        if (nameText === null) return [];
        const expr = exprOf(value) ?? '';
        return [{ name: nameText, expr, value: evaluateNumber(expr, syms), loc: loc(f.path, item.value.line), ...(item.guard ? { guard: item.guard } : {}) }];
      });
      out[t.name] = { loc: loc(f.path, t.line), entries };
    }
  }
  return out;
}

function resolveDynamicParams(facts: FileFacts[], syms: SymbolTable): Record<string, DynamicParamTable> {
  const out: Record<string, DynamicParamTable> = {};
  for (const f of facts) {
    for (const t of f.tables) {
      if (t.elementType !== 'ppm_param_info' || t.name === 'g_event_info') continue;
      // Entries are keyed by their index symbol (PPM_SOCKOPT_IDX_ERRNO), positional or not:
      // the table is sized by PPM_SOCKOPT_IDX_MAX, so its indexes are the PPM_SOCKOPT_IDX_* values.
      const prefix = t.size && /^\w+_MAX$/.test(t.size) ? t.size.slice(0, -'MAX'.length) : null;
      const symbolOf = new Map<number, string>();
      if (prefix) {
        for (const [name, m] of syms.macros) {
          const v = name.startsWith(prefix) && name !== t.size ? evaluateNumber(m.body, syms) : null;
          if (v !== null && !symbolOf.has(v)) symbolOf.set(v, name);
        }
      }
      const entries: DynamicParamTable['entries'] = {};
      let index = -1;
      for (const item of t.items) {
        index = item.designator !== null ? (evaluateNumber(item.designator, syms) ?? -1) : index + 1;
        const key = symbolOf.get(index) ?? item.designator ?? String(index);
        const p = toParam(item.value, f.path);
        if (p) entries[key] = { ...p, index: index >= 0 ? index : null };
      }
      out[t.name] = { loc: loc(f.path, t.line), entries };
    }
  }
  return out;
}

/**
 * g_syscall_table entries keyed by their `__NR_x` symbol (the index expression without
 * `- SYSCALL_TABLE_ID0`). Positional fields are {flags, enter, exit, ppm_sc}; a generic syscall
 * is written `{.ppm_sc = PPM_SC_X}` and produces PPME_GENERIC_E/X.
 */
function resolveSyscalls(facts: FileFacts[]): Record<string, SyscallRoute> {
  const found = findTable(facts, 'g_syscall_table');
  if (!found) return {};
  const out: Record<string, SyscallRoute> = {};
  for (const item of found.table.items) {
    const nr = item.designator?.replace(/\s*-\s*SYSCALL_TABLE_ID0$/, '').trim();
    if (!nr || item.value.kind !== 'list' || hasInitError(item.value)) continue;
    const fields: Record<string, string | null> = { flags: null, enter_event_type: null, exit_event_type: null, ppm_sc: null };
    const order = Object.keys(fields);
    item.value.items.forEach((f, i) => {
      const key = f.designator?.replace(/^\./, '') ?? order[i];
      if (key && key in fields) fields[key] = exprOf(f.value);
    });
    out[nr] = {
      flags: flagSet(fields['flags']).filter((f) => f !== 'UF_NONE'),
      enter: fields['enter_event_type'] ?? 'PPME_GENERIC_E',
      exit: fields['exit_event_type'] ?? 'PPME_GENERIC_X',
      ppmSc: fields['ppm_sc'],
      loc: loc(found.file.path, item.value.line),
      ...(item.guard ? { guard: item.guard } : {}),
    };
  }
  return out;
}
