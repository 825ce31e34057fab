/**
 * `#define`s in filler and program code: read per file (extract/code/defines.ts, code-bodies.ts)
 * and folded per revision into the functions that expand them (surface/code-defines.ts).
 */
import { describe, expect, it } from 'vitest';
import { cText } from '../../src/parse/c-text.js';
import { kernelVersion } from '../../src/parse/conditions.js';
import { codeDelta } from '../../src/rules/schema/code-pairs.js';
import { defineIndex, withDefines } from '../../src/surface/code-defines.js';
import { extractCodeBodies } from '../../src/surface/extract/code-bodies.js';
import { defineFacts } from '../../src/surface/extract/code/defines.js';
import { lex } from '../../src/surface/extract/code/lexer.js';
import type { CodeFile, CodeFunction } from '../../src/surface/model.js';

const FILLERS = 'driver/ppm_fillers.c';
const MIN = kernelVersion(3, 10, 0);

const facts = (src: string) => {
  const c = cText(src);
  return defineFacts(lex(c.text), c.text);
};

describe('defineFacts', () => {
  it('reads object-like and function-like definitions and #undef, with the names their bodies use', () => {
    const src = '#define ARG 1\n#define PICK(a, b) ((a) > LIMIT ? (b) : ARG)\n#define PAREN (x) + y\n#undef ARG\n';
    expect(facts(src).map(({ name, text, mentions }) => ({ name, text, mentions }))).toEqual([
      { name: 'ARG', text: '#define ARG = 1', mentions: [] },
      { name: 'PICK', text: '#define PICK ( a , b ) ( ( a ) > LIMIT ? ( b ) : ARG )', mentions: ['ARG', 'LIMIT'] },
      // A space before the parenthesis: an object-like macro whose body starts with one.
      { name: 'PAREN', text: '#define PAREN = ( x ) + y', mentions: ['x', 'y'] },
      { name: 'ARG', text: '#undef ARG', mentions: [] },
    ]);
    expect(facts('#define PAREN(x) + y\n')[0]!.text).not.toBe(facts(src)[2]!.text);
  });

  it('reads a definition as the compiler does: comments and continuations are no change', () => {
    const plain = facts('#define SUM(x, y) ((x) + (y))\n');
    expect(facts('#define SUM(x, y) /* add */ \\\n\t((x) + \\\n\t (y)) // sum\n').map((d) => d.text)).toEqual(
      plain.map((d) => d.text),
    );
  });

  it('records the conditional groups around a definition, and none in the dead branch of #if 0', () => {
    const src = '#if 0\n#define DEAD 1\n#endif\n#ifdef A\n#define X 1\n#else\n#if B\n#define X 2\n#endif\n#endif\n';
    const list = facts(src);
    expect(list.map((d) => [d.name, d.scope.map((g) => g.branch)])).toEqual([
      ['X', [0]],
      ['X', [1, 0]],
    ]);
  });
});

describe('extractCodeBodies: macros', () => {
  const code = (src: string, min = MIN) => extractCodeBodies(FILLERS, src, min);

  it('one entry per name, every definition in order, at its first line', () => {
    const f = code('int f(void) { return 0; }\n#define ARG 1\n#undef ARG\n#define ARG 2\n');
    expect(Object.keys(f.macros!)).toEqual(['ARG']);
    expect(f.macros!.ARG!.line).toBe(2);
    expect(code('int f(void) { return 0; }\n#define ARG 1\n#undef ARG\n#define ARG 3\n').macros!.ARG!.hash).not.toBe(
      f.macros!.ARG!.hash,
    );
    expect(code('int f(void) { return 0; }\n')).not.toHaveProperty('macros');
  });

  it('a definition no supported kernel compiles is left out; kernel branches give compatVariants', () => {
    const dead = code(
      '#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 0)\n#define GET(t) t->old\n#else\n#define GET(t) t->cur\n#endif\n',
    );
    expect(dead.macros!.GET!.hash).toBe(code('#define GET(t) t->cur\n').macros!.GET!.hash);
    expect(dead.macros!.GET).not.toHaveProperty('compatVariants');
    const live = code(
      '#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 0, 0)\n#define GET(t) t->new\n#else\n#define GET(t) t->cur\n#endif\n',
    );
    const cur = code('#define GET(t) t->cur\n').macros!.GET!.hash;
    expect(live.macros!.GET!.compatVariants!.oldest).toEqual([cur, cur, cur, cur]);
    expect(live.macros!.GET!.compatVariants!.newest).not.toBe(cur);
  });

  it('records the macro-case names and the conditions a function uses', () => {
    const f = code(
      'int f(struct event_filler_arguments *args) {\n#if MAX_ARGS > 2\n\tif (flag_on) ASSERT(1);\n#endif\n\treturn val_to_ring(args, ARG, PPME_GENERIC_E, 0, 0);\n}\n',
    );
    // Event codes are enumerators; ASSERT is debug output; lower-case names are in calls and globals.
    expect(f.functions.f!.macroNames).toBe('ARG MAX_ARGS');
  });
});

describe('withDefines', () => {
  const file = (src: string, path = FILLERS, min = MIN): [string, CodeFile] => [
    path,
    extractCodeBodies(path, src, min),
  ];
  const folded = (files: Array<[string, CodeFile]>, path: string, name: string): CodeFunction => {
    const code = Object.fromEntries(files);
    return withDefines(defineIndex(code), path, code[path]!.probe, code[path]!.functions[name]!);
  };
  const FILLER =
    'int f_sys_open_x(struct event_filler_arguments *args) {\n\treturn val_to_ring(args, syscall_get_argument(args, OPEN_FLAGS_ARG), 0, false, 0);\n}\n';

  it('folds the macros a function uses into its hash, and their macros in turn', () => {
    const at = (defs: string) => folded([file(`${defs}\n${FILLER}`)], FILLERS, 'f_sys_open_x');
    const base = at('#define FIRST 1\n#define OPEN_FLAGS_ARG FIRST');
    expect(at('#define FIRST 1\n#define OPEN_FLAGS_ARG FIRST').hash).toBe(base.hash);
    expect(at('#define FIRST 2\n#define OPEN_FLAGS_ARG FIRST').hash).not.toBe(base.hash);
    expect(at('#define FIRST 1\n#define OPEN_FLAGS_ARG (FIRST)').hash).not.toBe(base.hash);
    // A macro nothing uses changes nothing; neither does moving a definition.
    expect(at('#define FIRST 1\n#define OPEN_FLAGS_ARG FIRST\n#define UNUSED 3').hash).toBe(base.hash);
    expect(
      folded(
        [file(`#define OPEN_FLAGS_ARG FIRST\n${FILLER}`), file('#define FIRST 1\n', 'driver/ppm_events.h')],
        FILLERS,
        'f_sys_open_x',
      ).hash,
    ).toBe(base.hash);
  });

  it('returns the function itself when it expands no macro of the tree', () => {
    const [path, f] = file(`#define OTHER 1\n${FILLER}`);
    expect(withDefines(defineIndex({ [path]: f }), path, 'kmod', f.functions.f_sys_open_x!)).toBe(
      f.functions.f_sys_open_x,
    );
  });

  it('resolves a name to the file, else its driver, else the shared files', () => {
    const prog =
      'SEC("tp_btf/sys_exit")\nint BPF_PROG(open_x, struct pt_regs *regs, long ret) {\n\tchar path[MAX_PATH];\n\treturn read(path, MAX_PATH);\n}\n';
    const PROG = 'driver/modern_bpf/programs/open.bpf.c';
    const SIZES = 'driver/modern_bpf/helpers/base/shared_size.h';
    const SHARED = 'driver/ppm_flag_helpers.h';
    const at = (sizes: string, shared: string, own = '') =>
      folded([file(own + prog, PROG, 0n), file(sizes, SIZES, 0n), file(shared, SHARED)], PROG, 'open_x').hash;
    const base = at('#define MAX_PATH 4096\n', '#define MAX_PATH 1\n');
    expect(at('#define MAX_PATH 1024\n', '#define MAX_PATH 1\n')).not.toBe(base);
    // The driver's definition hides the shared one; the file's own hides the driver's.
    expect(at('#define MAX_PATH 4096\n', '#define MAX_PATH 2\n')).toBe(base);
    expect(at('#define MAX_PATH 1\n', '#define MAX_PATH 2\n', '#define MAX_PATH 8\n')).toBe(
      at('#define MAX_PATH 4096\n', '#define MAX_PATH 1\n', '#define MAX_PATH 8\n'),
    );
    // Another driver's definitions are not the program's.
    expect(
      folded([file(prog, PROG, 0n), file('#define MAX_PATH 9\n', 'driver/ppm_events.h')], PROG, 'open_x').hash,
    ).toBe(folded([file(prog, PROG, 0n)], PROG, 'open_x').hash);
  });

  it('a macro changed for newer or for older kernels only is a kernel build matter; for every kernel, a change of the function', () => {
    const defs = (newer: string, older: string) =>
      `#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 0, 0)\n#define OPEN_FLAGS_ARG ${newer}\n#else\n#define OPEN_FLAGS_ARG ${older}\n#endif\n${FILLER}`;
    const at = (src: string) => folded([file(src)], FILLERS, 'f_sys_open_x');
    const base = at(defs('1', '1'));
    expect(codeDelta(base, at(defs('2', '1')))).toBe('compat');
    expect(codeDelta(base, at(defs('1', '2')))).toBe('compat');
    expect(codeDelta(base, at(defs('2', '2')))).toBe('logic');
  });

  it('folds the plumbing-free hashes too: a macro change is never only a counter change', () => {
    const src = (limit: string) =>
      `#define LIMIT ${limit}\nstatic void count(struct counter_map *c, int n) {\n\tif (n > LIMIT) emit(n);\n\tc->n_evts++;\n}\n`;
    const [b, h] = [folded([file(src('1'))], FILLERS, 'count'), folded([file(src('2'))], FILLERS, 'count')];
    expect(b.statsFreeHash).toBeDefined();
    expect(h.statsFreeHash).not.toBe(b.statsFreeHash);
  });
});
