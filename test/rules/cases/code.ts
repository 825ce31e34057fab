/**
 * Cases for the code rules that follow code roles (surface/code-roles.ts): dispatch, transport
 * and statistics code, and plumbing that follows an API change. The base is the demo tree with
 * the modern-probe code of fixtures/code. Expected locations name the fixture text they point at (`at`, `atBase` in tester.ts), never a line number.
 */
import path from 'node:path';
import { readTree } from '../../../src/source/scratch.js';
import { FIXTURES } from '../../helpers/surface.js';
import { at, editFile, type Change, type RuleCases } from '../tester.js';

const GETTERS = 'driver/modern_bpf/helpers/base/maps_getters.h';
const STATS = 'driver/modern_bpf/helpers/base/stats.h';
const RINGBUF = 'driver/modern_bpf/helpers/store/ringbuf_store_params.h';
const EXIT = 'driver/modern_bpf/programs/attached/dispatchers/syscall_exit.bpf.c';
const CLOSE = 'driver/modern_bpf/programs/tail_called/events/close.bpf.c';
const DEFS = 'driver/modern_bpf/shared_definitions/struct_definitions.h';
const MAPS = 'driver/modern_bpf/maps/maps.h';

const withCode: Change = (tree) => ({ ...tree, ...readTree(path.join(FIXTURES, 'code')) });

/** Sampling that keeps every other syscall instead (a dispatch change). */
const samplingChanged = editFile(EXIT)(['(id % 2 == 0)', '(id % 4 == 0)']);
/** The dispatcher skips syscall -1 (libs 270820515). */
const dispatcherChanged = editFile(EXIT)([
  'uint32_t syscall_id = extract__syscall_id(regs);\n',
  'uint32_t syscall_id = extract__syscall_id(regs);\n\tif(syscall_id == (uint32_t)-1) {\n\t\treturn 0;\n\t}\n',
]);
/** The program tail-calls another extra slot (only its glue changes). */
const glueChanged = editFile(CLOSE)(['T1_CLOSE_X', 'T2_CLOSE_X']);
/** The header is built in a local and copied (libs d64d9ef59). */
const headerRewritten = editFile(RINGBUF)([
  '\tstruct ppm_evt_hdr *hdr = (struct ppm_evt_hdr *)ringbuf->data;\n\thdr->ts = bpf_ktime_get_boot_ns();\n\thdr->tid = bpf_get_current_pid_tgid() & 0xffffffff;\n\thdr->type = ringbuf->event_type;\n\thdr->nparams = maps__get_event_num_params(ringbuf->event_type);\n',
  '\tstruct ppm_evt_hdr hdr = {0};\n\thdr.ts = bpf_ktime_get_boot_ns();\n\thdr.tid = bpf_get_current_pid_tgid() & 0xffffffff;\n\thdr.type = ringbuf->event_type;\n\thdr.nparams = maps__get_event_num_params(ringbuf->event_type);\n\t__builtin_memcpy(ringbuf->data, &hdr, sizeof(struct ppm_evt_hdr));\n',
]);
/** n_evts counted only for events that got buffer space (libs 04a0aa898, reversed). */
const countMoved = editFile(RINGBUF)(
  ['\tcounter->n_evts++;\n\tringbuf->data', '\tringbuf->data'],
  ['\tringbuf->event_type = event_type;\n', '\tringbuf->event_type = event_type;\n\tcounter->n_evts++;\n'],
);
/** One more event counted into the buffer drops. */
const statsCaseAdded = editFile(STATS)([
  '\tcase PPME_SYSCALL_OPEN_X:\n',
  '\tcase PPME_SYSCALL_OPEN_X:\n\tcase PPME_SYSCALL_CLOSE_X:\n',
]);
/** A filler change: close_x sends the fd as a 32-bit value. */
const fillerChanged = editFile(CLOSE)(['extract__fd(regs));', '(int32_t)extract__fd(regs));']);
/** capture_settings gains a field, which the getter reads (an API change the getter follows). */
const settingsFieldAppended: Change[] = [
  editFile(DEFS)(['\tuint32_t sampling_ratio;\n', '\tuint32_t sampling_ratio;\n\tuint32_t snaplen_cap;\n']),
  editFile(GETTERS)([
    '\treturn settings->snaplen;',
    '\treturn settings->snaplen < settings->snaplen_cap ? settings->snaplen : settings->snaplen_cap;',
  ]),
];
/** A new global for the dispatcher's sampling state, read there (an API change with its lookup). */
const samplingGlobalAdded: Change[] = [
  editFile(MAPS)(['__weak bool is_dropping;\n', '__weak bool is_dropping;\n__weak uint32_t sampling_step;\n']),
  editFile(EXIT)(['(id % 2 == 0)', '(id % sampling_step == 0)']),
];

export const codeCases: RuleCases[] = [
  {
    rule: 'dispatch-code-changed',
    bump: 'patch',
    valid: [
      {
        name: 'a filler change',
        base: withCode,
        head: fillerChanged,
        rules: ['filler-code-changed'],
        required: 'patch',
      },
      {
        name: 'a transport change',
        base: withCode,
        head: headerRewritten,
        rules: ['transport-code-changed'],
        required: 'none',
      },
      {
        name: 'a statistics change',
        base: withCode,
        head: countMoved,
        rules: ['stats-code-changed'],
        required: 'none',
      },
      {
        name: 'sampling code that follows a new global (the API change)',
        base: withCode,
        head: samplingGlobalAdded,
        rules: ['bpf-map-added', 'code-follows-api-change'],
        required: 'none',
      },
    ],
    invalid: [
      {
        name: 'the sampling decision changed, alone (libs versioned such changes as SCHEMA patches)',
        base: withCode,
        head: samplingChanged,
        rules: ['dispatch-code-changed'],
        required: 'patch',
        errors: [
          {
            message: [
              'the code of sampling_logic_exit',
              'modern eBPF probe',
              'decides which events are produced and reach userspace',
            ],
            path: EXIT,
            line: at('bool sampling_logic_exit('),
          },
        ],
      },
      {
        name: 'the dispatcher skips a syscall (libs 270820515)',
        base: withCode,
        head: dispatcherChanged,
        required: 'patch',
        errors: [{ message: ['the code of sys_exit'], path: EXIT, line: at('BPF_PROG(sys_exit,') }],
      },
      {
        name: "a program's tail-call glue changed, alone",
        base: withCode,
        head: glueChanged,
        rules: ['dispatch-code-changed'],
        required: 'patch',
        errors: [
          {
            message: ['the tail calls of close_x', 'decides which events'],
            path: CLOSE,
            line: at('BPF_PROG(close_x,'),
          },
        ],
      },
    ],
  },
  {
    rule: 'transport-code-changed',
    bump: 'none',
    kind: 'note',
    valid: [
      { name: 'a dispatch change', base: withCode, head: samplingChanged, rules: ['dispatch-code-changed'] },
      { name: 'a filler change', base: withCode, head: fillerChanged, rules: ['filler-code-changed'] },
      {
        name: 'the header writer changed with an API change: part of it',
        base: withCode,
        head: [headerRewritten, ...samplingGlobalAdded],
        rules: ['bpf-map-added', 'code-follows-api-change'],
        required: 'none',
      },
    ],
    invalid: [
      {
        name: 'the header built in a local and copied (libs d64d9ef59): no bump',
        base: withCode,
        head: headerRewritten,
        rules: ['transport-code-changed'],
        required: 'none',
        errors: [
          {
            message: ['the code of ringbuf__store_event_header', 'carries events without deciding which are sent'],
            path: RINGBUF,
            line: at('ringbuf__store_event_header('),
          },
        ],
      },
    ],
  },
  {
    rule: 'stats-code-changed',
    governs: 'api',
    bump: 'none',
    kind: 'note',
    valid: [
      { name: 'a filler change', base: withCode, head: fillerChanged, rules: ['filler-code-changed'] },
      {
        name: 'a counter that is not a shared struct field',
        base: withCode,
        head: editFile(RINGBUF)(['counter->n_evts++;', 'counter->n_evts++;\n\tcounter->n_private++;']),
        rules: ['transport-code-changed'],
      },
    ],
    invalid: [
      {
        name: 'a counter update moved in the ring-buffer reservation (libs 04a0aa898): no bump of either file',
        base: withCode,
        head: countMoved,
        rules: ['stats-code-changed'],
        required: 'none',
        errors: [
          {
            message: [
              'the code of ringbuf__reserve_space',
              'only in the counters it updates (n_drops_buffer, n_evts)',
              'the counter structs are unchanged',
            ],
            path: RINGBUF,
            line: at('ringbuf__reserve_space('),
          },
        ],
      },
      {
        name: 'one more event counted by the function that only counts',
        base: withCode,
        head: statsCaseAdded,
        rules: ['stats-code-changed'],
        required: 'none',
        errors: [
          { message: ['the code of compute_event_types_stats'], path: STATS, line: at('compute_event_types_stats(') },
        ],
      },
      {
        name: 'a counter removed from the counter struct, its updates moved to another: the struct rules judge it',
        base: withCode,
        head: [
          editFile(DEFS)(['\tuint64_t n_drops_buffer;\n', '']),
          editFile(STATS)(['counter->n_drops_buffer++;', 'counter->n_evts++;']),
        ],
        errors: [
          {
            message: ['the code of compute_event_types_stats', 'with the counter structs (counter_map)'],
            path: STATS,
            line: at('compute_event_types_stats('),
          },
        ],
      },
    ],
  },
  {
    rule: 'code-follows-api-change',
    governs: 'api',
    bump: 'none',
    kind: 'note',
    valid: [
      {
        name: 'a getter change with no API change (dispatch)',
        base: withCode,
        head: editFile(GETTERS)(['return settings->snaplen;', 'return settings->snaplen + 1;']),
        rules: ['dispatch-code-changed'],
        required: 'none',
      },
      {
        name: 'a filler change next to an API change',
        base: withCode,
        head: [
          fillerChanged,
          editFile(MAPS)(['__weak bool is_dropping;\n', '__weak bool is_dropping;\n__weak uint32_t sampling_step;\n']),
        ],
        rules: ['bpf-map-added', 'filler-code-changed'],
        required: 'minor',
      },
    ],
    invalid: [
      {
        name: 'a settings getter that follows a new capture_settings field (the moved settings need their lookup)',
        base: withCode,
        head: settingsFieldAppended,
        rules: ['code-follows-api-change', 'struct-field-appended'],
        required: 'minor',
        errors: [
          {
            message: [
              'the code of maps__get_snaplen',
              'with the API change it serves (struct capture_settings gains snaplen_cap',
              'part of that change',
            ],
            path: GETTERS,
            line: at('maps__get_snaplen('),
          },
        ],
      },
      {
        name: 'sampling code that reads a new global (the new map needs its getter)',
        base: withCode,
        head: samplingGlobalAdded,
        required: 'minor',
        errors: [
          {
            message: ['the code of sampling_logic_exit', 'new modern probe global sampling_step'],
            path: EXIT,
            line: at('bool sampling_logic_exit('),
          },
        ],
      },
    ],
  },
];
