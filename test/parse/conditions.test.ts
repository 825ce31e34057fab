import { describe, expect, it } from 'vitest';
import { CONFIGS, type Arch, type View } from '../../src/parse/build-configs.js';
import { cText } from '../../src/parse/c-text.js';
import {
  configAnswer,
  describeKernel,
  kernelVersion,
  minimumKernel,
  presenceOf,
  walkFile,
  WalkCache,
  type IncludeResolver,
  type Status,
} from '../../src/parse/conditions.js';
import { pragmaMacroNames, scanDirectives, type Directives } from '../../src/parse/directives.js';
import { MAX_INCLUDE_DEPTH, MAX_INCLUDED_FILES } from '../../src/limits.js';

const config = (view: View, arch: Arch = 'x86_64') => CONFIGS.find((c) => c.view === view && c.arch === arch)!;
const KMOD = config('kmod');
const USER = config('userspace');
const NEVER = 0;
const MAYBE = 1;
const ALWAYS = 2;

/** A tree of driver files: `#include "x.h"` names driver/x.h; anything else is outside the tree. */
function tree(files: Record<string, string>) {
  const dirs = new Map<string, Directives>(Object.entries(files).map(([p, s]) => [p, scanDirectives(cText(s).text)]));
  const resolve: IncludeResolver = (_from, inc) => {
    const p = `driver/${inc.path}`;
    const d = dirs.get(p);
    return d ? { path: p, directives: d } : null;
  };
  const walk = (
    path: string,
    cfg = KMOD,
    opts: { minKernel?: bigint; cache?: WalkCache; resolve?: IncludeResolver } = {},
  ) =>
    walkFile(path, dirs.get(path)!, cfg, opts.minKernel ?? 0n, opts.resolve ?? resolve, opts.cache ?? new WalkCache());
  return { dirs, resolve, walk };
}

/** The status of every branch of one file, as lines of C. */
function statuses(lines: string[], cfg = KMOD, minKernel = 0n): Status[] {
  return [...tree({ 'driver/f.c': lines.join('\n') }).walk('driver/f.c', cfg, { minKernel }).branches] as Status[];
}

const V3_10 = kernelVersion(3, 10, 0);

describe('walkFile: which branches a build compiles, three-valued', () => {
  it('#if 0 is never compiled, its #else always', () => {
    expect(statuses(['#if 0', '#else', '#endif'])).toEqual([NEVER, ALWAYS]);
  });

  it('#ifdef of a name the tree never defines is never compiled, in every build', () => {
    for (const c of CONFIGS) expect(statuses(['#ifdef DRIVER_SEMVER_NEVER_DEFINED', '#endif'], c)).toEqual([NEVER]);
  });

  it('#ifdef of an external macro is maybe where it can be set (a kernel option in a kernel build), never elsewhere', () => {
    expect(statuses(['#ifdef CONFIG_COMPAT', '#else', '#endif'])).toEqual([MAYBE, MAYBE]);
    expect(statuses(['#ifdef CONFIG_COMPAT', '#else', '#endif'], USER)).toEqual([NEVER, ALWAYS]);
  });

  it("what every compiler predefines has the compiler's answer (__ELF__, __SIZEOF_LONG_LONG__), in every build", () => {
    for (const c of CONFIGS) {
      expect(statuses(['#ifdef __ELF__', '#else', '#endif'], c)).toEqual([ALWAYS, NEVER]);
      expect(statuses(['#if __SIZEOF_LONG_LONG__ == 8 && defined(__gnu_linux__)', '#else', '#endif'], c)).toEqual([
        ALWAYS,
        NEVER,
      ]);
    }
  });

  it('a compiler version is defined, its value unknown: defined(__GNUC__) is true, __GNUC__ >= 5 is maybe', () => {
    expect(statuses(['#if defined __GNUC__ || __STDC_VERSION__ >= 201112L', '#else', '#endif'], USER)).toEqual([
      ALWAYS,
      NEVER,
    ]);
    expect(statuses(['#if __GNUC__ >= 5', '#else', '#endif'], USER)).toEqual([MAYBE, MAYBE]);
  });

  it('a predefined macro decides per build: __KERNEL__', () => {
    expect(statuses(['#ifdef __KERNEL__', '#else', '#endif'])).toEqual([ALWAYS, NEVER]);
    expect(statuses(['#ifdef __KERNEL__', '#else', '#endif'], USER)).toEqual([NEVER, ALWAYS]);
  });

  it('the #else and #elif after a taken branch are never compiled', () => {
    expect(statuses(['#if 1', '#elif 1', '#else', '#endif'])).toEqual([ALWAYS, NEVER, NEVER]);
  });

  it('after an unknown branch, a true #elif is only maybe, and the #else after it never', () => {
    expect(statuses(['#ifdef CONFIG_COMPAT', '#elif 1', '#else', '#endif'])).toEqual([MAYBE, MAYBE, NEVER]);
  });

  it('a branch inside a dead branch is dead, whatever its own test', () => {
    expect(statuses(['#if 0', '#if 1', '#endif', '#else', '#if 1', '#endif', '#endif'])).toEqual([
      NEVER,
      NEVER,
      ALWAYS,
      ALWAYS,
    ]);
  });

  it('a branch inside a maybe branch is at most maybe', () => {
    expect(statuses(['#ifdef CONFIG_COMPAT', '#if 1', '#endif', '#endif'])).toEqual([MAYBE, MAYBE]);
  });

  it('#define then #ifndef: not compiled; #undef then #ifdef: not compiled', () => {
    expect(statuses(['#define X', '#ifndef X', '#endif', '#undef X', '#ifdef X', '#endif'])).toEqual([NEVER, NEVER]);
  });

  it('a macro is defined only from its #define on', () => {
    expect(statuses(['#ifdef LATE', '#endif', '#define LATE', '#ifdef LATE', '#endif'])).toEqual([NEVER, ALWAYS]);
  });

  it('a #define in a dead branch defines nothing; in a maybe branch, maybe', () => {
    expect(statuses(['#if 0', '#define X 1', '#endif', '#ifdef X', '#endif'])).toEqual([NEVER, NEVER]);
    expect(statuses(['#ifdef CONFIG_COMPAT', '#define X 1', '#endif', '#ifdef X', '#endif'])).toEqual([MAYBE, MAYBE]);
  });

  it('#if evaluates macro values; a value defined only maybe is unknown', () => {
    expect(statuses(['#define MODE 2', '#if MODE == 2', '#endif', '#if MODE > 3', '#endif'])).toEqual([ALWAYS, NEVER]);
    expect(statuses(['#ifdef CONFIG_COMPAT', '#define MODE 3', '#endif', '#if MODE == 3', '#endif'])).toEqual([
      MAYBE,
      MAYBE,
    ]);
  });

  it('an identifier the build never defines is 0 in #if, as in C', () => {
    expect(statuses(['#if DRIVER_SEMVER_NEVER_DEFINED', '#elif !DRIVER_SEMVER_NEVER_DEFINED', '#endif'])).toEqual([
      NEVER,
      ALWAYS,
    ]);
  });
});

describe('walkFile: #include of files of the tree', () => {
  const t = tree({
    'driver/f.c': ['#ifdef FROM_HDR', '#endif', '#include "hdr.h"', '#ifdef FROM_HDR', '#endif'].join('\n'),
    'driver/hdr.h': '#define FROM_HDR 1\n',
    'driver/dead.c': ['#if 0', '#include "hdr.h"', '#endif', '#ifdef FROM_HDR', '#endif'].join('\n'),
    'driver/out.c': ['#include <linux/sched.h>', '#ifdef FROM_HDR', '#endif'].join('\n'),
  });

  it('a macro of an included header counts from the #include on', () => {
    expect([...t.walk('driver/f.c').branches]).toEqual([NEVER, ALWAYS]);
  });

  it('an #include in a dead branch brings nothing', () => {
    expect([...t.walk('driver/dead.c').branches]).toEqual([NEVER, NEVER]);
  });

  it('a header outside the tree defines nothing the tree knows of', () => {
    expect([...t.walk('driver/out.c').branches]).toEqual([NEVER]);
  });

  it('a header that tests the including file’s macros sees them', () => {
    const u = tree({
      'driver/f.c': ['#define WANT_EXTRA', '#include "hdr.h"', '#ifdef EXTRA', '#endif'].join('\n'),
      'driver/g.c': ['#include "hdr.h"', '#ifdef EXTRA', '#endif'].join('\n'),
      'driver/hdr.h': ['#ifdef WANT_EXTRA', '#define EXTRA', '#endif'].join('\n'),
    });
    // One cache for both: the header's effect depends on what the includer defined.
    const cache = new WalkCache();
    expect([...u.walk('driver/f.c', KMOD, { cache }).branches]).toEqual([ALWAYS]);
    expect([...u.walk('driver/g.c', KMOD, { cache }).branches]).toEqual([NEVER]);
  });
});

describe('walkFile: kernel versions over the supported range', () => {
  const lines = [
    '#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 32)',
    '#else',
    '#endif',
    '#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 8, 0)',
    '#else',
    '#endif',
  ];

  it('a branch only for kernels below the minimum is never compiled; a threshold inside the range is maybe', () => {
    expect(statuses(lines, KMOD, V3_10)).toEqual([NEVER, ALWAYS, MAYBE, MAYBE]);
  });

  it('the same for the legacy probe, which is also a kernel build', () => {
    expect(statuses(lines, config('legacy'), V3_10)).toEqual([NEVER, ALWAYS, MAYBE, MAYBE]);
  });

  it('with no stated minimum every threshold is inside the range', () => {
    expect(statuses(lines, KMOD, 0n)).toEqual([MAYBE, MAYBE, MAYBE, MAYBE]);
  });

  it('a threshold exactly at the minimum: below it is dead, at or above it always', () => {
    expect(
      statuses(
        [
          '#if LINUX_VERSION_CODE < KERNEL_VERSION(3, 10, 0)',
          '#endif',
          '#if LINUX_VERSION_CODE >= KERNEL_VERSION(3, 10, 0)',
          '#endif',
        ],
        KMOD,
        V3_10,
      ),
    ).toEqual([NEVER, ALWAYS]);
  });

  it('a version window inside the range is maybe, one above the range never holds', () => {
    const window = [
      '#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 0, 0) && LINUX_VERSION_CODE < KERNEL_VERSION(4, 1, 0)',
      '#endif',
    ];
    expect(statuses(window, KMOD, V3_10)).toEqual([MAYBE]);
  });

  it('outside kernel builds LINUX_VERSION_CODE is not known', () => {
    expect(statuses(lines, USER, V3_10)).toEqual([MAYBE, MAYBE, MAYBE, MAYBE]);
  });

  it('kernelVersion packs as the kernel does (sublevel capped at 255), describeKernel reads it back', () => {
    expect(kernelVersion(5, 8, 0)).toBe(0x050800n);
    expect(kernelVersion(4, 9, 300)).toBe(0x0409ffn);
    expect(describeKernel(kernelVersion(3, 10, 0))).toBe('3.10.0');
  });
});

describe('minimumKernel: the driver’s own #error on old kernels', () => {
  const min = (...files: string[][]) =>
    minimumKernel(
      files.map((l) => ({ directives: scanDirectives(cText(l.join('\n')).text) })),
      KMOD,
    );

  it('is the threshold from which the #error never fires', () => {
    expect(min(['#if LINUX_VERSION_CODE < KERNEL_VERSION(3, 10, 0)', '#error kernel too old', '#endif'])).toBe(V3_10);
  });

  it('counts inside an include guard, and the highest of several files wins', () => {
    expect(
      min(
        [
          '#ifndef Q_H',
          '#define Q_H',
          '#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 14, 0)',
          '#error old',
          '#endif',
          '#endif',
        ],
        ['#if LINUX_VERSION_CODE < KERNEL_VERSION(3, 10, 0)', '#error old', '#endif'],
      ),
    ).toBe(kernelVersion(4, 14, 0));
  });

  it('ignores an #error nested in another condition, or on something else than the version', () => {
    expect(
      min(
        ['#ifdef CONFIG_X', '#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 0, 0)', '#error old', '#endif', '#endif'],
        ['#ifndef __KERNEL__', '#error kernel only', '#endif'],
      ),
    ).toBe(0n);
  });

  it('is 0 when the files state none', () => {
    expect(min(['#define X 1'])).toBe(0n);
  });
});

describe('walkFile: __has_include', () => {
  const t = tree({
    'driver/f.c': ['#if __has_include("hdr.h")', '#endif', '#if __has_include(<linux/bpf.h>)', '#endif'].join('\n'),
    'driver/hdr.h': '',
  });

  it('a header of the tree is there; one outside the tree may or may not be', () => {
    expect([...t.walk('driver/f.c').branches]).toEqual([ALWAYS, MAYBE]);
  });
});

describe('walkFile: #pragma pack', () => {
  const packs = (lines: string[]) => tree({ 'driver/f.h': lines.join('\n') }).walk('driver/f.h').packs;

  it('push sets the cap, pop restores the one before, a plain value sets it', () => {
    expect(
      packs([
        '#pragma pack(push, 1)',
        '#pragma pack(push, 4)',
        '#pragma pack(pop)',
        '#pragma pack(pop)',
        '#pragma pack(2)',
      ]),
    ).toEqual([
      [1, 1, true],
      [2, 4, true],
      [3, 1, true],
      [4, 0, true],
      [5, 2, true],
    ]);
  });

  it('a pragma in a dead branch does nothing; one in a maybe branch makes the cap uncertain from there on', () => {
    expect(
      packs([
        '#if 0',
        '#pragma pack(1)',
        '#endif',
        '#ifdef CONFIG_COMPAT',
        '#pragma pack(push, 1)',
        '#endif',
        '#pragma pack(pop)',
      ]),
    ).toEqual([
      [5, 1, false],
      [7, 0, false],
    ]);
  });
});

describe('walkFile: one #pragma pack state per translation unit', () => {
  it("a header's pragmas carry into the file that includes it, from the #include's line", () => {
    const t = tree({
      'driver/f.c': '#include "pack1.h"\nstruct a { int x; };\n#pragma pack(pop)',
      'driver/pack1.h': '#pragma pack(push, 1)\n',
    });
    expect(t.walk('driver/f.c').packs).toEqual([
      [1, 1, true],
      [3, 0, true],
    ]);
  });

  it("a header's effect is reused only for the same pack state on entry (cache shared across walks)", () => {
    const t = tree({
      'driver/f.c': [
        '#include "h.h"',
        '#pragma pack(pop)',
        '#pragma pack(4)',
        '#include "h.h"',
        '#pragma pack(pop)',
        '#include "pop.h"',
      ].join('\n'),
      'driver/h.h': '#pragma pack(push, 2)\n',
      'driver/pop.h': '#pragma pack(pop)\n',
    });
    const cache = new WalkCache();
    const expected = [
      [1, 2, true],
      [2, 0, true],
      [3, 4, true],
      [4, 2, true],
      [5, 4, true],
    ];
    expect(t.walk('driver/f.c', KMOD, { cache }).packs).toEqual(expected);
    expect(t.walk('driver/f.c', USER, { cache }).packs).toEqual(expected);
  });

  it('the in-tree headers included while a cap is (or may be) in force are listed', () => {
    const t = tree({
      'driver/f.c': [
        '#pragma pack(push, 1)',
        '#include "s.h"',
        '#include <linux/types.h>',
        '#pragma pack(pop)',
        '#include "t.h"',
        '#ifdef CONFIG_X',
        '#pragma pack(2)',
        '#endif',
        '#include "u.h"',
      ].join('\n'),
      'driver/s.h': '#include "nested.h"\n',
      'driver/nested.h': 'int n;\n',
      'driver/t.h': 'int t;\n',
      'driver/u.h': 'int u;\n',
    });
    expect(t.walk('driver/f.c').packedIncludes).toEqual(['driver/s.h', 'driver/nested.h', 'driver/u.h']);
  });

  describe('macros that expand to _Pragma', () => {
    /** A tree scanned knowing its pragma macros, as the surface scans one that defines some. */
    const pragmaTree = (files: Record<string, string>) => {
      const first = Object.values(files).map((src) => scanDirectives(cText(src).text));
      const names = pragmaMacroNames(first);
      const dirs = new Map(Object.entries(files).map(([p, src]) => [p, scanDirectives(cText(src).text, names)]));
      const resolve: IncludeResolver = (_from, inc) => {
        const d = dirs.get(`driver/${inc.path}`);
        return d ? { path: `driver/${inc.path}`, directives: d } : null;
      };
      return (path: string, cfg = KMOD) => walkFile(path, dirs.get(path)!, cfg, 0n, resolve, new WalkCache()).packs;
    };

    it('a use expands with the macros in force there, stringification and other headers included', () => {
      const walk = pragmaTree({
        'driver/compat.h':
          '#define DO_PRAGMA(x) _Pragma(#x)\n#define PACK(n) DO_PRAGMA(pack(push, n))\n#define PACK_END _Pragma("pack(pop)")\n',
        'driver/f.c': '#include "compat.h"\nPACK(2)\nstruct a { int x; };\nPACK_END\n',
      });
      expect(walk('driver/f.c')).toEqual([
        [2, 2, true],
        [4, 0, true],
      ]);
    });

    it('only where the build defines it as one; a definition some builds may not have leaves the cap unknown', () => {
      const walk = pragmaTree({
        'driver/f.c': [
          '#ifdef __KERNEL__',
          '#define BEGIN _Pragma("pack(push, 1)")',
          '#endif',
          '#ifdef CONFIG_X',
          '#define MAYBE _Pragma("pack(push, 1)")',
          '#endif',
          'BEGIN',
          'MAYBE',
        ].join('\n'),
      });
      expect(walk('driver/f.c', KMOD)).toEqual([
        [7, 1, true],
        [8, 1, false],
      ]);
      expect(walk('driver/f.c', USER)).toEqual([]);
    });

    it('a use whose arguments could not be read leaves the cap unknown where the name is a macro', () => {
      const walk = pragmaTree({
        'driver/f.c': [
          '#ifdef __KERNEL__',
          '#define PB(n) _Pragma("pack(push, 1)")',
          '#endif',
          'PB(1',
          '#define X 1',
          ')',
        ].join('\n'),
      });
      expect(walk('driver/f.c', KMOD)).toEqual([[4, 0, false]]);
      expect(walk('driver/f.c', USER)).toEqual([]);
    });
  });
});

describe('walkFile: definitions a later one replaces', () => {
  const walk = (lines: string[]) => tree({ 'driver/f.h': lines.join('\n') }).walk('driver/f.h');

  it('a #define repeated without #undef is replaced and redefined; the first is no longer in force', () => {
    const w = walk(['#define A 1', '#define A 2']);
    expect(w.replaced).toEqual([{ macro: 0, by: 2, redefined: true }]);
    expect([...w.macros]).toEqual([NEVER, ALWAYS]);
  });

  it('#undef then #define: replaced by the #undef, not a redefinition', () => {
    expect(walk(['#define A 1', '#undef A', '#define A 2']).replaced).toEqual([{ macro: 0, by: 2, redefined: false }]);
  });

  it('a definition under an unknown condition, and the one before it, are replaced by a later #undef that every build compiles', () => {
    const w = walk(['#define A 1', '#ifdef CONFIG_COMPAT', '#define A 9', '#endif', '#undef A', '#define A 2']);
    expect(w.replaced).toEqual([
      { macro: 0, by: 5, redefined: false },
      { macro: 1, by: 5, redefined: false },
    ]);
    expect([...w.macros]).toEqual([NEVER, NEVER, ALWAYS]);
  });

  it('an #undef under an unknown condition does not hide a later #undef that every build compiles', () => {
    const w = walk(['#define A 9', '#ifdef CONFIG_COMPAT', '#undef A', '#endif', '#undef A', '#define A 2']);
    expect(w.replaced).toEqual([{ macro: 0, by: 5, redefined: false }]);
    expect([...w.macros]).toEqual([NEVER, ALWAYS]);
  });

  it('a replacement that only maybe happens replaces nothing for sure', () => {
    const w = walk(['#define A 1', '#ifdef CONFIG_COMPAT', '#undef A', '#define A 2', '#endif']);
    expect(w.replaced).toEqual([]);
    expect([...w.macros]).toEqual([ALWAYS, MAYBE]);
  });
});

describe('walkFile: bounded includes', () => {
  it('includes nested deeper than the limit are not followed, with a problem', () => {
    const n = MAX_INCLUDE_DEPTH + 2;
    const files: Record<string, string> = {
      'driver/f.c': '#include "h0.h"\n#ifdef H1\n#endif\n#ifdef DEEPEST\n#endif',
    };
    for (let i = 0; i < n; i++) files[`driver/h${i}.h`] = `#define H${i}\n#include "h${i + 1}.h"`;
    files[`driver/h${n}.h`] = '#define DEEPEST';
    const w = tree(files).walk('driver/f.c');
    expect(w.problems).toEqual([
      `driver/h${MAX_INCLUDE_DEPTH - 1}.h:2: includes nested deeper than ${MAX_INCLUDE_DEPTH} or more than ${MAX_INCLUDED_FILES} files: not followed further`,
    ]);
    expect([...w.branches]).toEqual([ALWAYS, NEVER]);
  });

  it('a header that includes itself ends, with a problem', () => {
    const w = tree({ 'driver/f.c': '#include "loop.h"', 'driver/loop.h': '#include "loop.h"' }).walk('driver/f.c');
    expect(w.problems).toEqual([
      `driver/loop.h:1: includes nested deeper than ${MAX_INCLUDE_DEPTH} or more than ${MAX_INCLUDED_FILES} files: not followed further`,
    ]);
  });

  it('more included files than the budget: the rest are not followed, with a problem', () => {
    const files: Record<string, string> = {
      'driver/f.c': Array.from({ length: MAX_INCLUDED_FILES + 1 }, (_, i) => `#include "h${i}.h"`).join('\n'),
    };
    for (let i = 0; i <= MAX_INCLUDED_FILES; i++) files[`driver/h${i}.h`] = `#define H${i}`;
    files['driver/f.c'] += `\n#ifdef H0\n#endif\n#ifdef H${MAX_INCLUDED_FILES}\n#endif`;
    const w = tree(files).walk('driver/f.c');
    expect(w.problems).toEqual([
      `driver/f.c:${MAX_INCLUDED_FILES + 1}: includes nested deeper than ${MAX_INCLUDE_DEPTH} or more than ${MAX_INCLUDED_FILES} files: not followed further`,
    ]);
    expect([...w.branches]).toEqual([ALWAYS, NEVER]);
  });
});

describe('WalkCache', () => {
  const files = {
    'driver/arch.h': [
      '#include "common.h"',
      '#ifdef __x86_64__',
      '#define ARCH_X86',
      '#endif',
      '#ifdef ARCH_X86',
      '#endif',
    ].join('\n'),
    'driver/plain.h': ['#include "common.h"', '#ifdef COMMON', '#endif', '#ifdef __KERNEL__', '#endif'].join('\n'),
    'driver/kver.h': ['#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 0, 0)', '#endif'].join('\n'),
    'driver/common.h': '#define COMMON 1',
  };

  it('a walk through the cache gives what a fresh walk gives, and the same walk again', () => {
    const t = tree(files);
    const cache = new WalkCache();
    for (const path of Object.keys(files)) {
      for (const c of CONFIGS) {
        const cached = t.walk(path, c, { cache, minKernel: V3_10 });
        expect(cached, `${path} ${c.view} ${c.arch}`).toEqual(t.walk(path, c, { minKernel: V3_10 }));
        expect(t.walk(path, c, { cache, minKernel: V3_10 })).toBe(cached);
      }
    }
  });

  it('a file that tests an architecture macro is walked per architecture; one that does not is one walk for them all', () => {
    const t = tree(files);
    const cache = new WalkCache();
    const [x86, arm] = [config('kmod', 'x86_64'), config('kmod', 'aarch64')];
    const a = t.walk('driver/arch.h', x86, { cache });
    const b = t.walk('driver/arch.h', arm, { cache });
    expect([...a.branches]).toEqual([ALWAYS, ALWAYS]);
    expect([...b.branches]).toEqual([NEVER, NEVER]);
    expect(t.walk('driver/plain.h', arm, { cache })).toBe(t.walk('driver/plain.h', x86, { cache }));
    // __KERNEL__ differs between the kernel module and userspace: not shared.
    expect(t.walk('driver/plain.h', USER, { cache })).not.toBe(t.walk('driver/plain.h', x86, { cache }));
  });

  it('a walk that read the kernel version is not reused for another kernel range; one that did not is', () => {
    const t = tree(files);
    const cache = new WalkCache();
    const old = t.walk('driver/kver.h', KMOD, { cache, minKernel: V3_10 });
    const recent = t.walk('driver/kver.h', KMOD, { cache, minKernel: kernelVersion(5, 0, 0) });
    expect([...old.branches]).toEqual([MAYBE]);
    expect([...recent.branches]).toEqual([NEVER]);
    expect(t.walk('driver/plain.h', KMOD, { cache, minKernel: kernelVersion(5, 0, 0) })).toBe(
      t.walk('driver/plain.h', KMOD, { cache, minKernel: V3_10 }),
    );
  });

  it('a walk is not reused when an include resolves elsewhere', () => {
    const t = tree(files);
    const cache = new WalkCache();
    const withCommon = t.walk('driver/plain.h', KMOD, { cache });
    const without = t.walk('driver/plain.h', KMOD, { cache, resolve: () => null });
    expect([...withCommon.branches]).toEqual([ALWAYS, ALWAYS]);
    expect([...without.branches]).toEqual([NEVER, ALWAYS]);
  });

  it('forgets what the last two revisions did not use', () => {
    const t = tree(files);
    const cache = new WalkCache();
    const first = t.walk('driver/plain.h', KMOD, { cache });
    cache.nextRevision();
    expect(t.walk('driver/plain.h', KMOD, { cache })).toBe(first);
    cache.nextRevision();
    cache.nextRevision();
    const again = t.walk('driver/plain.h', KMOD, { cache });
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('configAnswer and presenceOf', () => {
  it('what each build says of a name no #define of the walk set', () => {
    expect(configAnswer(KMOD, 'LINUX_VERSION_CODE')).toBe('kver');
    expect(configAnswer(USER, 'LINUX_VERSION_CODE')).toBe('ext');
    expect(configAnswer(KMOD, '__KERNEL__')).toBe('def:1');
    expect(configAnswer(USER, '__KERNEL__')).toBe('undef');
    expect(configAnswer(KMOD, 'CONFIG_COMPAT')).toBe('ext');
  });

  it('presenceOf: always where the status is 2, maybe where it is 1 or 2', () => {
    const st: Status[] = CONFIGS.map(() => NEVER);
    st[0] = ALWAYS;
    st[3] = MAYBE;
    expect(presenceOf(st)).toEqual({ always: 0b1, maybe: 0b1001 });
  });
});
