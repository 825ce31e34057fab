/**
 * Cases for the shared-constant rules, over fixtures/demo/base: driver/ppm_events_public.h has
 * PPM_MAX_EVENT_PARAMS, PPM_MAX_NAME_LEN and DEMO_BUFFER_BYTES (a constant userspace does not
 * use); the modern probe's struct_definitions.h has AUXILIARY_MAP_SIZE. Expected locations name the fixture text they point at (`at`, `atBase` in tester.ts), never a line number.
 */
import { at, atBase, editFile, type Change, type RuleCases } from '../tester.js';

const HEADER = 'driver/ppm_events_public.h';
const DEFS = 'driver/modern_bpf/shared_definitions/struct_definitions.h';
const inHeader = editFile(HEADER);
const inDefs = editFile(DEFS);

/** SYSCALL_TABLE_SIZE and the legacy RW_MAX_SNAPLEN, after PPM_MAX_NAME_LEN. */
const withTableSize: Change = inHeader([
  '#define PPM_MAX_NAME_LEN 32\n',
  '#define PPM_MAX_NAME_LEN 32\n#define SYSCALL_TABLE_SIZE 512\n#define RW_MAX_SNAPLEN 65000\n',
]);

export const constantCases: RuleCases[] = [
  {
    rule: 'shared-constant-changed',
    governs: 'api',
    bump: 'major',
    valid: [
      {
        name: 'a constant userspace does not use changes',
        head: inHeader(['#define DEMO_BUFFER_BYTES 8 * 1024 * 1024', '#define DEMO_BUFFER_BYTES 16 * 1024 * 1024']),
        rules: [],
      },
      {
        name: 'the same value spelled differently',
        base: withTableSize,
        head: inHeader(['#define SYSCALL_TABLE_SIZE 512', '#define SYSCALL_TABLE_SIZE (1 << 9)']),
        rules: [],
      },
      {
        name: 'a constant renamed at its value',
        base: withTableSize,
        head: inHeader(['#define RW_MAX_SNAPLEN 65000', '#define SNAPLEN_MAX 65000']),
        rules: ['shared-constant-renamed'],
      },
      {
        name: 'a constant that shapes events (the SCHEMA rule)',
        head: inHeader(['#define PPM_MAX_EVENT_PARAMS (1 << 5)', '#define PPM_MAX_EVENT_PARAMS (1 << 6)']),
        rules: ['event-limit-changed'],
      },
    ],
    invalid: [
      {
        name: 'SYSCALL_TABLE_SIZE grows (libscap sizes the syscall tables and masks with it)',
        base: withTableSize,
        head: inHeader(['#define SYSCALL_TABLE_SIZE 512', '#define SYSCALL_TABLE_SIZE 1024']),
        rules: ['shared-constant-changed'],
        required: 'major',
        errors: [
          {
            message: ['SYSCALL_TABLE_SIZE changed from 512 to 1024', 'libscap kmod and modern_bpf engines'],
            path: HEADER,
            line: at('#define SYSCALL_TABLE_SIZE'),
          },
        ],
      },
      {
        name: 'a constant userspace uses is removed',
        head: inHeader(['#define PPM_MAX_NAME_LEN 32\n', '']),
        required: 'major',
        errors: [
          {
            message: ['PPM_MAX_NAME_LEN (32) was removed from driver/ppm_events_public.h', 'ppm_sc_names.c'],
            path: HEADER,
            line: atBase('#define PPM_MAX_NAME_LEN'),
          },
        ],
      },
    ],
  },
  {
    rule: 'event-limit-changed',
    bump: 'major',
    valid: [
      {
        name: 'the same limit spelled differently',
        head: inHeader(['#define PPM_MAX_EVENT_PARAMS (1 << 5)', '#define PPM_MAX_EVENT_PARAMS 32']),
        rules: [],
      },
      {
        name: 'an API constant changes (the API rule)',
        head: inHeader(['#define PPM_MAX_NAME_LEN 32', '#define PPM_MAX_NAME_LEN 64']),
        rules: ['shared-constant-changed'],
      },
    ],
    invalid: [
      {
        name: 'the max params of an event grow (libs 0c7a31025 took it from 20 to 32)',
        head: inHeader(['#define PPM_MAX_EVENT_PARAMS (1 << 5)', '#define PPM_MAX_EVENT_PARAMS (1 << 6)']),
        rules: ['event-limit-changed'],
        required: 'major',
        errors: [
          {
            message: ['PPM_MAX_EVENT_PARAMS changed from 32 to 64', 'scap_print_event.c'],
            path: HEADER,
            line: at('#define PPM_MAX_EVENT_PARAMS'),
          },
        ],
      },
    ],
  },
  {
    rule: 'shared-constant-added',
    governs: 'api',
    bump: 'minor',
    valid: [
      {
        name: 'a driver-internal constant added to a mixed header',
        head: inHeader([
          '#define DEMO_BUFFER_BYTES 8 * 1024 * 1024\n',
          '#define DEMO_BUFFER_BYTES 8 * 1024 * 1024\n#define DEMO_LOOKAHEAD 16\n',
        ]),
        rules: [],
      },
      {
        name: 'a constant renamed at its value',
        base: withTableSize,
        head: inHeader(['#define RW_MAX_SNAPLEN 65000', '#define SNAPLEN_MAX 65000']),
        rules: ['shared-constant-renamed'],
      },
    ],
    invalid: [
      {
        name: 'a constant userspace uses (MAX_ITER_EVENT_SIZE, libs 30a8910c1)',
        head: inHeader([
          '#define DEMO_BUFFER_BYTES 8 * 1024 * 1024\n',
          '#define DEMO_BUFFER_BYTES 8 * 1024 * 1024\n#define MAX_ITER_EVENT_SIZE 64 * 1024\n',
        ]),
        rules: ['shared-constant-added'],
        required: 'minor',
        errors: [
          {
            message: ['new shared constant MAX_ITER_EVENT_SIZE = 64 * 1024 (65536) in driver/ppm_events_public.h'],
            path: HEADER,
            line: at('#define MAX_ITER_EVENT_SIZE'),
          },
        ],
      },
      {
        name: 'any constant of a header that exists to be shared',
        head: inDefs([
          '#define AUXILIARY_MAP_SIZE 16 * 1024\n',
          '#define AUXILIARY_MAP_SIZE 16 * 1024\n#define SINGLE_RINGBUF_DIMENSION 8 * 1024 * 1024\n',
        ]),
        errors: [
          {
            message: ['new shared constant SINGLE_RINGBUF_DIMENSION'],
            path: DEFS,
            line: at('#define SINGLE_RINGBUF_DIMENSION'),
          },
        ],
      },
    ],
  },
  {
    rule: 'shared-constant-renamed',
    governs: 'api',
    bump: 'none',
    kind: 'note',
    valid: [
      {
        name: 'renamed with another value: removed and added',
        base: withTableSize,
        head: inHeader(['#define RW_MAX_SNAPLEN 65000', '#define SNAPLEN_MAX 60000']),
        rules: ['shared-constant-added', 'shared-constant-changed'],
      },
    ],
    invalid: [
      {
        name: 'RW_MAX_SNAPLEN renamed SNAPLEN_MAX at the same value (libs 05f441523)',
        base: withTableSize,
        head: inHeader(['#define RW_MAX_SNAPLEN 65000', '#define SNAPLEN_MAX 65000']),
        rules: ['shared-constant-renamed'],
        required: 'none',
        errors: [
          {
            message: ['shared constant RW_MAX_SNAPLEN is now SNAPLEN_MAX (value 65000 kept)'],
            path: HEADER,
            line: at('#define SNAPLEN_MAX'),
          },
        ],
      },
    ],
  },
];
