import { evaluateNumber, type SymbolTable } from '../parse/consteval.js';
import type { FileFacts } from './facts.js';
import { computeLayouts, type StructDecls, type StructLayout } from './layout.js';
import { loc, type BpfGlobal, type BpfMap, type CodeList, type Constant, type Ioctl, type ModuleParam, type Surface, type Warning } from './model.js';
import type { SharedStruct } from './shared-structs.js';

type ApiPart = Pick<Surface, 'structs' | 'ioctls' | 'retiredIoctls' | 'bpfMaps' | 'bpfGlobals' | 'codeLists' | 'moduleParams'>;

interface ApiContext {
  legacy: boolean;
  sharedStructs: SharedStruct[];
  warnings: Warning[];
  rev: string;
}

/** Enums whose order is an index userspace uses (modern probe tail calls), under each name it had. */
const ORDERED_ENUMS = ['sys_exit_extra_code', 'extra_syscall_codes', 'extra_event_prog_code'];

/** The API half of the surface, resolved for one revision. */
export function resolveApi(facts: FileFacts[], syms: SymbolTable, enums: Record<string, Record<string, Constant>>, ctx: ApiContext): ApiPart {
  const layouts = resolveLayouts(facts, syms);
  // sizeof(struct x) in map definitions and _IOR/_IOW comes from the computed layouts.
  const sized: SymbolTable = { ...syms, sizeOf: (t) => sizeOfType(t, layouts) };
  return {
    structs: sharedLayouts(layouts, ctx),
    ioctls: resolveIoctls(facts, sized),
    retiredIoctls: Object.fromEntries(
      facts.flatMap((f) => f.retiredIoctls.map((r) => [r.name, ioctl(r.expr, f.path, r.line, sized)] as const)),
    ),
    bpfMaps: resolveMaps(facts, sized),
    bpfGlobals: resolveGlobals(facts, sized),
    codeLists: resolveCodeLists(facts, enums, ctx.legacy),
    moduleParams: Object.fromEntries(
      facts.flatMap((f) => f.moduleParams.map((m) => [m.name, { type: m.type, perm: m.perm, loc: loc(f.path, m.line) } satisfies ModuleParam] as const)),
    ),
  };
}

function resolveLayouts(facts: FileFacts[], syms: SymbolTable): Record<string, StructLayout> {
  const merged: StructDecls = { structs: [], typedefs: {} };
  for (const f of facts) {
    merged.structs.push(...f.structs.structs);
    Object.assign(merged.typedefs, f.structs.typedefs);
  }
  return computeLayouts(merged, syms);
}

function sharedLayouts(layouts: Record<string, StructLayout>, ctx: ApiContext): Record<string, StructLayout> {
  const out: Record<string, StructLayout> = {};
  for (const s of ctx.sharedStructs) {
    if (s.legacyOnly && !ctx.legacy) continue;
    const layout = layouts[s.name];
    if (!layout) continue;
    if (layout.unresolved?.length) {
      ctx.warnings.push({
        path: layout.loc.path,
        message: `${layout.loc.path} at ${ctx.rev}: the layout of struct ${s.name} cannot be computed (${layout.unresolved.join('; ')})`,
        incomplete: true,
      });
    }
    out[s.name] = layout;
  }
  return out;
}

export function sizeOfType(typeName: string, layouts: Record<string, StructLayout>): number | null {
  const name = typeName.replace(/^(struct|enum)\s+/, '').trim();
  if (/^enum\s/.test(typeName)) return 4;
  const l = layouts[name];
  return l && l.size >= 0 ? l.size : null;
}

function ioctl(expr: string, path: string, line: number, syms: SymbolTable): Ioctl {
  const nr = /_IO\w*\s*\(\s*[^,]+,\s*([^,)]+)/.exec(expr)?.[1];
  return { number: evaluateNumber(expr, syms), nr: nr ? evaluateNumber(nr, syms) : null, expr, loc: loc(path, line) };
}

function resolveIoctls(facts: FileFacts[], syms: SymbolTable): Record<string, Ioctl> {
  const out: Record<string, Ioctl> = {};
  for (const f of facts) {
    for (const m of f.macros) {
      if (m.params !== null || !/^PPM_IOCTL_\w+$/.test(m.name) || m.name === 'PPM_IOCTL_MAGIC' || out[m.name]) continue;
      out[m.name] = ioctl(m.body, f.path, m.line, syms);
    }
  }
  return out;
}

function typeSize(t: string | null, syms: SymbolTable): number | null {
  return t ? evaluateNumber(`sizeof(${t})`, syms) : null;
}

function resolveMaps(facts: FileFacts[], syms: SymbolTable): Record<string, BpfMap> {
  const out: Record<string, BpfMap> = {};
  for (const f of facts) {
    for (const m of f.bpfMaps) {
      out[m.name] = {
        probe: m.probe,
        type: m.type,
        keyType: m.keyType,
        valueType: m.valueType,
        keySize: m.keySizeExpr ? evaluateNumber(m.keySizeExpr, syms) : typeSize(m.keyType, syms),
        valueSize: m.valueSizeExpr ? evaluateNumber(m.valueSizeExpr, syms) : typeSize(m.valueType, syms),
        maxEntries: m.maxEntriesExpr ? evaluateNumber(m.maxEntriesExpr, syms) : null,
        maxEntriesExpr: m.maxEntriesExpr,
        index: m.index,
        loc: loc(f.path, m.line),
      };
    }
  }
  return out;
}

/** Spellings of one width normalised, so `__u64` → `uint64_t` is no change. */
function normaliseScalar(t: string): string {
  const m = /^(?:__)?([us])(8|16|32|64)$/.exec(t);
  if (m) return `${m[1] === 'u' ? 'u' : ''}int${m[2]}_t`;
  return t;
}

function resolveGlobals(facts: FileFacts[], syms: SymbolTable): Record<string, BpfGlobal> {
  const out: Record<string, BpfGlobal> = {};
  for (const f of facts) {
    for (const g of f.bpfGlobals) {
      const base = normaliseScalar(g.type);
      const n = g.arraySize ? evaluateNumber(g.arraySize, syms) : null;
      const elem = typeSize(base, syms);
      out[g.name] = {
        probe: f.path.includes('/modern_bpf/') ? 'modern' : 'legacy',
        section: g.section,
        // The size as written: an array sized by a count that grows (PPM_EVENT_MAX) keeps its type.
        type: g.arraySize ? `${base}[${g.arraySize}]` : base,
        size: elem === null ? null : g.arraySize ? (n === null ? null : elem * n) : elem,
        loc: loc(f.path, g.line),
      };
    }
  }
  return out;
}

function resolveCodeLists(facts: FileFacts[], enums: Record<string, Record<string, Constant>>, legacy: boolean): Record<string, CodeList> {
  const out: Record<string, CodeList> = {};
  for (const f of facts) {
    for (const x of f.xLists) {
      // Filler ids are ABI only for the legacy probe (it tail-calls them by number).
      if (x.name === 'FILLER_LIST_MAPPER' && !legacy) continue;
      // Filler ids travel with the event table: see rules/schema/filler-ids-changed.ts.
      const governs = x.name === 'FILLER_LIST_MAPPER' ? 'schema' : 'api';
      out[x.name] = { governs, entries: x.entries.map((e) => ({ name: e.name, loc: loc(f.path, e.line) })), loc: loc(f.path, x.line) };
    }
  }
  for (const name of ORDERED_ENUMS) {
    const e = enums[name];
    if (!e) continue;
    const entries = Object.entries(e)
      .filter(([sym]) => !/_MAX$/.test(sym))
      .sort(([, a], [, b]) => (a.value ?? 0) - (b.value ?? 0))
      .map(([sym, c]) => ({ name: sym, loc: c.loc }));
    // One list whatever its name across history, so the rename is not a removal.
    out['sys_exit_extra_code'] = { governs: 'api', entries, loc: entries[0]?.loc ?? { path: 'driver/ppm_events_public.h', line: 0 } };
  }
  return out;
}
