/**
 * Cases for the rules over the event production matrix. The base is the demo tree with
 * fixtures/code: driver/fillers_table.c gives the kmod fillers of GENERIC_X, OPEN_X, CLOSE_X,
 * READ_X (autofill) and SETSOCKOPT_X (under #ifdef); the modern probe's close_x (close.bpf.c)
 * starts CLOSE_X. Every enter event of the demo is EF_OLD_VERSION. Expected locations name the fixture text they point at (`at`, `atBase` in tester.ts), never a line number.
 */
import path from 'node:path';
import { readTree } from '../../../src/source/scratch.js';
import { FIXTURES } from '../../helpers/surface.js';
import {
  at,
  appendEventCodes,
  appendEventEntries,
  dropLine,
  editFile,
  inEventTable,
  setFile,
  type Change,
  type RuleCases,
} from '../tester.js';

const TABLE = 'driver/fillers_table.c';
const inTable = editFile(TABLE);
const OPEN_PROG = 'driver/modern_bpf/programs/tail_called/events/open.bpf.c';
const withCode: Change = (tree) => ({ ...tree, ...readTree(path.join(FIXTURES, 'code')) });

/** The modern probe gains a program for PPME_SYSCALL_OPEN_X. */
const openProgram = setFile(
  OPEN_PROG,
  'SEC("tp_btf/sys_exit")\nint BPF_PROG(open_x, struct pt_regs *regs, long ret) {\n\tstruct ringbuf_struct ringbuf;\n\tif(!ringbuf__reserve_space(&ringbuf, OPEN_X_SIZE, PPME_SYSCALL_OPEN_X)) {\n\t\treturn 0;\n\t}\n\tringbuf__store_event_header(&ringbuf);\n\tringbuf__store_s64(&ringbuf, ret);\n\tringbuf__submit_event(&ringbuf);\n\treturn 0;\n}\n',
);

/** A newer version of read: PPME_SYSCALL_READ_2_E/X (codes 10, 11), READ_X marked EF_OLD_VERSION, the kmod filling READ_2_X instead. */
const read2: Change[] = [
  appendEventCodes('PPME_SYSCALL_READ_2_E', 'PPME_SYSCALL_READ_2_X'),
  appendEventEntries(
    '[PPME_SYSCALL_READ_2_E] = {"read", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD | EF_OLD_VERSION, 0},',
    '[PPME_SYSCALL_READ_2_X] = {"read", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD, 1, {{"res", PT_ERRNO, PF_DEC}}},',
  ),
  inEventTable([
    '                                 EF_USES_FD | EF_READS_FROM_FD,\n                                 3,',
    '                                 EF_USES_FD | EF_READS_FROM_FD | EF_OLD_VERSION,\n                                 3,',
  ]),
  inTable([
    '[PPME_SYSCALL_READ_X] = {FILLER_REF(sys_autofill), 2, APT_REG, {{AF_ID_RETVAL}, {0}}},',
    '[PPME_SYSCALL_READ_2_X] = {FILLER_REF(sys_read_x)},',
  ]),
];

export const productionCases: RuleCases[] = [
  {
    rule: 'event-no-longer-produced',
    bump: 'major',
    valid: [
      {
        name: 'a newer version of the event takes its place (the old one EF_OLD_VERSION)',
        base: withCode,
        head: read2,
        rules: ['event-old-version-added', 'event-pair-added'],
        required: 'minor',
      },
      {
        name: 'an event the base already marked EF_OLD_VERSION stops being produced',
        base: [
          withCode,
          inTable([
            '        [PPME_GENERIC_X]',
            '        [PPME_SYSCALL_OPEN_E] = {FILLER_REF(sys_open_e)},\n        [PPME_GENERIC_X]',
          ]),
        ],
        head: dropLine(TABLE, 'PPME_SYSCALL_OPEN_E'),
        rules: [],
      },
      {
        name: 'the legacy probe dropped as a whole (an API matter, not one per event)',
        base: [
          withCode,
          setFile('driver/bpf/fillers.h', 'FILLER(sys_open_x, true) {\n\treturn bpf_val_to_ring(data, 0);\n}\n'),
        ],
        head: (t) => Object.fromEntries(Object.entries(t).filter(([p]) => !p.startsWith('driver/bpf/'))),
        required: 'patch',
      },
    ],
    invalid: [
      {
        name: 'the kmod stops filling READ_X and nothing else named read is sent (libs 4.0.0, b43d0f957)',
        base: withCode,
        head: dropLine(TABLE, 'PPME_SYSCALL_READ_X'),
        rules: ['event-no-longer-produced'],
        required: 'major',
        errors: [
          {
            message: [
              'PPME_SYSCALL_READ_X is no longer produced by the kernel module',
              "no newer version of it is (an event named 'read'",
            ],
            path: 'driver/event_table.c',
            line: at('[PPME_SYSCALL_READ_X]'),
          },
        ],
      },
      {
        name: 'both the kmod and the modern probe stop sending CLOSE_X',
        base: withCode,
        head: [
          dropLine(TABLE, 'PPME_SYSCALL_CLOSE_X'),
          editFile('driver/modern_bpf/programs/tail_called/events/close.bpf.c')([
            'PPME_SYSCALL_CLOSE_X)',
            'PPME_GENERIC_X)',
          ]),
        ],
        errors: [
          {
            message: ['PPME_SYSCALL_CLOSE_X is no longer produced by the kernel module and the modern eBPF probe'],
            path: 'driver/event_table.c',
            line: at('[PPME_SYSCALL_CLOSE_X]'),
          },
        ],
      },
    ],
  },
  {
    rule: 'event-starts-being-produced',
    bump: 'minor',
    valid: [
      {
        name: 'a new event pair (event-pair-added covers it)',
        base: withCode,
        head: read2,
        rules: ['event-old-version-added', 'event-pair-added'],
      },
      {
        name: 'a filler swapped',
        base: withCode,
        head: inTable(['FILLER_REF(sys_close_x)', 'FILLER_REF(sys_single_x)']),
        rules: ['event-filler-swapped'],
      },
    ],
    invalid: [
      {
        name: 'the modern probe gains a program for an existing event',
        base: withCode,
        head: openProgram,
        required: 'minor',
        errors: [
          {
            message: ['PPME_SYSCALL_OPEN_X is now produced by the modern eBPF probe (program open_x)'],
            path: OPEN_PROG,
            line: at('BPF_PROG(open_x,'),
          },
        ],
      },
      {
        name: 'the kmod gains a filler for an existing event',
        base: withCode,
        head: inTable([
          '        [PPME_GENERIC_X]',
          '        [PPME_GENERIC_E] = {FILLER_REF(sys_generic)},\n        [PPME_GENERIC_X]',
        ]),
        rules: ['event-starts-being-produced'],
        required: 'minor',
        errors: [
          {
            message: ['PPME_GENERIC_E is now produced by the kernel module (filler sys_generic)'],
            path: TABLE,
            line: at('[PPME_GENERIC_E]'),
          },
        ],
      },
    ],
  },
  {
    rule: 'event-filler-swapped',
    bump: 'patch',
    valid: [
      {
        name: 'the table reformatted',
        base: withCode,
        head: inTable(['{FILLER_REF(sys_close_x)}', '{ FILLER_REF( sys_close_x ) }']),
        rules: [],
      },
      {
        name: 'an event that stops being produced',
        base: withCode,
        head: dropLine(TABLE, 'PPME_SYSCALL_CLOSE_X'),
        rules: ['event-no-longer-produced'],
      },
    ],
    invalid: [
      {
        name: 'another filler for CLOSE_X (libs 7733becc9 did this for GETRLIMIT_X)',
        base: withCode,
        head: inTable(['FILLER_REF(sys_close_x)', 'FILLER_REF(sys_single_x)']),
        rules: ['event-filler-swapped'],
        required: 'patch',
        errors: [
          {
            message: [
              'PPME_SYSCALL_CLOSE_X is filled differently by the kernel module: filler sys_close_x → sys_single_x',
            ],
            path: TABLE,
            line: at('[PPME_SYSCALL_CLOSE_X]'),
          },
        ],
      },
      {
        name: 'other autofill args for READ_X',
        base: withCode,
        head: inTable(['{{AF_ID_RETVAL}, {0}}', '{{AF_ID_RETVAL}, {1}}']),
        errors: [
          {
            message: ['PPME_SYSCALL_READ_X is filled differently by the kernel module: autofill args'],
            path: TABLE,
            line: at('[PPME_SYSCALL_READ_X]'),
          },
        ],
      },
    ],
  },
];
