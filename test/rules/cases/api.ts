/**
 * Cases for the API rules, over fixtures/demo/base: driver/ppm_events_public.h (ppm_evt_hdr, the
 * ioctls, one retired, ppm_proc_info, ppm_proclist_info, sys_exit_extra_code),
 * driver/ppm_ringbuffer.h, driver/ppm_tp.h (KMOD_PROGS), driver/main.c (the module params), the
 * modern probe's maps.h and struct_definitions.h. The legacy probe (fixtures/legacy) is added by
 * `withLegacy`: bpf/maps.h, bpf/types.h, ppm_fillers.h. Expected locations name the fixture text they point at (`at`, `atBase` in tester.ts), never a line number.
 */
import path from 'node:path';
import { readTree } from '../../../src/source/scratch.js';
import { FIXTURES } from '../../helpers/surface.js';
import { at, atBase, editFile, setFile, type Change, type RuleCases } from '../tester.js';

const HEADER = 'driver/ppm_events_public.h';
const RING = 'driver/ppm_ringbuffer.h';
const TP = 'driver/ppm_tp.h';
const MAIN = 'driver/main.c';
const MAPS = 'driver/modern_bpf/maps/maps.h';
const DEFS = 'driver/modern_bpf/shared_definitions/struct_definitions.h';
const LEGACY_MAPS = 'driver/bpf/maps.h';
const LEGACY_TYPES = 'driver/bpf/types.h';
const FILLERS = 'driver/ppm_fillers.h';

const inRing = editFile(RING);
const inHeader = editFile(HEADER);
const inTp = editFile(TP);
const inMain = editFile(MAIN);
const inMaps = editFile(MAPS);
const inDefs = editFile(DEFS);
const inFillers = editFile(FILLERS);

/** The legacy eBPF probe's files (present in libs until 2026). */
const withLegacy: Change = (tree) => ({ ...tree, ...readTree(path.join(FIXTURES, 'legacy')) });

const N_EVTS = '\tvolatile uint64_t n_evts;\n';
const N_PREEMPTIONS = '\tvolatile uint64_t n_preemptions;\n';

/** A new ioctl on the number PPM_IOCTL_GET_PROCLIST uses. */
const REUSE_LIVE = inHeader([
  '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)\n',
  '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)\n#define PPM_IOCTL_NEW _IO(PPM_IOCTL_MAGIC, 2)\n',
]);

export const apiCases: RuleCases[] = [
  {
    rule: 'struct-field-appended',
    governs: 'api',
    bump: 'minor',
    valid: [
      {
        name: 'a field spelled with another typedef of the same width',
        head: inRing([N_EVTS, '\tvolatile __u64 n_evts;\n']),
        rules: [],
      },
      {
        name: 'a comment and blank lines in the struct',
        head: inRing([N_EVTS, `\t/* events */\n\n${N_EVTS}`]),
        rules: [],
      },
      {
        name: 'a field inserted in the middle is a layout change, not an append',
        head: inRing([N_EVTS, `\tvolatile uint64_t n_new;\n${N_EVTS}`]),
        rules: ['struct-layout-changed'],
      },
      {
        name: 'a kmod-internal struct gains a field',
        head: inRing(['};\n', '};\n\nstruct ppm_consumer_demo {\n\tint snaplen;\n\tint more;\n};\n']),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a counter appended to the mmapped ring-buffer info',
        head: inRing([N_PREEMPTIONS, `${N_PREEMPTIONS}\tvolatile uint64_t n_context_switches;\n`]),
        errors: [
          {
            message: [
              'struct ppm_ring_buffer_info gains n_context_switches (uint64_t, offset 40, size 8) at the end (size 40 → 48)',
            ],
            path: RING,
            line: at('n_context_switches'),
          },
        ],
        rules: ['struct-field-appended'],
        required: 'minor',
      },
      {
        name: 'a counter appended to the modern probe counter_map',
        head: inDefs([
          '\tuint64_t n_drops_buffer;\n',
          '\tuint64_t n_drops_buffer;\n\tuint64_t n_drops_max_event_size;\n',
        ]),
        errors: [
          {
            message: ['struct counter_map gains n_drops_max_event_size', '(size 16 → 24)'],
            path: DEFS,
            line: at('n_drops_max_event_size'),
          },
        ],
        rules: ['struct-field-appended'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'struct-layout-changed',
    governs: 'api',
    bump: 'major',
    valid: [
      {
        name: 'u64 → uint64_t spelling (libs 5ee8c6ce9)',
        head: inRing(
          [N_EVTS, '\tvolatile u64 n_evts;\n'],
          ['\tvolatile uint64_t n_drops_buffer;\n', '\tvolatile __u64 n_drops_buffer;\n'],
        ),
        rules: [],
      },
      {
        name: 'an appended field',
        head: inRing([N_PREEMPTIONS, `${N_PREEMPTIONS}\tvolatile uint64_t n_x;\n`]),
        rules: ['struct-field-appended'],
      },
      {
        name: 'the pragma pack written differently',
        head: inHeader([
          '#pragma pack(push, 1)\n#endif\nstruct ppm_evt_hdr',
          '#pragma pack(push,1)\n#endif\nstruct ppm_evt_hdr',
        ]),
        rules: [],
      },
      {
        name: 'a flexible array spelled x[] instead of x[0] (libs 9.1.0-rc1)',
        head: inHeader(['\tstruct ppm_proc_info entries[0];', '\tstruct ppm_proc_info entries[];']),
        rules: [],
      },
      {
        name: 'an enum field spelled by its typedef instead of its tag (libs enum ppm_event_type → ppm_event_code)',
        base: inHeader([
          'struct ppm_proc_info {\n\tuint64_t pid;',
          'struct ppm_proc_info {\n\tenum ppm_param_type kind;\n\tuint64_t pid;',
        ]),
        head: inHeader(['\tenum ppm_param_type kind;', '\tppm_event_code kind;']),
        rules: [],
      },
      {
        name: 'a Solaris-only #pragma pack branch deleted (libs 05860aa59)',
        base: inHeader([
          '#if defined _MSC_VER\n#pragma pack(push)\n#pragma pack(1)\n#else',
          '#if defined _MSC_VER\n#pragma pack(push)\n#pragma pack(1)\n#elif defined __sun\n#pragma pack(1)\n#else',
        ]),
        head: inHeader(['#elif defined __sun\n#pragma pack(1)\n#else', '#else']),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'counters removed from the ring-buffer info (libs 7b46dcb8d shipped this without a bump)',
        head: inRing(['\tvolatile uint64_t n_drops_buffer;\n', '']),
        errors: [
          {
            message: [
              'struct ppm_ring_buffer_info layout changed (size 40 → 32)',
              'n_drops_buffer removed (was offset 16, size 8)',
              'n_drops_pf moved from offset 24 to 16',
            ],
            path: RING,
            line: at('n_drops_pf'),
          },
        ],
        rules: ['struct-layout-changed'],
        required: 'major',
      },
      {
        name: 'a field inserted mid-struct: the message says to append it',
        head: inRing([
          '\tvolatile uint64_t n_drops_buffer;\n',
          '\tvolatile uint64_t n_new;\n\tvolatile uint64_t n_drops_buffer;\n',
        ]),
        errors: [
          {
            message: [
              'struct ppm_ring_buffer_info layout changed',
              'n_new inserted at offset 16 (not at the end: append it after the last field instead)',
            ],
            path: RING,
            line: at('n_new'),
          },
        ],
        required: 'major',
      },
      {
        name: 'a field widened',
        head: inHeader(['\tuint64_t utime;\n', '\tuint32_t utime;\n']),
        errors: [
          {
            message: ['struct ppm_proc_info', 'utime changed from uint64_t (size 8) to uint32_t (size 4)'],
            path: HEADER,
            line: at('uint32_t utime;'),
          },
        ],
        required: 'major',
      },
      {
        name: 'the event header loses its pragma pack',
        head: inHeader(
          ['#pragma pack(push, 1)\n#endif\nstruct ppm_evt_hdr', '#endif\nstruct ppm_evt_hdr'],
          ['};\n#pragma pack(pop)\n', '};\n'],
        ),
        // The PPM_ENABLE_SENTINEL field is not laid out: nothing in the driver or its builds defines it.
        errors: [
          {
            message: ['struct ppm_evt_hdr layout changed (size 26 → 32)', 'nparams moved from offset 22 to 24'],
            path: HEADER,
            line: at('uint32_t nparams;', { after: 'struct ppm_evt_hdr' }),
          },
        ],
        required: 'major',
      },
      {
        name: 'a bool field of capture_settings moved (implicit padding)',
        head: inDefs([
          '\tbool dropping_mode;\n\tuint32_t sampling_ratio;\n',
          '\tuint32_t sampling_ratio;\n\tbool dropping_mode;\n',
        ]),
        errors: [
          {
            message: [
              'struct capture_settings',
              'dropping_mode moved from offset 12 to 16',
              'sampling_ratio moved from offset 16 to 12',
            ],
            path: DEFS,
            line: at('sampling_ratio'),
          },
        ],
      },
    ],
  },
  {
    rule: 'struct-removed',
    governs: 'api',
    bump: 'major',
    valid: [
      {
        name: 'a struct moved to another file',
        head: [
          inHeader(['struct ppm_proc_info {\n\tuint64_t pid;\n\tuint64_t utime;\n\tuint64_t stime;\n};\n', '']),
          inRing(['};\n', '};\n\nstruct ppm_proc_info {\n\tuint64_t pid;\n\tuint64_t utime;\n\tuint64_t stime;\n};\n']),
        ],
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'the legacy probe dropped: its shared structs go',
        base: withLegacy,
        head: (tree) => Object.fromEntries(Object.entries(tree).filter(([p]) => !p.startsWith('driver/bpf/'))),
        errors: [
          {
            message: ['struct scap_bpf_settings (size 23) is gone'],
            path: LEGACY_TYPES,
            line: atBase('struct scap_bpf_settings {'),
          },
          {
            message: ['struct scap_bpf_per_cpu_state (size 21) is gone'],
            path: LEGACY_TYPES,
            line: atBase('struct scap_bpf_per_cpu_state {'),
          },
          // The tables libscap pushed into the legacy probe stop being API with it.
          { message: ['struct ppm_event_info (size 1612) is gone'], path: HEADER, line: at('struct ppm_event_info {') },
          { message: ['struct ppm_param_info (size 49) is gone'], path: HEADER, line: at('struct ppm_param_info {') },
          {
            message: ['struct syscall_evt_pair (size 16) is gone'],
            path: HEADER,
            line: at('struct syscall_evt_pair {'),
          },
        ],
        required: 'major',
      },
    ],
  },
  {
    rule: 'struct-layout-differs-between-builds',
    governs: 'api',
    bump: 'none',
    kind: 'invalid',
    valid: [
      {
        name: 'a field every build compiles',
        head: inRing([N_EVTS, `${N_EVTS}\tvolatile uint64_t n_extra;\n`]),
        rules: ['struct-layout-changed'],
        required: 'major',
      },
      {
        name: 'a field only other compilers see (MSVC): no build of the drivers has it',
        head: inRing([N_EVTS, `${N_EVTS}#ifdef _MSC_VER\n\tvolatile uint64_t n_windows;\n#endif\n`]),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a counter only the kernel module compiles',
        head: inRing([N_EVTS, `${N_EVTS}#ifdef __KERNEL__\n\tvolatile uint64_t n_kernel_only;\n#endif\n`]),
        errors: [
          {
            message: [
              'struct ppm_ring_buffer_info is laid out differently by the builds that share it',
              'size 40',
              'kernel module (all architectures)',
              'size 48',
            ],
            path: RING,
            line: at('struct ppm_ring_buffer_info {'),
          },
        ],
        required: 'none',
      },
      {
        name: 'a field only one architecture compiles',
        head: inRing([
          N_EVTS,
          `${N_EVTS}#if defined(__aarch64__) || defined(CONFIG_ARM64) || defined(__TARGET_ARCH_arm64)\n\tvolatile uint64_t n_arm64;\n#endif\n`,
        ]),
        errors: [
          {
            message: [
              'struct ppm_ring_buffer_info is laid out differently by the builds that share it',
              '(aarch64): size 48',
            ],
            path: RING,
            line: at('struct ppm_ring_buffer_info {'),
          },
        ],
        required: 'none',
      },
    ],
  },
  {
    rule: 'ioctl-added',
    governs: 'api',
    bump: 'minor',
    valid: [
      {
        name: 'an ioctl define reformatted',
        head: inHeader([
          '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)',
          '#define PPM_IOCTL_ENABLE_TP   _IO( PPM_IOCTL_MAGIC , 3 )',
        ]),
        rules: [],
      },
      {
        name: 'a new ioctl on a retired number is a reuse, not an addition',
        head: inHeader([
          '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)\n',
          '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)\n#define PPM_IOCTL_NEW _IO(PPM_IOCTL_MAGIC, 0)\n',
        ]),
        rules: ['ioctl-renumbered'],
      },
    ],
    invalid: [
      {
        name: 'a new ioctl number',
        head: inHeader([
          '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)\n',
          '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)\n#define PPM_IOCTL_DISABLE_TP _IO(PPM_IOCTL_MAGIC, 4)\n',
        ]),
        errors: [
          {
            message: ['new PPM_IOCTL_DISABLE_TP = _IO(PPM_IOCTL_MAGIC, 4) (nr 4)'],
            path: HEADER,
            line: at('#define PPM_IOCTL_DISABLE_TP'),
          },
        ],
        rules: ['ioctl-added'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'ioctl-removed',
    governs: 'api',
    bump: 'major',
    valid: [
      { name: 'an ioctl comment edited', head: inHeader(['Support dropped', 'Support dropped in 0.x']), rules: [] },
    ],
    invalid: [
      {
        name: 'an ioctl retired as a comment (libs 42ac42e4c)',
        head: inHeader([
          '#define PPM_IOCTL_SET_SNAPLEN _IO(PPM_IOCTL_MAGIC, 1)',
          '// #define PPM_IOCTL_SET_SNAPLEN _IO(PPM_IOCTL_MAGIC, 1) Support dropped',
        ]),
        errors: [
          {
            message: ['PPM_IOCTL_SET_SNAPLEN (nr 1) was removed (kept as a comment: the number stays reserved)'],
            path: HEADER,
            line: at('PPM_IOCTL_SET_SNAPLEN'),
          },
        ],
        rules: ['ioctl-removed'],
        required: 'major',
      },
      {
        name: 'an ioctl deleted',
        head: inHeader(['#define PPM_IOCTL_GET_PROCLIST _IO(PPM_IOCTL_MAGIC, 2)\n', '']),
        errors: [
          {
            message: ['PPM_IOCTL_GET_PROCLIST (nr 2) was removed'],
            path: HEADER,
            line: atBase('#define PPM_IOCTL_GET_PROCLIST'),
          },
        ],
      },
    ],
  },
  {
    rule: 'ioctl-renumbered',
    governs: 'api',
    bump: 'major',
    valid: [
      {
        name: 'the magic spelled as its value',
        head: inHeader(["#define PPM_IOCTL_MAGIC 's'", '#define PPM_IOCTL_MAGIC 115']),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'an ioctl takes another number',
        head: inHeader([
          '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)',
          '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 9)',
        ]),
        errors: [
          {
            message: ['PPM_IOCTL_ENABLE_TP changed from _IO(PPM_IOCTL_MAGIC, 3) to _IO(PPM_IOCTL_MAGIC, 9)'],
            path: HEADER,
            line: at('#define PPM_IOCTL_ENABLE_TP'),
          },
        ],
        rules: ['ioctl-renumbered'],
        required: 'major',
      },
      {
        name: 'a new ioctl reuses a retired number: the message gives the next free one',
        head: inHeader([
          '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)\n',
          '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)\n#define PPM_IOCTL_NEW _IO(PPM_IOCTL_MAGIC, 0)\n',
        ]),
        errors: [
          {
            message: [
              'new PPM_IOCTL_NEW reuses nr 0, the number of retired PPM_IOCTL_DISABLE_CAPTURE: use the next free number, 4',
            ],
            path: HEADER,
            line: at('#define PPM_IOCTL_NEW'),
          },
        ],
      },
      {
        name: 'a new ioctl reuses a number in use',
        head: REUSE_LIVE,
        errors: [
          {
            message: [
              'new PPM_IOCTL_NEW reuses nr 2, the number of PPM_IOCTL_GET_PROCLIST: use the next free number, 4',
            ],
            path: HEADER,
            line: at('#define PPM_IOCTL_NEW'),
          },
        ],
        rules: ['ioctl-renumbered'],
        required: 'major',
      },
    ],
  },
  {
    rule: 'bpf-map-added',
    governs: 'api',
    bump: 'minor',
    valid: [
      {
        name: 'a map definition reformatted',
        head: inMaps(['\t__uint(max_entries, 1);\n', '\t__uint( max_entries , 1 );\n']),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a new modern probe map and a new global',
        head: inMaps([
          '__weak bool is_dropping;\n',
          '__weak bool is_dropping;\n__weak int64_t fd_filter = -1;\n\nstruct {\n\t__uint(type, BPF_MAP_TYPE_ARRAY);\n\t__uint(max_entries, 1);\n\t__type(key, uint32_t);\n\t__type(value, uint64_t);\n} iter_map __weak SEC(".maps");\n',
        ]),
        errors: [
          {
            message: ['new modern probe map iter_map (BPF_MAP_TYPE_ARRAY)'],
            path: MAPS,
            line: at('struct {', { before: '} iter_map' }),
          },
          { message: ['new modern probe global fd_filter (data, int64_t)'], path: MAPS, line: at('fd_filter = -1') },
        ],
        rules: ['bpf-map-added'],
        required: 'minor',
      },
      {
        name: 'new globals declared over several lines, one with its attribute spelled by a macro',
        head: inMaps([
          '__weak bool is_dropping;\n',
          '__weak bool is_dropping;\n#define GLOBAL __attribute__((weak))\n__weak int64_t\n\tfd_filter = -1,\n\tfd_limit;\nbool GLOBAL\n\tis_sampling;\n',
        ]),
        errors: [
          { message: ['new modern probe global fd_filter (data, int64_t)'], path: MAPS, line: at('fd_filter = -1') },
          { message: ['new modern probe global fd_limit (bss, int64_t)'], path: MAPS, line: at('fd_limit') },
          { message: ['new modern probe global is_sampling (bss, bool)'], path: MAPS, line: at('is_sampling') },
        ],
        rules: ['bpf-map-added'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'bpf-map-changed',
    governs: 'api',
    bump: 'major',
    valid: [
      {
        name: 'a map sized by PPM_EVENT_MAX when events are added',
        head: inHeader(['\tPPM_EVENT_MAX = 10', '\tPPME_X_E = 10,\n\tPPME_X_X = 11,\n\tPPM_EVENT_MAX = 12']),
        rules: ['event-code-without-entry', 'event-pair-added'],
      },
      {
        name: 'a global spelled with another typedef',
        head: inMaps(['__weak const volatile uint64_t probe_api_ver', '__weak const volatile u64 probe_api_ver']),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a modern map retyped (value struct grows: the map value size changes)',
        head: inMaps(['\t__type(value, struct capture_settings);\n', '\t__type(value, struct auxiliary_map);\n']),
        errors: [
          {
            message: ['modern probe map capture_settings: value size 24 → 16400'],
            path: MAPS,
            line: at('struct {', { before: '} capture_settings' }),
          },
        ],
        rules: ['bpf-map-changed'],
        required: 'major',
      },
      {
        name: 'a modern global removed',
        head: inMaps(['__weak bool is_dropping;\n', '']),
        errors: [{ message: ['modern probe global is_dropping was removed'], path: MAPS, line: atBase('is_dropping') }],
      },
      {
        name: 'a modern map renamed: libpman finds maps by their skeleton name (libs 461039f1b)',
        head: inMaps(['} counter_maps __weak SEC(".maps");', '} stats_maps __weak SEC(".maps");']),
        rules: ['bpf-map-changed'],
        errors: [
          {
            message: ['modern probe map counter_maps was renamed stats_maps: libpman finds maps by their name'],
            path: MAPS,
            line: at('struct {', { before: '} stats_maps' }),
          },
        ],
      },
      {
        name: 'two legacy maps swapped: userspace indexes them by order',
        base: withLegacy,
        head: (tree) => {
          const text = tree[LEGACY_MAPS]!;
          const perf = text.slice(
            text.indexOf('struct bpf_map_def __bpf_section("maps") perf_map'),
            text.indexOf('struct bpf_map_def __bpf_section("maps") tail_map'),
          );
          return {
            ...tree,
            [LEGACY_MAPS]: text.replace(perf, '').replace('#endif\n\n#endif', `${perf}#endif\n\n#endif`),
          };
        },
        errors: [
          {
            message: ['legacy probe map perf_map: index (declaration order) 0 → 2'],
            path: LEGACY_MAPS,
            line: at('perf_map'),
          },
          {
            message: ['legacy probe map tail_map: index (declaration order) 1 → 0'],
            path: LEGACY_MAPS,
            line: at('tail_map'),
          },
          {
            message: ['legacy probe map settings_map: index (declaration order) 2 → 1'],
            path: LEGACY_MAPS,
            line: at('settings_map'),
          },
        ],
      },
    ],
  },
  {
    rule: 'code-list-appended',
    governs: 'api',
    bump: 'minor',
    valid: [
      {
        name: 'the tracepoint name string changed',
        head: inTp(['"sched_process_exit")', '"sched_proc_exit")']),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a tracepoint appended to KMOD_PROGS',
        head: inTp([
          '\tX(KMOD_PROG_SCHED_PROC_EXIT, "sched_process_exit")\n',
          '\tX(KMOD_PROG_SCHED_PROC_EXIT, "sched_process_exit") \\\n\tX(KMOD_PROG_SCHED_SWITCH, "sched_switch")\n',
        ]),
        errors: [
          {
            message: ['KMOD_PROGS gains KMOD_PROG_SCHED_SWITCH (index 3)'],
            path: TP,
            line: at('KMOD_PROG_SCHED_SWITCH'),
          },
        ],
        rules: ['code-list-appended'],
        required: 'minor',
      },
      {
        name: 'a tail-call code appended (libs f144d0072..9755c62cd)',
        head: inHeader(['\tT1_CLONE_X,\n', '\tT1_CLONE_X,\n\tT2_EXECVE_X,\n']),
        errors: [
          { message: ['sys_exit_extra_code gains T2_EXECVE_X (index 2)'], path: HEADER, line: at('T2_EXECVE_X') },
        ],
        rules: ['code-list-appended'],
      },
    ],
  },
  {
    rule: 'code-list-changed',
    governs: 'api',
    bump: 'major',
    valid: [
      {
        name: 'an appended entry',
        head: inHeader(['\tT1_CLONE_X,\n', '\tT1_CLONE_X,\n\tT2_EXECVE_X,\n']),
        rules: ['code-list-appended'],
      },
    ],
    invalid: [
      {
        name: 'KMOD_PROGS reordered',
        head: inTp([
          '\tX(KMOD_PROG_SYS_ENTER, "sys_enter")              \\\n\tX(KMOD_PROG_SYS_EXIT, "sys_exit")                \\\n',
          '\tX(KMOD_PROG_SYS_EXIT, "sys_exit")                \\\n\tX(KMOD_PROG_SYS_ENTER, "sys_enter")              \\\n',
        ]),
        errors: [
          {
            message: ['KMOD_PROGS: KMOD_PROG_SYS_ENTER index 0 → 1, KMOD_PROG_SYS_EXIT index 1 → 0'],
            path: TP,
            line: at('#define KMOD_PROGS'),
          },
        ],
        rules: ['code-list-changed'],
        required: 'major',
      },
      {
        name: 'a tail-call code removed',
        head: inHeader(['\tT1_EXECVE_X,\n', '']),
        errors: [
          {
            message: ['sys_exit_extra_code: T1_EXECVE_X (index 0) removed, T1_CLONE_X index 1 → 0'],
            path: HEADER,
            line: at('T1_CLONE_X'),
          },
        ],
      },
    ],
  },
  {
    rule: 'module-param-added',
    governs: 'api',
    bump: 'minor',
    valid: [
      {
        name: 'a parameter description added',
        head: inMain([
          'module_param(verbose, bool, 0444);\n',
          'module_param(verbose, bool, 0444);\nMODULE_PARM_DESC(verbose, "Enable verbose logging");\n',
        ]),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a new parameter',
        head: inMain([
          'module_param(verbose, bool, 0444);\n',
          'module_param(verbose, bool, 0444);\nmodule_param(ring_pages, uint, 0444);\n',
        ]),
        errors: [{ message: ['new module parameter ring_pages (uint, 0444)'], path: MAIN, line: at('ring_pages') }],
        rules: ['module-param-added'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'module-param-changed',
    governs: 'api',
    bump: 'major',
    valid: [
      {
        name: 'the parameter moved in the file',
        head: inMain([
          'module_param(max_consumers, uint, 0444);\nmodule_param(verbose, bool, 0444);\n',
          'module_param(verbose, bool, 0444);\nmodule_param(max_consumers, uint, 0444);\n',
        ]),
        rules: [],
      },
      {
        name: 'module_param_cb with a module_param_call fallback for old kernels (libs 3.0.0)',
        head: inMain([
          'module_param_cb(g_buffer_bytes_dim, &g_buffer_bytes_dim_ops, &g_buffer_bytes_dim, 0644);\n',
          '#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 36)\nmodule_param_cb(g_buffer_bytes_dim, &g_buffer_bytes_dim_ops, &g_buffer_bytes_dim, 0644);\n#else\nmodule_param_call(g_buffer_bytes_dim, set_dim, param_get_ulong, &g_buffer_bytes_dim, 0644);\n#endif\n',
        ]),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a parameter libscap writes made read-only',
        head: inMain(['&g_buffer_bytes_dim, 0644);', '&g_buffer_bytes_dim, 0444);']),
        errors: [
          {
            message: ['module parameter g_buffer_bytes_dim: callback 0644 → callback 0444'],
            path: MAIN,
            line: at('module_param_cb(g_buffer_bytes_dim'),
          },
        ],
        rules: ['module-param-changed'],
        required: 'major',
      },
      {
        name: 'a parameter removed',
        head: inMain(['module_param(max_consumers, uint, 0444);\n', '']),
        errors: [
          {
            message: ['module parameter max_consumers was removed'],
            path: MAIN,
            line: atBase('module_param(max_consumers'),
          },
        ],
      },
    ],
  },
  {
    rule: 'filler-ids-changed',
    governs: 'schema',
    bump: 'minor',
    valid: [
      {
        name: 'without the legacy probe, filler ids are not ABI',
        head: setFile(FILLERS, '#define FILLER_LIST_MAPPER(FN) FN(sys_open_x) FN(sys_autofill)\n'),
        rules: [],
      },
      {
        name: 'the list reformatted',
        base: withLegacy,
        head: inFillers([
          '\tFN(sys_autofill)           \\\n\tFN(sys_open_x)             \\\n',
          '\tFN(sys_autofill) FN(sys_open_x) \\\n',
        ]),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a filler inserted before terminate_filler (libs fe3153c39..17b80e0bc)',
        base: withLegacy,
        head: inFillers(['\tFN(terminate_filler)', '\tFN(sys_mknod_x)             \\\n\tFN(terminate_filler)']),
        errors: [
          {
            message: ['FILLER_LIST_MAPPER adds sys_mknod_x; moves 1 existing filler id (e.g. terminate_filler 3 → 4)'],
            path: FILLERS,
            line: at('sys_mknod_x'),
          },
        ],
        rules: ['filler-ids-changed'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'struct-field-renamed',
    governs: 'api',
    bump: 'none',
    kind: 'note',
    valid: [
      {
        name: 'a field removed and another inserted elsewhere',
        head: inRing(
          ['\tvolatile uint64_t n_drops_pf;\n', ''],
          [N_PREEMPTIONS, `${N_PREEMPTIONS}\tvolatile uint64_t n_drops_bug;\n`],
        ),
        rules: ['struct-layout-changed'],
      },
      {
        name: 'a field renamed and retyped (another size)',
        head: inRing([
          '\tvolatile uint64_t n_drops_pf;\n',
          '\tvolatile uint32_t n_page_faults;\n\tvolatile uint32_t pad;\n',
        ]),
        rules: ['struct-layout-changed'],
      },
    ],
    invalid: [
      {
        name: 'a counter renamed in place: same type, size and offset',
        head: inRing(['\tvolatile uint64_t n_drops_pf;\n', '\tvolatile uint64_t n_drops_page_faults;\n']),
        rules: ['struct-field-renamed'],
        required: 'none',
        errors: [
          {
            message: [
              'struct ppm_ring_buffer_info: field n_drops_pf is now n_drops_page_faults (uint64_t at offset 24, size 8, unchanged)',
            ],
            path: RING,
            line: at('n_drops_page_faults'),
          },
        ],
      },
      {
        name: 'a field renamed in place and one appended: the append is what counts',
        head: inRing(
          ['\tvolatile uint64_t n_drops_pf;\n', '\tvolatile uint64_t n_drops_page_faults;\n'],
          [N_PREEMPTIONS, `${N_PREEMPTIONS}\tvolatile uint64_t n_x;\n`],
        ),
        rules: ['struct-field-appended', 'struct-field-renamed'],
        required: 'minor',
        errors: [
          { message: ['field n_drops_pf is now n_drops_page_faults'], path: RING, line: at('n_drops_page_faults') },
        ],
      },
    ],
  },
  {
    rule: 'bpf-map-renamed',
    governs: 'api',
    bump: 'none',
    kind: 'note',
    valid: [
      {
        name: 'a modern map renamed: libpman finds it by name (bpf-map-changed)',
        head: inMaps(['} counter_maps __weak SEC(".maps");', '} stats_maps __weak SEC(".maps");']),
        rules: ['bpf-map-changed'],
        required: 'major',
      },
      {
        name: 'a legacy map renamed and resized',
        base: withLegacy,
        head: editFile(LEGACY_MAPS)([
          ') settings_map = {\n        .type = BPF_MAP_TYPE_ARRAY,\n        .key_size = sizeof(uint32_t),\n        .value_size = sizeof(struct scap_bpf_settings),\n        .max_entries = 1,',
          ') config_map = {\n        .type = BPF_MAP_TYPE_ARRAY,\n        .key_size = sizeof(uint32_t),\n        .value_size = sizeof(struct scap_bpf_settings),\n        .max_entries = 2,',
        ]),
        rules: ['bpf-map-added', 'bpf-map-changed'],
      },
    ],
    invalid: [
      {
        name: 'a legacy map renamed in place: libscap finds it by declaration order',
        base: withLegacy,
        head: editFile(LEGACY_MAPS)([') settings_map = {', ') config_map = {']),
        rules: ['bpf-map-renamed'],
        required: 'none',
        errors: [
          {
            message: ['legacy probe map settings_map is now config_map, at the same index with the same definition'],
            path: LEGACY_MAPS,
            line: at('config_map'),
          },
        ],
      },
    ],
  },
];
