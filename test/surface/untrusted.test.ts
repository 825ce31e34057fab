/**
 * Adversarial edits, as a hostile contributor would try them on the demo driver tree: each
 * either hides a real change behind something the compiler does not build (or builds
 * differently), or tries to knock the check over. Every case pins the exact outcome: which
 * rules report, the verdict, and the warnings that name what the model could not settle.
 * The C model must see what gcc sees (README "Untrusted input").
 */
import { describe } from 'vitest';
import path from 'node:path';
import { readTree } from '../../src/source/scratch.js';
import { lineOf } from '../helpers/lines.js';
import { FIXTURES } from '../helpers/surface.js';
import {
  EVENT_TABLE,
  HEADER,
  editFile,
  inEventTable,
  inFlagsTable,
  inHeader,
  setFile,
  type Change,
  type Tree,
} from '../rules/tester.js';
import { check, locAt, type Outcome } from './adversarial.js';

const RINGBUF = 'driver/ppm_ringbuffer.h';
const SYSCALLS = 'driver/syscall_table.c';
const TP = 'driver/ppm_tp.h';
const MAIN = 'driver/main.c';
const MAPS = 'driver/modern_bpf/maps/maps.h';
const LEGACY_MAPS = 'driver/bpf/maps.h';
const inMain = editFile(MAIN);
const inMaps = editFile(MAPS);

/** The demo's capture_settings map, as written, and the same map retyped. */
const CAPTURE =
  'struct {\n\t__uint(type, BPF_MAP_TYPE_ARRAY);\n\t__uint(max_entries, 1);\n\t__type(key, uint32_t);\n\t__type(value, struct capture_settings);\n} capture_settings __weak SEC(".maps");';
const CAPTURE_HASH = CAPTURE.replace('BPF_MAP_TYPE_ARRAY', 'BPF_MAP_TYPE_HASH');

/** The demo's OPEN_X entry, as written, and the same entry with a 4th param. */
const OPEN_X = [
  '        [PPME_SYSCALL_OPEN_X] = {"open",',
  '                                 EC_FILE | EC_SYSCALL,',
  '                                 EF_CREATES_FD | EF_MODIFIES_STATE,',
  '                                 3,',
  '                                 {{"fd", PT_FD, PF_DEC},',
  '                                  {"name", PT_FSPATH, PF_NA},',
  '                                  {"flags", PT_FLAGS32, PF_HEX, file_flags}}},',
].join('\n');
const OPEN_X_4 = OPEN_X.replace('3,', '4,').replace('file_flags}}},', 'file_flags}, {"mode", PT_UINT32, PF_OCT}}},');

/** The demo's ring-buffer struct and a version with a counter inserted in the middle. */
const RINGBUF_STRUCT =
  'struct ppm_ring_buffer_info {\n\tvolatile uint32_t head;\n\tvolatile uint32_t tail;\n\tvolatile uint64_t n_evts;';
const RINGBUF_INSERTED = RINGBUF_STRUCT.replace(
  'volatile uint32_t tail;',
  'volatile uint32_t tail;\n\tvolatile uint64_t n_extra;',
);

/** The head's real change to OPEN_X (a 4th param), with something wrapped around or beside it. */
const openX = (text: string): Change => inEventTable([OPEN_X, text]);
const inRingbuf = editFile(RINGBUF);

/** A param appended to OPEN_X, needing a SCHEMA minor that was not made. */
const PARAM_APPENDED: Outcome = {
  rules: ['event-param-appended'],
  verdict: 'fail',
  message: /PPME_SYSCALL_OPEN_X gains param 4 'mode'/,
};
const LAYOUT_CHANGED: Outcome = {
  rules: ['struct-layout-changed'],
  verdict: 'fail',
  message: /struct ppm_ring_buffer_info layout changed/,
};

describe('decoys the compiler never builds', () => {
  const decoys: Array<[string, (old: string) => string]> = [
    ['#if 0', (old) => `#if 0\n${old}\n#endif`],
    ['#ifdef of a name the driver never defines', (old) => `#ifdef DRIVER_SEMVER_NEVER_DEFINED\n${old}\n#endif`],
    [
      '#if defined() of a name the driver never defines',
      (old) => `#if defined(NOT_A_BUILD_OPTION) && 1\n${old}\n#endif`,
    ],
    ['#else of a taken branch', (old) => `#if 1\n/* the real one is below */\n#else\n${old}\n#endif`],
    ['#elif after a taken #ifndef', (old) => `#ifndef NEVER_SET_ANYWHERE\n#elif 1\n${old}\n#endif`],
  ];
  for (const [how, wrap] of decoys) {
    describe(how, () => {
      check({
        name: 'an old copy of a g_event_info entry after the changed one',
        head: openX(`${OPEN_X_4}\n${wrap(OPEN_X)}`),
        expect: PARAM_APPENDED,
      });
      check({
        name: 'an old copy of a shared struct before the changed one',
        head: inRingbuf([
          RINGBUF_STRUCT,
          `${wrap('struct ppm_ring_buffer_info {\n\tvolatile uint32_t head;\n};')}\n${RINGBUF_INSERTED}`,
        ]),
        expect: LAYOUT_CHANGED,
      });
      check({
        name: 'an old copy of a #define before the changed one',
        head: inHeader([
          '#define PPM_O_CREAT (1 << 2)',
          `${wrap('#define PPM_O_CREAT (1 << 2)')}\n#define PPM_O_CREAT (1 << 3)`,
        ]),
        expect: { rules: ['flag-value-changed'], verdict: 'fail', message: /O_CREAT/ },
      });
      check({
        name: 'an old copy of the event code enum before the changed one',
        head: inHeader(
          [
            'typedef enum {\n\tPPME_GENERIC_E = 0,',
            `${wrap('typedef enum {\n\tPPME_GENERIC_E = 0,\n\tPPM_EVENT_MAX = 1\n} ppm_event_code;')}\ntypedef enum {\n\tPPME_GENERIC_E = 0,`,
          ],
          ['\tPPME_SYSCALL_READ_X = 7,', '\tPPME_SYSCALL_READ_X = 17,'],
        ),
        expect: { rules: ['event-renumbered'], verdict: 'fail', message: /PPME_SYSCALL_READ_X/ },
      });
      check({
        name: 'an old copy of the PPM_SC_FIELDS X-macro before the changed one',
        head: inHeader(
          ['\tPPM_SC_X(SETSOCKOPT, 5)', '\tPPM_SC_X(SETSOCKOPT, 6)'],
          [
            '#define PPM_SC_FIELDS          \\',
            `${wrap('#define PPM_SC_FIELDS PPM_SC_X(UNKNOWN, 0) PPM_SC_X(OPEN, 1) PPM_SC_X(CLOSE, 2) PPM_SC_X(READ, 4) PPM_SC_X(SETSOCKOPT, 5)')}\n#define PPM_SC_FIELDS          \\`,
          ],
        ),
        expect: { rules: ['ppm-sc-renumbered'], verdict: 'fail', message: /SETSOCKOPT/ },
      });
      check({
        name: 'an old copy of a flag table after the changed one',
        head: inFlagsTable(
          ['{"O_CREAT", PPM_O_CREAT},', '{"O_CREAT", PPM_O_CREAT},\n        {"O_EXCL", 1 << 7},'],
          [
            'const struct ppm_name_value fcntl_commands[]',
            `${wrap('const struct ppm_name_value file_flags[] = {\n{"O_RDWR", PPM_O_RDWR}, {"O_RDONLY", PPM_O_RDONLY}, {"O_WRONLY", PPM_O_WRONLY}, {"O_CREAT", PPM_O_CREAT}, {"O_NONE", PPM_O_NONE}, {0, 0},\n};')}\nconst struct ppm_name_value fcntl_commands[]`,
          ],
        ),
        expect: { rules: ['flag-value-added'], verdict: 'fail', message: /O_EXCL/ },
      });
      check({
        name: 'an old copy of a module parameter after the changed one',
        head: inMain([
          'module_param(verbose, bool, 0444);',
          `module_param(verbose, int, 0644);\n${wrap('module_param(verbose, bool, 0444);')}`,
        ]),
        expect: { rules: ['module-param-changed'], verdict: 'fail', message: /verbose: bool 0444 → int 0644/ },
      });
      check({
        name: 'an old copy of a bpf map after the retyped one',
        head: inMaps([CAPTURE, `${CAPTURE_HASH}\n${wrap(CAPTURE)}`]),
        expect: {
          rules: ['bpf-map-changed'],
          verdict: 'fail',
          message: /capture_settings: type BPF_MAP_TYPE_ARRAY → BPF_MAP_TYPE_HASH/,
        },
      });
      check({
        name: 'an old copy of the KMOD_PROGS X-macro before the reordered one',
        head: (t: Tree) => ({
          ...t,
          [TP]: t[TP]!.replace(
            '#define KMOD_PROGS',
            `${wrap('#define KMOD_PROGS X(KMOD_PROG_SYS_ENTER, "sys_enter") X(KMOD_PROG_SYS_EXIT, "sys_exit") X(KMOD_PROG_SCHED_PROC_EXIT, "sched_process_exit")')}\n#define KMOD_PROGS`,
          ).replace(
            'X(KMOD_PROG_SYS_ENTER, "sys_enter")              \\\n\tX(KMOD_PROG_SYS_EXIT, "sys_exit")                \\',
            'X(KMOD_PROG_SYS_EXIT, "sys_exit")                \\\n\tX(KMOD_PROG_SYS_ENTER, "sys_enter")              \\',
          ),
        }),
        expect: { rules: ['code-list-changed'], verdict: 'fail', message: /KMOD_PROGS/ },
      });
    });
  }
  check({
    name: 'a g_event_info entry wrapped in #if 0 is no entry at all',
    head: openX(`#if 0\n${OPEN_X}\n#endif`),
    expect: { rules: ['event-removed'], verdict: 'fail', message: /PPME_SYSCALL_OPEN_X was removed/ },
  });
  check({
    name: 'a syscall route wrapped in #if 0 is gone',
    head: (t: Tree) => ({
      ...t,
      [SYSCALLS]: t[SYSCALLS]!.replace('        [__NR_read', '#if 0\n        [__NR_read').replace(
        'PPM_SC_READ},',
        'PPM_SC_READ},\n#endif',
      ),
    }),
    expect: { rules: ['syscall-routing-changed'], verdict: 'fail', message: /__NR_read/ },
  });
});

describe('definitions the model cannot settle are never a pass', () => {
  check({
    name: 'a g_event_info entry given twice with different params',
    head: openX(`${OPEN_X}\n${OPEN_X_4}`),
    expect: {
      rules: ['event-param-appended'],
      verdict: 'fail',
      warnings: [
        (h) =>
          new RegExp(
            `g_event_info entry PPME_SYSCALL_OPEN_X at head has live definitions that differ: ${locAt(h, EVENT_TABLE, '[PPME_SYSCALL_OPEN_X]', { nth: 1 })} .* and ${locAt(h, EVENT_TABLE, '[PPME_SYSCALL_OPEN_X]', { nth: 2 })} .*one build compiles more than one of them`,
          ),
      ],
    },
  });
  check({
    name: 'a shared struct defined in the kernel one way and in userspace another',
    head: inRingbuf(
      [RINGBUF_STRUCT, `#ifdef __KERNEL__\n${RINGBUF_INSERTED}\n};\n#else\n${RINGBUF_STRUCT}`],
      ['\tvolatile uint64_t n_preemptions;\n};', '\tvolatile uint64_t n_preemptions;\n};\n#endif'],
    ),
    expect: {
      rules: ['struct-layout-differs-between-builds'],
      verdict: 'fail',
      message:
        /libscap\/libpman \(all architectures\): size 40.*kernel module \(all architectures\), legacy eBPF probe \(all architectures\): size 24/,
    },
  });
  check({
    name: 'an entry chosen by a kernel option driver-semver cannot know',
    head: openX(`#ifdef CONFIG_DRIVER_SEMVER_TEST\n${OPEN_X_4}\n#else\n${OPEN_X}\n#endif`),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /g_event_info entry PPME_SYSCALL_OPEN_X at head has live definitions that differ: .*depends on a condition driver-semver cannot decide/,
      ],
    },
  });
  check({
    name: 'a #define redefined differently after use',
    head: inHeader(['#define PPM_O_CREAT (1 << 2)', '#define PPM_O_CREAT (1 << 2)\n#define PPM_O_CREAT (1 << 5)']),
    expect: {
      rules: ['flag-value-changed'],
      verdict: 'fail',
      warnings: [/macro PPM_O_CREAT .*one build compiles more than one of them/],
    },
  });
  check({
    name: 'a #define under a kernel option, then #undef and #define: the new value, and no conflict',
    head: inHeader([
      '#define PPM_O_CREAT (1 << 2)',
      '#ifdef CONFIG_DRIVER_SEMVER_TEST\n#define PPM_O_CREAT (1 << 9)\n#endif\n#undef PPM_O_CREAT\n#define PPM_O_CREAT (1 << 5)',
    ]),
    expect: { rules: ['flag-value-changed'], verdict: 'fail' },
  });
  check({
    name: 'a #define redefined after #undef is the new value, and no conflict',
    head: inHeader([
      '#define PPM_O_CREAT (1 << 2)',
      '#define PPM_O_CREAT (1 << 2)\n#undef PPM_O_CREAT\n#define PPM_O_CREAT (1 << 5)',
    ]),
    expect: { rules: ['flag-value-changed'], verdict: 'fail' },
  });
});

describe('module parameters, bpf maps and globals are read as the compiler reads them', () => {
  check({
    name: 'an unused #define holding the old module_param hides nothing',
    head: inMain([
      'module_param(verbose, bool, 0444);',
      '#define VERBOSE_DOC module_param(verbose, bool, 0444);\nmodule_param(verbose, int, 0644);',
    ]),
    expect: { rules: ['module-param-changed'], verdict: 'fail', message: /verbose/ },
  });
  check({
    // The builds that set the option keep the parameter, the others change it: alternatives
    // that disagree are a conflict, as everywhere else, so the comparison says it is incomplete.
    name: 'a module param made read-only in the #else of a kernel option',
    head: inMain([
      'module_param(max_consumers, uint, 0444);',
      '#ifdef CONFIG_DRIVER_SEMVER_TEST\nmodule_param(max_consumers, uint, 0444);\n#else\nmodule_param(max_consumers, int, 0400);\n#endif',
    ]),
    expect: {
      rules: ['module-param-changed'],
      verdict: 'fail',
      message: /max_consumers/,
      warnings: [
        /module parameter max_consumers at head has live definitions that differ: .*depends on a condition driver-semver cannot decide/,
      ],
    },
  });
  check({
    name: 'a module param added through a macro',
    head: inMain([
      'module_param(verbose, bool, 0444);',
      'module_param(verbose, bool, 0444);\n#define PARAM(n, t, p) module_param(n, t, p)\nstatic bool fast_mode = 0;\nPARAM(fast_mode, bool, 0644);',
    ]),
    expect: { rules: ['module-param-added'], verdict: 'fail', message: /fast_mode/ },
  });
  check({
    name: 'a module param made read-only through the macro its permission uses',
    base: inMain([
      'module_param(max_consumers, uint, 0444);',
      '#define MC_PERM 0644\nmodule_param(max_consumers, uint, MC_PERM);',
    ]),
    head: inMain(['#define MC_PERM 0644', '#define MC_PERM 0444']),
    expect: { rules: ['module-param-changed'], verdict: 'fail', message: /max_consumers: uint 0644 → uint 0444/ },
  });
  check({
    name: 'a permission macro redefined after the parameter that uses it',
    // The compiler reads 0644 at the parameter; the end of the file says 0444.
    head: inMain([
      'module_param(max_consumers, uint, 0444);',
      '#define MC_PERM 0644\nmodule_param(max_consumers, uint, MC_PERM);\n#undef MC_PERM\n#define MC_PERM 0444',
    ]),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        (h) =>
          new RegExp(
            `${locAt(h, MAIN, 'module_param(max_consumers, uint, MC_PERM)')} at head: MC_PERM is defined or undefined again later in driver/main\\.c`,
          ),
      ],
    },
  });
  check({
    name: 'a macro that declares a parameter, undefined after its use',
    head: inMain([
      'module_param(verbose, bool, 0444);',
      'module_param(verbose, bool, 0444);\n#define PARAM(n) module_param(n, bool, 0644)\nPARAM(fast_mode);\n#undef PARAM',
    ]),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        (h) => new RegExp(`${locAt(h, MAIN, 'PARAM(fast_mode);')} at head: PARAM is defined or undefined again later`),
      ],
    },
  });
  check({
    name: 'a permission respelled S_IRUGO (0444, the same bits) is no change',
    head: inMain(['module_param(max_consumers, uint, 0444);', 'module_param(max_consumers, uint, S_IRUGO);']),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'g_buffer_bytes_dim loses the .set of its kernel_param_ops (libscap can no longer write it)',
    head: inMain(['        .set = set_buffer_bytes_dim,\n', '']),
    expect: {
      rules: ['module-param-changed'],
      verdict: 'fail',
      message: /g_buffer_bytes_dim: callback 0644 → callback 0644 without \.set/,
    },
  });
  check({
    name: 'a module_param_call whose set function becomes NULL',
    base: inMain([
      'module_param_cb(g_buffer_bytes_dim, &g_buffer_bytes_dim_ops, &g_buffer_bytes_dim, 0644);',
      'module_param_call(g_buffer_bytes_dim, set_buffer_bytes_dim, param_get_ulong, &g_buffer_bytes_dim, 0644);',
    ]),
    head: inMain([
      'module_param_call(g_buffer_bytes_dim, set_buffer_bytes_dim,',
      'module_param_call(g_buffer_bytes_dim, NULL,',
    ]),
    expect: { rules: ['module-param-changed'], verdict: 'fail', message: /without \.set/ },
  });
  check({
    name: 'ops the kernel defines for its standard types need no definition in the tree',
    base: inMain([
      'module_param(max_consumers, uint, 0444);',
      'module_param_cb(max_consumers, &param_ops_uint, &max_consumers, 0444);',
    ]),
    head: inMain(['&param_ops_uint, &max_consumers, 0444);', '&param_ops_uint, &max_consumers, 0644);']),
    expect: { rules: ['module-param-changed'], verdict: 'fail', message: /callback 0444 → callback 0644/ },
  });
  check({
    name: 'kernel_param_ops defined where driver-semver does not read',
    head: inMain(['&g_buffer_bytes_dim_ops, &g_buffer_bytes_dim', '&other_ops, &g_buffer_bytes_dim']),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        (h) =>
          new RegExp(
            `${locAt(h, MAIN, 'module_param_cb(g_buffer_bytes_dim')} at head: module parameter g_buffer_bytes_dim uses the kernel_param_ops other_ops, and driver-semver does not find its definition`,
          ),
      ],
    },
  });
  check({
    name: 'kernel_param_ops with a positional initializer',
    head: inMain([
      '        .set = set_buffer_bytes_dim,\n        .get = param_get_ulong,',
      '        0, set_buffer_bytes_dim, param_get_ulong,',
    ]),
    expect: { rules: [], verdict: 'fail', warnings: [/g_buffer_bytes_dim_ops, and its initializer is positional/] },
  });
  check({
    name: 'a parameter whose permission depends on a kernel option inside the call',
    head: inMain([
      'module_param(max_consumers, uint, 0444);',
      'module_param(max_consumers, uint,\n#ifdef CONFIG_DRIVER_SEMVER_TEST\n0444\n#else\n0644\n#endif\n);',
    ]),
    expect: {
      rules: ['module-param-changed'],
      verdict: 'fail',
      warnings: [
        (h) =>
          new RegExp(
            `${locAt(h, MAIN, 'module_param(max_consumers, uint,')} at head: a conditional directive the model cannot decide cuts a declaration in parts`,
          ),
      ],
    },
  });
  check({
    name: 'a parameter behind braces that only unbalanced branches of two groups would open',
    // No build compiles the parameter inside a function: each build sees `int f(void) { }` or nothing.
    head: inMain([
      'module_param(verbose, bool, 0444);',
      '#ifdef CONFIG_X\n#else\nint f(void) {\n#endif\n#ifndef CONFIG_X\n}\n#else\n#endif\nmodule_param(verbose, int, 0444);',
    ]),
    expect: { rules: ['module-param-changed'], verdict: 'fail', message: /verbose: bool 0444 → int 0444/ },
  });
  check({
    name: 'a parameter whose macro expansion is over the bounds',
    head: inMain([
      'module_param(verbose, bool, 0444);',
      `#define P0 module_param(verbose, bool, 0444);\n${Array.from({ length: 17 }, (_, i) => `#define P${i + 1} P${i} P${i}`).join('\n')}\nP17\nstatic int after(void) {\n\treturn 0;\n}`,
    ]),
    expect: {
      rules: ['module-param-changed'],
      verdict: 'fail',
      warnings: [
        (h) =>
          new RegExp(
            `${locAt(h, MAIN, 'P17\nstatic')} at head: a macro expands to more than \\d+ tokens, so what it declares is not known`,
          ),
      ],
    },
  });
  check({
    name: 'a map retyped, written with __weak after SEC, behind an unused #define of the old one',
    head: inMaps([
      CAPTURE,
      `#define OLD_CAPTURE ${CAPTURE.replace(/\n/g, ' ')}\n${CAPTURE_HASH.replace('__weak SEC(".maps");', 'SEC(".maps") __weak;')}`,
    ]),
    expect: { rules: ['bpf-map-changed'], verdict: 'fail', message: /capture_settings/ },
  });
  check({
    name: 'an unchanged map with __weak moved after SEC(".maps") is no change',
    head: inMaps(['} capture_settings __weak SEC(".maps");', '} capture_settings SEC(".maps") __weak;']),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'a new map written with __attribute__((weak))',
    head: inMaps([
      CAPTURE,
      `${CAPTURE}\n\nstruct {\n\t__uint(type, BPF_MAP_TYPE_ARRAY);\n\t__uint(max_entries, 1);\n\t__type(key, uint32_t);\n\t__type(value, uint64_t);\n} __attribute__((weak)) extra_map SEC(".maps");`,
    ]),
    expect: { rules: ['bpf-map-added'], verdict: 'fail', message: /extra_map/ },
  });
  check({
    name: 'a new map whose section a macro spells',
    head: inMaps([
      CAPTURE,
      `${CAPTURE}\n#define MAPS_SECTION SEC(".maps")\nstruct {\n\t__uint(type, BPF_MAP_TYPE_ARRAY);\n\t__type(key, uint32_t);\n\t__type(value, uint64_t);\n} extra_map __weak MAPS_SECTION;`,
    ]),
    expect: { rules: ['bpf-map-added'], verdict: 'fail', message: /extra_map/ },
  });
  check({
    name: 'a new global written with __weak after its type',
    head: inMaps(['__weak bool is_dropping;', '__weak bool is_dropping;\nbool __weak is_sampling;']),
    expect: { rules: ['bpf-map-added'], verdict: 'fail', message: /is_sampling/ },
  });
  check({
    name: 'a new global whose weak attribute a macro spells',
    head: inMaps([
      '__weak bool is_dropping;',
      '__weak bool is_dropping;\n#define GLOBAL __attribute__((weak))\nbool GLOBAL is_sampling;',
    ]),
    expect: { rules: ['bpf-map-added'], verdict: 'fail', message: /is_sampling/ },
  });
  check({
    name: 'a global initialised to zero through a macro stays in .bss',
    head: inMaps(['__weak bool is_dropping;', '#define NOT_DROPPING (1 - 1)\n__weak bool is_dropping = NOT_DROPPING;']),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'a global whose declaration a ; in dead code would cut',
    head: inMaps([
      '__weak bool is_dropping;',
      '__weak bool is_dropping;\n__weak bool\n#if 0\n; int\n#endif\nis_sampling;',
    ]),
    expect: { rules: ['bpf-map-added'], verdict: 'fail', message: /is_sampling/ },
  });
  check({
    name: 'max_entries is compared as written when the rest of the map is spelled through macros',
    base: inMaps([CAPTURE, `#define N_CAPTURE 1\n${CAPTURE.replace('max_entries, 1', 'max_entries, N_CAPTURE')}`]),
    head: inMaps(
      ['#define N_CAPTURE 1', '#define N_CAPTURE 1\n#define CAPTURE_KEY uint32_t'],
      [
        '__type(key, uint32_t);\n\t__type(value, struct capture_settings);',
        '__type(key, CAPTURE_KEY);\n\t__type(value, struct capture_settings);',
      ],
    ),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'a map whose members come from an included file',
    head: [
      inMaps([
        '\t__uint(type, BPF_MAP_TYPE_ARRAY);\n\t__uint(max_entries, 1);\n\t__type(key, uint32_t);\n\t__type(value, struct capture_settings);',
        '#include "capture_members.h"',
      ]),
      setFile('driver/modern_bpf/maps/capture_members.h', '__uint(type, BPF_MAP_TYPE_HASH);\n'),
    ],
    // As for a table entry a directive cuts: the map is left out (read as removed), and the warning says why.
    expect: {
      rules: ['bpf-map-changed'],
      verdict: 'fail',
      warnings: [
        (h) =>
          new RegExp(
            `${locAt(h, MAPS, 'struct {', { before: '#include "capture_members.h"' })} at head: the #include at line ${lineOf(h[MAPS]!, '#include "capture_members.h"')} inside a declaration is not followed`,
          ),
      ],
    },
  });
  check({
    name: 'a declaration in the maps section that driver-semver cannot read',
    head: inMaps([CAPTURE, `${CAPTURE}\nstruct extra_def extra_map SEC(".maps");`]),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /maps\.h:\d+ at head: a declaration in section "\.maps" that is not a map definition driver-semver can read/,
      ],
    },
  });
});

describe('legacy maps are indexed by the maps each build compiles before them', () => {
  const withLegacy: Change = (tree) => ({ ...tree, ...readTree(path.join(FIXTURES, 'legacy')) });
  const PERF = 'struct bpf_map_def __bpf_section("maps") perf_map = {';
  const wrapPerf =
    (open: string): Change =>
    (t) => ({
      ...t,
      [LEGACY_MAPS]: t[LEGACY_MAPS]!.replace(PERF, `${open}\n${PERF}`).replace(
        '        .max_entries = 0,\n};',
        '        .max_entries = 0,\n};\n#endif',
      ),
    });
  check({
    name: 'a first map no build compiles shifts nothing: the others keep their index',
    base: withLegacy,
    head: wrapPerf('#if 0'),
    expect: { rules: ['bpf-map-changed'], verdict: 'fail', message: /legacy probe map perf_map was removed/ },
  });
  check({
    // Builds without the option shift the maps after it: a change, and an index the model cannot settle.
    name: 'a first map only some kernels compile leaves the indexes after it unknown',
    base: withLegacy,
    head: wrapPerf('#ifdef CONFIG_DRIVER_SEMVER_TEST'),
    expect: {
      rules: ['bpf-map-changed'],
      verdict: 'fail',
      message: /tail_map: index \(declaration order\) 1 → 0/,
      warnings: [
        /the position of legacy map tail_map .*is not known/,
        /the position of legacy map settings_map .*is not known/,
      ],
    },
  });
});

describe('line structure is the compiler’s', () => {
  check({
    name: 'a lone CR ends a // comment: the flag after it is real',
    head: openX(
      OPEN_X.replace(
        'EF_CREATES_FD | EF_MODIFIES_STATE,',
        'EF_CREATES_FD | // reviewed\rEF_USES_FD | EF_MODIFIES_STATE,',
      ),
    ),
    expect: { rules: ['event-flag-added'], verdict: 'fail', message: /EF_USES_FD/ },
  });
  check({
    name: 'a // comment whose line ends with a backslash and blanks swallows the next line',
    head: openX(
      OPEN_X.replace(
        '{"fd", PT_FD, PF_DEC},',
        '{"fd", PT_FD, PF_DEC}, // the next line is not compiled \\  \n{"fake", PT_UINT64, PF_DEC},',
      ),
    ),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'a continuation that splits an identifier joins it',
    head: openX(
      OPEN_X.replace('EF_CREATES_FD | EF_MODIFIES_STATE,', 'EF_CREATES_FD | EF_MODIFIES_STATE | EF_USES_\\\nFD,'),
    ),
    expect: { rules: ['event-flag-added'], verdict: 'fail', message: /EF_USES_FD/ },
  });
  check({
    name: 'the whole tree converted to CRLF changes nothing',
    head: (t: Tree) => Object.fromEntries(Object.entries(t).map(([p, s]) => [p, s.replace(/\n/g, '\r\n')])),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'the whole tree with lone CR line ends changes nothing',
    // The sources only: CMake reads the version files, and a lone CR ends no line for it (untrusted-values.test.ts).
    head: (t: Tree) =>
      Object.fromEntries(Object.entries(t).map(([p, s]) => [p, /_VERSION$/.test(p) ? s : s.replace(/\n/g, '\r')])),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'a directive after a form feed is a directive: a field under its #else is compiled',
    head: inRingbuf([
      '\tvolatile uint32_t tail;',
      '\tvolatile uint32_t tail;\n#ifdef DRIVER_SEMVER_NEVER_DEFINED\n\f#else\n\tvolatile uint64_t n_extra;\n#endif',
    ]),
    expect: LAYOUT_CHANGED,
  });
  check({
    name: 'a directive written with the %: digraph is a directive',
    head: openX(`${OPEN_X_4}\n%:if 0\n${OPEN_X}\n%:endif`),
    expect: PARAM_APPENDED,
  });
});

describe('the supported kernel range', () => {
  const FILLERS = 'driver/ppm_fillers.c';
  const withFillers =
    (helper: string): Change =>
    (t) => ({
      ...t,
      [MAIN]: `${t[MAIN]}\n#if LINUX_VERSION_CODE < KERNEL_VERSION(3, 10, 0)\n#error kernel too old\n#endif\n`,
      [FILLERS]: `#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 32)\nstatic int ancient_helper(int x) {\n\t${helper}\n}\n#endif\nint f_sys_x(struct event_filler_arguments *args) {\n\treturn 0;\n}\n`,
    });
  check({
    name: 'a helper only kernels below the minimum compile, changed: no build sees it',
    base: withFillers('return x + 1;'),
    head: (t: Tree) => ({ ...t, [FILLERS]: t[FILLERS]!.replace('x + 1', 'x + 2') }),
    expect: { rules: [], verdict: 'pass' },
  });
});

describe('macros are expanded where the surface reads them', () => {
  check({
    name: 'a param type redefined by #define in the event table',
    head: inEventTable([
      '#include "ppm_events_public.h"',
      '#include "ppm_events_public.h"\n#define PT_FSPATH PT_BYTEBUF',
    ]),
    expect: { rules: ['event-param-type-changed'], verdict: 'fail', message: /PT_BYTEBUF/ },
  });
  check({
    name: 'a fixed-width type redefined before a shared struct',
    head: inRingbuf(['#pragma once', '#pragma once\n#define uint32_t uint64_t']),
    expect: {
      rules: ['struct-layout-changed'],
      verdict: 'fail',
      message: /struct ppm_ring_buffer_info layout changed/,
    },
  });
  check({
    name: 'a macro that expands to extra fields of a shared struct',
    head: inRingbuf(
      ['#pragma once', '#pragma once\n#define EXTRA_COUNTERS volatile uint64_t n_extra; volatile uint64_t n_more;'],
      ['\tvolatile uint32_t tail;', '\tvolatile uint32_t tail;\n\tEXTRA_COUNTERS'],
    ),
    expect: LAYOUT_CHANGED,
  });
  check({
    name: 'an event flag set given through a macro',
    head: inEventTable(
      [
        '#include "ppm_events_public.h"',
        '#include "ppm_events_public.h"\n#define OPEN_FLAGS EF_CREATES_FD | EF_USES_FD | EF_MODIFIES_STATE',
      ],
      [
        'EF_CREATES_FD | EF_MODIFIES_STATE,\n                                 3,',
        'OPEN_FLAGS,\n                                 3,',
      ],
    ),
    expect: { rules: ['event-flag-added'], verdict: 'fail', message: /EF_USES_FD/ },
  });
  check({
    name: 'PPM_SC_X redefined to shift every code',
    head: inHeader([
      '#define PPM_SC_X(name, value) PPM_SC_##name = (value),',
      '#define PPM_SC_X(name, value) PPM_SC_##name = (value) + 1,',
    ]),
    expect: { rules: ['ppm-sc-renumbered'], verdict: 'fail' },
  });
  check({
    name: 'a macro spelling of an unchanged entry changes nothing',
    head: inEventTable(
      [
        '#include "ppm_events_public.h"',
        '#include "ppm_events_public.h"\n#define OPEN_NAME "open"\n#define FD_TYPE PT_FD',
      ],
      ['[PPME_SYSCALL_OPEN_X] = {"open",', '[PPME_SYSCALL_OPEN_X] = {OPEN_NAME,'],
      [
        '{{"fd", PT_FD, PF_DEC},\n                                  {"name"',
        '{{"fd", FD_TYPE, PF_DEC},\n                                  {"name"',
      ],
    ),
    expect: { rules: [], verdict: 'pass' },
  });
});

describe('what the model cannot see is never a pass', () => {
  check({
    name: 'a table entry moved into an included file, and changed there',
    head: [openX('#include "open_x.inc"'), setFile('driver/open_x.inc', OPEN_X_4)],
    expect: PARAM_APPENDED,
  });
  check({
    name: 'an unchanged entry moved into an included file changes nothing',
    head: [openX('#include "open_x.inc"'), setFile('driver/open_x.inc', OPEN_X)],
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'an include inside a table that is not in the tree',
    head: openX(`${OPEN_X}\n#include <generated/extra_events.h>`),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /driver\/event_table\.c:\d+ includes <generated\/extra_events\.h> inside g_event_info.*cannot be followed/,
      ],
    },
  });
  check({
    name: 'a new header included into a surface file that redefines a shared struct',
    head: [
      inRingbuf(
        ['#pragma once', '#pragma once\n#include "ringbuf_v2.h"'],
        [RINGBUF_STRUCT, `#if 0\n${RINGBUF_STRUCT}`],
        ['\tvolatile uint64_t n_preemptions;\n};', '\tvolatile uint64_t n_preemptions;\n};\n#endif'],
      ),
      setFile(
        'driver/ringbuf_v2.h',
        `${RINGBUF_INSERTED}\n\tvolatile uint64_t n_drops_buffer;\n\tvolatile uint64_t n_drops_pf;\n\tvolatile uint64_t n_preemptions;\n};\n`,
      ),
    ],
    expect: LAYOUT_CHANGED,
  });
  check({
    name: 'a header named by a macro, redefining a fixed-width type',
    head: [
      inRingbuf(['#pragma once', '#pragma once\n#define RB_EXTRA "rb_extra.h"\n#include RB_EXTRA']),
      setFile('driver/rb_extra.h', '#define uint32_t uint64_t\n'),
    ],
    expect: LAYOUT_CHANGED,
  });
  check({
    name: 'a header named by a macro of another file, redefining a fixed-width type',
    head: [
      inRingbuf(['#pragma once', '#pragma once\n#include "rb_name.h"\n#include RB_EXTRA']),
      setFile('driver/rb_name.h', '#define RB_EXTRA "rb_extra.h"\n'),
      setFile('driver/rb_extra.h', '#define uint32_t uint64_t\n'),
    ],
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        (h) =>
          new RegExp(`${locAt(h, RINGBUF, '#include RB_EXTRA')} at head: an #include names its header with a macro`),
      ],
    },
  });
  check({
    name: 'a table entry a conditional cuts in two',
    head: openX(
      OPEN_X.replace('{"name", PT_FSPATH, PF_NA},', '#ifdef __KERNEL__\n{"name", PT_FSPATH, PF_NA},\n#endif'),
    ),
    expect: {
      rules: ['event-removed'],
      verdict: 'fail',
      warnings: [
        (h) =>
          new RegExp(
            `g_event_info entry at line ${lineOf(h[EVENT_TABLE]!, '[PPME_SYSCALL_OPEN_X]')} has a conditional directive inside it`,
          ),
      ],
    },
  });
});

describe('bounded work on any input', () => {
  const enumValue = (expr: string): Change =>
    inHeader(['\tPPME_SOCKET_SETSOCKOPT_X = 9,', `\tPPME_SOCKET_SETSOCKOPT_X = ${expr},`]);
  check({
    name: 'a shift by 2^31 in an enum value',
    head: enumValue('1 << 2147483648'),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /a constant expression shifts by 2147483648/,
        /PPME_SOCKET_SETSOCKOPT_X at head: its value cannot be computed/,
      ],
    },
  });
  check({
    name: 'repeated squaring',
    head: inHeader(
      [
        '#define PPM_AT_FDCWD -100',
        `#define PPM_AT_FDCWD -100\n#define SQ0 3\n${Array.from({ length: 40 }, (_, i) => `#define SQ${i + 1} (SQ${i} * SQ${i})`).join('\n')}`,
      ],
      ['\tPPME_SOCKET_SETSOCKOPT_X = 9,', '\tPPME_SOCKET_SETSOCKOPT_X = SQ40 & 0,'],
    ),
    expect: { rules: ['event-renumbered'], verdict: 'fail' },
  });
  check({
    name: 'a chain of macros each using the previous one twice',
    head: inHeader(
      [
        '#define PPM_AT_FDCWD -100',
        `#define PPM_AT_FDCWD -100\n#define F0(x) (x)\n${Array.from({ length: 60 }, (_, i) => `#define F${i + 1}(x) (F${i}(x) + F${i}(x))`).join('\n')}`,
      ],
      ['\tPPME_SOCKET_SETSOCKOPT_X = 9,', '\tPPME_SOCKET_SETSOCKOPT_X = F60(1) - F60(1) + 9,'],
    ),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: '200k nested parentheses',
    head: enumValue(`${'('.repeat(200_000)}9${')'.repeat(200_000)}`),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [/nested more than 256 deep/, /PPME_SOCKET_SETSOCKOPT_X at head: its value cannot be computed/],
    },
  });
  check({
    name: '100k unary minus signs',
    head: enumValue(`${'- '.repeat(100_000)}9`),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: '50k nested braces in a table entry',
    head: openX(OPEN_X.replace('{{"fd"', `{${'{'.repeat(50_000)}0${'}'.repeat(50_000)}}, {{"fd"`)),
    expect: {
      rules: ['event-removed'],
      verdict: 'fail',
      warnings: [
        (h) =>
          new RegExp(
            `g_event_info: entry at line ${lineOf(h[EVENT_TABLE]!, '[PPME_SYSCALL_OPEN_X]')} could not be parsed`,
          ),
      ],
    },
  });
  check({
    name: 'a chain of 20k structs each containing the next',
    head: inRingbuf(
      [
        '#pragma once',
        `#pragma once\n${Array.from({ length: 20_000 }, (_, i) => `struct s${i} { ${i ? `struct s${i - 1} x;` : 'uint32_t x;'} };`).join('\n')}`,
      ],
      ['\tvolatile uint32_t tail;', '\tvolatile uint32_t tail;\n\tstruct s19999 nested;'],
    ),
    expect: { rules: [], verdict: 'fail', warnings: [/the layout of struct ppm_ring_buffer_info cannot be computed/] },
  });
  check({
    name: '12k lines "__weak a" without a semicolon in maps.h (inside #if 0)',
    head: inMaps(['__weak bool is_dropping;', `__weak bool is_dropping;\n#if 0\n${'__weak a\n'.repeat(12_000)}#endif`]),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'thousands of module_param( repetitions',
    head: (t: Tree) => ({ ...t, [MAIN]: `${t[MAIN]}\n${'module_param('.repeat(20_000)}\n` }),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'a 200 KB comment line inside an enum',
    head: inHeader(['\tPPME_GENERIC_X = 1,', `\tPPME_GENERIC_X = 1, /* ${'x = y, '.repeat(30_000)} */`]),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'long A=A=A runs',
    head: inHeader(['\tPPME_GENERIC_X = 1,', `\tPPME_GENERIC_X = 1, // ${'A='.repeat(100_000)}`]),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'a file over the size limit',
    head: (t: Tree) => ({ ...t, [HEADER]: `${t[HEADER]}\n/* ${'x'.repeat(2 * 1024 * 1024)} */\n` }),
    // What the unread header defines is left out on both sides: no removal is reported for it.
    // The flag tables and a map size (other files) use its defines: their values cannot be computed now.
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /could not read driver\/ppm_events_public\.h at head: it is \d+ bytes, over the 2097152-byte limit/,
        /driver\/ppm_events_public\.h is missing at head/,
        /^[\w: ]+ at head: its value cannot be computed \(\w+\), at driver\/(flags_table\.c|modern_bpf\/maps\/maps\.h):/,
      ],
    },
  });
});

describe('what the compiler itself defines, and what includers define first', () => {
  const inTp =
    (...pairs: Array<[string, string]>): Change =>
    (t) => {
      let s = t[TP]!;
      for (const [a, b] of pairs) {
        if (!s.includes(a)) throw new Error(`not in ${TP}: ${a}`);
        s = s.replace(a, b);
      }
      return { ...t, [TP]: s };
    };
  check({
    name: 'the changed entry under #ifdef __ELF__ (every gcc and clang on Linux defines it), the old one in #else',
    head: inEventTable([OPEN_X, `#ifdef __ELF__\n${OPEN_X_4}\n#else\n${OPEN_X}\n#endif`]),
    expect: PARAM_APPENDED,
  });
  check({
    name: 'a ring-buffer counter inserted under #if __SIZEOF_LONG_LONG__ == 8',
    head: inRingbuf([
      '\tvolatile uint32_t tail;',
      '\tvolatile uint32_t tail;\n#if __SIZEOF_LONG_LONG__ == 8\n\tvolatile uint64_t n_extra;\n#endif',
    ]),
    expect: LAYOUT_CHANGED,
  });
  check({
    name: 'a flag value changed under #if defined(__gnu_linux__)',
    head: inHeader([
      '#define PPM_O_CREAT (1 << 2)',
      '#if defined(__gnu_linux__)\n#define PPM_O_CREAT (1 << 6)\n#else\n#define PPM_O_CREAT (1 << 2)\n#endif',
    ]),
    expect: { rules: ['flag-value-changed'], verdict: 'fail', message: /O_CREAT/ },
  });
  check({
    name: 'an ioctl renumbered through a predefined macro (__INT_WIDTH__)',
    head: inHeader([
      '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)',
      '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, __INT_WIDTH__ / 8 + 1)',
    ]),
    expect: { rules: ['ioctl-renumbered'], verdict: 'fail', message: /PPM_IOCTL_ENABLE_TP/ },
  });
  check({
    name: 'a ring-buffer field only Kbuild compiles (#ifdef KBUILD_MODNAME): the kernel module and libscap disagree',
    head: inRingbuf([
      '\tvolatile uint32_t tail;',
      '\tvolatile uint32_t tail;\n#ifdef KBUILD_MODNAME\n\tvolatile uint64_t n_extra;\n#endif',
    ]),
    expect: { rules: ['struct-layout-differs-between-builds'], verdict: 'fail', message: /ppm_ring_buffer_info/ },
  });
  check({
    name: 'an ioctl moved to a header included after PPM_IOCTL_MAGIC, and renumbered there',
    head: [
      inHeader(['#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)', '#include "ppm_ioctls.h"']),
      setFile('driver/ppm_ioctls.h', '#pragma once\n#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 5)\n'),
    ],
    expect: { rules: ['ioctl-renumbered'], verdict: 'fail', message: /PPM_IOCTL_ENABLE_TP/ },
  });
  check({
    name: 'an unchanged ioctl moved into a header included through a macro of the same file (#include IOCTLS_H)',
    head: [
      inHeader([
        '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)',
        '#define IOCTLS_H "ppm_ioctls.h"\n#include IOCTLS_H',
      ]),
      setFile('driver/ppm_ioctls.h', "#pragma once\n#define PPM_IOCTL_ENABLE_TP _IO('s', 3)\n"),
    ],
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: '#pragma push_macro/pop_macro restores the changed value after an old-looking redefinition',
    head: inHeader([
      '#define PPM_O_CREAT (1 << 2)',
      '#define PPM_O_CREAT (1 << 6)\n#pragma push_macro("PPM_O_CREAT")\n#undef PPM_O_CREAT\n#define PPM_O_CREAT (1 << 2)\n#pragma pop_macro("PPM_O_CREAT")',
    ]),
    expect: { rules: ['flag-value-changed'], verdict: 'fail', message: /O_CREAT/ },
  });
  check({
    name: 'a designator written <:PPME_SYSCALL_OPEN_X:> (a digraph) is no change',
    head: inEventTable(['[PPME_SYSCALL_OPEN_X]', '<:PPME_SYSCALL_OPEN_X:>']),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'an enumerator inserted before the KMOD_PROGS expansion shifts every tracepoint code',
    head: inTp([
      'typedef enum {\n#define X(name, path) name,',
      'typedef enum {\n\tKMOD_PROG_RESERVED,\n#define X(name, path) name,',
    ]),
    expect: { rules: ['code-list-changed'], verdict: 'fail', message: /KMOD_PROG/ },
  });
  check({
    name: 'a tracepoint code appended after the KMOD_PROGS expansion',
    head: inTp(['\tKMOD_PROGS\n#undef X', '\tKMOD_PROGS\n\tX(KMOD_PROG_EXTRA, "extra")\n#undef X']),
    expect: { rules: ['code-list-appended'], verdict: 'fail', message: /KMOD_PROG_EXTRA/ },
  });
});

describe('definitions moved into an included header are still the header', () => {
  const OPEN_FLAGS =
    '#define PPM_O_NONE 0\n#define PPM_O_RDONLY (1 << 0)\n#define PPM_O_WRONLY (1 << 1)\n#define PPM_O_RDWR (PPM_O_RDONLY | PPM_O_WRONLY)\n#define PPM_O_CREAT (1 << 2)';
  const moveEventFlags =
    (change: (e: string) => string): Change =>
    (t) => {
      const s = t[HEADER]!;
      const a = s.indexOf('enum ppm_event_flags {');
      const e = s.slice(a, s.indexOf('};', a) + 2);
      return {
        ...t,
        [HEADER]: s.replace(e, '#include "ppm_event_flags.h"'),
        'driver/ppm_event_flags.h': `#pragma once\n${change(e)}\n`,
      };
    };
  check({
    name: 'PPM_O_* defines moved unchanged into an included header is no change',
    head: [
      inHeader([OPEN_FLAGS, '#include "ppm_open_flags.h"']),
      setFile('driver/ppm_open_flags.h', `#pragma once\n${OPEN_FLAGS}\n`),
    ],
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'enum ppm_event_flags moved unchanged into an included header is no change',
    head: moveEventFlags((e) => e),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    // libs 9a9824345: feature_gates.h, which the public header includes, started including the
    // kernel's ppm_version.h (PPM_RHEL_RELEASE_CODE): kernel helpers, not values userspace sees.
    name: 'a kernel-only PPM_ define in a header the public header includes is not a shared value',
    head: [
      inHeader(['#define PPM_O_NONE 0', '#include "ppm_gates.h"\n#define PPM_O_NONE 0']),
      setFile('driver/ppm_gates.h', '#pragma once\n#ifdef __KERNEL__\n#define PPM_RHEL_RELEASE_CODE 0\n#endif\n'),
    ],
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    // The same findings as the same change made in place: every event with the flag sends another value.
    name: 'enum ppm_event_flags moved into an included header with a value changed',
    head: moveEventFlags((e) => e.replace('EF_MODIFIES_STATE = (1 << 5)', 'EF_MODIFIES_STATE = (1 << 6)')),
    expect: {
      rules: ['enum-value-renumbered', 'event-flag-added', 'event-flag-removed'],
      verdict: 'fail',
      message: /EF_MODIFIES_STATE changed from 32 to 64/,
    },
  });
});

describe('initializers as C lays them out: designators place values', () => {
  const OPEN_X_TAIL = '{"flags", PT_FLAGS32, PF_HEX, file_flags}}},';
  const inFile =
    (file: string) =>
    (...pairs: Array<[string, string]>): Change =>
    (t) => {
      let s = t[file]!;
      for (const [a, b] of pairs) {
        if (!s.includes(a)) throw new Error(`not in ${file}: ${a}`);
        s = s.replace(a, b);
      }
      return { ...t, [file]: s };
    };
  const inFlags = inFile('driver/flags_table.c');
  const inSyscalls = inFile(SYSCALLS);
  check({
    name: 'trailing designators after the positional fields append a param',
    head: inEventTable([
      OPEN_X_TAIL,
      '{"flags", PT_FLAGS32, PF_HEX, file_flags}}, .nparams = 4, .params[3] = {"mode", PT_UINT32, PF_OCT}},',
    ]),
    expect: { rules: ['event-param-appended'], verdict: 'fail', message: /PPME_SYSCALL_OPEN_X gains param 4 'mode'/ },
  });
  check({
    name: 'a nested designator on the array element overrides one field of an entry',
    head: inEventTable(['};', '        [PPME_SYSCALL_OPEN_X].params[1].type = PT_BYTEBUF,\n};']),
    expect: { rules: ['event-param-type-changed'], verdict: 'fail', message: /PT_BYTEBUF/ },
  });
  check({
    name: 'designated fields in another order',
    head: inEventTable([
      '[PPME_SYSCALL_CLOSE_E] = {"close", EC_IO_OTHER | EC_SYSCALL, EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE | EF_OLD_VERSION, 0},',
      '[PPME_SYSCALL_CLOSE_E] = {.category = EC_IO_OTHER | EC_SYSCALL, .name = "close", .nparams = 0, .flags = EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE | EF_OLD_VERSION},',
    ]),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'a param field overridden by a trailing designator inside the param',
    head: inEventTable(['{"name", PT_FSPATH, PF_NA},', '{"name", PT_FSPATH, PF_NA, .type = PT_BYTEBUF},']),
    expect: { rules: ['event-param-type-changed'], verdict: 'fail', message: /PT_BYTEBUF/ },
  });
  check({
    name: 'a flag-table entry whose value a trailing designator overrides',
    head: inFlags(['{"O_WRONLY", PPM_O_WRONLY},', '{"O_WRONLY", PPM_O_WRONLY, .value = 1 << 7},']),
    expect: { rules: ['flag-value-changed'], verdict: 'fail', message: /O_WRONLY/ },
  });
  check({
    name: 'a flag-table element overridden by an index designator after the terminator',
    head: inFlags([
      '{0, 0},\n};\n\nconst struct ppm_name_value fcntl',
      '{0, 0},\n        [3] = {"O_CREAT", 1 << 6},\n};\n\nconst struct ppm_name_value fcntl',
    ]),
    expect: { rules: ['flag-value-changed'], verdict: 'fail', message: /O_CREAT/ },
  });
  check({
    name: 'a g_syscall_table entry re-designated at its end, the positional value after it going to the next field',
    // C: after `.flags = ...` the next positional initialiser is enter_event_type.
    head: inSyscalls([
      '{UF_USED, PPME_SYSCALL_READ_E, PPME_SYSCALL_READ_X, PPM_SC_READ}',
      '{UF_USED, PPME_SYSCALL_READ_E, PPME_SYSCALL_READ_X, PPM_SC_READ, .flags = UF_USED, PPME_SYSCALL_CLOSE_E}',
    ]),
    expect: { rules: ['syscall-routing-changed'], verdict: 'fail', message: /__NR_read/ },
  });
  check({
    name: 'a flag-table entry written with designated fields in another order is no change',
    head: inFlags(['{"O_WRONLY", PPM_O_WRONLY},', '{.value = PPM_O_WRONLY, .name = "O_WRONLY"},']),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'an entry moved after the {0, 0} terminator is no longer seen by userspace',
    head: inFlags(['{"O_NONE", PPM_O_NONE},\n        {0, 0},', '{0, 0},\n        {"O_NONE", PPM_O_NONE},']),
    expect: { rules: ['flag-value-removed'], verdict: 'fail', message: /O_NONE/ },
  });
});
