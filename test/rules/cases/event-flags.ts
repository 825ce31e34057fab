/**
 * Cases for the rules over the EF_* flags of existing events. Flags are compared by bit value,
 * so a flag renamed at the same bit is no flag change; EF_OLD_VERSION and EF_LARGE_PAYLOAD have
 * rules of their own.
 *
 * Expected locations name the fixture text they point at (`at`, `atBase` in tester.ts), never a line number.
 */
import {
  at,
  addWritePair,
  appendEventCodes,
  appendEventEntries,
  EVENT_TABLE,
  inEventTable,
  inHeader,
  type Change,
  type RuleCases,
} from '../tester.js';

type Pair = [string, string];
const OPEN_X_FLAGS = 'EF_CREATES_FD | EF_MODIFIES_STATE,\n';
const CLOSE_X_FLAGS = 'EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE,\n';
const READ_X_FLAGS = 'EF_USES_FD | EF_READS_FROM_FD,\n';
const SETSOCKOPT_X_FLAGS = 'EF_USES_FD,\n';
const GENERIC_X_FLAGS = 'EC_OTHER | EC_SYSCALL, EF_NONE, 2';

const READ_X_LARGE: Pair = [READ_X_FLAGS, 'EF_USES_FD | EF_READS_FROM_FD | EF_LARGE_PAYLOAD,\n'];

/** EF_MODIFIES_STATE renamed EF_CHANGES_STATE at the same bit, in the header and in every entry. */
const renameModifiesState: Change[] = [
  inHeader(['\tEF_MODIFIES_STATE = (1 << 5),', '\tEF_CHANGES_STATE = (1 << 5),']),
  (tree) => ({ ...tree, [EVENT_TABLE]: tree[EVENT_TABLE]!.replaceAll('EF_MODIFIES_STATE', 'EF_CHANGES_STATE') }),
];

/** A new exit event that is born with a flag of its own. */
const newEventWith = (flags: string): Change[] => [
  appendEventCodes('PPME_SYSCALL_WRITE_X'),
  appendEventEntries(
    `[PPME_SYSCALL_WRITE_X] = {"write", EC_IO_OTHER | EC_SYSCALL, ${flags}, 1, {{"res", PT_ERRNO, PF_DEC}}},`,
  ),
];

export const eventFlagCases: RuleCases[] = [
  {
    rule: 'event-flag-added',
    bump: 'minor',
    valid: [
      {
        name: 'EF_OLD_VERSION added has its own rule',
        head: inEventTable([OPEN_X_FLAGS, 'EF_CREATES_FD | EF_MODIFIES_STATE | EF_OLD_VERSION,\n']),
        rules: ['event-old-version-added'],
      },
      {
        name: 'EF_LARGE_PAYLOAD added has its own rule',
        head: inEventTable(READ_X_LARGE),
        rules: ['event-large-payload-toggled'],
      },
      { name: 'a flag renamed at the same bit', head: renameModifiesState },
      {
        name: 'flags reordered',
        head: inEventTable([CLOSE_X_FLAGS, 'EF_MODIFIES_STATE | EF_USES_FD | EF_DESTROYS_FD,\n']),
        rules: [],
      },
      {
        name: 'EF_NONE added to a set',
        head: inEventTable([SETSOCKOPT_X_FLAGS, 'EF_NONE | EF_USES_FD,\n']),
        rules: [],
      },
      {
        name: 'a new event is born with flags',
        head: newEventWith('EF_USES_FD | EF_MODIFIES_STATE'),
        rules: ['event-pair-added', 'event-pairing-broken'],
      },
    ],
    invalid: [
      {
        name: 'a flag added to a set',
        head: inEventTable([SETSOCKOPT_X_FLAGS, 'EF_USES_FD | EF_MODIFIES_STATE,\n']),
        errors: [
          {
            message: ['PPME_SOCKET_SETSOCKOPT_X gains flag EF_MODIFIES_STATE'],
            path: EVENT_TABLE,
            line: at('[PPME_SOCKET_SETSOCKOPT_X]'),
          },
        ],
        rules: ['event-flag-added'],
        required: 'minor',
      },
      {
        name: 'EF_NONE replaced by a flag',
        head: inEventTable([GENERIC_X_FLAGS, 'EC_OTHER | EC_SYSCALL, EF_MODIFIES_STATE, 2']),
        errors: [
          { message: ['PPME_GENERIC_X gains flag EF_MODIFIES_STATE'], path: EVENT_TABLE, line: at('[PPME_GENERIC_X]') },
        ],
        rules: ['event-flag-added'],
        required: 'minor',
      },
      {
        name: 'two flags added, next to EF_OLD_VERSION (reported by its own rule)',
        head: inEventTable([
          OPEN_X_FLAGS,
          'EF_CREATES_FD | EF_MODIFIES_STATE | EF_USES_FD | EF_READS_FROM_FD | EF_OLD_VERSION,\n',
        ]),
        errors: [
          {
            message: ['PPME_SYSCALL_OPEN_X gains flag EF_USES_FD'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_OPEN_X]'),
          },
          {
            message: ['PPME_SYSCALL_OPEN_X gains flag EF_READS_FROM_FD'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_OPEN_X]'),
          },
        ],
        rules: ['event-flag-added', 'event-old-version-added'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'event-flag-removed',
    bump: 'patch',
    valid: [
      {
        name: 'EF_LARGE_PAYLOAD removed has its own rule',
        base: inEventTable(READ_X_LARGE),
        head: inEventTable([READ_X_LARGE[1], READ_X_FLAGS]),
        rules: ['event-large-payload-toggled'],
      },
      { name: 'a flag renamed at the same bit', head: renameModifiesState },
      {
        name: 'a flag added',
        head: inEventTable([SETSOCKOPT_X_FLAGS, 'EF_USES_FD | EF_MODIFIES_STATE,\n']),
        rules: ['event-flag-added'],
      },
    ],
    invalid: [
      {
        name: 'a wrong flag removed',
        head: inEventTable([CLOSE_X_FLAGS, 'EF_DESTROYS_FD | EF_MODIFIES_STATE,\n']),
        errors: [
          {
            message: ['PPME_SYSCALL_CLOSE_X loses flag EF_USES_FD'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_CLOSE_X]'),
          },
        ],
        rules: ['event-flag-removed'],
        required: 'patch',
      },
      {
        name: 'a flag replaced by another',
        head: inEventTable([READ_X_FLAGS, 'EF_USES_FD | EF_MODIFIES_STATE,\n']),
        errors: [
          {
            message: ['PPME_SYSCALL_READ_X loses flag EF_READS_FROM_FD'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_READ_X]'),
          },
        ],
        rules: ['event-flag-added', 'event-flag-removed'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'event-old-version-added',
    bump: 'minor',
    valid: [
      {
        name: 'an event already EF_OLD_VERSION gains another flag',
        head: inEventTable([
          'EC_NET | EC_SYSCALL, EF_OLD_VERSION, 0}',
          'EC_NET | EC_SYSCALL, EF_USES_FD | EF_OLD_VERSION, 0}',
        ]),
        rules: ['event-flag-added'],
      },
      {
        name: 'a new event is born EF_OLD_VERSION',
        head: newEventWith('EF_USES_FD | EF_OLD_VERSION'),
        rules: ['event-pair-added', 'event-pairing-broken'],
      },
      { name: 'a new pair whose enter event is EF_OLD_VERSION', head: addWritePair, rules: ['event-pair-added'] },
    ],
    invalid: [
      {
        name: 'an exit event no longer sent',
        head: inEventTable([OPEN_X_FLAGS, 'EF_CREATES_FD | EF_MODIFIES_STATE | EF_OLD_VERSION,\n']),
        errors: [
          {
            message: ['PPME_SYSCALL_OPEN_X is now EF_OLD_VERSION (no longer sent)'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_OPEN_X]'),
          },
        ],
        rules: ['event-old-version-added'],
        required: 'minor',
      },
      {
        name: 'EF_NONE replaced by EF_OLD_VERSION',
        head: inEventTable([GENERIC_X_FLAGS, 'EC_OTHER | EC_SYSCALL, EF_OLD_VERSION, 2']),
        errors: [
          { message: ['PPME_GENERIC_X is now EF_OLD_VERSION'], path: EVENT_TABLE, line: at('[PPME_GENERIC_X]') },
        ],
        rules: ['event-old-version-added'],
        required: 'minor',
      },
    ],
  },
  {
    rule: 'event-large-payload-toggled',
    bump: 'major',
    valid: [
      {
        name: 'a new event is born with EF_LARGE_PAYLOAD',
        head: newEventWith('EF_LARGE_PAYLOAD'),
        rules: ['event-pair-added', 'event-pairing-broken'],
      },
      {
        name: 'an event with EF_LARGE_PAYLOAD gains another flag',
        base: inEventTable(READ_X_LARGE),
        head: inEventTable([
          READ_X_LARGE[1],
          'EF_USES_FD | EF_READS_FROM_FD | EF_LARGE_PAYLOAD | EF_MODIFIES_STATE,\n',
        ]),
        rules: ['event-flag-added'],
      },
      {
        name: 'EF_LARGE_PAYLOAD respelled with the same bit in the header',
        base: inEventTable(READ_X_LARGE),
        head: inHeader(['\tEF_LARGE_PAYLOAD = (1 << 11),', '\tEF_LARGE_PAYLOAD = 0x800,']),
        rules: [],
      },
    ],
    invalid: [
      {
        name: 'EF_LARGE_PAYLOAD added',
        head: inEventTable(READ_X_LARGE),
        errors: [
          {
            message: ['PPME_SYSCALL_READ_X gains EF_LARGE_PAYLOAD', 'param lengths become 32-bit on the wire'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_READ_X]'),
          },
        ],
        rules: ['event-large-payload-toggled'],
        required: 'major',
      },
      {
        name: 'EF_LARGE_PAYLOAD removed',
        base: inEventTable(READ_X_LARGE),
        head: inEventTable([READ_X_LARGE[1], READ_X_FLAGS]),
        errors: [
          {
            message: ['PPME_SYSCALL_READ_X loses EF_LARGE_PAYLOAD', 'param lengths become 16-bit on the wire'],
            path: EVENT_TABLE,
            line: at('[PPME_SYSCALL_READ_X]'),
          },
        ],
        rules: ['event-large-payload-toggled'],
        required: 'major',
      },
    ],
  },
];
