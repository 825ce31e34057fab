/**
 * The layout engine against gcc: every fixture header is compiled (same text, same defines) into
 * a program that prints sizeof/offsetof/alignment, and the engine must agree to the byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SymbolTable } from '../../src/parse/consteval.js';
import { initParser, parseC, type ParsedFile } from '../../src/parse/parser.js';
import { symbolTable } from '../../src/surface/build.js';
import { lineOf } from '../helpers/lines.js';
import { demoFiles, surface, type Tree } from '../rules/tester.js';
import { extractEnums } from '../../src/surface/extract/enums.js';
import { canonicalType } from '../../src/parse/c-types.js';
import {
  attributesIn,
  collectStructs,
  computeLayouts,
  type StructDecl,
  type StructDecls,
  type StructLayout,
  type TypeRef,
} from '../../src/surface/layout.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/layout');
let tmp = '';
const parsed: ParsedFile[] = [];

beforeAll(async () => {
  await initParser();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'layout-test-'));
});

afterAll(() => {
  for (const f of parsed) f.dispose();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** The pipeline's own symbol table (defines and enumerators) for these files. */
function symbolsOf(files: ParsedFile[]): SymbolTable {
  return symbolTable(files.map((f) => ({ macros: f.pre.directives.macros, enums: extractEnums(f) })));
}

async function parse(name: string, text: string): Promise<ParsedFile> {
  const f = await parseC(name, text);
  parsed.push(f);
  return f;
}

interface Analysed {
  text: string;
  decls: StructDecls;
  layouts: Record<string, StructLayout>;
}

async function analyse(name: string, text?: string): Promise<Analysed> {
  const src = text ?? readFileSync(path.join(FIXTURES, name), 'utf8');
  const f = await parse(name, src);
  const decls = collectStructs([f]);
  return { text: src, decls, layouts: computeLayouts(decls, symbolsOf([f])) };
}

/** Types the kernel and the driver headers get from headers we do not parse. */
const PRELUDE = `#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
typedef uint8_t __u8; typedef uint8_t u8; typedef int8_t __s8; typedef int8_t s8;
typedef uint16_t __u16; typedef uint16_t u16; typedef int16_t __s16; typedef int16_t s16;
typedef uint32_t __u32; typedef uint32_t u32; typedef int32_t __s32; typedef int32_t s32;
typedef unsigned long long __u64; typedef unsigned long long u64;
typedef long long __s64; typedef long long s64;
typedef long ssize_t;
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
`;

/** How C code reaches a layout: a root type and a member path inside it ('' for the root). */
interface Access {
  root: string;
  path: string;
}

function inlineOf(t: TypeRef): { decl: StructDecl; dims: number } | null {
  let dims = 0;
  while (t.kind === 'array') {
    t = t.of;
    dims++;
  }
  return t.kind === 'inline' ? { decl: t.decl, dims } : null;
}

function accessPaths(decls: StructDecls): Map<string, Access> {
  const out = new Map<string, Access>();
  const visit = (d: StructDecl, acc: Access): void => {
    for (const f of d.fields) {
      const inl = inlineOf(f.type);
      if (!inl) continue;
      if (f.name === '')
        visit(inl.decl, acc); // anonymous member: its members are the parent's
      else {
        const child = { root: acc.root, path: `${acc.path}${f.name}${'[0]'.repeat(inl.dims)}` };
        if (!out.has(inl.decl.name)) out.set(inl.decl.name, child);
        visit(inl.decl, { root: acc.root, path: `${child.path}.` });
      }
    }
  };
  for (const d of decls.structs) {
    if (out.has(d.name)) continue;
    const acc = { root: d.tagged ? `struct ${d.name}` : d.name, path: '' };
    out.set(d.name, acc);
    visit(d, acc);
  }
  return out;
}

/** Flat `key -> "numbers"` views, so a mismatch prints as a readable diff. */
type Numbers = Record<string, string>;

function engineNumbers(layouts: Record<string, StructLayout>, keys: string[]): Numbers {
  const out: Numbers = {};
  for (const k of keys) {
    const l = layouts[k]!;
    out[k] = `size ${l.size} align ${l.align}`;
    for (const f of l.fields) out[`${k}.${f.name}`] = `offset ${f.offset} size ${f.size} align ${f.align}`;
  }
  return out;
}

/**
 * Compiles `header` after the prelude, prints every struct's and field's numbers as gcc sees
 * them, and returns them in engineNumbers' shape. Only the layouts named in `keys` are printed.
 */
function gccNumbers(
  header: string,
  decls: StructDecls,
  layouts: Record<string, StructLayout>,
  keys: string[],
  defines: string[] = [],
): Numbers {
  const access = accessPaths(decls);
  const lines: string[] = [];
  for (const k of keys) {
    const acc = access.get(k);
    if (!acc) throw new Error(`no C access path for ${k}`);
    const obj = `((${acc.root} *)0)`;
    const member = acc.path ? `${obj}->${acc.path}` : '';
    const size = acc.path ? `sizeof(${member})` : `sizeof(${acc.root})`;
    const align = acc.path ? `_Alignof(__typeof__(${member}))` : `_Alignof(${acc.root})`;
    lines.push(`printf("${k}\\tsize %zu align %zu\\n", (size_t)${size}, (size_t)${align});`);
    for (const f of layouts[k]!.fields) {
      if (f.offset < 0) continue;
      const fm = acc.path ? `${acc.path}.${f.name}` : f.name;
      const off = acc.path
        ? `offsetof(${acc.root}, ${fm}) - offsetof(${acc.root}, ${acc.path})`
        : `offsetof(${acc.root}, ${fm})`;
      // A flexible array member has no sizeof; its size is 0 by definition.
      const fsize = f.type.endsWith('[]') ? '0' : `sizeof(${obj}->${fm})`;
      lines.push(
        `printf("${k}.${f.name}\\toffset %zu size %zu align %zu\\n", (size_t)(${off}), (size_t)${fsize}, (size_t)__alignof__(${obj}->${fm}));`,
      );
    }
  }
  const dir = mkdtempSync(path.join(tmp, 'c-'));
  writeFileSync(path.join(dir, 'fixture.h'), header);
  writeFileSync(
    path.join(dir, 'main.c'),
    `${PRELUDE}#include "fixture.h"\nint main(void) {\n${lines.join('\n')}\nreturn 0;\n}\n`,
  );
  const exe = path.join(dir, 'main');
  execFileSync('gcc', ['-std=gnu11', '-w', ...defines.map((d) => `-D${d}`), '-o', exe, path.join(dir, 'main.c')], {
    stdio: 'pipe',
  });
  const out: Numbers = {};
  for (const line of execFileSync(exe, { encoding: 'utf8' }).split('\n')) {
    if (!line) continue;
    const [k, v] = line.split('\t');
    out[k!] = v!;
  }
  return out;
}

/** Layouts the engine could compute in full. */
function resolvedKeys(layouts: Record<string, StructLayout>): string[] {
  return Object.keys(layouts).filter((k) => !layouts[k]!.unresolved);
}

async function expectGccAgrees(name: string, defines: string[] = []): Promise<Analysed> {
  const a = await analyse(name);
  const keys = resolvedKeys(a.layouts);
  expect(keys.length).toBeGreaterThan(0);
  expect(engineNumbers(a.layouts, keys)).toEqual(gccNumbers(a.text, a.decls, a.layouts, keys, defines));
  return a;
}

function field(l: StructLayout | undefined, name: string) {
  const f = l?.fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name} in ${l?.name}`);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Fixture headers

describe('fixture headers agree with gcc', () => {
  it('ring buffer info: natural alignment, volatile dropped, multiple declarators', async () => {
    const { layouts } = await expectGccAgrees('ringbuffer.h');
    const info = layouts.ring_info!;
    expect(info.packed).toBe(false);
    expect(info.unresolved).toBeUndefined();
    expect(field(info, 'head').type).toBe('uint32_t');
    expect(field(info, 'n_drops_category')).toMatchObject({ type: 'uint64_t[3]', offset: 24, size: 24, align: 8 });
    expect(field(info, 'n_preemptions')).toMatchObject({ type: 'uint64_t', line: field(info, 'n_drops_pf').line });
    const reader = layouts.ring_reader!;
    expect(field(reader, 'info').type).toBe('pointer');
    expect(field(reader, 'size')).toMatchObject({ type: 'unsigned long', size: 8 });
    expect(field(reader, 'consumed')).toMatchObject({ type: 'unsigned long', size: 8 });
    expect(field(reader, 'last_error')).toMatchObject({ type: 'long', size: 8 });
    expect(field(reader, 'mapped')).toMatchObject({ type: 'bool', size: 1 });
    expect(info.loc).toEqual({
      path: 'ringbuffer.h',
      line: lineOf(readFileSync(path.join(FIXTURES, 'ringbuffer.h'), 'utf8'), 'struct ring_info {'),
    });
  });

  it('shared definitions: bool padding and unparenthesised size expressions', async () => {
    const { layouts } = await expectGccAgrees('shared_defs.h');
    expect(field(layouts.probe_settings, 'sampling_ratio').offset).toBe(16);
    expect(field(layouts.probe_settings, 'dynamic_snaplen').type).toBe('bool');
    expect(field(layouts.aux_buffer, 'data')).toMatchObject({ type: 'uint8_t[131072]', size: 131072 });
    // 64 * 1024 + 8, not (64 * 1024 + 8) folded wrongly
    expect(field(layouts.evt_buffer, 'data').size).toBe(65544);
    expect(layouts.drop_counters!.fields.map((f) => f.name)).toEqual([
      'n_evts',
      'n_drops_buffer',
      'n_drops_open_enter',
      'n_drops_open_exit',
      'n_drops_close_exit',
      'n_drops_max_event_size',
    ]);
  });

  it('public events header: _packed, #pragma pack around the struct, enums, flexible array, enumerator sizes', async () => {
    const { layouts } = await expectGccAgrees('events_public.h', ['EVT_ENABLE_SENTINEL']);
    const hdr = layouts.evt_hdr!;
    expect(hdr).toMatchObject({ size: 30, align: 1, packed: false, pack: 1 });
    expect(field(hdr, 'sentinel_begin')).toMatchObject({ offset: 0, conditional: ['defined(EVT_ENABLE_SENTINEL)'] });
    expect(field(hdr, 'ts').conditional).toBeUndefined();
    expect(layouts.syscall_pair).toMatchObject({ packed: true, size: 14, align: 1 });
    expect(field(layouts.syscall_pair, 'enter_event_type')).toMatchObject({ type: 'enum', size: 4 });
    expect(layouts.autofill_arg).toMatchObject({ packed: true, size: 10 });
    expect(field(layouts.event_entry, 'filler_callback').type).toBe('pointer');
    expect(field(layouts.event_entry, 'filler_id').type).toBe('enum');
    expect(field(layouts.event_entry, 'autofill_args')).toMatchObject({ type: 'struct autofill_arg[4]', size: 40 });
    expect(field(layouts.evt_param_info, 'name').type).toBe('char[32]');
    expect(field(layouts.evt_param_info, 'info')).toMatchObject({ type: 'pointer', offset: 40 });
    const proclist = layouts.evt_proclist_info!;
    expect(field(proclist, 'entries')).toMatchObject({ type: 'struct evt_proc_info[]', offset: 16, size: 0, align: 8 });
    expect(proclist.size).toBe(16);
    expect(field(layouts.event_params_table, 'nparams').type).toBe('uint8_t[6]');
    expect(field(layouts.event_params_table, 'sc').type).toBe('uint16_t[12]');
    // Structs after the pop are unpacked again.
    expect(layouts.evt_proc_info!.pack).toBeUndefined();
  });

  it('legacy types: kernel spellings, typedef chains, typedef structs, nested and multi-dimensional members', async () => {
    const { layouts } = await expectGccAgrees('legacy_types.h', ['CONFIG_FEATURE', 'CONFIG_EXTRA']);
    expect(layouts.bpf_settings).toMatchObject({ packed: true, align: 1 });
    expect(layouts.bpf_settings!.fields.map((f) => f.type)).toEqual([
      'uint64_t',
      'pointer',
      'uint32_t',
      'uint32_t',
      'bool',
      'bool',
      'uint16_t',
      'uint16_t',
      'uint16_t',
    ]);
    expect(layouts.tail_ctx!.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'evt_type:enum',
      'ts:uint64_t',
      'curarg:unsigned long',
      'curoff:unsigned long',
      'len:unsigned long',
      'prev_res:int32_t',
      'weird_order:unsigned long',
      'sc:int8_t',
      'uc:uint8_t',
      's:int16_t',
      'us:uint16_t',
      'll:int64_t',
    ]);
    expect(field(layouts.per_cpu_state, 'tail_ctx').type).toBe('struct tail_ctx');
    expect(field(layouts.per_cpu_state, 'n_drops').type).toBe('int64_t');
    // typedef struct {...} plain_td: known by its typedef name; typedef struct named_tag {...} named_td.
    expect(layouts.plain_td).toMatchObject({ size: 16, align: 8 });
    expect(layouts.named_tag).toMatchObject({ aliases: ['named_td'] });
    const uses = layouts.uses_typedefs!;
    expect(field(uses, 'chained').type).toBe('uint64_t');
    expect(field(uses, 'nt').type).toBe('struct named_tag');
    expect(field(uses, 'by_tag').type).toBe('struct named_tag');
    expect(field(uses, 'ptr').type).toBe('pointer');
    expect(field(uses, 'arr').type).toBe('plain_td[2]');
    const nested = layouts.nested!;
    expect(field(nested, 'inner').type).toBe('struct inner_def');
    expect(layouts.inner_def).toBeDefined(); // a definition nested in a struct has file scope
    expect(field(nested, 'anon').type).toBe('struct nested.anon');
    expect(field(nested, 'anon2').type).toBe('struct nested.anon');
    expect(layouts['nested.anon']).toMatchObject({ size: 16, align: 4 });
    // C11 anonymous member: its fields are nested's own.
    expect(field(nested, 'p').offset).toBe(field(nested, 'q').offset - 8);
    expect(field(nested, 'grid')).toMatchObject({ type: 'uint32_t[2][3][4]', size: 96 });
    expect(field(nested, 'inners').type).toBe('struct inner_def[2][2]');
    expect(field(nested, 'ptrs')).toMatchObject({ type: 'pointer[3]', size: 24 });
    expect(field(nested, 'parr')).toMatchObject({ type: 'pointer', size: 8 });
    expect(field(nested, 'cb').type).toBe('pointer');
    expect(field(nested, 'cv').type).toBe('uint32_t');
    const cond = layouts.conditional_struct!;
    expect(cond.conditional).toEqual(['defined(CONFIG_FEATURE)']);
    // The first branch of each conditional is laid out, except MSVC-only ones.
    expect(cond.fields.map((f) => f.name)).toEqual(['a', 'extra', 'not_msvc', 'z']);
    expect(field(cond, 'extra').conditional).toEqual(['defined(CONFIG_EXTRA)']);
    expect(field(cond, 'a').conditional).toBeUndefined();
  });

  it('packing: attribute spellings and places, field attributes, pragma pack forms, nesting', async () => {
    const { layouts } = await expectGccAgrees('packing.h');
    expect(layouts.attr_before_tag).toMatchObject({ packed: true, size: 9 });
    expect(layouts.attr_underscored).toMatchObject({ packed: true, size: 5 });
    expect(layouts.kernel_packed).toMatchObject({ packed: true, size: 3 });
    expect(layouts.packed_td).toMatchObject({ packed: true, size: 9 });
    expect(layouts.field_packed!.packed).toBe(false);
    expect(layouts.pack_two).toMatchObject({ pack: 2, align: 2 });
    expect(layouts.after_reset).toMatchObject({ size: 16, align: 8 });
    expect(layouts.pack_four!.pack).toBe(4);
    expect(layouts.pack_sixteen).toMatchObject({ pack: 16, size: 16 });
    expect(layouts.pack_four_again).toMatchObject({ pack: 4, size: 12 });
    expect(layouts.pack_at_close).toMatchObject({ pack: 1, size: 5 });
    expect(layouts.both_packed).toMatchObject({ packed: true, size: 9 });
    expect(layouts['outer_packed.in']).toMatchObject({ pack: 2, packed: false });
    expect(layouts['inline_attrs.inner_field_packed']).toMatchObject({ packed: false, size: 9 });
    expect(layouts['inline_attrs.outer_field_packed']).toMatchObject({ packed: false, size: 16 });
    expect(field(layouts.inline_attrs, 'outer_field_packed').align).toBe(1);
    expect(layouts['inline_attrs.packed_type']).toMatchObject({ packed: true, size: 9 });
    expect(layouts['inline_attrs.packed_by_macro']).toMatchObject({ packed: true, size: 9 });
    // Alignment asked for, in every place gcc reads it (the numbers above agree with gcc; these must be computed at all).
    const aligned = [
      'field_aligned',
      'aligned_in_packed',
      'field_packed_and_aligned',
      'aligned_under_pack',
      'struct_aligned_under_pack',
      'aligned_before_tag',
      'aligned_after_body',
      'packed_aligned_struct',
      'typedef_alignments',
      'aligned_by_macro',
    ];
    for (const k of aligned) expect(layouts[k]?.unresolved, k).toBeUndefined();
    expect(layouts.field_aligned!.fields.map((f) => `${f.name}@${f.offset}/${f.align}`)).toEqual([
      'a@0/1',
      'b@16/16',
      'c@24/8',
      'd@32/8',
      'e@64/32',
      'f@68/4',
      'g@72/4',
      'h@73/1',
      'i@80/8',
    ]);
    expect(field(layouts.aligned_in_packed, 'b')).toMatchObject({ offset: 16, align: 16 });
    expect(layouts.aligned_under_pack).toMatchObject({ size: 8, align: 2 });
    expect(layouts.struct_aligned_under_pack).toMatchObject({ size: 16, align: 16 });
    expect(layouts.aligned_after_body).toMatchObject({ size: 16, align: 8 });
    expect(layouts.packed_aligned_struct).toMatchObject({ packed: true, size: 8, align: 4 });
    expect(layouts.typedef_alignments!.fields.map((f) => `${f.name}@${f.offset}/${f.align}`)).toEqual([
      'a@0/1',
      'b@4/4',
      'c@12/1',
      'd@16/16',
      'e@20/1',
      'f@24/8',
      'g@32/4',
      'h@40/1',
      'i@44/4',
    ]);
    expect(layouts.not_packed_td).toMatchObject({ packed: false, size: 8 });
  });
});

describe('enum sizes agree with gcc', () => {
  it('int-sized unless a value needs 8 bytes; packed, the smallest that holds every value; tagged, typedef and in place', async () => {
    const { layouts } = await expectGccAgrees('enums.h');
    expect(layouts.enum_fields!.unresolved).toBeUndefined();
    expect(layouts.enum_fields!.fields.map((f) => `${f.name}:${f.size}`)).toEqual([
      'a:1',
      'sv:4',
      'b:1',
      'uv:4',
      'c:1',
      'bv:8',
      'd:1',
      'nb:8',
      'e:1',
      'pb:1',
      'ps:2',
      'f:1',
      'pt:4',
      'g:1',
      'fm:8',
      'in_place:1',
      'h:1',
    ]);
  });

  it('a fixed underlying type (C23) gives its size; a packed enum with a value not known, or an enum not defined, is not computed', async () => {
    const { layouts } = await analyse(
      'enums2.h',
      `
enum fixed : uint16_t { FX_A };
enum __attribute__((packed)) unknown_value { UK_A = NOT_DEFINED };
struct holds_fixed { uint8_t a; enum fixed f; };
struct holds_unknown { enum unknown_value u; };
struct holds_undefined { enum nowhere n; };`,
    );
    expect(field(layouts.holds_fixed, 'f')).toMatchObject({ type: 'enum', offset: 2, size: 2 });
    expect(layouts.holds_unknown!.unresolved).toEqual([
      'u: enum unknown_value is packed and the value of UK_A is not known',
    ]);
    expect(layouts.holds_undefined!.unresolved).toEqual(['n: enum nowhere has no definition driver-semver can read']);
  });
});

// ---------------------------------------------------------------------------------------------
// What is not computed

describe('unresolved layouts', () => {
  it('reports bit-fields, unions, unknown types and sizes, other attributes and parse errors', async () => {
    const a = await analyse('unresolved.h');
    const { layouts } = a;
    const problems = (k: string): string => (layouts[k]!.unresolved ?? []).join(' | ');
    expect(problems('with_bits')).toMatch(/bit-field flag : 1/);
    expect(problems('with_union')).toMatch(/union/);
    expect(problems('with_anon_union')).toMatch(/anonymous union/);
    expect(problems('with_unknown_type')).toMatch(/unknown type mystery_t/);
    expect(problems('with_unknown_size')).toMatch(/array size 'UNDEFINED_LEN'/);
    expect(problems('with_aligned')).toMatch(/attribute aligned without a value on line \d+/);
    expect(problems('aligned_struct')).toMatch(/attribute mode\(DI\) on struct aligned_struct/);
    expect(problems('with_bad_alignment')).toMatch(
      /alignment '3' is 3, not a power of two.*alignment 'NO_SUCH_ALIGN' cannot be evaluated/,
    );
    expect(problems('holds_unresolved')).toMatch(/struct with_bits has an unresolved layout/);
    expect(problems('with_undefined_struct')).toMatch(/unknown type struct never_defined/);
    expect(problems('with_macro_field')).toMatch(/parse/);
    for (const l of Object.values(layouts)) {
      expect(l.unresolved?.length).toBeGreaterThan(0);
      expect(l.size).toBe(-1);
      expect(l.align).toBe(-1);
    }
    // Nothing after an unknown field gets an offset; what comes before still does.
    expect(field(layouts.with_bits, 'flag')).toMatchObject({ type: 'uint32_t:1', offset: -1, size: -1 });
    expect(field(layouts.with_bits, 'after').offset).toBe(-1);
    expect(field(layouts.with_unknown_size, 'data')).toMatchObject({ type: 'uint32_t[UNDEFINED_LEN]', offset: -1 });
    expect(field(layouts.with_unknown_size, 'before').offset).toBe(0);

    // The offsets that are known still agree with gcc.
    const keys = ['with_bits', 'with_union', 'with_anon_union', 'holds_unresolved'];
    const known = (n: Numbers): Numbers =>
      Object.fromEntries(Object.entries(n).filter(([k, v]) => k.includes('.') && !v.includes('-1')));
    const gcc = gccNumbers(
      a.text.replace(
        /^struct (with_unknown|with_aligned|aligned_struct|with_bad_alignment|with_undefined|with_macro)\w*[\s\S]*?\n}[^\n]*;\n/gm,
        '',
      ),
      a.decls,
      layouts,
      keys,
    );
    const ours = known(engineNumbers(layouts, keys));
    expect(Object.keys(ours).length).toBeGreaterThan(3);
    expect(ours).toEqual(Object.fromEntries(Object.keys(ours).map((k) => [k, gcc[k]])));
  });
});

// ---------------------------------------------------------------------------------------------
// Smaller rules

describe('rules', () => {
  it('a spelling change is no change: typedef chains, integer word order, qualifiers', async () => {
    const before = await analyse(
      'a.h',
      `
typedef unsigned int my_u32;
struct s {
  __u64 a; u64 b; uint64_t c; unsigned long long d; long long unsigned int e;
  __s32 f; s32 g; int32_t h; int i; signed j; my_u32 k; unsigned l;
  const volatile uint16_t m; short n; __u8 o[4];
  struct t *p; char *q; void (*r)(void); pid_t pid; uid_t uid; size_t sz;
};`,
    );
    const after = await analyse(
      'b.h',
      `
typedef uint32_t my_u32;
struct s {
  uint64_t a; uint64_t b; uint64_t c; uint64_t d; uint64_t e;
  int32_t f; int32_t g; int32_t h; int32_t i; int32_t j; uint32_t k; uint32_t l;
  uint16_t m; int16_t n; uint8_t o[4];
  void *p; void *q; void *r; int32_t pid; uint32_t uid; unsigned long sz;
};`,
    );
    const strip = (l: StructLayout) => ({ ...l, loc: null, fields: l.fields.map((f) => ({ ...f, line: 0 })) });
    expect(strip(after.layouts.s!)).toEqual(strip(before.layouts.s!));
  });

  it('evaluates sizeof in array sizes, including the size of a struct laid out here', async () => {
    const { layouts } = await analyse(
      'c.h',
      `
#define SLOTS (sizeof(struct pair) / sizeof(uint32_t))
struct pair { uint32_t a; uint64_t b; };
struct holder { uint8_t raw[sizeof(struct pair)]; uint32_t words[SLOTS]; uint8_t self[sizeof(uint64_t) * 2]; };`,
    );
    expect(field(layouts.holder, 'raw').type).toBe('uint8_t[16]');
    expect(field(layouts.holder, 'words').type).toBe('uint32_t[4]');
    expect(field(layouts.holder, 'self').type).toBe('uint8_t[16]');
  });

  it('keeps the first definition taken by the build; an #else-only definition still counts', async () => {
    const { layouts } = await analyse(
      'd.h',
      `
#ifdef RAW_TRACEPOINTS
struct args { uint64_t regs; uint64_t id; };
#else
struct args { uint32_t id; };
#endif
#if defined(_MSC_VER)
struct win_only { uint8_t a; };
#else
struct win_only { uint64_t a; };
#endif
#ifdef SOMETHING
#else
struct only_in_else { uint16_t a; };
#endif`,
    );
    expect(layouts.args).toMatchObject({ size: 16, conditional: ['defined(RAW_TRACEPOINTS)'] });
    expect(layouts.win_only!.size).toBe(8);
    expect(layouts.only_in_else!.size).toBe(2);
  });

  it('resolves structs and typedefs across files', async () => {
    const a = await parse(
      'x.h',
      'typedef enum { A, B, KINDS } kind_t;\ntypedef struct base base_t;\nstruct base { uint64_t x; kind_t k; };\n',
    );
    const b = await parse('y.h', 'struct top { uint8_t c; base_t b[KINDS]; };\n');
    const layouts = computeLayouts(collectStructs([a, b]), symbolsOf([a, b]));
    expect(layouts.top).toMatchObject({ size: 40, align: 8 });
    expect(field(layouts.top, 'b').type).toBe('struct base[2]');
    expect(layouts.top!.loc.path).toBe('y.h');
  });

  it('ignores forward declarations and anonymous struct variables', async () => {
    const { layouts } = await analyse(
      'e.h',
      `
struct fwd;
struct { int type; int max_entries; } some_map;
struct real { struct fwd *p; };`,
    );
    expect(Object.keys(layouts)).toEqual(['real']);
  });

  it('an empty struct has size 0 and alignment 1 (GNU C)', async () => {
    const a = await analyse('f.h', 'struct empty { };\nstruct after_empty { struct empty e; uint8_t x; };\n');
    expect(a.layouts.empty).toMatchObject({ size: 0, align: 1, fields: [] });
    expect(engineNumbers(a.layouts, ['empty', 'after_empty'])).toEqual(
      gccNumbers(a.text, a.decls, a.layouts, ['empty', 'after_empty']),
    );
  });

  it('declarations and layouts are plain data (JSON round-trips)', async () => {
    const { decls, layouts } = await analyse('legacy_types.h');
    expect(JSON.parse(JSON.stringify(layouts))).toEqual(layouts);
    expect(JSON.parse(JSON.stringify(decls))).toEqual(decls);
    // The layout of data decoded from JSON is the same (decls can be cached per blob).
    const f = parsed.find((p) => p.path === 'legacy_types.h')!;
    expect(computeLayouts(JSON.parse(JSON.stringify(decls)) as StructDecls, symbolsOf([f]))).toEqual(layouts);
  });

  it('canonicalType: long and unsigned long are the 64-bit fixed-width types on LP64 (arrays too); the rest stays', () => {
    expect(['unsigned long', 'long', 'unsigned long[4][2]', 'long[]'].map(canonicalType)).toEqual([
      'uint64_t',
      'int64_t',
      'uint64_t[4][2]',
      'int64_t[]',
    ]);
    expect(['uint64_t', 'char', 'pointer', 'struct long', 'enum', 'uint32_t[8]'].map(canonicalType)).toEqual([
      'uint64_t',
      'char',
      'pointer',
      'struct long',
      'enum',
      'uint32_t[8]',
    ]);
  });

  it('attributesIn reads _packed, __packed and every entry of __attribute__((...))', () => {
    expect(attributesIn('} _packed;')).toEqual(['packed']);
    expect(attributesIn('} __packed;')).toEqual(['packed']);
    expect(attributesIn('__attribute__((__packed__))')).toEqual(['packed']);
    expect(attributesIn('__attribute__ (( aligned(8), packed ))')).toEqual(['aligned(8)', 'packed']);
    expect(attributesIn('__attribute__((aligned((1 << 3))))')).toEqual(['aligned((1 << 3))']);
    expect(attributesIn('} my_packed_thing;')).toEqual([]);
  });

  it('attributesIn reads alignments in every spelling, C23 attributes and gnu:: prefixes, in source order', () => {
    expect(attributesIn('_Alignas(16) uint32_t x __attribute__((aligned(8)))')).toEqual(['aligned(16)', 'aligned(8)']);
    expect(attributesIn('alignas(uint64_t) char c __aligned(4)')).toEqual(['aligned(uint64_t)', 'aligned(4)']);
    expect(attributesIn('[[gnu::packed, __gnu__::__aligned__(8)]] [[deprecated]] int x')).toEqual([
      'packed',
      '__aligned__(8)',
      'deprecated',
    ]);
    expect(attributesIn('__attribute__((__aligned__))')).toEqual(['__aligned__']);
  });
});

// ---------------------------------------------------------------------------------------------
// Random structs, one gcc run

/** mulberry32: a tiny deterministic PRNG, so a failure reproduces. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALAR_SPELLINGS: Array<[string, number]> = [
  ['uint8_t', 1],
  ['unsigned char', 1],
  ['__u8', 1],
  ['u8', 1],
  ['int8_t', 1],
  ['signed char', 1],
  ['char', 1],
  ['bool', 1],
  ['_Bool', 1],
  ['uint16_t', 2],
  ['unsigned short', 2],
  ['short int', 2],
  ['__s16', 2],
  ['u16', 2],
  ['int', 4],
  ['unsigned int', 4],
  ['unsigned', 4],
  ['signed', 4],
  ['int32_t', 4],
  ['__u32', 4],
  ['s32', 4],
  ['uint32_t', 4],
  ['float', 4],
  ['long', 8],
  ['unsigned long', 8],
  ['long unsigned int', 8],
  ['size_t', 8],
  ['ssize_t', 8],
  ['long long', 8],
  ['unsigned long long', 8],
  ['uint64_t', 8],
  ['__u64', 8],
  ['u64', 8],
  ['__s64', 8],
  ['int64_t', 8],
  ['double', 8],
  ['pid_t', 4],
  ['uid_t', 4],
  ['rnd_u32_t', 4],
  ['rnd_ull', 8],
  ['rnd_chain_t', 8],
  ['enum rnd_codes', 4],
  ['rnd_enum_t', 4],
  ['void *', 8],
  ['const char *', 8],
  ['struct rnd_fwd *', 8],
  ['rnd_fn_t', 8],
];
/** Array sizes: literals, defines (parenthesised or not), function-like macros, enumerators, sizeof. */
const SIZE_EXPRS: Array<[string, number]> = [
  ['1', 1],
  ['2', 2],
  ['3', 3],
  ['5', 5],
  ['RND_N1', 3],
  ['RND_N2', 4],
  ['RND_N3', 6],
  ['RND_N4', 8],
  ['RND_MAX', 7],
  ['RND_FN(2)', 3],
  ['RND_N1 * 2', 6],
  ['sizeof(uint32_t)', 4],
  ['(RND_B + 1)', 6],
];
const RANDOM_PRELUDE = `/* generated */
#define _packed __attribute__((packed))
#define RND_N1 3
#define RND_N2 (2 + 2)
#define RND_N3 2 * 3
#define RND_N4 (1 << 3)
#define RND_FN(x) ((x) + 1)
enum rnd_codes { RND_A, RND_B = 5, RND_C, RND_MAX };
typedef enum { RND_X, RND_Y } rnd_enum_t;
typedef uint32_t rnd_u32_t;
typedef unsigned long long rnd_ull;
typedef rnd_ull rnd_chain_t;
typedef int (*rnd_fn_t)(int);
struct rnd_fwd;
`;

interface Generated {
  text: string;
  count: number;
}

function generateStructs(seed: number, count: number): Generated {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number): boolean => rnd() < p;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  /** Structs usable by value later: C spelling and an upper bound of their size (keeps sizes small). */
  const usable: Array<[string, number]> = [];
  const out: string[] = [RANDOM_PRELUDE];

  for (let i = 0; i < count; i++) {
    let bound = 0;
    const fields: string[] = [];
    const typeFor = (allowNested: boolean): [string, number] => {
      if (allowNested && usable.length && chance(0.15))
        return pick(usable.filter(([, b]) => b <= 128).concat([['uint8_t', 1]]));
      return pick(SCALAR_SPELLINGS);
    };
    const qual = (): string => (chance(0.1) ? pick(['const ', 'volatile ', 'const volatile ']) : '');
    const dims = (): [string, number] => {
      let text = '';
      let n = 1;
      for (let d = chance(0.2) ? int(2, 3) : 1; d > 0; d--) {
        const [e, v] = pick(SIZE_EXPRS);
        text += `[${e}]`;
        n *= v;
      }
      return [text, n];
    };
    const nFields = int(1, 8);
    for (let j = 0; j < nFields; j++) {
      const name = `f${j}`;
      const r = rnd();
      let decl: string;
      if (r < 0.5) {
        const [t, s] = typeFor(true);
        decl = `${qual()}${t} ${name};`;
        bound += s + 8;
      } else if (r < 0.68) {
        const [t, s] = typeFor(true);
        const [d, n] = dims();
        decl = `${t} ${name}${d};`;
        bound += s * n + 8;
      } else if (r < 0.75) {
        decl = `${pick(['int', 'void', 'uint64_t'])} (*${name})(${pick(['void', 'int a', 'struct rnd_fwd *p, long n'])});`;
        bound += 16;
      } else if (r < 0.83) {
        // Declarators share the base type only: `char *a, b` makes b a char.
        const [t, s] = pick(SCALAR_SPELLINGS.filter(([sp]) => !sp.includes('*')));
        decl = `${t} ${name}, ${name}_b[${int(1, 3)}], *${name}_c;`;
        bound += s * 4 + 24;
      } else if (r < 0.9) {
        const inner = Array.from({ length: int(1, 3) }, (_, k) => {
          const [t] = typeFor(false);
          return `${t} i${k}${chance(0.3) ? `[${int(1, 3)}]` : ''};`;
        }).join(' ');
        const arr = chance(0.3) ? `[${int(1, 3)}]` : '';
        decl = `struct { ${inner} } ${name}${arr};`;
        bound += 3 * 8 * 3 * 3 + 8;
      } else if (r < 0.94) {
        const [t1] = typeFor(false);
        const [t2] = typeFor(false);
        decl = `struct { ${t1} ${name}_x; ${t2} ${name}_y; };`;
        bound += 32;
      } else if (r < 0.97) {
        const [t, s] = typeFor(false);
        decl = `__attribute__((packed)) ${t} ${name};`;
        bound += s + 8;
      } else {
        // Alignment asked for: aligned(N) (ignored below the natural one), _Alignas (never below it).
        const [t, s] = pick(SCALAR_SPELLINGS);
        const n = pick([1, 2, 4, 8, 16, 32]);
        decl = chance(0.5)
          ? `${t} ${name} __attribute__((aligned(${n})));`
          : `_Alignas(${Math.max(n, s)}) ${t} ${name};`;
        bound += s + 32;
      }
      fields.push(chance(0.06) ? `#ifdef CONFIG_RND\n\t${decl}\n#endif` : decl);
    }
    const fam = chance(0.05);
    if (fam) fields.push(`${pick(SCALAR_SPELLINGS)[0]} tail[];`);

    const attr = chance(0.2)
      ? chance(0.5)
        ? ' _packed'
        : ' __attribute__((packed))'
      : chance(0.08)
        ? ` __attribute__((aligned(${pick([2, 8, 16])})))`
        : '';
    const pragma = chance(0.2) ? pick([1, 2, 4, 8, 16]) : 0;
    const form = rnd();
    const body = `{\n\t${fields.join('\n\t')}\n}`;
    let def: string;
    let spelling: string;
    if (form < 0.6) {
      def = `struct rs${i} ${body}${attr};`;
      spelling = `struct rs${i}`;
      if (chance(0.3)) {
        // A typedef of the tag declared before the definition.
        def = `typedef struct rs${i} rs${i}_fwd_t;\n${def}`;
        spelling = `rs${i}_fwd_t`;
      }
    } else if (form < 0.8) {
      def = `typedef struct rs${i} ${body}${attr} rs${i}_t;`;
      spelling = pick([`struct rs${i}`, `rs${i}_t`]);
    } else {
      def = `typedef struct ${body}${attr} rs${i}_t;`;
      spelling = `rs${i}_t`;
    }
    if (pragma) {
      const form = rnd();
      def =
        form < 0.4
          ? `#pragma pack(push, ${pragma})\n${def}\n#pragma pack(pop)`
          : form < 0.8
            ? `#pragma pack(${pragma})\n${def}\n#pragma pack()`
            : `_Pragma("pack(push, ${pragma})")\n${def}\n_Pragma("pack(pop)")`;
    }
    out.push(def);
    // A struct ending in a flexible array member cannot be nested by value.
    if (!fam) usable.push([spelling, bound]);
  }
  return { text: `${out.join('\n')}\n`, count };
}

describe('random structs agree with gcc', () => {
  it('220 seeded random structs, one compile', async () => {
    const gen = generateStructs(0x5eed1a7, 220);
    const a = await analyse('random.h', gen.text);
    const top = a.decls.structs.filter((d) => /^rs\d+(_t)?$/.test(d.name));
    expect(top.length).toBe(gen.count);
    const unresolved = Object.values(a.layouts).filter((l) => l.unresolved);
    expect(unresolved).toEqual([]);
    const keys = Object.keys(a.layouts);
    // Every rule shows up in the sample.
    const all = Object.values(a.layouts);
    expect(all.filter((l) => l.packed).length).toBeGreaterThan(10);
    expect(all.filter((l) => l.pack).length).toBeGreaterThan(10);
    expect(all.filter((l) => l.fields.some((f) => f.conditional)).length).toBeGreaterThan(5);
    expect(all.filter((l) => l.fields.some((f) => /^struct /.test(f.type))).length).toBeGreaterThan(10);
    expect(all.filter((l) => l.fields.some((f) => /\]\[/.test(f.type))).length).toBeGreaterThan(5);
    expect(all.filter((l) => l.fields.some((f) => f.type.endsWith('[]'))).length).toBeGreaterThan(3);
    expect(a.decls.structs.filter((d) => !d.tagged).length).toBeGreaterThan(20);
    expect(keys.filter((k) => k.includes('.')).length).toBeGreaterThan(10); // named anonymous structs
    expect(all.filter((l) => l.fields.some((f) => /^f\d+_x$/.test(f.name))).length).toBeGreaterThan(5); // C11 members
    expect(/#pragma pack\(\d+\)/.test(gen.text) && /#pragma pack\(push, \d+\)/.test(gen.text)).toBe(true);
    expect(
      /} _packed/.test(gen.text) && /} __attribute__\(\(packed\)\)/.test(gen.text) && /_fwd_t f\d/.test(gen.text),
    ).toBe(true);
    expect(
      /_Pragma\("pack\(push, \d+\)"\)/.test(gen.text) &&
        /_Alignas\(\d+\)/.test(gen.text) &&
        /f\d+ __attribute__\(\(aligned/.test(gen.text) &&
        /} __attribute__\(\(aligned/.test(gen.text),
    ).toBe(true);
    const ours = engineNumbers(a.layouts, keys);
    expect(Object.keys(ours).length).toBeGreaterThan(1000);
    expect(ours).toEqual(gccNumbers(a.text, a.decls, a.layouts, keys, ['CONFIG_RND']));
  });
});

// ---------------------------------------------------------------------------------------------
// The surface's shared structs against gcc: the whole model (include trees, macro scopes, the
// per-build walk, re-reading with macros) on a tree, compiled as the userspace view compiles it.

/** gcc's numbers for the top-level structs `names` of `header`, compiled with every file of `tree` on disk. */
function gccTreeNumbers(tree: Tree, header: string, layouts: Record<string, StructLayout>, names: string[]): Numbers {
  const dir = mkdtempSync(path.join(tmp, 'tree-'));
  for (const [p, text] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  const lines = names.flatMap((k) => [
    `printf("${k}\\tsize %zu align %zu\\n", sizeof(struct ${k}), _Alignof(struct ${k}));`,
    ...layouts[k]!.fields.map(
      (f) =>
        `printf("${k}.${f.name}\\toffset %zu size %zu align %zu\\n", offsetof(struct ${k}, ${f.name}), sizeof(((struct ${k} *)0)->${f.name}), __alignof__(((struct ${k} *)0)->${f.name}));`,
    ),
  ]);
  writeFileSync(
    path.join(dir, 'main.c'),
    `${PRELUDE}#include "${header}"\nint main(void) {\n${lines.join('\n')}\nreturn 0;\n}\n`,
  );
  const exe = path.join(dir, 'main');
  execFileSync('gcc', ['-std=gnu11', '-w', '-o', exe, path.join(dir, 'main.c')], { stdio: 'pipe' });
  return Object.fromEntries(
    execFileSync(exe, { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => l.split('\t') as [string, string]),
  );
}

describe('shared structs of a whole tree agree with gcc', () => {
  const SHARED = 'driver/modern_bpf/shared_definitions';
  const HEADER = `${SHARED}/struct_definitions.h`;

  it('packs from included headers and from macros expanding to _Pragma, attributes through macros, typedefs by include tree', async () => {
    const demo = demoFiles();
    const tree: Tree = {
      ...demo,
      [`${SHARED}/compat.h`]: [
        '#pragma once',
        '#define DO_PRAGMA(x) _Pragma(#x)',
        '#define PACKED_BEGIN(n) DO_PRAGMA(pack(push, n))',
        '#define PACKED_END DO_PRAGMA(pack(pop))',
        '#define ALIGNED(n) __attribute__((aligned(n)))',
        '#define MY_PACKED __attribute__((packed))',
        'typedef uint64_t cnt_t __attribute__((aligned(4)));',
        '',
      ].join('\n'),
      [`${SHARED}/pack2.h`]: '#pragma pack(push, 2)\n',
      // A typedef of the same name in a file the header never includes: not what the header sees.
      'driver/flags_table.c': `${demo['driver/flags_table.c']}\ntypedef uint16_t cnt_t;\n`,
      [HEADER]: demo[HEADER]!.replace('#pragma once', '#pragma once\n#include "compat.h"')
        .replace('struct capture_settings {', 'PACKED_BEGIN(1)\nstruct capture_settings {')
        .replace('struct counter_map {', 'PACKED_END\n#include "pack2.h"\nstruct counter_map {\n\tuint8_t flags;')
        .replace('\tuint64_t n_drops_buffer;\n};', '\tcnt_t n_drops_buffer;\n};\n#pragma pack(pop)')
        .replace('\tuint64_t payload_pos;', '\tuint8_t tag;\n\t_Alignas(16) uint64_t payload_pos;')
        .replace('\tuint16_t event_type;\n};', '\tuint16_t event_type ALIGNED(8);\n} MY_PACKED;'),
    };
    const s = await surface(tree, 'gcc-tree');
    expect(s.warnings).toEqual([]);
    const names = ['capture_settings', 'counter_map', 'auxiliary_map'];
    for (const n of names) expect(s.structs[n]?.unresolved, n).toBeUndefined();
    // Each construct changed the layout (the demo's are natural): the model did not just ignore them.
    expect(s.structs.capture_settings).toMatchObject({ size: 17, align: 1, pack: 1 });
    expect(s.structs.counter_map).toMatchObject({ pack: 2 });
    expect(field(s.structs.auxiliary_map, 'payload_pos').offset % 16).toBe(0);
    expect(engineNumbers(s.structs, names)).toEqual(gccTreeNumbers(tree, HEADER, s.structs, names));
  });
});
