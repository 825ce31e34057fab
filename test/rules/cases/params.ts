/**
 * Cases for the rules over the params of existing events. The wire is positional, so param i of
 * the base is compared with param i of the head.
 *
 * A finding about a param is at the param's line, one about an event at its `[PPME_*]` line.
 * Expected locations name the fixture text they point at (`at`, `atBase` in tester.ts), never a line number.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../../helpers/surface.js';
import {
  at,
  addWritePair,
  EVENT_TABLE,
  inEventTable,
  removeEventEntry,
  inHeader,
  setFile,
  type RuleCases,
} from '../tester.js';

const PAD = '\n                                  ';
const OPEN_X = {
  fd: '{"fd", PT_FD, PF_DEC},\n',
  name: '{"name", PT_FSPATH, PF_NA},\n',
  flags: '{"flags", PT_FLAGS32, PF_HEX, file_flags}}},',
};
/** `[from, to]` for OPEN_X's flags param (the last one). */
const flags = (to: string): [string, string] => [OPEN_X.flags, `${to}}},`];

/** The demo's head revision (fixtures/demo/head): OPEN_X gains a 4th param 'mode'. */
const demoHead = setFile(
  EVENT_TABLE,
  readFileSync(path.join(FIXTURES, 'demo', 'head', 'driver', 'event_table.c'), 'utf8'),
);

const READ_X_DATA_FD = `{"data", PT_BYTEBUF, PF_NA},${PAD}{"fd", PT_FD, PF_DEC}}},`;
const READ_X_NPARAMS = 'EF_USES_FD | EF_READS_FROM_FD,\n                                 3,';

export const paramCases: RuleCases[] = [
  {
    rule: 'event-param-appended',
    bump: 'minor',
    valid: [
      {
        name: 'the last param replaced by another one (same count)',
        head: inEventTable(flags('{"mode", PT_UINT32, PF_OCT}')),
        rules: [
          'event-param-format-changed',
          'event-param-info-changed',
          'event-param-renamed',
          'event-param-type-refined',
        ],
        required: 'minor',
      },
      { name: "a new event's params are not appended params", head: addWritePair, rules: ['event-pair-added'] },
    ],
    invalid: [
      {
        name: "the demo's head revision: OPEN_X gains 'mode'",
        head: demoHead,
        errors: [
          { message: ["PPME_SYSCALL_OPEN_X gains param 4 'mode' (PT_UINT32)"], path: EVENT_TABLE, line: at('"mode"') },
        ],
        rules: ['event-param-appended'],
        required: 'minor',
      },
      {
        name: 'two params appended to an event that had none',
        head: inEventTable([
          'EF_CREATES_FD | EF_MODIFIES_STATE | EF_OLD_VERSION, 0}',
          'EF_CREATES_FD | EF_MODIFIES_STATE | EF_OLD_VERSION, 2, {{"name", PT_FSPATH, PF_NA}, {"flags", PT_FLAGS32, PF_HEX, file_flags}}}',
        ]),
        errors: [
          {
            message: ["PPME_SYSCALL_OPEN_E gains param 1 'name' (PT_FSPATH)"],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_OPEN_E]'),
          },
          {
            message: ["PPME_SYSCALL_OPEN_E gains param 2 'flags' (PT_FLAGS32)"],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_OPEN_E]'),
          },
        ],
        rules: ['event-param-appended'],
        required: 'minor',
      },
      {
        name: 'nparams corrected upward: a listed param the drivers did not send is sent now (libs SECCOMP_E)',
        base: inEventTable([
          '{"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC}}},',
          '{"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC}, {"how", PT_UINT32, PF_DEC}}},',
        ]),
        head: inEventTable(['                                  2,\n', '                                  3,\n']),
        errors: [
          { message: ["PPME_SYSCALL_CLOSE_X gains param 3 'how' (PT_UINT32)"], path: EVENT_TABLE, line: at('"how"') },
        ],
        rules: ['event-param-appended'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'event-param-removed',
    bump: 'major',
    valid: [
      {
        name: 'the event loses a flag, not a param',
        head: inEventTable([
          'EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE,\n',
          'EF_DESTROYS_FD | EF_MODIFIES_STATE,\n',
        ]),
        rules: ['event-flag-removed'],
      },
      {
        name: 'the whole event removed is event-removed',
        head: [inHeader(['\tPPME_SOCKET_SETSOCKOPT_X = 9,\n', '']), removeEventEntry('PPME_SOCKET_SETSOCKOPT_X')],
        rules: ['event-removed'],
      },
    ],
    invalid: [
      {
        name: 'the last param removed',
        head: inEventTable(
          [READ_X_DATA_FD, '{"data", PT_BYTEBUF, PF_NA}}},'],
          [READ_X_NPARAMS, READ_X_NPARAMS.replace('3,', '2,')],
        ),
        errors: [
          {
            message: ["PPME_SYSCALL_READ_X loses param 3 'fd' (PT_FD)"],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_READ_X]'),
          },
        ],
        rules: ['event-param-removed'],
        required: 'major',
      },
      {
        name: 'every param removed',
        head: inEventTable([
          '2,\n                                  {{"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC}}}',
          '0}',
        ]),
        errors: [
          {
            message: ["PPME_SYSCALL_CLOSE_X loses param 1 'res' (PT_ERRNO)"],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_CLOSE_X]'),
          },
          {
            message: ["PPME_SYSCALL_CLOSE_X loses param 2 'fd' (PT_FD)"],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_CLOSE_X]'),
          },
        ],
        rules: ['event-param-removed'],
        required: 'major',
      },
    ],
  },
  {
    rule: 'event-param-reordered',
    bump: 'major',
    valid: [
      {
        name: 'a param renamed to a name the event does not have',
        head: inEventTable([OPEN_X.name, '{"path", PT_FSPATH, PF_NA},\n']),
        rules: ['event-param-renamed'],
      },
      {
        name: 'a param appended under a name the event already has moves nothing',
        head: inEventTable(
          [READ_X_DATA_FD, `${READ_X_DATA_FD.slice(0, -3)},${PAD}{"fd", PT_FD32, PF_DEC}}},`],
          [READ_X_NPARAMS, READ_X_NPARAMS.replace('3,', '4,')],
        ),
        rules: ['event-param-appended'],
      },
    ],
    invalid: [
      {
        name: 'two params of different types swapped',
        head: inEventTable([READ_X_DATA_FD, `{"fd", PT_FD, PF_DEC},${PAD}{"data", PT_BYTEBUF, PF_NA}}},`]),
        errors: [
          {
            message: ["PPME_SYSCALL_READ_X param 2 was 'data' (PT_BYTEBUF) and is now 'fd' (PT_FD) (moved)"],
            path: EVENT_TABLE,
            line: at('{"fd"', { after: '[PPME_SYSCALL_READ_X]' }),
          },
          {
            message: ["PPME_SYSCALL_READ_X param 3 was 'fd' (PT_FD) and is now 'data' (PT_BYTEBUF) (moved)"],
            path: EVENT_TABLE,
            line: at('"data"'),
          },
        ],
        rules: ['event-param-format-changed', 'event-param-reordered', 'event-param-type-changed'],
        required: 'major',
      },
      {
        name: 'two params of the same wire width swapped: still major',
        head: inEventTable([
          '{{"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC}}}',
          '{{"fd", PT_FD, PF_DEC}, {"res", PT_ERRNO, PF_DEC}}}',
        ]),
        errors: [
          {
            message: ["PPME_SYSCALL_CLOSE_X param 1 was 'res' (PT_ERRNO) and is now 'fd' (PT_FD)"],
            path: EVENT_TABLE,
            line: at('{"res"', { after: '[PPME_SYSCALL_CLOSE_X]' }),
          },
          {
            message: ["PPME_SYSCALL_CLOSE_X param 2 was 'fd' (PT_FD) and is now 'res' (PT_ERRNO)"],
            path: EVENT_TABLE,
            line: at('{"res"', { after: '[PPME_SYSCALL_CLOSE_X]' }),
          },
        ],
        rules: ['event-param-reordered', 'event-param-type-refined'],
        required: 'major',
      },
    ],
  },
  {
    rule: 'event-param-renamed',
    bump: 'minor',
    valid: [
      {
        name: 'params swapped are moved, not renamed',
        head: inEventTable([
          '{{"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC}}}',
          '{{"fd", PT_FD, PF_DEC}, {"res", PT_ERRNO, PF_DEC}}}',
        ]),
        rules: ['event-param-reordered', 'event-param-type-refined'],
      },
      {
        name: 'whitespace inside the param braces',
        head: inEventTable([OPEN_X.name, '{ "name" ,PT_FSPATH,  PF_NA },\n']),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'a param renamed',
        head: inEventTable([OPEN_X.name, '{"path", PT_FSPATH, PF_NA},\n']),
        errors: [
          {
            message: ["PPME_SYSCALL_OPEN_X param 2 renamed from 'name' to 'path'"],
            path: EVENT_TABLE,
            line: at('"path"'),
          },
        ],
        rules: ['event-param-renamed'],
        required: 'minor',
      },
      {
        name: 'the same param renamed in both events of a pair',
        head: inEventTable(
          [
            '{"nativeID", PT_UINT32, PF_DEC}}},\n        [PPME_GENERIC_X]',
            '{"native_id", PT_UINT32, PF_DEC}}},\n        [PPME_GENERIC_X]',
          ],
          [
            '{"nativeID", PT_UINT32, PF_DEC}}},\n        [PPME_SYSCALL_OPEN_E]',
            '{"native_id", PT_UINT32, PF_DEC}}},\n        [PPME_SYSCALL_OPEN_E]',
          ],
        ),
        errors: [
          {
            message: ["PPME_GENERIC_E param 2 renamed from 'nativeID' to 'native_id'"],
            path: EVENT_TABLE,
            line: at('"native_id"', { after: '[PPME_GENERIC_E]' }),
          },
          {
            message: ["PPME_GENERIC_X param 2 renamed from 'nativeID' to 'native_id'"],
            path: EVENT_TABLE,
            line: at('"native_id"', { after: '[PPME_GENERIC_X]' }),
          },
        ],
        rules: ['event-param-renamed'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'event-param-type-changed',
    bump: 'major',
    valid: [
      {
        name: 'a same-width refinement (PT_FLAGS32 → PT_UINT32)',
        head: inEventTable(flags('{"flags", PT_UINT32, PF_HEX, file_flags}')),
        rules: ['event-param-type-refined'],
        required: 'minor',
      },
      {
        name: 'one string type for another (PT_FSPATH → PT_CHARBUF)',
        head: inEventTable([OPEN_X.name, '{"name", PT_CHARBUF, PF_NA},\n']),
        rules: ['event-param-type-refined'],
      },
      {
        name: 'the format changes, not the type',
        head: inEventTable([OPEN_X.fd, '{"fd", PT_FD, PF_HEX},\n']),
        rules: ['event-param-format-changed'],
      },
    ],
    invalid: [
      {
        name: 'an 8-byte fd becomes a 4-byte fd',
        head: inEventTable([OPEN_X.fd, '{"fd", PT_FD32, PF_DEC},\n']),
        errors: [
          {
            message: [
              "PPME_SYSCALL_OPEN_X param 1 'fd' changed from PT_FD (8-byte int) to PT_FD32 (4-byte int)",
              'to stay compatible, add a new event version instead (see the event_table.c header)',
            ],
            path: EVENT_TABLE,
            line: at('PT_FD32'),
          },
        ],
        rules: ['event-param-type-changed'],
        required: 'major',
      },
      {
        name: 'a variable-length buffer becomes a fixed-size integer',
        head: inEventTable(['{"data", PT_BYTEBUF, PF_NA}', '{"data", PT_UINT64, PF_NA}']),
        errors: [
          {
            message: [
              "PPME_SYSCALL_READ_X param 2 'data' changed from PT_BYTEBUF (variable-length bytes) to PT_UINT64 (8-byte int)",
            ],
            path: EVENT_TABLE,
            line: at('"data"'),
          },
        ],
        rules: ['event-param-type-changed'],
        required: 'major',
      },
      {
        name: 'a string becomes bytes (another encoding of the same length class)',
        head: inEventTable([OPEN_X.name, '{"name", PT_BYTEBUF, PF_NA},\n']),
        errors: [
          {
            message: [
              "PPME_SYSCALL_OPEN_X param 2 'name' changed from PT_FSPATH (variable-length string) to PT_BYTEBUF (variable-length bytes)",
            ],
            path: EVENT_TABLE,
            line: at('"name"'),
          },
        ],
        required: 'major',
      },
      {
        name: 'a type the wire table does not know is treated as incompatible',
        head: inEventTable(flags('{"flags", PT_NEWFLAGS32, PF_HEX, file_flags}')),
        errors: [
          {
            message: [
              "PPME_SYSCALL_OPEN_X param 3 'flags' changed from PT_FLAGS32 (4-byte int) to PT_NEWFLAGS32 (unknown encoding)",
            ],
            path: EVENT_TABLE,
            line: at('"flags"'),
          },
        ],
        rules: ['event-param-type-changed'],
        required: 'major',
      },
    ],
  },
  {
    rule: 'event-param-type-refined',
    bump: 'minor',
    valid: [
      {
        name: 'a width change (PT_FD → PT_FD32)',
        head: inEventTable([OPEN_X.fd, '{"fd", PT_FD32, PF_DEC},\n']),
        rules: ['event-param-type-changed'],
        required: 'major',
      },
      {
        name: 'a string becomes bytes',
        head: inEventTable([OPEN_X.name, '{"name", PT_BYTEBUF, PF_NA},\n']),
        rules: ['event-param-type-changed'],
      },
    ],
    invalid: [
      {
        name: 'PT_FLAGS32 → PT_UINT32',
        head: inEventTable(flags('{"flags", PT_UINT32, PF_HEX, file_flags}')),
        errors: [
          {
            message: ["PPME_SYSCALL_OPEN_X param 3 'flags' refined from PT_FLAGS32 to PT_UINT32 (both 4-byte int)"],
            path: EVENT_TABLE,
            line: at('"flags"'),
          },
        ],
        rules: ['event-param-type-refined'],
        required: 'minor',
      },
      {
        name: 'PT_FSPATH → PT_CHARBUF',
        head: inEventTable([OPEN_X.name, '{"name", PT_CHARBUF, PF_NA},\n']),
        errors: [
          {
            message: [
              "PPME_SYSCALL_OPEN_X param 2 'name' refined from PT_FSPATH to PT_CHARBUF (both variable-length string)",
            ],
            path: EVENT_TABLE,
            line: at('"name"'),
          },
        ],
        rules: ['event-param-type-refined'],
        required: 'minor',
      },
      {
        name: 'PT_ERRNO → PT_INT64',
        head: inEventTable([
          '{{"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC}}}',
          '{{"res", PT_INT64, PF_DEC}, {"fd", PT_FD, PF_DEC}}}',
        ]),
        errors: [
          {
            message: ["PPME_SYSCALL_CLOSE_X param 1 'res' refined from PT_ERRNO to PT_INT64 (both 8-byte int)"],
            path: EVENT_TABLE,
            line: at('PT_INT64'),
          },
        ],
        rules: ['event-param-type-refined'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'event-param-format-changed',
    bump: 'patch',
    valid: [
      {
        name: 'a same-width type refinement keeps its format',
        head: inEventTable(flags('{"flags", PT_UINT32, PF_HEX, file_flags}')),
        rules: ['event-param-type-refined'],
      },
      {
        name: 'the info reference changes, not the format',
        head: inEventTable(flags('{"flags", PT_FLAGS32, PF_HEX, fcntl_commands}')),
        rules: ['event-param-info-changed'],
      },
    ],
    invalid: [
      {
        name: 'PF_HEX → PF_DEC',
        head: inEventTable(flags('{"flags", PT_FLAGS32, PF_DEC, file_flags}')),
        errors: [
          {
            message: ["PPME_SYSCALL_OPEN_X param 3 'flags' print format PF_HEX → PF_DEC"],
            path: EVENT_TABLE,
            line: at('"flags"'),
          },
        ],
        rules: ['event-param-format-changed'],
        required: 'patch',
      },
      {
        name: 'PF_DEC → PF_HEX on the generic exit event',
        head: inEventTable([
          '{"nativeID", PT_UINT32, PF_DEC}}},\n        [PPME_SYSCALL_OPEN_E]',
          '{"nativeID", PT_UINT32, PF_HEX}}},\n        [PPME_SYSCALL_OPEN_E]',
        ]),
        errors: [
          {
            message: ["PPME_GENERIC_X param 2 'nativeID' print format PF_DEC → PF_HEX"],
            path: EVENT_TABLE,
            line: at('{"nativeID", PT_UINT32, PF_HEX}'),
          },
        ],
        rules: ['event-param-format-changed'],
        required: 'patch',
      },
    ],
  },
  {
    rule: 'event-param-info-changed',
    bump: 'patch',
    valid: [
      {
        name: 'an empty info slot spelled 0, and a 0 ninfo after a flag table',
        head: inEventTable(
          [OPEN_X.fd, '{"fd", PT_FD, PF_DEC, 0},\n'],
          flags('{"flags", PT_FLAGS32, PF_HEX, file_flags, 0}'),
        ),
        rules: [],
      },
      {
        name: 'the format changes, not the info',
        head: inEventTable(flags('{"flags", PT_FLAGS32, PF_OCT, file_flags}')),
        rules: ['event-param-format-changed'],
      },
    ],
    invalid: [
      {
        name: 'another flag table',
        head: inEventTable(flags('{"flags", PT_FLAGS32, PF_HEX, fcntl_commands}')),
        errors: [
          {
            message: ["PPME_SYSCALL_OPEN_X param 3 'flags' info file_flags → fcntl_commands"],
            path: EVENT_TABLE,
            line: at('"flags"'),
          },
        ],
        rules: ['event-param-info-changed'],
        required: 'patch',
      },
      {
        name: 'a dirfd reference added',
        head: inEventTable([OPEN_X.name, '{"name", PT_FSPATH, PF_NA, DIRFD_PARAM(0)},\n']),
        errors: [
          {
            message: ["PPME_SYSCALL_OPEN_X param 2 'name' info none → DIRFD_PARAM(0)"],
            path: EVENT_TABLE,
            line: at('"name"'),
          },
        ],
        rules: ['event-param-info-changed'],
        required: 'patch',
      },
      {
        name: 'a flag table reference dropped',
        head: inEventTable(flags('{"flags", PT_FLAGS32, PF_HEX}')),
        errors: [
          {
            message: ["PPME_SYSCALL_OPEN_X param 3 'flags' info file_flags → none"],
            path: EVENT_TABLE,
            line: at('"flags"'),
          },
        ],
        rules: ['event-param-info-changed'],
      },
      {
        name: "a PT_DYN param's table size",
        head: inEventTable(['sockopt_dynamic_param, PPM_SOCKOPT_IDX_MAX}', 'sockopt_dynamic_param, 3}']),
        errors: [
          {
            message: [
              "PPME_SOCKET_SETSOCKOPT_X param 3 'optval' info sockopt_dynamic_param, PPM_SOCKOPT_IDX_MAX → sockopt_dynamic_param, 3",
            ],
            path: EVENT_TABLE,
            line: at('"optval"'),
          },
        ],
        rules: ['event-param-info-changed'],
      },
    ],
  },
];
