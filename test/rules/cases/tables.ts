/**
 * Cases for the rules over the header's schema enums, the ppm_sc codes, the flag values
 * (flags_table.c and `#define PPM_*`) and the dynamic-param tables.
 *
 * fixtures/demo/base's driver/ppm_events_public.h has the PPM_O_* defines, PPM_AT_FDCWD, the
 * PPM_SOCKOPT_IDX_* defines, the PPM_SC_FIELDS entries (NA_1 retired) and the EC_*, EF_*, PT_*
 * and PF_* enums; driver/flags_table.c has file_flags and fcntl_commands;
 * driver/dynamic_params_table.c has sockopt_dynamic_param. Expected locations name the fixture text they point at (`at`, `atBase` in tester.ts), never a line number.
 */
import {
  addWritePair,
  at,
  atBase,
  DYN_TABLE,
  EVENT_TABLE,
  dropLine,
  editFile,
  FLAGS_TABLE,
  HEADER,
  inDynTable,
  inFlagsTable,
  inHeader,
  removeEventEntry,
  type Change,
  type RuleCases,
} from '../tester.js';

type Pair = [string, string];

const SYSCALLS = 'driver/syscall_table.c';
const inSyscalls = editFile(SYSCALLS);
const GENERIC_LINE = '        [__NR_setsockopt - SYSCALL_TABLE_ID0] = {.ppm_sc = PPM_SC_SETSOCKOPT},\n';

const PF_EXPLICIT = '\tPF_NA = 0,\n\tPF_DEC = 1,\n\tPF_HEX = 2,\n\tPF_OCT = 3,\n';
const PF_IMPLICIT = '\tPF_NA = 0,\n\tPF_DEC,\n\tPF_HEX,\n\tPF_OCT,\n';

/** A non-schema enum (driver-internal, like libs' syscall_flags), added before struct ppm_name_value. */
const SYSCALL_FLAGS_ENUM: Pair = [
  'struct ppm_name_value {',
  'enum syscall_flags {\n\tUF_NONE = 0,\n\tUF_USED = (1 << 0),\n};\n\nstruct ppm_name_value {',
];

const LAST_SC: Pair = ['\tPPM_SC_X(SETSOCKOPT, 5)\n', '\tPPM_SC_X(SETSOCKOPT, 5) \\\n'];
/** Appends X-macro entries after SETSOCKOPT, the last one. */
const appendSc = (...entries: string[]): Change =>
  inHeader([LAST_SC[0], `${LAST_SC[1] + entries.map((e) => `\t${e}`).join(' \\\n')}\n`]);

const O_EXCL_DEFINE: Pair = [
  '#define PPM_O_CREAT (1 << 2)\n',
  '#define PPM_O_CREAT (1 << 2)\n#define PPM_O_EXCL (1 << 3)\n',
];

/** A second dynamic-param table (ptrace's) with its index defines. */
const PTRACE_TABLE: Change[] = [
  inHeader([
    '#define PPM_SOCKOPT_IDX_MAX 2\n',
    '#define PPM_SOCKOPT_IDX_MAX 2\n#define PPM_PTRACE_IDX_UINT64 0\n#define PPM_PTRACE_IDX_SIGTYPE 1\n#define PPM_PTRACE_IDX_MAX 2\n',
  ]),
  inDynTable([
    '};\n',
    '};\n\nconst struct ppm_param_info ptrace_dynamic_param[PPM_PTRACE_IDX_MAX] = {\n        [PPM_PTRACE_IDX_UINT64] = {{0}, PT_UINT64, PF_HEX, 0, 0},\n        [PPM_PTRACE_IDX_SIGTYPE] = {{0}, PT_INT32, PF_DEC, 0, 0},\n};\n',
  ]),
];

const ERRNO_ENTRY = '[PPM_SOCKOPT_IDX_ERRNO] = {{0}, PT_ERRNO, PF_DEC, 0, 0},';

export const tableCases: RuleCases[] = [
  // ----------------------------------------------------------------------------- schema enums
  {
    rule: 'enum-value-added',
    bump: 'minor',
    valid: [
      { name: 'only the PT_MAX sentinel moves', head: inHeader(['\tPT_MAX = 13', '\tPT_MAX = 14']), rules: [] },
      { name: 'new event codes are not enum values', head: addWritePair, rules: ['event-pair-added'] },
      {
        name: 'new ppm_sc codes are not enum values',
        head: appendSc('PPM_SC_X(WRITE, 6)'),
        rules: ['ppm-sc-appended'],
      },
      {
        name: 'a value added to a driver-internal enum',
        base: inHeader(SYSCALL_FLAGS_ENUM),
        head: inHeader(['\tUF_USED = (1 << 0),\n', '\tUF_USED = (1 << 0),\n\tUF_NEVER_DROP = (1 << 1),\n']),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a new param type before the sentinel',
        head: inHeader(['\tPT_MAX = 13', '\tPT_UINT8 = 13,\n\tPT_MAX = 14']),
        errors: [{ message: ['ppm_param_type: new value PT_UINT8 = 13'], path: HEADER, line: at('PT_UINT8 = 13') }],
        rules: ['enum-value-added'],
        required: 'minor',
      },
      {
        name: 'a new category bit',
        head: inHeader(['\tEC_TRACEPOINT = (1 << 10),\n', '\tEC_TRACEPOINT = (1 << 10),\n\tEC_PLUGIN = (1 << 11),\n']),
        errors: [
          {
            message: ['ppm_event_category: new value EC_PLUGIN = 2048'],
            path: HEADER,
            line: at('EC_PLUGIN = (1 << 11)'),
          },
        ],
        rules: ['enum-value-added'],
        required: 'minor',
      },
      {
        name: 'a whole new schema enum',
        head: inHeader([
          'struct ppm_name_value {',
          'enum ppm_capture_category {\n\tPPMC_NONE = 0,\n\tPPMC_SYSCALL = 1,\n};\n\nstruct ppm_name_value {',
        ]),
        errors: [
          { message: ['ppm_capture_category: new value PPMC_NONE = 0'], path: HEADER, line: at('PPMC_NONE') },
          { message: ['ppm_capture_category: new value PPMC_SYSCALL = 1'], path: HEADER, line: at('PPMC_SYSCALL') },
        ],
        rules: ['enum-value-added'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'enum-value-renumbered',
    bump: 'major',
    valid: [
      {
        name: 'a value respelled with the same number',
        head: inHeader(['\tEF_LARGE_PAYLOAD = (1 << 11),', '\tEF_LARGE_PAYLOAD = 0x800,']),
        rules: [],
      },
      { name: 'explicit values made implicit', head: inHeader([PF_EXPLICIT, PF_IMPLICIT]), rules: [] },
      {
        name: 'a value appended before the moving sentinel',
        head: inHeader(['\tPT_MAX = 13', '\tPT_UINT8 = 13,\n\tPT_MAX = 14']),
        rules: ['enum-value-added'],
      },
      {
        name: 'a value renumbered in a driver-internal enum',
        base: inHeader(SYSCALL_FLAGS_ENUM),
        head: inHeader(['\tUF_USED = (1 << 0),', '\tUF_USED = (1 << 3),']),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a flag bit moved',
        head: inHeader(['\tEF_LARGE_PAYLOAD = (1 << 11),', '\tEF_LARGE_PAYLOAD = (1 << 12),']),
        errors: [
          {
            message: ['ppm_event_flags: EF_LARGE_PAYLOAD changed from 2048 to 4096'],
            path: HEADER,
            line: at('EF_LARGE_PAYLOAD = (1 << 12)'),
          },
        ],
        rules: ['enum-value-renumbered'],
        required: 'major',
      },
      {
        name: 'implicit values shift when one is inserted in the middle',
        base: inHeader([PF_EXPLICIT, PF_IMPLICIT]),
        head: inHeader(['\tPF_NA = 0,\n', '\tPF_NA = 0,\n\tPF_10_PADDED_DEC,\n']),
        errors: [
          { message: ['ppm_print_format: PF_DEC changed from 1 to 2'], path: HEADER, line: at('PF_DEC') },
          { message: ['ppm_print_format: PF_HEX changed from 2 to 3'], path: HEADER, line: at('PF_HEX') },
          { message: ['ppm_print_format: PF_OCT changed from 3 to 4'], path: HEADER, line: at('PF_OCT') },
        ],
        rules: ['enum-value-added', 'enum-value-renumbered'],
        required: 'major',
      },
      {
        name: 'a value retired as a comment and its number given to a new one',
        head: inHeader(['\tPF_OCT = 3,\n', '\t// PF_OCT = 3, SUPPORT DROPPED\n\tPF_ID = 3,\n']),
        errors: [
          {
            message: ['ppm_print_format: new PF_ID reuses 3, the number of retired PF_OCT'],
            path: HEADER,
            line: at('PF_ID'),
          },
        ],
        rules: ['enum-value-renumbered'],
        required: 'major',
      },
      {
        name: 'a number retired long ago (a comment at the base) taken by a new flag',
        head: inHeader([
          '\tEF_LARGE_PAYLOAD = (1 << 11),\n',
          '\tEF_LARGE_PAYLOAD = (1 << 11),\n\tEF_NEW_THING = (1 << 10),\n',
        ]),
        errors: [
          {
            message: ['ppm_event_flags: new EF_NEW_THING reuses 1024, the number of retired EF_DROPPED_LONG_AGO'],
            path: HEADER,
            line: at('EF_NEW_THING = (1 << 10)'),
          },
        ],
        rules: ['enum-value-renumbered'],
        required: 'major',
      },
    ],
  },
  {
    rule: 'enum-value-renamed',
    bump: 'none',
    kind: 'note',
    valid: [
      { name: 'a value removed outright', head: inHeader(['\tPF_OCT = 3,\n', '']), rules: ['enum-value-removed'] },
      {
        name: 'a retired number reused is not a rename',
        head: inHeader(['\tPF_OCT = 3,\n', '\t// PF_OCT = 3, SUPPORT DROPPED\n\tPF_ID = 3,\n']),
        rules: ['enum-value-renumbered'],
      },
    ],
    invalid: [
      {
        name: 'an event code pair renamed at its numbers (libs PPME_SYSDIGEVENT_E/X → PPME_SCAPEVENT_E/X)',
        head: [
          inHeader([
            '\tPPME_SYSCALL_READ_E = 6,\n\tPPME_SYSCALL_READ_X = 7,\n',
            '\tPPME_SYSCALL_PREAD_E = 6,\n\tPPME_SYSCALL_PREAD_X = 7,\n',
          ]),
          (tree) => ({
            ...tree,
            [EVENT_TABLE]: tree[EVENT_TABLE]!.replaceAll('PPME_SYSCALL_READ_', 'PPME_SYSCALL_PREAD_'),
          }),
        ],
        errors: [
          {
            message: ['ppm_event_code: PPME_SYSCALL_READ_E renamed to PPME_SYSCALL_PREAD_E (code 6)'],
            path: HEADER,
            line: at('PPME_SYSCALL_PREAD_E'),
          },
          {
            message: ['ppm_event_code: PPME_SYSCALL_READ_X renamed to PPME_SYSCALL_PREAD_X (code 7)'],
            path: HEADER,
            line: at('PPME_SYSCALL_PREAD_X'),
          },
        ],
        rules: ['enum-value-renamed'],
        required: 'none',
      },
      {
        name: 'a flag renamed at the same bit (libs EF_TMP_CONVERTER_MANAGED → EF_CONVERTER_MANAGED)',
        head: [
          inHeader(['\tEF_MODIFIES_STATE = (1 << 5),\n', '\tEF_CHANGES_STATE = (1 << 5),\n']),
          (tree) => ({
            ...tree,
            [EVENT_TABLE]: tree[EVENT_TABLE]!.replaceAll('EF_MODIFIES_STATE', 'EF_CHANGES_STATE'),
          }),
        ],
        errors: [
          {
            message: ['ppm_event_flags: EF_MODIFIES_STATE renamed to EF_CHANGES_STATE (value 32)'],
            path: HEADER,
            line: at('EF_CHANGES_STATE = (1 << 5)'),
          },
        ],
        rules: ['enum-value-renamed'],
        required: 'none',
      },
    ],
  },
  {
    rule: 'enum-value-removed',
    bump: 'minor',
    valid: [
      {
        name: 'the PT_MAX sentinel removed',
        head: inHeader(['\tPT_FD32 = 12,\n\tPT_MAX = 13\n', '\tPT_FD32 = 12\n']),
        rules: [],
      },
      {
        name: 'an event code removed is event-removed',
        head: [inHeader(['\tPPME_SOCKET_SETSOCKOPT_X = 9,\n', '']), removeEventEntry('PPME_SOCKET_SETSOCKOPT_X')],
        rules: ['event-removed'],
      },
      {
        name: 'a value removed from a driver-internal enum',
        base: inHeader(SYSCALL_FLAGS_ENUM),
        head: inHeader(['\tUF_USED = (1 << 0),\n', '']),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a category removed',
        head: inHeader(['\tEC_TRACEPOINT = (1 << 10),\n', '']),
        errors: [
          {
            message: ['ppm_event_category: EC_TRACEPOINT (1024) was removed'],
            path: HEADER,
            line: atBase('EC_TRACEPOINT = (1 << 10)'),
          },
        ],
        rules: ['enum-value-removed'],
        required: 'minor',
      },
      {
        name: 'a flag retired as a comment, the way libs does',
        head: inHeader(['\tEF_LARGE_PAYLOAD = (1 << 11),', '\t// EF_LARGE_PAYLOAD = (1 << 11), SUPPORT DROPPED']),
        errors: [
          {
            message: ['ppm_event_flags: EF_LARGE_PAYLOAD (2048) was removed'],
            path: HEADER,
            line: atBase('EF_LARGE_PAYLOAD = (1 << 11)'),
          },
        ],
        rules: ['enum-value-removed'],
        required: 'minor',
      },
      {
        name: 'a whole enum removed',
        head: inHeader([`enum ppm_print_format {\n${PF_EXPLICIT}};\n\n`, '']),
        errors: [{ message: ['enum ppm_print_format was removed'], path: HEADER, line: atBase('PF_NA = 0') }],
        rules: ['enum-value-removed'],
        required: 'minor',
      },
    ],
  },
  // ----------------------------------------------------------------------------- ppm_sc codes
  {
    rule: 'ppm-sc-appended',
    bump: 'patch',
    valid: [
      { name: 'a retired code added as a comment', head: appendSc('/*PPM_SC_X(NA_2, 6)*/'), rules: [] },
      {
        name: 'the X-macro realigned',
        head: inHeader(['\tPPM_SC_X(CLOSE, 2)         \\', '\tPPM_SC_X(CLOSE, 2) \\']),
        rules: [],
      },
      {
        name: 'an existing code renumbered',
        head: inHeader(['PPM_SC_X(READ, 4)', 'PPM_SC_X(READ, 6)']),
        rules: ['ppm-sc-renumbered'],
      },
    ],
    invalid: [
      {
        name: 'a code appended by syscalls-bumper',
        head: appendSc('PPM_SC_X(WRITE, 6)'),
        errors: [{ message: ['new PPM_SC_WRITE = 6'], path: HEADER, line: at('PPM_SC_X(WRITE, 6)') }],
        rules: ['ppm-sc-appended'],
        required: 'patch',
      },
      {
        name: 'two codes appended',
        head: appendSc('PPM_SC_X(WRITE, 6)', 'PPM_SC_X(PREAD64, 7)'),
        errors: [
          { message: ['new PPM_SC_WRITE = 6'], path: HEADER, line: at('PPM_SC_X(WRITE, 6)') },
          { message: ['new PPM_SC_PREAD64 = 7'], path: HEADER, line: at('PPM_SC_X(PREAD64, 7)') },
        ],
        rules: ['ppm-sc-appended'],
        required: 'patch',
      },
    ],
  },
  {
    rule: 'ppm-sc-renumbered',
    bump: 'major',
    valid: [
      { name: 'a code appended at a fresh number', head: appendSc('PPM_SC_X(WRITE, 6)'), rules: ['ppm-sc-appended'] },
      {
        name: 'a code respelled with the same number',
        head: inHeader(['PPM_SC_X(READ, 4)', 'PPM_SC_X(READ, 2 + 2)']),
        rules: [],
      },
      {
        name: 'a code retired keeps its number reserved',
        head: inHeader(['\tPPM_SC_X(CLOSE, 2)  ', '\t/*PPM_SC_X(CLOSE, 2)*/']),
        rules: ['ppm-sc-removed'],
      },
    ],
    invalid: [
      {
        name: 'an existing code renumbered',
        head: inHeader(['PPM_SC_X(READ, 4)', 'PPM_SC_X(READ, 6)']),
        errors: [{ message: ['PPM_SC_READ changed from 4 to 6'], path: HEADER, line: at('PPM_SC_X(READ, 6)') }],
        rules: ['ppm-sc-renumbered'],
        required: 'major',
      },
      {
        name: 'a new code takes the number of a retired one',
        head: appendSc('PPM_SC_X(WRITE, 3)'),
        errors: [
          {
            message: ['new PPM_SC_WRITE reuses 3, the number of retired PPM_SC_NA_1'],
            path: HEADER,
            line: at('PPM_SC_X(WRITE, 3)'),
          },
        ],
        rules: ['ppm-sc-renumbered'],
        required: 'major',
      },
      {
        name: 'a new code takes the number of a live one',
        head: appendSc('PPM_SC_X(PREAD, 4)'),
        errors: [
          {
            message: ['new PPM_SC_PREAD reuses 4, the number of PPM_SC_READ'],
            path: HEADER,
            line: at('PPM_SC_X(PREAD, 4)'),
          },
        ],
        rules: ['ppm-sc-renumbered'],
        required: 'major',
      },
      {
        name: 'a retired code made live again',
        head: inHeader(['\t/*PPM_SC_X(NA_1, 3)*/', '\tPPM_SC_X(NA_1, 3)    ']),
        errors: [
          { message: ['PPM_SC_NA_1 (3) was retired and is live again'], path: HEADER, line: at('PPM_SC_X(NA_1, 3)') },
        ],
        rules: ['ppm-sc-renumbered'],
        required: 'major',
      },
    ],
  },
  {
    rule: 'ppm-sc-renamed',
    bump: 'none',
    kind: 'note',
    valid: [
      {
        name: 'a code removed outright',
        head: inHeader(['\tPPM_SC_X(READ, 4)          \\\n', '']),
        rules: ['ppm-sc-removed'],
      },
      {
        name: 'a retired code taken by a new name is a reuse',
        head: inHeader(['\t/*PPM_SC_X(NA_1, 3)*/      \\\n', '\tPPM_SC_X(NEWCALL, 3)      \\\n']),
        rules: ['ppm-sc-renumbered'],
      },
    ],
    invalid: [
      {
        name: 'a name moved onto a number whose old name is gone, its old number retired (libs 5.0.0: PIDFD_GETFD 382 → 346)',
        base: appendSc('PPM_SC_X(PIDFD_GET_FD, 6)', 'PPM_SC_X(PIDFD_GETFD, 7)'),
        head: inHeader([
          '\tPPM_SC_X(PIDFD_GET_FD, 6) \\\n\tPPM_SC_X(PIDFD_GETFD, 7)\n',
          '\tPPM_SC_X(PIDFD_GETFD, 6) \\\n\t/*PPM_SC_X(NA_2, 7)*/\n',
        ]),
        errors: [
          {
            message: ['PPM_SC code 6: PPM_SC_PIDFD_GET_FD renamed to PPM_SC_PIDFD_GETFD'],
            path: HEADER,
            line: at('PPM_SC_X(PIDFD_GETFD, 6)'),
          },
        ],
        rules: ['ppm-sc-removed', 'ppm-sc-renamed'],
      },
      {
        name: 'a code renamed at its number (libs 09a74c1fb)',
        head: inHeader(['\tPPM_SC_X(READ, 4)          \\\n', '\tPPM_SC_X(READ_V2, 4)       \\\n']),
        errors: [
          {
            message: ['PPM_SC code 4: PPM_SC_READ renamed to PPM_SC_READ_V2'],
            path: HEADER,
            line: at('PPM_SC_X(READ_V2, 4)'),
          },
        ],
        rules: ['ppm-sc-renamed'],
        required: 'none',
      },
    ],
  },
  {
    rule: 'syscall-routing-changed',
    bump: 'minor',
    valid: [
      {
        name: 'a new generic syscall (the bumper: ppm_sc only)',
        head: [
          appendSc('PPM_SC_X(PREAD, 6)'),
          inSyscalls([
            GENERIC_LINE,
            `${GENERIC_LINE}        [__NR_pread - SYSCALL_TABLE_ID0] = {.ppm_sc = PPM_SC_PREAD},\n`,
          ]),
        ],
        rules: ['ppm-sc-appended'],
      },
      {
        name: 'a guard added around an entry',
        head: inSyscalls(
          ['        [__NR_close', '#ifdef __NR_close\n        [__NR_close'],
          ['PPM_SC_CLOSE},\n', 'PPM_SC_CLOSE},\n#endif\n'],
        ),
        rules: [],
      },
      {
        name: 'only the UF_* flags change',
        head: inSyscalls(['{UF_USED, PPME_SYSCALL_READ_E', '{UF_USED | UF_ALWAYS_DROP, PPME_SYSCALL_READ_E']),
        rules: ['syscall-flags-changed'],
      },
      {
        name: 'the ppm_sc code renamed at its number (libs 09a74c1fb)',
        head: [
          inHeader(['\tPPM_SC_X(READ, 4)          \\\n', '\tPPM_SC_X(READ_V2, 4)       \\\n']),
          inSyscalls(['PPM_SC_READ}', 'PPM_SC_READ_V2}']),
        ],
        rules: ['ppm-sc-renamed'],
      },
    ],
    invalid: [
      {
        name: 'a generic syscall gets dedicated events',
        head: inSyscalls([
          GENERIC_LINE,
          '        [__NR_setsockopt - SYSCALL_TABLE_ID0] = {UF_USED, PPME_SOCKET_SETSOCKOPT_E, PPME_SOCKET_SETSOCKOPT_X, PPM_SC_SETSOCKOPT},\n',
        ]),
        errors: [
          {
            message: [
              '__NR_setsockopt: events PPME_GENERIC_E/PPME_GENERIC_X → PPME_SOCKET_SETSOCKOPT_E/PPME_SOCKET_SETSOCKOPT_X',
            ],
            path: SYSCALLS,
            line: at('__NR_setsockopt'),
          },
        ],
        rules: ['syscall-routing-changed', 'syscall-flags-changed'],
        required: 'minor',
      },
      {
        name: 'a syscall removed from the table',
        head: inSyscalls([
          '        [__NR_read - SYSCALL_TABLE_ID0] = {UF_USED, PPME_SYSCALL_READ_E, PPME_SYSCALL_READ_X, PPM_SC_READ},\n',
          '',
        ]),
        errors: [
          {
            message: ['__NR_read is no longer in g_syscall_table (was PPME_SYSCALL_READ_E/PPME_SYSCALL_READ_X)'],
            path: SYSCALLS,
            line: atBase('__NR_read'),
          },
        ],
      },
    ],
  },
  {
    rule: 'syscall-flags-changed',
    bump: 'patch',
    valid: [
      {
        name: 'flags reordered',
        head: inSyscalls([
          '{UF_USED | UF_NEVER_DROP, PPME_SYSCALL_CLOSE_E',
          '{UF_NEVER_DROP | UF_USED, PPME_SYSCALL_CLOSE_E',
        ]),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a syscall becomes never-drop',
        head: inSyscalls(['{UF_USED, PPME_SYSCALL_READ_E', '{UF_USED | UF_NEVER_DROP, PPME_SYSCALL_READ_E']),
        errors: [
          { message: ['__NR_read flags UF_USED → UF_NEVER_DROP | UF_USED'], path: SYSCALLS, line: at('__NR_read') },
        ],
        rules: ['syscall-flags-changed'],
        required: 'patch',
      },
    ],
  },
  {
    rule: 'ppm-sc-removed',
    bump: 'minor',
    valid: [
      { name: 'a code appended', head: appendSc('PPM_SC_X(WRITE, 6)'), rules: ['ppm-sc-appended'] },
      {
        name: 'a code renumbered',
        head: inHeader(['PPM_SC_X(READ, 4)', 'PPM_SC_X(READ, 6)']),
        rules: ['ppm-sc-renumbered'],
      },
    ],
    invalid: [
      {
        name: 'a code deleted',
        head: dropLine(HEADER, 'PPM_SC_X(CLOSE, 2)'),
        errors: [
          {
            message: ['PPM_SC_CLOSE (2) was removed; its number stays reserved'],
            path: HEADER,
            line: atBase('PPM_SC_X(CLOSE, 2)'),
          },
        ],
        rules: ['ppm-sc-removed'],
        required: 'minor',
      },
      {
        name: 'a code retired as a comment',
        head: inHeader(['\tPPM_SC_X(CLOSE, 2)  ', '\t/*PPM_SC_X(CLOSE, 2)*/']),
        errors: [{ message: ['PPM_SC_CLOSE (2) was retired'], path: HEADER, line: at('PPM_SC_X(CLOSE, 2)') }],
        rules: ['ppm-sc-removed'],
        required: 'minor',
      },
    ],
  },
  // ----------------------------------------------------------------------------- flag values
  {
    rule: 'flag-value-added',
    bump: 'minor',
    valid: [
      {
        name: 'a PPM_MAX_* limit added',
        head: inHeader([
          '#define PPM_MAX_NAME_LEN 32\n',
          '#define PPM_MAX_NAME_LEN 32\n#define PPM_MAX_PATH_SIZE 256\n',
        ]),
        rules: [],
      },
      {
        name: 'an ioctl number added (API, not a schema value)',
        head: inHeader([
          '#define PPM_AT_FDCWD -100\n',
          '#define PPM_AT_FDCWD -100\n#define PPM_IOCTL_DISABLE_CAPTURE 1\n',
        ]),
        rules: ['ioctl-added'],
      },
      {
        name: 'a define outside the PPM_ namespace',
        head: inHeader([
          '#define DEMO_BUFFER_BYTES 8 * 1024 * 1024\n',
          '#define DEMO_BUFFER_BYTES 8 * 1024 * 1024\n#define DEMO_RING_PAGES 64\n',
        ]),
        rules: [],
      },
      {
        name: 'entries of a table reordered',
        head: inFlagsTable([
          '        {"O_RDWR", PPM_O_RDWR},\n        {"O_RDONLY", PPM_O_RDONLY},\n',
          '        {"O_RDONLY", PPM_O_RDONLY},\n        {"O_RDWR", PPM_O_RDWR},\n',
        ]),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a new flag: its define and its table entry',
        head: [
          inHeader(O_EXCL_DEFINE),
          inFlagsTable([
            '        {"O_NONE", PPM_O_NONE},\n',
            '        {"O_EXCL", PPM_O_EXCL},\n        {"O_NONE", PPM_O_NONE},\n',
          ]),
        ],
        errors: [
          { message: ['new PPM_O_EXCL = (1 << 3)'], path: HEADER, line: at('#define PPM_O_EXCL') },
          { message: ['file_flags gains O_EXCL = PPM_O_EXCL'], path: FLAGS_TABLE, line: at('"O_EXCL"') },
        ],
        rules: ['flag-value-added'],
        required: 'minor',
      },
      {
        name: 'a new flag table with a new value (its entries are not reported one by one)',
        head: [
          inHeader(O_EXCL_DEFINE),
          inFlagsTable([
            '        {0, 0},\n};\n\nconst struct ppm_name_value fcntl_commands',
            '        {0, 0},\n};\n\nconst struct ppm_name_value access_modes[] = {\n        {"R_OK", PPM_O_RDONLY},\n        {"X_OK", PPM_O_EXCL},\n        {0, 0},\n};\n\nconst struct ppm_name_value fcntl_commands',
          ]),
        ],
        errors: [
          {
            message: ['new flag table access_modes (2 values, 1 of them new)'],
            path: FLAGS_TABLE,
            line: at('access_modes[]'),
          },
          { message: ['new PPM_O_EXCL'], path: HEADER, line: at('#define PPM_O_EXCL') },
        ],
        rules: ['flag-value-added'],
        required: 'minor',
      },
      {
        name: 'a table entry written with a literal (a value the tool cannot tie to an existing one)',
        head: inFlagsTable([
          '        {"O_NONE", PPM_O_NONE},\n',
          '        {"O_EXCL", (1 << 3)},\n        {"O_NONE", PPM_O_NONE},\n',
        ]),
        errors: [{ message: ['file_flags gains O_EXCL = (1 << 3)'], path: FLAGS_TABLE, line: at('"O_EXCL"') }],
        rules: ['flag-value-added'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'flag-name-added',
    bump: 'patch',
    valid: [
      {
        name: 'a new value with its entry (flag-value-added)',
        head: [
          inHeader(O_EXCL_DEFINE),
          inFlagsTable([
            '        {"O_NONE", PPM_O_NONE},\n',
            '        {"O_EXCL", PPM_O_EXCL},\n        {"O_NONE", PPM_O_NONE},\n',
          ]),
        ],
        rules: ['flag-value-added'],
      },
      {
        name: 'an entry reordered',
        head: inFlagsTable([
          '        {"O_RDWR", PPM_O_RDWR},\n        {"O_RDONLY", PPM_O_RDONLY},\n',
          '        {"O_RDONLY", PPM_O_RDONLY},\n        {"O_RDWR", PPM_O_RDWR},\n',
        ]),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'an entry naming a value the driver could already send (libs bb45c6358)',
        base: inHeader(O_EXCL_DEFINE),
        head: inFlagsTable([
          '        {"O_NONE", PPM_O_NONE},\n',
          '        {"O_EXCL", PPM_O_EXCL},\n        {"O_NONE", PPM_O_NONE},\n',
        ]),
        rules: ['flag-name-added'],
        required: 'patch',
        errors: [
          {
            message: ['file_flags gains a name for an existing value: O_EXCL = PPM_O_EXCL'],
            path: FLAGS_TABLE,
            line: at('"O_EXCL"'),
          },
        ],
      },
      {
        name: 'a new table of existing values only',
        head: inFlagsTable([
          '        {0, 0},\n};\n\nconst struct ppm_name_value fcntl_commands',
          '        {0, 0},\n};\n\nconst struct ppm_name_value access_modes[] = {\n        {"R_OK", PPM_O_RDONLY},\n        {"RW_OK", PPM_O_RDONLY | PPM_O_WRONLY},\n        {0, 0},\n};\n\nconst struct ppm_name_value fcntl_commands',
        ]),
        rules: ['flag-name-added'],
        required: 'patch',
        errors: [
          {
            message: ['new flag table access_modes names 2 existing values'],
            path: FLAGS_TABLE,
            line: at('access_modes[]'),
          },
        ],
      },
    ],
  },
  {
    rule: 'flag-value-changed',
    bump: 'major',
    valid: [
      {
        name: 'a define respelled with the same value',
        head: inHeader(['#define PPM_O_CREAT (1 << 2)', '#define PPM_O_CREAT 0x4']),
        rules: [],
      },
      {
        name: 'a table entry spelled with the value',
        head: inFlagsTable(['{"O_CREAT", PPM_O_CREAT}', '{"O_CREAT", (1 << 2)}']),
        rules: [],
      },
      {
        name: 'a PPM_MAX_* limit changed',
        head: inHeader(['#define PPM_MAX_NAME_LEN 32', '#define PPM_MAX_NAME_LEN 64']),
        rules: ['shared-constant-changed'],
      },
      {
        name: 'a define renamed at the same value',
        head: [
          inHeader(['#define PPM_O_CREAT (1 << 2)', '#define PPM_O_CREATE (1 << 2)']),
          inFlagsTable(['{"O_CREAT", PPM_O_CREAT}', '{"O_CREAT", PPM_O_CREATE}']),
        ],
        rules: ['flag-value-added', 'flag-value-removed'],
      },
    ],
    invalid: [
      {
        name: 'a flag bit moved: the define and the table entry that uses it',
        head: inHeader(['#define PPM_O_CREAT (1 << 2)', '#define PPM_O_CREAT (1 << 3)']),
        errors: [
          { message: ['PPM_O_CREAT changed from 4 to 8'], path: HEADER, line: at('#define PPM_O_CREAT') },
          { message: ['file_flags: O_CREAT changed from 4 to 8'], path: FLAGS_TABLE, line: at('"O_CREAT"') },
        ],
        rules: ['flag-value-changed'],
        required: 'major',
      },
      {
        name: 'a bit moved also moves the defines and entries derived from it',
        head: inHeader(['#define PPM_O_WRONLY (1 << 1)', '#define PPM_O_WRONLY (1 << 4)']),
        errors: [
          { message: ['PPM_O_WRONLY changed from 2 to 16'], path: HEADER, line: at('#define PPM_O_WRONLY') },
          { message: ['PPM_O_RDWR changed from 3 to 17'], path: HEADER, line: at('#define PPM_O_RDWR') },
          { message: ['file_flags: O_RDWR changed from 3 to 17'], path: FLAGS_TABLE, line: at('"O_RDWR"') },
          { message: ['file_flags: O_WRONLY changed from 2 to 16'], path: FLAGS_TABLE, line: at('"O_WRONLY"') },
        ],
        rules: ['flag-value-changed'],
        required: 'major',
      },
      {
        name: 'a table entry mapped to another value',
        head: inFlagsTable(['{"O_CREAT", PPM_O_CREAT}', '{"O_CREAT", PPM_O_WRONLY}']),
        errors: [{ message: ['file_flags: O_CREAT changed from 4 to 2'], path: FLAGS_TABLE, line: at('"O_CREAT"') }],
        rules: ['flag-value-changed'],
        required: 'major',
      },
      {
        name: 'a table entry mapped to a symbol that cannot be evaluated',
        head: inFlagsTable(['{"O_CREAT", PPM_O_CREAT}', '{"O_CREAT", DEMO_O_CREAT}']),
        errors: [
          {
            message: ['file_flags: O_CREAT now maps to DEMO_O_CREAT (was PPM_O_CREAT)'],
            path: FLAGS_TABLE,
            line: at('"O_CREAT"'),
          },
        ],
        rules: ['flag-value-changed'],
        required: 'major',
      },
    ],
  },
  {
    rule: 'flag-value-removed',
    bump: 'minor',
    valid: [
      {
        name: 'the tables of flags_table.c swapped',
        head: (tree) => {
          const t = tree[FLAGS_TABLE]!;
          const mid = t.indexOf('const struct ppm_name_value fcntl_commands');
          const first = t.indexOf('const struct ppm_name_value file_flags');
          return {
            ...tree,
            [FLAGS_TABLE]: `${t.slice(0, first) + t.slice(mid).trimEnd()}\n\n${t.slice(first, mid).trimEnd()}\n`,
          };
        },
        rules: [],
      },
      {
        name: 'a PPM_MAX_* limit removed',
        head: dropLine(HEADER, '#define PPM_MAX_EVENT_PARAMS'),
        rules: ['event-limit-changed'],
      },
      {
        name: 'a table entry moved under #ifdef',
        head: inFlagsTable([
          '        {"O_CREAT", PPM_O_CREAT},\n',
          '#ifdef O_CREAT\n        {"O_CREAT", PPM_O_CREAT},\n#endif\n',
        ]),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a table entry removed (located at the table)',
        head: dropLine(FLAGS_TABLE, '{"O_NONE", PPM_O_NONE}'),
        errors: [{ message: ['file_flags loses O_NONE'], path: FLAGS_TABLE, line: at('file_flags[]') }],
        rules: ['flag-value-removed'],
        required: 'minor',
      },
      {
        name: 'a conditional table entry removed with its #ifndef',
        head: inFlagsTable(['#ifndef CONFIG_64BIT\n        {"F_GETLK64", PPM_FCNTL_F_GETLK64},\n#endif\n', '']),
        errors: [{ message: ['fcntl_commands loses F_GETLK64'], path: FLAGS_TABLE, line: at('fcntl_commands[]') }],
        rules: ['flag-value-removed'],
        required: 'minor',
      },
      {
        name: 'a whole table removed (located at the base table)',
        head: (tree) => {
          const t = tree[FLAGS_TABLE]!;
          return { ...tree, [FLAGS_TABLE]: t.slice(0, t.indexOf('\nconst struct ppm_name_value fcntl_commands')) };
        },
        errors: [
          { message: ['flag table fcntl_commands was removed'], path: FLAGS_TABLE, line: atBase('fcntl_commands[]') },
        ],
        rules: ['flag-value-removed'],
        required: 'minor',
      },
      {
        name: 'a PPM_* value define removed',
        head: dropLine(HEADER, '#define PPM_AT_FDCWD'),
        errors: [{ message: ['PPM_AT_FDCWD (-100) was removed'], path: HEADER, line: atBase('#define PPM_AT_FDCWD') }],
        rules: ['flag-value-removed'],
        required: 'minor',
      },
    ],
  },
  // ----------------------------------------------------------------------------- dynamic params
  {
    rule: 'dynamic-param-added',
    bump: 'minor',
    valid: [
      {
        name: 'an entry changed to a type of the same wire width',
        head: inDynTable([ERRNO_ENTRY, '[PPM_SOCKOPT_IDX_ERRNO] = {{0}, PT_INT64, PF_DEC, 0, 0},']),
        rules: [],
      },
      {
        name: "an entry's print format changed",
        head: inDynTable(['PT_BYTEBUF, PF_HEX', 'PT_BYTEBUF, PF_NA']),
        rules: [],
      },
      {
        name: 'an entry removed',
        head: dropLine(DYN_TABLE, '[PPM_SOCKOPT_IDX_UNKNOWN]'),
        rules: ['dynamic-param-changed'],
      },
    ],
    invalid: [
      {
        name: 'a new table with its index defines',
        head: PTRACE_TABLE,
        errors: [
          {
            message: ['new dynamic-param table ptrace_dynamic_param'],
            path: DYN_TABLE,
            line: at('ptrace_dynamic_param['),
          },
        ],
        rules: ['dynamic-param-added', 'flag-value-added'],
        required: 'minor',
      },
      {
        // Not asserted here: the whole set of rules and the overall bump (see the report on PPM_*_IDX_MAX).
        name: 'a new index in an existing table',
        head: [
          inHeader([
            '#define PPM_SOCKOPT_IDX_MAX 2',
            '#define PPM_SOCKOPT_IDX_TIMEVAL 2\n#define PPM_SOCKOPT_IDX_MAX 3',
          ]),
          inDynTable([
            ERRNO_ENTRY,
            `${ERRNO_ENTRY}\n        [PPM_SOCKOPT_IDX_TIMEVAL] = {{0}, PT_UINT64, PF_DEC, 0, 0},`,
          ]),
        ],
        errors: [
          {
            message: ['sockopt_dynamic_param gains PPM_SOCKOPT_IDX_TIMEVAL (PT_UINT64)'],
            path: DYN_TABLE,
            line: at('[PPM_SOCKOPT_IDX_TIMEVAL]'),
          },
        ],
      },
    ],
  },
  {
    rule: 'dynamic-param-changed',
    bump: 'major',
    valid: [
      {
        name: 'an entry changed to a type of the same wire width',
        head: inDynTable([ERRNO_ENTRY, '[PPM_SOCKOPT_IDX_ERRNO] = {{0}, PT_INT64, PF_DEC, 0, 0},']),
        rules: [],
      },
      { name: 'a new table', head: PTRACE_TABLE, rules: ['dynamic-param-added', 'flag-value-added'] },
      {
        name: 'entries reordered',
        head: inDynTable(
          ['        [PPM_SOCKOPT_IDX_UNKNOWN] = {{0}, PT_BYTEBUF, PF_HEX, 0, 0},\n', ''],
          [ERRNO_ENTRY, `${ERRNO_ENTRY}\n        [PPM_SOCKOPT_IDX_UNKNOWN] = {{0}, PT_BYTEBUF, PF_HEX, 0, 0},`],
        ),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'an entry changed to another wire type',
        head: inDynTable([ERRNO_ENTRY, '[PPM_SOCKOPT_IDX_ERRNO] = {{0}, PT_INT32, PF_DEC, 0, 0},']),
        errors: [
          {
            message: ['sockopt_dynamic_param: PPM_SOCKOPT_IDX_ERRNO type PT_ERRNO → PT_INT32'],
            path: DYN_TABLE,
            line: at('[PPM_SOCKOPT_IDX_ERRNO]'),
          },
        ],
        rules: ['dynamic-param-changed'],
        required: 'major',
      },
      {
        name: 'an entry removed (located at the table)',
        head: dropLine(DYN_TABLE, '[PPM_SOCKOPT_IDX_UNKNOWN]'),
        errors: [
          {
            message: ['sockopt_dynamic_param: PPM_SOCKOPT_IDX_UNKNOWN was removed'],
            path: DYN_TABLE,
            line: at('sockopt_dynamic_param['),
          },
        ],
        rules: ['dynamic-param-changed'],
        required: 'major',
      },
      {
        name: 'two indexes swapped',
        head: inHeader([
          '#define PPM_SOCKOPT_IDX_UNKNOWN 0\n#define PPM_SOCKOPT_IDX_ERRNO 1\n',
          '#define PPM_SOCKOPT_IDX_UNKNOWN 1\n#define PPM_SOCKOPT_IDX_ERRNO 0\n',
        ]),
        errors: [
          {
            message: ['sockopt_dynamic_param: PPM_SOCKOPT_IDX_UNKNOWN moved from 0 to 1'],
            path: DYN_TABLE,
            line: at('[PPM_SOCKOPT_IDX_UNKNOWN]'),
          },
          {
            message: ['sockopt_dynamic_param: PPM_SOCKOPT_IDX_ERRNO moved from 1 to 0'],
            path: DYN_TABLE,
            line: at('[PPM_SOCKOPT_IDX_ERRNO]'),
          },
        ],
        rules: ['dynamic-param-changed', 'flag-value-changed'],
        required: 'major',
      },
    ],
  },
];
