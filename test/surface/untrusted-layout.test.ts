/**
 * Adversarial edits to the structs userspace shares with the drivers, on the demo driver tree:
 * each changes (or keeps) the layout as gcc computes it, with a construct a reader of the
 * declarations alone would get wrong. Same harness as untrusted.test.ts (adversarial.ts): every case pins the
 * rules that report, the verdict and every warning.
 */
import { describe } from 'vitest';
import { editFile, setFile } from '../rules/tester.js';
import { check, locAt, type Outcome } from './adversarial.js';

const RINGBUF = 'driver/ppm_ringbuffer.h';
const STRUCTS = 'driver/modern_bpf/shared_definitions/struct_definitions.h';
const SHARED_DIR = 'driver/modern_bpf/shared_definitions';
const CAPTURE_SETTINGS = 'struct capture_settings {';

const inRingbuf = editFile(RINGBUF);
const inStructs = editFile(STRUCTS);

const LAYOUT = (name: string, message?: RegExp): Outcome => ({
  rules: ['struct-layout-changed'],
  verdict: 'fail',
  message: message ?? new RegExp(`struct ${name} layout changed`),
});
const NO_CHANGE: Outcome = { rules: [], verdict: 'pass' };
/** A struct whose layout is not known also leaves the size of a bpf map holding it unknown. */
const MAP_VALUE_UNKNOWN =
  /the value size of bpf map \w+ at head: its value cannot be computed \(sizeof\(struct \w+\)\)/;

describe('two spellings of one LP64 type are one type', () => {
  check({
    name: 'uint64_t spelled unsigned long (LP64: same layout) is no change',
    head: inRingbuf(['\tvolatile uint64_t n_evts;', '\tvolatile unsigned long n_evts;']),
    expect: NO_CHANGE,
  });
  check({
    name: 'uint64_t spelled size_t, unsigned long int, __u64 and long unsigned is no change',
    head: inRingbuf(
      ['\tvolatile uint64_t n_evts;', '\tvolatile size_t n_evts;'],
      ['\tvolatile uint64_t n_drops_buffer;', '\tvolatile unsigned long int n_drops_buffer;'],
      ['\tvolatile uint64_t n_drops_pf;', '\tvolatile long unsigned n_drops_pf;'],
    ),
    expect: NO_CHANGE,
  });
  check({
    name: 'unsigned long narrowed to uint32_t is a change, reported with the types as spelled',
    base: inRingbuf(['\tvolatile uint64_t n_evts;', '\tvolatile unsigned long n_evts;']),
    head: inRingbuf(['\tvolatile unsigned long n_evts;', '\tvolatile uint32_t n_evts;']),
    expect: LAYOUT('ppm_ring_buffer_info', /n_evts changed from unsigned long \(size 8\) to uint32_t \(size 4\)/),
  });
  check({
    name: 'uint64_t made signed (long) is still a change',
    head: inRingbuf(['\tvolatile uint64_t n_evts;', '\tvolatile long n_evts;']),
    expect: LAYOUT('ppm_ring_buffer_info', /n_evts changed from uint64_t \(size 8\) to long \(size 8\)/),
  });
});

describe('typedefs are seen through the include tree, as macros are', () => {
  const withTypedef = inStructs([
    'struct counter_map {\n\tuint64_t n_evts;',
    'typedef uint64_t cnt_t;\n\nstruct counter_map {\n\tcnt_t n_evts;',
  ]);
  check({
    name: 'a typedef narrowed, with the old typedef repeated in a file the header never includes',
    base: withTypedef,
    head: [
      inStructs(['typedef uint64_t cnt_t;', 'typedef uint32_t cnt_t;']),
      editFile('driver/dynamic_params_table.c')([
        '#include "ppm_events_public.h"',
        '#include "ppm_events_public.h"\ntypedef uint64_t cnt_t;',
      ]),
    ],
    expect: LAYOUT('counter_map'),
  });
  check({
    name: 'a typedef moved unchanged into an included header is no change',
    base: withTypedef,
    head: [
      inStructs(['typedef uint64_t cnt_t;', '#include "cnt.h"']),
      setFile(`${SHARED_DIR}/cnt.h`, '#pragma once\ntypedef uint64_t cnt_t;\n'),
    ],
    expect: NO_CHANGE,
  });
  check({
    name: 'a typedef the header takes from its includers, defined differently by two of them',
    base: withTypedef,
    head: [
      inStructs(['typedef uint64_t cnt_t;\n', '']),
      editFile('driver/dynamic_params_table.c')([
        '#include "ppm_events_public.h"',
        '#include "ppm_events_public.h"\ntypedef uint64_t cnt_t;',
      ]),
      editFile('driver/flags_table.c')([
        '#include "ppm_events_public.h"',
        '#include "ppm_events_public.h"\ntypedef uint32_t cnt_t;',
      ]),
    ],
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        (h) =>
          new RegExp(
            `the layout of struct counter_map cannot be computed \\(n_evts: typedef cnt_t has definitions that differ \\(${locAt(h, 'driver/dynamic_params_table.c', 'typedef uint64_t cnt_t;')} and ${locAt(h, 'driver/flags_table.c', 'typedef uint32_t cnt_t;')}\\)`,
          ),
        MAP_VALUE_UNKNOWN,
      ],
    },
  });
});

describe('#pragma pack as gcc applies it: one state per translation unit, the operator form too', () => {
  check({
    name: '_Pragma("pack(push, 1)") before a shared struct',
    head: inStructs(
      [CAPTURE_SETTINGS, `_Pragma("pack(push, 1)")\n${CAPTURE_SETTINGS}`],
      ['struct counter_map {', '_Pragma("pack(pop)")\nstruct counter_map {'],
    ),
    expect: LAYOUT('capture_settings', /struct capture_settings layout changed \(size 24 → 17\)/),
  });
  check({
    name: '_Pragma through macros of another header, with stringification (#define DO_PRAGMA(x) _Pragma(#x))',
    head: [
      setFile(
        `${SHARED_DIR}/compat.h`,
        '#pragma once\n#define DO_PRAGMA(x) _Pragma(#x)\n#define PACKED_BEGIN(n) DO_PRAGMA(pack(push, n))\n#define PACKED_END DO_PRAGMA(pack(pop))\n',
      ),
      inStructs(
        ['#pragma once', '#pragma once\n#include "compat.h"'],
        [CAPTURE_SETTINGS, `PACKED_BEGIN(2)\n${CAPTURE_SETTINGS}`],
        ['struct counter_map {', 'PACKED_END\nstruct counter_map {'],
      ),
    ],
    expect: LAYOUT('capture_settings', /size 24 → 18/),
  });
  check({
    name: 'a use of a pragma macro whose arguments are longer than the model reads (a long comment inside): not known',
    head: [
      setFile(`${SHARED_DIR}/compat.h`, '#pragma once\n#define PACKED_BEGIN(n) _Pragma("pack(push, 1)")\n'),
      inStructs(
        ['#pragma once', '#pragma once\n#include "compat.h"'],
        [CAPTURE_SETTINGS, `PACKED_BEGIN(1 /* ${'padding '.repeat(600)} */)\n${CAPTURE_SETTINGS}`],
      ),
    ],
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /the layout of struct (capture_settings|counter_map|auxiliary_map) cannot be computed \(the #pragma pack in force/,
        MAP_VALUE_UNKNOWN,
      ],
    },
  });
  check({
    name: '#pragma pack(push, 1) in a header included just before a shared struct',
    head: [
      inStructs(['#pragma once', '#pragma once\n#include "pack1.h"']),
      setFile(`${SHARED_DIR}/pack1.h`, '#pragma pack(push, 1)\n'),
    ],
    expect: LAYOUT('capture_settings'),
  });
  check({
    name: 'headers that push and pop around a new struct leave the shared ones as they were',
    head: [
      setFile(`${SHARED_DIR}/pack_begin.h`, '#pragma pack(push, 1)\n'),
      setFile(`${SHARED_DIR}/pack_end.h`, '#pragma pack(pop)\n'),
      inStructs([
        CAPTURE_SETTINGS,
        `#include "pack_begin.h"\nstruct wire_only { uint8_t a; uint64_t b; };\n#include "pack_end.h"\n${CAPTURE_SETTINGS}`,
      ]),
    ],
    expect: NO_CHANGE,
  });
  check({
    name: 'a pack cap given by a name (gcc reads a push label, clang expands a macro) is not known',
    head: inStructs(['#pragma once', '#pragma once\n#pragma pack(push, hdr_pack)']),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /the layout of struct (capture_settings|counter_map|auxiliary_map) cannot be computed \(the #pragma pack in force at its closing brace is not known/,
        MAP_VALUE_UNKNOWN,
      ],
    },
  });
  check({
    name: "a shared header included by the kernel module under a pack cap (its structs take the includer's cap): not known",
    head: editFile('driver/main.c')([
      '#include "ppm_events_public.h"',
      '#include "ppm_events_public.h"\n#pragma pack(push, 1)\n#include "ppm_ringbuffer.h"\n#pragma pack(pop)',
    ]),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /the layout of struct ppm_ring_buffer_info cannot be computed for kernel module \(all architectures\) \(the #pragma pack in force/,
      ],
    },
  });
});

describe('macros a file defines before including a shared header apply to the header', () => {
  const inMain = editFile('driver/main.c');
  check({
    name: "main.c redefines uint64_t, then includes the ring-buffer header: the kernel module's layout changes",
    head: inMain([
      '#include "ppm_events_public.h"',
      '#include "ppm_events_public.h"\n#define uint64_t uint32_t\n#include "ppm_ringbuffer.h"',
    ]),
    expect: LAYOUT('ppm_ring_buffer_info', /size 40 → 24/),
  });
  check({
    name: 'the same through a header main.c includes first',
    head: [
      setFile('driver/redefine.h', '#pragma once\n#define uint64_t uint32_t\n'),
      inMain([
        '#include "ppm_events_public.h"',
        '#include "ppm_events_public.h"\n#include "redefine.h"\n#include "ppm_ringbuffer.h"',
      ]),
    ],
    expect: LAYOUT('ppm_ring_buffer_info', /size 40 → 24/),
  });
  check({
    name: 'a macro the header does not use, defined before including it, changes nothing',
    head: inMain([
      '#include "ppm_events_public.h"',
      '#include "ppm_events_public.h"\n#define UNRELATED_FLAG 1\n#include "ppm_ringbuffer.h"',
    ]),
    expect: NO_CHANGE,
  });
});

describe('attributes reach the layout where gcc reads them, through macros too', () => {
  const SAMPLING = '\tuint32_t sampling_ratio;';
  check({
    name: '__attribute__((packed)) through a macro after the closing brace',
    head: inStructs(
      ['#pragma once', '#pragma once\n#define MY_PACKED __attribute__((packed))'],
      [`${SAMPLING}\n};`, `${SAMPLING}\n} MY_PACKED;`],
    ),
    expect: LAYOUT('capture_settings', /size 24 → 17/),
  });
  check({
    name: 'a packing macro on the line after the closing brace',
    head: inStructs(
      ['#pragma once', '#pragma once\n#define MY_PACKED __attribute__((packed))'],
      [`${SAMPLING}\n};`, `${SAMPLING}\n}\nMY_PACKED\n;`],
    ),
    expect: LAYOUT('capture_settings', /size 24 → 17/),
  });
  check({
    name: '_Alignas(16) on a field',
    head: inStructs([SAMPLING, '\t_Alignas(16) uint32_t sampling_ratio;']),
    expect: LAYOUT('capture_settings', /size 24 → 32\): size 24 → 32, alignment 8 → 16/),
  });
  check({
    name: 'aligned(N) through a function-like macro on a field',
    head: inStructs(
      ['#pragma once', '#pragma once\n#define ALIGNED(n) __attribute__((aligned(n)))'],
      [SAMPLING, '\tuint32_t sampling_ratio ALIGNED(32);'],
    ),
    expect: LAYOUT('capture_settings', /sampling_ratio moved from offset 16 to 32/),
  });
  check({
    name: '[[gnu::aligned(16)]] on a field',
    head: inStructs([SAMPLING, '\t[[gnu::aligned(16)]] uint32_t sampling_ratio;']),
    expect: LAYOUT('capture_settings', /alignment 8 → 16/),
  });
  check({
    name: 'a typedef that lowers the alignment of a 64-bit counter',
    head: inStructs(
      [
        'struct counter_map {\n\tuint64_t n_evts;',
        'typedef uint64_t u64_a4 __attribute__((aligned(4)));\n\nstruct counter_map {\n\tuint32_t n_small;\n\tu64_a4 n_evts;',
      ],
      ['\tuint64_t n_drops_buffer;\n};', '\tu64_a4 n_drops_buffer;\n};'],
    ),
    expect: LAYOUT('counter_map', /n_evts moved from offset 0 to 4/),
  });
  const packedSettings = inStructs([`${SAMPLING}\n};`, `${SAMPLING}\n} __attribute__((packed));`]);
  check({
    name: 'an annotation gcc ignores only while the tree does not define it (__rcu defined as an alignment)',
    head: inStructs(
      ['#pragma once', '#pragma once\n#define __rcu __attribute__((aligned(32)))'],
      [SAMPLING, '\tuint32_t sampling_ratio __rcu;'],
    ),
    expect: LAYOUT('capture_settings', /sampling_ratio moved from offset 16 to 32/),
  });
  check({
    name: 'a packed struct whose attribute is moved into a comment is no longer packed',
    base: inStructs([`${SAMPLING}\n};`, `${SAMPLING}\n} _packed;`]),
    head: inStructs([`${SAMPLING}\n} _packed;`, `${SAMPLING}\n} /* _packed, __attribute__((packed)) */;`]),
    expect: LAYOUT('capture_settings', /size 17 → 24/),
  });
  check({
    name: 'the same annotation, undefined in the tree, changes nothing',
    head: inStructs([SAMPLING, '\tuint32_t sampling_ratio __rcu;']),
    expect: NO_CHANGE,
  });
  check({
    name: '#define __attribute__(x) erases the packed attribute of a struct',
    base: packedSettings,
    head: inStructs(['#pragma once', '#pragma once\n#define __attribute__(x)']),
    expect: LAYOUT('capture_settings', /size 17 → 24/),
  });
  check({
    name: '#define packed erases the attribute it names',
    base: packedSettings,
    head: inStructs(['#pragma once', '#pragma once\n#define packed']),
    expect: LAYOUT('capture_settings', /size 17 → 24/),
  });
  check({
    name: 'an attribute after a typedef name belongs to the typedef: packed there is ignored (gcc warns)',
    head: inStructs([
      `${SAMPLING}\n};`,
      `${SAMPLING}\n};\ntypedef struct capture_settings settings_t __attribute__((packed));`,
    ]),
    expect: NO_CHANGE,
  });
  check({
    name: "aligned without a value (the target's largest: 8 on s390x, 16 elsewhere) is not known",
    head: inStructs([SAMPLING, '\tuint32_t sampling_ratio __attribute__((aligned));']),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /the layout of struct capture_settings cannot be computed \(sampling_ratio: attribute aligned without a value/,
        MAP_VALUE_UNKNOWN,
      ],
    },
  });
});

describe('enums are as wide as gcc makes them', () => {
  const withEnumField = inStructs([
    CAPTURE_SETTINGS,
    `enum drop_mode { DM_OFF, DM_ON };\n\n${CAPTURE_SETTINGS}\n\tenum drop_mode mode;`,
  ]);
  check({
    name: 'an enum of a shared struct made packed (1 byte)',
    base: withEnumField,
    head: inStructs(['enum drop_mode {', 'enum __attribute__((packed)) drop_mode {']),
    expect: LAYOUT('capture_settings', /mode changed from enum \(size 4\) to enum \(size 1\)/),
  });
  check({
    name: 'an enum of a shared struct given a value over 32 bits (8 bytes)',
    base: withEnumField,
    head: inStructs(['DM_OFF, DM_ON };', 'DM_OFF, DM_ON, DM_ALL = 0x100000000 };']),
    expect: LAYOUT('capture_settings', /mode changed from enum \(size 4\) to enum \(size 8\)/),
  });
  check({
    name: 'a value added that still fits in int is no layout change',
    base: withEnumField,
    head: inStructs(['DM_OFF, DM_ON };', 'DM_OFF, DM_ON, DM_SOME = 1 << 20 };']),
    expect: NO_CHANGE,
  });
});

describe('bounded work on crafted pragmas', () => {
  check({
    name: '30k _Pragma operators on one line (no pack among them)',
    head: inStructs(['#pragma once', `#pragma once\n${'_Pragma("GCC diagnostic push") '.repeat(30_000)}`]),
    expect: NO_CHANGE,
  });
  check({
    name: '20k uses of a macro expanding to _Pragma, each opening an argument list it never closes (in #if 0)',
    head: inStructs([
      '#pragma once',
      `#pragma once\n#define PB(n) _Pragma("pack(push, 1)")\n#if 0\n${'PB( '.repeat(20_000)}\n#endif`,
    ]),
    expect: NO_CHANGE,
  });
});
