import { foldSpace } from './syntax.js';
import { splitArgs, type Scan } from './text-scan.js';
import { record } from '../../record.js';

/** A map definition as written; sizes and max_entries are evaluated per revision. */
export interface BpfMapFact {
  name: string;
  probe: 'modern' | 'legacy';
  type: string;
  keyType: string | null;
  valueType: string | null;
  /** Legacy maps give sizes as expressions (`sizeof(uint32_t)`). */
  keySizeExpr: string | null;
  valueSizeExpr: string | null;
  maxEntriesExpr: string | null;
  index: number | null;
  line: number;
}

export interface BpfGlobalFact {
  name: string;
  section: 'rodata' | 'data' | 'bss';
  type: string;
  arraySize: string | null;
  line: number;
}

/**
 * Modern probe (libbpf BTF-style): `struct { __uint(type, X); __uint(max_entries, N);
 * __type(key, K); __type(value, V); } name __weak SEC(".maps");` and `__weak` globals.
 */
export function modernBpf(s: Scan): { maps: BpfMapFact[]; globals: BpfGlobalFact[] } {
  const maps: BpfMapFact[] = [];
  const mapRe = /struct\s*\{([^{}]*)\}\s*(\w+)\s*(?:__weak\s*)?SEC\s*\(\s*"\.maps"\s*\)\s*;/g;
  for (const m of s.text.matchAll(mapRe)) {
    const body = m[1]!;
    const uint = (k: string) => new RegExp(`__uint\\s*\\(\\s*${k}\\s*,([^;]*)\\)\\s*;`).exec(body)?.[1]?.trim() ?? null;
    const type = (k: string) => new RegExp(`__type\\s*\\(\\s*${k}\\s*,([^;]*)\\)\\s*;`).exec(body)?.[1]?.trim() ?? null;
    maps.push({
      name: m[2]!,
      probe: 'modern',
      type: uint('type') ?? '?',
      keyType: type('key') ? foldSpace(type('key')!) : null,
      valueType: type('value') ? foldSpace(type('value')!) : null,
      keySizeExpr: null,
      valueSizeExpr: null,
      maxEntriesExpr: uint('max_entries'),
      index: null,
      line: s.line(m.index!),
    });
  }
  const globals: BpfGlobalFact[] = [];
  const globalRe = /^[ \t]*__weak\s+(const\s+volatile\s+)?([\w\s*]+?)\s*\b(\w+)\s*(\[[^\]]*\])?\s*(=\s*([^;]{0,4096}))?;/gm;
  for (const m of s.text.matchAll(globalRe)) {
    const init = m[6]?.trim();
    const section = m[1] ? 'rodata' : init && !/^(0|NULL|false)$/.test(init) ? 'data' : 'bss';
    globals.push({ name: m[3]!, section, type: foldSpace(m[2]!), arraySize: m[4] ? m[4].slice(1, -1).trim() : null, line: s.line(m.index! + m[0].indexOf(m[3]!)) });
  }
  return { maps, globals };
}

/**
 * Legacy probe: `struct bpf_map_def __bpf_section("maps") name = { .type = ..., ... };`.
 * Userspace indexes these maps by declaration order (enum scap_map_types), so order is kept.
 */
export function legacyBpfMaps(s: Scan): BpfMapFact[] {
  const out: BpfMapFact[] = [];
  const re = /struct\s+bpf_map_def\s+__bpf_section\s*\(\s*"maps"\s*\)\s*(\w+)\s*=\s*\{([^}]*)\}/g;
  for (const m of s.text.matchAll(re)) {
    const fields = record<string>();
    for (const part of splitArgs(m[2]!)) {
      const f = /^\.(\w+)\s*=\s*(.*)$/s.exec(part);
      if (f) fields[f[1]!] = foldSpace(f[2]!);
    }
    const sizeOfType = (e: string | undefined) => (e ? (/^sizeof\s*\((.*)\)$/.exec(e)?.[1]?.trim() ?? null) : null);
    out.push({
      name: m[1]!,
      probe: 'legacy',
      type: fields['type'] ?? '?',
      keyType: sizeOfType(fields['key_size']),
      valueType: sizeOfType(fields['value_size']),
      keySizeExpr: fields['key_size'] ?? null,
      valueSizeExpr: fields['value_size'] ?? null,
      maxEntriesExpr: fields['max_entries'] ?? null,
      index: out.length,
      line: s.line(m.index!),
    });
  }
  return out;
}
