/**
 * Cases for the rules over event codes and g_event_info entries as a whole: new, removed and
 * renumbered events, names, categories, and the nparams consistency check.
 *
 * Expected locations name the fixture text they point at (`at`, `atBase` in tester.ts), never a line number.
 */
import {
  at,
  atBase,
  addWritePair,
  appendEventCodes,
  appendEventEntries,
  EVENT_TABLE,
  HEADER,
  inEventTable,
  inHeader,
  removeEventEntry,
  type RuleCases,
} from '../tester.js';

const OPEN_X_NPARAMS = [
  'EF_CREATES_FD | EF_MODIFIES_STATE,\n                                 3,',
  'EF_CREATES_FD | EF_MODIFIES_STATE,\n                                 4,',
] as [string, string];
const OPEN_X_MODE = [
  '{"flags", PT_FLAGS32, PF_HEX, file_flags}}},',
  '{"flags", PT_FLAGS32, PF_HEX, file_flags},\n                                  {"mode", PT_UINT32, PF_OCT}}},',
] as [string, string];

/** The demo's event codes with implicit values after the first, as older headers wrote them. */
const IMPLICIT_CODES: [string, string] = [
  '\tPPME_GENERIC_X = 1,\n\tPPME_SYSCALL_OPEN_E = 2,\n\tPPME_SYSCALL_OPEN_X = 3,\n\tPPME_SYSCALL_CLOSE_E = 4,\n\tPPME_SYSCALL_CLOSE_X = 5,\n\tPPME_SYSCALL_READ_E = 6,\n\tPPME_SYSCALL_READ_X = 7,\n\tPPME_SOCKET_SETSOCKOPT_E = 8,\n\tPPME_SOCKET_SETSOCKOPT_X = 9,\n\tPPM_EVENT_MAX = 10\n',
  '\tPPME_GENERIC_X,\n\tPPME_SYSCALL_OPEN_E,\n\tPPME_SYSCALL_OPEN_X,\n\tPPME_SYSCALL_CLOSE_E,\n\tPPME_SYSCALL_CLOSE_X,\n\tPPME_SYSCALL_READ_E,\n\tPPME_SYSCALL_READ_X,\n\tPPME_SOCKET_SETSOCKOPT_E,\n\tPPME_SOCKET_SETSOCKOPT_X,\n\tPPM_EVENT_MAX\n',
];

const WRITE_ENTRIES = appendEventEntries(
  '[PPME_SYSCALL_WRITE_E] = {"write", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD | EF_OLD_VERSION, 0},',
  '[PPME_SYSCALL_WRITE_X] = {"write", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD, 1, {{"res", PT_ERRNO, PF_DEC}}},',
);

export const eventCases: RuleCases[] = [
  {
    rule: 'event-pair-added',
    bump: 'minor',
    valid: [
      {
        name: 'a param appended to an existing event',
        head: inEventTable(OPEN_X_NPARAMS, OPEN_X_MODE),
        rules: ['event-param-appended'],
        required: 'minor',
      },
      {
        name: 'only the PPM_EVENT_MAX sentinel moves',
        head: inHeader(['PPM_EVENT_MAX = 10', 'PPM_EVENT_MAX = 11']),
        rules: [],
        required: 'none',
      },
      {
        name: 'a new ppm_sc code is not an event',
        head: inHeader(['\tPPM_SC_X(SETSOCKOPT, 5)\n', '\tPPM_SC_X(SETSOCKOPT, 5)   \\\n\tPPM_SC_X(WRITE, 6)\n']),
        rules: ['ppm-sc-appended'],
      },
    ],
    invalid: [
      {
        name: 'a new enter/exit pair in ppm_event_code and g_event_info',
        head: addWritePair,
        errors: [
          {
            message: ['new event pair PPME_SYSCALL_WRITE_E = 10, PPME_SYSCALL_WRITE_X = 11'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_WRITE_E]'),
          },
        ],
        rules: ['event-pair-added'],
        required: 'minor',
      },
      {
        name: 'a single new code without a g_event_info entry is located at its enumerator',
        head: appendEventCodes('PPME_SYSCALL_WRITE_E'),
        errors: [
          { message: ['new event PPME_SYSCALL_WRITE_E = 10'], path: HEADER, line: at('PPME_SYSCALL_WRITE_E = 10') },
        ],
        // And the invariants of the head say what is missing: its entry and its exit half.
        rules: ['event-code-without-entry', 'event-pair-added', 'event-pairing-broken'],
        required: 'minor',
      },
      {
        name: 'two new pairs are two findings',
        head: [
          appendEventCodes('PPME_SYSCALL_WRITE_E', 'PPME_SYSCALL_WRITE_X', 'PPME_SYSCALL_DUP_E', 'PPME_SYSCALL_DUP_X'),
          WRITE_ENTRIES,
          appendEventEntries(
            '[PPME_SYSCALL_DUP_E] = {"dup", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD | EF_OLD_VERSION, 0},',
            '[PPME_SYSCALL_DUP_X] = {"dup", EC_IO_OTHER | EC_SYSCALL, EF_CREATES_FD, 0},',
          ),
        ],
        errors: [
          {
            message: ['new event pair', 'PPME_SYSCALL_WRITE_E = 10', 'PPME_SYSCALL_WRITE_X = 11'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_WRITE_E]'),
          },
          {
            message: ['new event pair', 'PPME_SYSCALL_DUP_E = 12', 'PPME_SYSCALL_DUP_X = 13'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_DUP_E]'),
          },
        ],
        rules: ['event-pair-added'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'event-removed',
    bump: 'major',
    valid: [
      {
        name: 'the event is retired with EF_OLD_VERSION instead',
        head: inEventTable([
          'EF_USES_FD,\n                                      3,',
          'EF_USES_FD | EF_OLD_VERSION,\n                                      3,',
        ]),
        rules: ['event-old-version-added'],
        required: 'minor',
      },
      {
        name: 'the PPM_EVENT_MAX sentinel is not an event',
        head: inHeader(['\tPPME_SOCKET_SETSOCKOPT_X = 9,\n\tPPM_EVENT_MAX = 10\n', '\tPPME_SOCKET_SETSOCKOPT_X = 9\n']),
        rules: [],
      },
      { name: 'a new pair added', head: addWritePair, rules: ['event-pair-added'] },
    ],
    invalid: [
      {
        name: 'a pair removed from ppm_event_code and g_event_info',
        head: [
          inHeader([
            '\tPPME_SOCKET_SETSOCKOPT_E = 8,\n\tPPME_SOCKET_SETSOCKOPT_X = 9,\n\tPPM_EVENT_MAX = 10',
            '\tPPM_EVENT_MAX = 8',
          ]),
          removeEventEntry('PPME_SOCKET_SETSOCKOPT_E'),
          removeEventEntry('PPME_SOCKET_SETSOCKOPT_X'),
        ],
        errors: [
          {
            message: ['PPME_SOCKET_SETSOCKOPT_E (code 8) was removed'],
            path: HEADER,
            line: atBase('PPME_SOCKET_SETSOCKOPT_E = 8'),
          },
          {
            message: ['PPME_SOCKET_SETSOCKOPT_X (code 9) was removed'],
            path: HEADER,
            line: atBase('PPME_SOCKET_SETSOCKOPT_X = 9'),
          },
        ],
        rules: ['event-removed'],
        required: 'major',
      },
    ],
  },
  {
    rule: 'event-renumbered',
    bump: 'major',
    valid: [
      {
        name: 'a pair appended after the last event moves only PPM_EVENT_MAX',
        head: addWritePair,
        rules: ['event-pair-added'],
        required: 'minor',
      },
      {
        name: 'a code respelled with the same value',
        head: inHeader(['\tPPME_SYSCALL_OPEN_X = 3,', '\tPPME_SYSCALL_OPEN_X = PPME_SYSCALL_OPEN_E + 1,']),
        rules: [],
      },
      { name: 'explicit values made implicit', head: inHeader(IMPLICIT_CODES), rules: [] },
    ],
    invalid: [
      {
        name: 'a pair inserted before existing codes shifts them',
        head: [
          inHeader([
            '\tPPME_SOCKET_SETSOCKOPT_E = 8,\n\tPPME_SOCKET_SETSOCKOPT_X = 9,\n\tPPM_EVENT_MAX = 10',
            '\tPPME_SYSCALL_WRITE_E = 8,\n\tPPME_SYSCALL_WRITE_X = 9,\n\tPPME_SOCKET_SETSOCKOPT_E = 10,\n\tPPME_SOCKET_SETSOCKOPT_X = 11,\n\tPPM_EVENT_MAX = 12',
          ]),
          WRITE_ENTRIES,
        ],
        errors: [
          {
            message: ['PPME_SOCKET_SETSOCKOPT_E changed from 8 to 10'],
            path: HEADER,
            line: at('PPME_SOCKET_SETSOCKOPT_E = 10'),
          },
          {
            message: ['PPME_SOCKET_SETSOCKOPT_X changed from 9 to 11'],
            path: HEADER,
            line: at('PPME_SOCKET_SETSOCKOPT_X = 11'),
          },
        ],
        rules: ['event-pair-added', 'event-renumbered'],
        required: 'major',
      },
      {
        name: 'implicit values shift when a pair is inserted in the middle',
        base: inHeader(IMPLICIT_CODES),
        head: [
          inHeader([
            '\tPPME_SOCKET_SETSOCKOPT_E,\n',
            '\tPPME_SYSCALL_WRITE_E,\n\tPPME_SYSCALL_WRITE_X,\n\tPPME_SOCKET_SETSOCKOPT_E,\n',
          ]),
          WRITE_ENTRIES,
        ],
        errors: [
          {
            message: ['PPME_SOCKET_SETSOCKOPT_E changed from 8 to 10'],
            path: HEADER,
            line: at('PPME_SOCKET_SETSOCKOPT_E'),
          },
          {
            message: ['PPME_SOCKET_SETSOCKOPT_X changed from 9 to 11'],
            path: HEADER,
            line: at('PPME_SOCKET_SETSOCKOPT_X'),
          },
        ],
        rules: ['event-pair-added', 'event-renumbered'],
        required: 'major',
      },
      {
        name: 'two codes swapped',
        head: inHeader([
          '\tPPME_SYSCALL_READ_E = 6,\n\tPPME_SYSCALL_READ_X = 7,',
          '\tPPME_SYSCALL_READ_E = 7,\n\tPPME_SYSCALL_READ_X = 6,',
        ]),
        errors: [
          { message: ['PPME_SYSCALL_READ_E changed from 6 to 7'], path: HEADER, line: at('PPME_SYSCALL_READ_E') },
          { message: ['PPME_SYSCALL_READ_X changed from 7 to 6'], path: HEADER, line: at('PPME_SYSCALL_READ_X') },
        ],
        required: 'major',
      },
    ],
  },
  {
    rule: 'event-name-changed',
    bump: 'minor',
    valid: [
      {
        name: 'a new event reuses an existing name',
        head: [
          appendEventCodes('PPME_SYSCALL_PREAD_X'),
          appendEventEntries('[PPME_SYSCALL_PREAD_X] = {"read", EC_IO_READ | EC_SYSCALL, EF_USES_FD, 0},'),
        ],
        rules: ['event-flags-broken', 'event-pair-added', 'event-pairing-broken'],
      },
      {
        name: 'the category changes, not the name',
        head: inEventTable([
          '[PPME_SYSCALL_OPEN_X] = {"open",\n                                 EC_FILE',
          '[PPME_SYSCALL_OPEN_X] = {"open",\n                                 EC_IO_OTHER',
        ]),
        rules: ['event-category-changed'],
      },
    ],
    invalid: [
      {
        name: 'the exit event is renamed',
        head: inEventTable(['[PPME_SYSCALL_OPEN_X] = {"open",', '[PPME_SYSCALL_OPEN_X] = {"openat",']),
        errors: [
          {
            message: ["PPME_SYSCALL_OPEN_X name 'open' → 'openat'"],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_OPEN_X]'),
          },
        ],
        rules: ['event-name-changed'],
        required: 'minor',
      },
      {
        name: 'both events of a pair are renamed',
        head: inEventTable(
          ['[PPME_SYSCALL_READ_E] = {"read",', '[PPME_SYSCALL_READ_E] = {"pread",'],
          ['[PPME_SYSCALL_READ_X] = {"read",', '[PPME_SYSCALL_READ_X] = {"pread",'],
        ),
        errors: [
          {
            message: ["PPME_SYSCALL_READ_E name 'read' → 'pread'"],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_READ_E]'),
          },
          {
            message: ["PPME_SYSCALL_READ_X name 'read' → 'pread'"],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_READ_X]'),
          },
        ],
        rules: ['event-name-changed'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'event-category-changed',
    bump: 'minor',
    valid: [
      {
        name: 'category operands reordered',
        head: inEventTable(['EC_FILE | EC_SYSCALL,\n', 'EC_SYSCALL | EC_FILE,\n']),
        rules: [],
      },
      {
        name: 'a flag changes, not the category',
        head: inEventTable(['EF_USES_FD,\n', 'EF_USES_FD | EF_MODIFIES_STATE,\n']),
        rules: ['event-flag-added'],
      },
      {
        name: 'the category of an EF_UNUSED placeholder (never sent) is fixed to EC_UNKNOWN',
        base: inEventTable([
          '[PPME_SOCKET_SETSOCKOPT_E] = {"setsockopt", EC_NET | EC_SYSCALL, EF_OLD_VERSION, 0},',
          '[PPME_SOCKET_SETSOCKOPT_E] = {"NA", EC_NET | EC_SYSCALL, EF_UNUSED, 0},',
        ]),
        head: inEventTable([
          '[PPME_SOCKET_SETSOCKOPT_E] = {"NA", EC_NET | EC_SYSCALL, EF_UNUSED, 0},',
          '[PPME_SOCKET_SETSOCKOPT_E] = {"NA", EC_UNKNOWN, EF_UNUSED, 0},',
        ]),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'the category is replaced',
        head: inEventTable(['EC_FILE | EC_SYSCALL,\n', 'EC_IO_OTHER | EC_SYSCALL,\n']),
        errors: [
          {
            message: ['PPME_SYSCALL_OPEN_X category EC_FILE | EC_SYSCALL → EC_IO_OTHER | EC_SYSCALL'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_OPEN_X]'),
          },
        ],
        rules: ['event-category-changed'],
        required: 'minor',
      },
      {
        name: 'a category bit is added',
        head: inEventTable(['EC_OTHER | EC_SYSCALL, EF_NONE', 'EC_OTHER | EC_SYSCALL | EC_TRACEPOINT, EF_NONE']),
        errors: [
          {
            message: ['PPME_GENERIC_X category EC_OTHER | EC_SYSCALL → EC_OTHER | EC_SYSCALL | EC_TRACEPOINT'],
            path: EVENT_TABLE,
            line: at('[PPME_GENERIC_X]'),
          },
        ],
        rules: ['event-category-changed'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'event-nparams-mismatch',
    bump: 'none',
    kind: 'invalid',
    valid: [
      {
        name: 'nparams updated with the appended param',
        head: inEventTable(OPEN_X_NPARAMS, OPEN_X_MODE),
        rules: ['event-param-appended'],
      },
      {
        name: 'an entry that was already inconsistent the same way at the base',
        base: inEventTable(OPEN_X_NPARAMS),
        head: inEventTable(['[PPME_SYSCALL_READ_X] = {"read",', '[PPME_SYSCALL_READ_X] = {"pread",']),
        rules: ['event-name-changed'],
      },
      {
        name: 'an nparams that is not a constant is not judged',
        head: inEventTable([
          'EF_CREATES_FD | EF_MODIFIES_STATE,\n                                 3,',
          'EF_CREATES_FD | EF_MODIFIES_STATE,\n                                 DEMO_OPEN_NPARAMS,',
        ]),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'nparams raised without a new param',
        head: inEventTable(OPEN_X_NPARAMS),
        errors: [
          {
            message: ['PPME_SYSCALL_OPEN_X declares nparams 4 but lists 3 params'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_OPEN_X]'),
          },
        ],
        rules: ['event-nparams-mismatch'],
        // An invalid table needs no bump: it needs fixing.
        required: 'none',
      },
      {
        name: 'a param appended without raising nparams',
        head: inEventTable(OPEN_X_MODE),
        errors: [
          {
            message: ['PPME_SYSCALL_OPEN_X declares nparams 3 but lists 4 params'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_OPEN_X]'),
          },
        ],
        // The mismatch is reported without hiding the bump the change needs once nparams is fixed.
        rules: ['event-nparams-mismatch', 'event-param-appended'],
        required: 'minor',
      },
      {
        name: 'a new event with a wrong count',
        head: [
          appendEventCodes('PPME_SYSCALL_WRITE_X'),
          appendEventEntries(
            '[PPME_SYSCALL_WRITE_X] = {"write", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD, 2, {{"res", PT_ERRNO, PF_DEC}}},',
          ),
        ],
        errors: [
          {
            message: ['PPME_SYSCALL_WRITE_X declares nparams 2 but lists 1 params'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_WRITE_X]'),
          },
        ],
        rules: ['event-nparams-mismatch', 'event-pair-added', 'event-pairing-broken'],
      },
      {
        name: 'an inconsistent entry made inconsistent in another way',
        base: inEventTable(OPEN_X_NPARAMS),
        head: inEventTable([
          'EF_CREATES_FD | EF_MODIFIES_STATE,\n                                 4,',
          'EF_CREATES_FD | EF_MODIFIES_STATE,\n                                 5,',
        ]),
        errors: [
          {
            message: ['PPME_SYSCALL_OPEN_X declares nparams 5 but lists 3 params'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_OPEN_X]'),
          },
        ],
        rules: ['event-nparams-mismatch'],
      },
    ],
  },
];
