import { describe, expect, it } from 'vitest';
import { CONFIGS, viewMask } from '../../src/parse/build-configs.js';
import { cText } from '../../src/parse/c-text.js';
import type { Presence } from '../../src/parse/conditions.js';
import type { MacroDef } from '../../src/parse/consteval.js';
import { scanDirectives } from '../../src/parse/directives.js';
import { readBpfStatement } from '../../src/surface/extract/bpf.js';
import {
  isNullPointer,
  permissionText,
  readModuleParam,
  readParamOps,
} from '../../src/surface/extract/module-params.js';
import { closing, splitTokens, tokens, topLevelStatements } from '../../src/surface/extract/text-scan.js';
import type { BuildModel } from '../../src/surface/builds.js';
import type { FileFacts } from '../../src/surface/facts.js';
import type { Warning } from '../../src/surface/model.js';
import { compiledStatements, macrosThatMayDeclare, readTextDeclarations } from '../../src/surface/text-declarations.js';

/** The top-level statements of a file, each as its pieces' text joined with `|`, with its first line. */
function statementsOf(src: string): Array<[number, string]> {
  const c = cText(src);
  return topLevelStatements(c.text, scanDirectives(c.text)).statements.map((s) => [
    s.pieces[0]!.line,
    s.pieces.map((p) => p.text.replace(/\s+/g, ' ')).join('|'),
  ]);
}

describe('topLevelStatements: file-scope statements as the compiler parses them', () => {
  it('a #define body, or any directive line, is never part of a statement', () => {
    expect(
      statementsOf('#define OLD module_param(a, int, 0444);\nmodule_param(b, int, 0444);\n#pragma once\nint c;'),
    ).toEqual([
      [2, 'module_param(b, int, 0444);'],
      [4, 'int c;'],
    ]);
  });

  it('a statement that directives cut keeps each piece with its line', () => {
    expect(statementsOf('module_param(a, int,\n#ifdef X\n0444\n#else\n0644\n#endif\n);')).toEqual([
      [1, 'module_param(a, int,|0444|0644|);'],
    ]);
  });

  it('an #include inside a statement is marked on the piece after it', () => {
    const c = cText('struct {\n#include "members.h"\n} m SEC(".maps");\n#include "other.h"\nint x;');
    expect(topLevelStatements(c.text, scanDirectives(c.text)).statements).toEqual([
      {
        pieces: [
          { text: 'struct {', line: 1 },
          { text: '} m SEC(".maps");', line: 3, include: 2 },
        ],
      },
      { pieces: [{ text: 'int x;', line: 5 }] },
    ]);
  });

  it('function bodies are skipped, and literals do not end statements', () => {
    const src =
      'static int f(void)\n{\n\tmodule_param(inner, int, 0);\n\treturn 0;\n}\nconst char *s = "a;b}{";\nchar c = \';\';\nint g(int x) { if (x) { return 1; } return 0; }\nint d;';
    expect(statementsOf(src)).toEqual([
      [1, 'static int f(void)'],
      [6, 'const char *s = "a;b}{";'],
      [7, "char c = ';';"],
      [8, 'int g(int x)'],
      [9, 'int d;'],
    ]);
  });

  it('struct bodies and initializers hold their own semicolons', () => {
    expect(statementsOf('struct {\n\t__uint(type, 1);\n} m SEC(".maps");\nstruct x y = { .a = 1, };')).toEqual([
      [1, 'struct { __uint(type, 1); } m SEC(".maps");'],
      [4, 'struct x y = { .a = 1, };'],
    ]);
  });

  it('the branches of a group each start from the depth of its #if: alternative function heads open one body', () => {
    const src = '#ifdef OLD\nint f(int a) {\n#else\nint f(long a) {\n#endif\n\treturn 0;\n}\nint after;';
    expect(statementsOf(src)).toEqual([
      [2, 'int f(int a)'],
      [4, 'int f(long a)'],
      [8, 'int after;'],
    ]);
  });

  it('a group whose branches end at different depths continues at the lowest: no build reads deeper', () => {
    // libs' CONFIG_COMPAT pattern, inside a body: `} else {` only when the option is set.
    const compat =
      'int f(void) {\n#ifdef CONFIG_COMPAT\n\tif (a) {\n\t\tx();\n\t} else {\n#endif\n\t\ty();\n#ifdef CONFIG_COMPAT\n\t}\n#endif\n\treturn 0;\n}\nint after;';
    expect(statementsOf(compat).map(([, s]) => s)).toContain('int after;');
    // The last branch of each group would leave the reading one brace deep: the parameter would vanish.
    const skewed =
      '#ifdef CONFIG_X\n#else\nint f(void) {\n#endif\n#ifndef CONFIG_X\n}\n#else\n#endif\nmodule_param(p, int, 0444);';
    expect(statementsOf(skewed)).toEqual([
      [3, 'int f(void)'],
      [9, 'module_param(p, int, 0444);'],
    ]);
  });

  it('a stray } ends what came before it; the file’s last statement needs no ;', () => {
    expect(statementsOf('int a } int b;\nDECLARE_PARAMS()\n')).toEqual([
      [1, 'int b;'],
      [2, 'DECLARE_PARAMS()'],
    ]);
  });
});

describe('statement tokens', () => {
  it('tokens keep their offsets in the text; closing and splitTokens follow nesting', () => {
    const text = 'f(a, (b, c), "x,y")';
    const t = tokens(text);
    expect(t.map((k) => k.text)).toEqual(['f', '(', 'a', ',', '(', 'b', ',', 'c', ')', ',', '"x,y"', ')']);
    expect(text.slice(t[10]!.start, t[10]!.end)).toBe('"x,y"');
    expect(closing(t, 1)).toBe(11);
    expect(splitTokens(t, ',', 2, 11)).toEqual([
      [2, 3],
      [4, 9],
      [10, 11],
    ]);
  });
});

/** A fake build model: a presence per line (lines not listed are compiled everywhere the file is). */
function presences(byLine: Record<number, Presence>): { presence: (path: string, line: number) => Presence } {
  const all = viewMask('kmod');
  return { presence: (_p, line) => byLine[line] ?? { always: all, maybe: all } };
}
const KMOD = viewMask('kmod');
const KMOD_X86 = 1 << CONFIGS.find((c) => c.view === 'kmod' && c.arch === 'x86_64')!.index;
const NOWHERE = { always: 0, maybe: 0 };
const MAYBE = { always: 0, maybe: KMOD };

function compiled(src: string, byLine: Record<number, Presence>) {
  const c = cText(src);
  const f = { path: 'driver/main.c', topLevel: topLevelStatements(c.text, scanDirectives(c.text)) };
  return compiledStatements(f, presences(byLine)).map((s) => ({
    text: s.pieces.map((p) => p.text.replace(/\s+/g, ' ')).join(' '),
    line: s.pieces[0]!.line,
    presence: s.presence,
    ...(s.undecided ? { undecided: true } : {}),
  }));
}

describe('compiledStatements: each build reads the pieces it compiles', () => {
  it('a statement with one presence is read once, and not at all where no build compiles it', () => {
    expect(
      compiled('int a;\n#if 0\nint b;\n#endif\n#ifdef CONFIG_X\nint c;\n#endif', { 3: NOWHERE, 6: MAYBE }),
    ).toEqual([
      { text: 'int a;', line: 1, presence: { always: KMOD, maybe: KMOD } },
      { text: 'int c;', line: 6, presence: MAYBE },
    ]);
  });

  it('pieces no build compiles are left out of the statement', () => {
    expect(compiled('#if 0\n__weak a\n__weak a\n#endif\n__weak bool x;', { 2: NOWHERE, 3: NOWHERE })).toEqual([
      { text: '__weak bool x;', line: 5, presence: { always: KMOD, maybe: KMOD } },
    ]);
  });

  it('a ; no build compiles does not end the statement: it goes on into the next one', () => {
    // `__weak bool` + `is_sampling;`: the `; int` between them is dead code.
    expect(compiled('__weak bool\n#if 0\n; int\n#endif\nis_sampling;', { 3: NOWHERE })).toEqual([
      { text: '__weak bool is_sampling;', line: 1, presence: { always: KMOD, maybe: KMOD } },
    ]);
  });

  it('builds that compile different pieces read different statements', () => {
    const src = 'module_param(a, int,\n#ifdef CONFIG_X86\n0444\n#else\n0644\n#endif\n);';
    const x86 = { always: KMOD_X86, maybe: KMOD_X86 };
    const rest = { always: KMOD & ~KMOD_X86, maybe: KMOD & ~KMOD_X86 };
    expect(compiled(src, { 3: x86, 5: rest })).toEqual([
      { text: 'module_param(a, int, 0444 );', line: 1, presence: x86 },
      { text: 'module_param(a, int, 0644 );', line: 1, presence: rest },
    ]);
  });

  it('a piece some build may or may not compile leaves its text unknown', () => {
    expect(
      compiled('module_param(a, int,\n#ifdef CONFIG_X\n0444\n#else\n0644\n#endif\n);', { 3: MAYBE, 5: MAYBE }),
    ).toEqual([
      { text: 'module_param(a, int, 0444 0644 );', line: 1, presence: { always: 0, maybe: KMOD }, undecided: true },
    ]);
  });
});

describe('macrosThatMayDeclare', () => {
  const defs = (list: Array<[string, string[] | null, string]>): Map<string, MacroDef> =>
    new Map(list.map(([name, params, body]) => [name, { name, params, body }]));

  it('macros that name a declaring name, paste tokens, or name such a macro', () => {
    const m = defs([
      ['PARAM', ['n'], 'module_param(n, int, 0444)'],
      ['MAP_SECTION', null, 'SEC(".maps")'],
      ['WEAK', null, '__attribute__((weak))'],
      ['CAT', ['a', 'b'], 'a ## b'],
      ['VIA', ['n'], 'PARAM(n)'],
      ['VIA2', null, 'VIA'],
      ['PERM', null, '0644'],
      ['SIZE', null, '(PERM + 1)'],
    ]);
    expect([...macrosThatMayDeclare(m)].sort()).toEqual(['CAT', 'MAP_SECTION', 'PARAM', 'VIA', 'VIA2', 'WEAK']);
  });

  it('with the file’s own definitions, those no longer in force at its end included', () => {
    const own: MacroDef[] = [{ name: 'GONE', params: ['n'], body: 'module_param(n, int, 0)' }];
    expect([...macrosThatMayDeclare(defs([['USES_GONE', null, 'GONE(x)']]), own)].sort()).toEqual([
      'GONE',
      'USES_GONE',
    ]);
  });
});

describe('module parameters as read from a statement', () => {
  const param = (text: string) => readModuleParam(text, tokens(text));

  it('each declaring call, by its arguments', () => {
    expect(param('module_param(verbose, bool, 0444)')).toEqual({
      name: 'verbose',
      type: 'bool',
      perm: '0444',
      access: null,
      line: 0,
    });
    expect(param('module_param_named(v, var, uint, S_IRUGO)')).toMatchObject({
      name: 'v',
      type: 'uint',
      perm: 'S_IRUGO',
      access: null,
    });
    expect(param('module_param_string(s, buf, sizeof(buf), 0644)')).toMatchObject({
      name: 's',
      type: 'string',
      perm: '0644',
    });
    expect(param('module_param_cb(dim, &(dim_ops), &dim, 0644)')).toMatchObject({
      name: 'dim',
      type: 'callback',
      access: { ops: 'dim_ops' },
    });
    expect(param('module_param_call(dim, set_dim, NULL, &dim, 0644)')).toMatchObject({
      type: 'callback',
      access: { set: 'set_dim', get: 'NULL' },
    });
    expect(param('module_param_array(ids, int, &n_ids, 0444)')).toMatchObject({
      name: 'ids',
      type: 'array of int',
      perm: '0444',
      access: null,
    });
    expect(param('module_param_array_named(ids, id_list, uint, NULL, 0444)')).toMatchObject({
      name: 'ids',
      type: 'array of uint',
    });
    expect(param('module_param_unsafe(fast, bool, 0644)')).toMatchObject({ name: 'fast', type: 'bool' });
    expect(param('module_param_hw_named(irq, irq_nr, int, irq, 0444)')).toMatchObject({ name: 'irq', type: 'int' });
    expect(param('module_param_cb_unsafe(dim, &dim_ops, &dim, 0644)')).toMatchObject({
      type: 'callback',
      access: { ops: 'dim_ops' },
    });
  });

  it('a call with the wrong number of arguments, or no call, declares nothing', () => {
    expect(param('constructor(a, b, c)')).toBeNull();
    expect(param('module_param(verbose, bool)')).toBeNull();
    expect(param('x = module_param(a, b, c)')).toBeNull();
    expect(param('module_param(a, b, c')).toBeNull();
  });

  it('a kernel_param_ops definition says which of .set and .get it has', () => {
    const ops = (text: string) => readParamOps(text, tokens(text));
    expect(ops('static const struct kernel_param_ops o = { .set = s, .get = g, }')).toEqual({
      name: 'o',
      set: true,
      get: true,
      line: 0,
    });
    expect(ops('const struct kernel_param_ops o = { .get = g, .set = NULL }')).toMatchObject({ set: false, get: true });
    expect(ops('struct kernel_param_ops o = { 0, s, g }')).toMatchObject({ set: null, get: null });
    expect(ops('struct kernel_param_ops *p')).toBeNull();
  });

  it('null pointers however they are spelled', () => {
    for (const e of ['NULL', '0', '(void *)0', '((void*) 0)', '0x0', '0UL']) expect(isNullPointer(e), e).toBe(true);
    for (const e of ['set_dim', '1', 'param_set_ulong']) expect(isNullPointer(e), e).toBe(false);
  });

  it('permissions compare as bits, with the kernel’s mode constants', () => {
    expect(permissionText('0444')).toBe('0444');
    expect(permissionText('S_IRUGO')).toBe('0444');
    expect(permissionText('S_IRUSR | S_IWUSR | S_IRGRP')).toBe('0640');
    expect(permissionText('(S_IRUGO | S_IWUSR)')).toBe('0644');
    expect(permissionText('292')).toBe('0444');
    expect(permissionText('0')).toBe('0');
    expect(permissionText('PERM_FROM_NOWHERE')).toBe('PERM_FROM_NOWHERE');
  });
});

describe('bpf maps and globals as read from a statement', () => {
  const modern = (text: string) => readBpfStatement(text, tokens(text), 'modern');
  const MAP =
    'struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, N); __type(key, uint32_t); __type(value, struct s); }';

  it('a map, its attributes written in any order and spelling', () => {
    const want = {
      name: 'm',
      probe: 'modern',
      type: 'BPF_MAP_TYPE_ARRAY',
      keyType: 'uint32_t',
      valueType: 'struct s',
      maxEntriesExpr: 'N',
    };
    for (const attrs of [
      '__weak SEC(".maps")',
      'SEC(".maps") __weak',
      '__attribute__((weak)) SEC(".maps")',
      '__attribute__((__weak__, section(".maps")))',
      'SEC(".ma" "ps")',
    ]) {
      expect(modern(`${MAP} m ${attrs}`), attrs).toMatchObject({ maps: [want], globals: [] });
    }
    expect(modern(`__weak ${MAP} m SEC(".maps")`).maps).toMatchObject([want]);
  });

  it('a declaration in the maps section that is no map definition is unreadable', () => {
    expect(modern('struct my_map m SEC(".maps")')).toMatchObject({
      maps: [],
      unreadable: expect.stringContaining('".maps"'),
    });
    expect(modern('struct { int (*type)[2]; } m SEC(".maps")').unreadable).toBeTruthy();
  });

  it('weak globals: each declarator, its section, type and array bound', () => {
    expect(modern('__weak const volatile uint8_t t[PPM_EVENT_MAX]').globals).toMatchObject([
      { name: 't', rodata: true, type: 'uint8_t', arraySize: 'PPM_EVENT_MAX', init: null },
    ]);
    expect(modern('bool __weak a, b = true').globals).toMatchObject([
      { name: 'a', rodata: false, type: 'bool', init: null },
      { name: 'b', type: 'bool', init: 'true' },
    ]);
    expect(modern('__weak void *p = NULL').globals).toMatchObject([
      { name: 'p', type: 'void *', init: 'NULL', rodata: false },
    ]);
    expect(modern('__weak const char *s').globals).toMatchObject([{ name: 's', type: 'char *', rodata: false }]);
    expect(modern('__weak char * const s').globals).toMatchObject([{ name: 's', type: 'char *', rodata: true }]);
    expect(modern('volatile const __weak uint64_t v = 1').globals).toMatchObject([
      { name: 'v', rodata: true, type: 'uint64_t' },
    ]);
  });

  it('what is not an object of a data section is no global', () => {
    for (const text of [
      '__weak int f(void)',
      'extern __weak int x',
      'static __weak int x',
      'typedef __weak int t',
      'int plain',
      '__weak int (*fp)(void)',
    ]) {
      expect(modern(text).globals, text).toEqual([]);
    }
  });

  it('a legacy map, its section spelled by __bpf_section or an attribute', () => {
    const body =
      'm = { .type = BPF_MAP_TYPE_ARRAY, .key_size = sizeof(uint32_t), .value_size = sizeof(struct s), .max_entries = N, }';
    const want = {
      name: 'm',
      probe: 'legacy',
      type: 'BPF_MAP_TYPE_ARRAY',
      keyType: 'uint32_t',
      valueType: 'struct s',
      keySizeExpr: 'sizeof(uint32_t)',
      maxEntriesExpr: 'N',
    };
    for (const text of [
      `struct bpf_map_def __bpf_section("maps") ${body}`,
      `struct bpf_map_def ${body.replace(' =', ' __attribute__((section("maps"), used)) =')}`,
    ]) {
      expect(readBpfStatement(text, tokens(text), 'legacy').maps, text).toMatchObject([want]);
    }
  });

  it('fields named like JavaScript object properties are fields like any other', () => {
    const text = 'struct bpf_map_def SEC("maps") m = { .constructor = 1, .__proto__ = 2 }';
    expect(readBpfStatement(text, tokens(text), 'legacy').maps).toMatchObject([
      { name: 'm', type: '?', maxEntriesExpr: null },
    ]);
  });
});

describe('readTextDeclarations on crafted input', () => {
  it('one declaration of 150k weak globals is read whole (no call with as many arguments)', () => {
    const path = 'driver/modern_bpf/maps/maps.h';
    const c = cText(`__weak int ${Array.from({ length: 150_000 }, (_, i) => `g${i}`).join(', ')};`);
    const directives = scanDirectives(c.text);
    const f = { path, directives, topLevel: topLevelStatements(c.text, directives) } as unknown as FileFacts;
    const modern = viewMask('modern');
    const model = {
      presence: () => ({ always: modern, maybe: modern }),
      live: () => true,
      scope: () => ({ macros: new Map(), ambiguous: new Map() }),
    } as unknown as BuildModel;
    const warnings: Warning[] = [];
    const d = readTextDeclarations([f], { model, rev: 'head', warnings, onMacro: () => {} });
    expect(d.globals.length).toBe(150_000);
    expect(d.globals[149_999]!.value).toMatchObject({ name: 'g149999', type: 'int', line: 1 });
    expect(warnings).toEqual([]);
  });
});
