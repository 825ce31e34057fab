/**
 * Cases for the invariants checked on the head alone, for new event codes (PPM_EVENT_MAX, a
 * g_event_info entry, the enter/exit pairing, the EF_* rules of the event_table.c header) and
 * for the version files (what PPM_API_VERSION can pack). Expected locations name the fixture text they point at (`at`, `atBase` in tester.ts), never a line number.
 */
import {
  at,
  addWritePair,
  appendEventCodes,
  appendEventEntries,
  EVENT_TABLE,
  HEADER,
  inHeader,
  setFile,
  type RuleCases,
} from '../tester.js';

const WRITE_E = '[PPME_SYSCALL_WRITE_E] = {"write", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD | EF_OLD_VERSION, 0},';
const WRITE_X =
  '[PPME_SYSCALL_WRITE_X] = {"write", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD, 1, {{"res", PT_ERRNO, PF_DEC}}},';
const codes = (pairs: Array<[string, number]>, max: number) =>
  inHeader(['\tPPM_EVENT_MAX = 10', `${pairs.map(([s, v]) => `\t${s} = ${v},\n`).join('')}\tPPM_EVENT_MAX = ${max}`]);

export const invariantCases: RuleCases[] = [
  {
    rule: 'event-max-not-moved',
    bump: 'none',
    kind: 'invalid',
    valid: [{ name: 'a new pair with PPM_EVENT_MAX moved past it', head: addWritePair, rules: ['event-pair-added'] }],
    invalid: [
      {
        name: 'a new pair at and past PPM_EVENT_MAX',
        head: [
          codes(
            [
              ['PPME_SYSCALL_WRITE_E', 10],
              ['PPME_SYSCALL_WRITE_X', 11],
            ],
            10,
          ),
          appendEventEntries(WRITE_E, WRITE_X),
        ],
        errors: [
          {
            message: [
              'PPM_EVENT_MAX is 10 but new PPME_SYSCALL_WRITE_E = 10, PPME_SYSCALL_WRITE_X = 11 are not below it: set PPM_EVENT_MAX to 12',
            ],
            path: HEADER,
            line: at('PPM_EVENT_MAX = 10'),
          },
        ],
        rules: ['event-max-not-moved', 'event-pair-added'],
        // The new pair still needs its minor: the invalid table does not hide it.
        required: 'minor',
      },
    ],
  },
  {
    rule: 'event-code-without-entry',
    bump: 'none',
    kind: 'invalid',
    valid: [{ name: 'a new pair with both entries', head: addWritePair, rules: ['event-pair-added'] }],
    invalid: [
      {
        name: 'a new pair of codes and no entries',
        head: appendEventCodes('PPME_SYSCALL_WRITE_E', 'PPME_SYSCALL_WRITE_X'),
        errors: [
          {
            message: ['new PPME_SYSCALL_WRITE_E (code 10) has no g_event_info entry'],
            path: HEADER,
            line: at('PPME_SYSCALL_WRITE_E = 10'),
          },
          {
            message: ['new PPME_SYSCALL_WRITE_X (code 11) has no g_event_info entry'],
            path: HEADER,
            line: at('PPME_SYSCALL_WRITE_X = 11'),
          },
        ],
        rules: ['event-code-without-entry', 'event-pair-added'],
      },
    ],
  },
  {
    rule: 'event-pairing-broken',
    bump: 'none',
    kind: 'invalid',
    valid: [
      { name: 'a new pair at an even code and the next', head: addWritePair, rules: ['event-pair-added'] },
      {
        name: 'a new EC_UNKNOWN enter named NA beside a named exit',
        head: [
          appendEventCodes('PPME_SYSCALL_WRITE_E', 'PPME_SYSCALL_WRITE_X'),
          appendEventEntries('[PPME_SYSCALL_WRITE_E] = {"NA", EC_UNKNOWN, EF_UNUSED, 0},', WRITE_X),
        ],
        rules: ['event-pair-added'],
      },
    ],
    invalid: [
      {
        name: 'an enter at an odd code',
        head: [
          codes(
            [
              ['PPME_SYSCALL_WRITE_E', 11],
              ['PPME_SYSCALL_WRITE_X', 12],
            ],
            13,
          ),
          appendEventEntries(WRITE_E, WRITE_X),
        ],
        errors: [
          {
            message: [
              'new PPME_SYSCALL_WRITE_E = 11 and PPME_SYSCALL_WRITE_X = 12: the enter code is even and the exit code follows it',
            ],
            path: HEADER,
            line: at('PPME_SYSCALL_WRITE_E = 11'),
          },
        ],
        rules: ['event-pair-added', 'event-pairing-broken'],
      },
      {
        name: 'an enter without its exit',
        head: [appendEventCodes('PPME_SYSCALL_WRITE_E'), appendEventEntries(WRITE_E)],
        errors: [
          {
            message: ['new PPME_SYSCALL_WRITE_E has no PPME_SYSCALL_WRITE_X'],
            path: HEADER,
            line: at('PPME_SYSCALL_WRITE_E = 10'),
          },
        ],
        rules: ['event-pair-added', 'event-pairing-broken'],
      },
      {
        name: 'a code that is neither an enter nor an exit',
        head: [
          appendEventCodes('PPME_SYSCALL_WRITE'),
          appendEventEntries('[PPME_SYSCALL_WRITE] = {"write", EC_IO_OTHER | EC_SYSCALL, EF_NONE, 0},'),
        ],
        errors: [
          {
            message: ['new PPME_SYSCALL_WRITE ends in neither _E nor _X'],
            path: HEADER,
            line: at('PPME_SYSCALL_WRITE = 10'),
          },
        ],
        rules: ['event-pair-added', 'event-pairing-broken'],
      },
      {
        name: 'the two halves named differently',
        head: [
          appendEventCodes('PPME_SYSCALL_WRITE_E', 'PPME_SYSCALL_WRITE_X'),
          appendEventEntries(WRITE_E, WRITE_X.replace('"write"', '"writev"')),
        ],
        errors: [
          {
            message: ["new pair PPME_SYSCALL_WRITE_E and PPME_SYSCALL_WRITE_X are named 'write' and 'writev'"],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_WRITE_E]'),
          },
        ],
        rules: ['event-pair-added', 'event-pairing-broken'],
      },
      {
        name: 'an EC_UNKNOWN event with a name',
        head: [
          appendEventCodes('PPME_SYSCALL_WRITE_E', 'PPME_SYSCALL_WRITE_X'),
          appendEventEntries('[PPME_SYSCALL_WRITE_E] = {"write", EC_UNKNOWN, EF_UNUSED, 0},', WRITE_X),
        ],
        errors: [
          {
            message: ["new PPME_SYSCALL_WRITE_E is EC_UNKNOWN but named 'write'", 'named "NA"'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_WRITE_E]'),
          },
        ],
        rules: ['event-pair-added', 'event-pairing-broken'],
      },
    ],
  },
  {
    rule: 'event-flags-broken',
    bump: 'none',
    kind: 'invalid',
    valid: [
      {
        name: 'an EF_USES_FD exit with params, its enter no longer sent',
        head: addWritePair,
        rules: ['event-pair-added'],
      },
      {
        name: 'an EF_USES_FD exit beside an enter with no params (as libs adds them)',
        head: [
          appendEventCodes('PPME_SYSCALL_WRITE_E', 'PPME_SYSCALL_WRITE_X'),
          appendEventEntries('[PPME_SYSCALL_WRITE_E] = {"write", EC_IO_OTHER | EC_SYSCALL, EF_NONE, 0},', WRITE_X),
        ],
        rules: ['event-pair-added'],
      },
    ],
    invalid: [
      {
        name: 'an EF_USES_FD exit with no params',
        head: [
          appendEventCodes('PPME_SYSCALL_WRITE_E', 'PPME_SYSCALL_WRITE_X'),
          appendEventEntries(WRITE_E, '[PPME_SYSCALL_WRITE_X] = {"write", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD, 0},'),
        ],
        errors: [
          {
            message: ['new PPME_SYSCALL_WRITE_X has EF_USES_FD but no params'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_WRITE_X]'),
          },
        ],
        rules: ['event-flags-broken', 'event-pair-added'],
      },
      {
        name: 'an EF_USES_FD exit whose sent enter, with params, lacks it',
        head: [
          appendEventCodes('PPME_SYSCALL_WRITE_E', 'PPME_SYSCALL_WRITE_X'),
          appendEventEntries(
            '[PPME_SYSCALL_WRITE_E] = {"write", EC_IO_OTHER | EC_SYSCALL, EF_NONE, 1, {{"fd", PT_FD, PF_DEC}}},',
            WRITE_X,
          ),
        ],
        errors: [
          {
            message: [
              'new PPME_SYSCALL_WRITE_X has EF_USES_FD but PPME_SYSCALL_WRITE_E does not: give the enter event EF_USES_FD too',
            ],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_WRITE_X]'),
          },
        ],
        rules: ['event-flags-broken', 'event-pair-added'],
      },
    ],
  },
  {
    rule: 'schema-version-unpackable',
    bump: 'none',
    kind: 'invalid',
    valid: [
      { name: 'the largest minor that packs', head: setFile('driver/SCHEMA_VERSION', '2.1048575.0\n'), rules: [] },
    ],
    invalid: [
      {
        name: 'a minor past 20 bits',
        head: setFile('driver/SCHEMA_VERSION', '2.1048576.0\n'),
        errors: [
          {
            message: [
              'driver/SCHEMA_VERSION is 2.1048576.0: PPM_API_VERSION cannot pack it (minor 1048576 needs more than 20 bits (at most 1048575)',
            ],
            path: 'driver/SCHEMA_VERSION',
            line: 1,
          },
        ],
        rules: ['schema-version-unpackable'],
      },
    ],
  },
  {
    rule: 'api-version-unpackable',
    governs: 'api',
    bump: 'none',
    kind: 'invalid',
    valid: [
      {
        name: 'the largest major and patch that pack',
        head: setFile('driver/API_VERSION', '524287.0.16777215\n'),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a major past 19 bits and a patch past 24',
        head: setFile('driver/API_VERSION', '524288.0.16777216\n'),
        errors: [
          {
            message: ['major 524288 needs more than 19 bits', 'patch 16777216 needs more than 24 bits'],
            path: 'driver/API_VERSION',
            line: 1,
          },
        ],
        rules: ['api-version-unpackable'],
      },
    ],
  },
];
