/**
 * Edits that change how the driver sources look but not what they say: the whole catalogue must
 * stay silent. The surface is keyed by C symbols and values, never by position, layout or comments.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/catalogue.js';
import {
  DYN_TABLE,
  EVENT_TABLE,
  FLAGS_TABLE,
  HEADER,
  demoFiles,
  inEventTable,
  inFlagsTable,
  inHeader,
  surfaces,
  type Change,
  type Tree,
} from './tester.js';

/** Rewrites one file of the tree with a function of its text; fails if the text does not change. */
const rewrite =
  (file: string, f: (text: string) => string): Change =>
  (tree: Tree) => {
    const text = f(tree[file]!);
    if (text === tree[file]) throw new Error(`rewrite of ${file} changed nothing`);
    return { ...tree, [file]: text };
  };

/** The designated entries of g_event_info (each starts a line with `[PPME_`), reordered by `order`. */
function reorderEventEntries(order: (entries: string[]) => string[]): Change {
  return rewrite(EVENT_TABLE, (text) => {
    const open = text.indexOf('g_event_info[] = {\n') + 'g_event_info[] = {\n'.length;
    const close = text.lastIndexOf('};');
    const body = text.slice(open, close);
    const entries = body.split(/^(?= {8}\[PPME_)/m);
    expect(entries).toHaveLength(10);
    return text.slice(0, open) + order(entries).join('') + text.slice(close);
  });
}

/** The two flag tables of flags_table.c swapped. */
const swapFlagTables = rewrite(FLAGS_TABLE, (text) => {
  const start = text.indexOf('const struct ppm_name_value file_flags');
  const mid = text.indexOf('const struct ppm_name_value fcntl_commands');
  const first = text.slice(start, mid);
  const second = `${text.slice(mid).trimEnd()}\n\n`;
  return `${text.slice(0, start) + second + first.trimEnd()}\n`;
});

const cases: Array<{ name: string; head: Change | Change[] }> = [
  // Spellings that mean the same value (bugs once found by these tests).
  {
    name: 'a category set fully parenthesised',
    head: inEventTable([
      '                                 EC_FILE | EC_SYSCALL,\n                                 EF_CREATES_FD | EF_MODIFIES_STATE,',
      '                                 (EC_FILE | EC_SYSCALL),\n                                 (EF_CREATES_FD | (EF_MODIFIES_STATE)),',
    ]),
  },
  {
    name: 'spaces inside an info reference',
    head: inEventTable(['PF_HEX, file_flags}}},', 'PF_HEX, file_flags }}},']),
  },
  {
    name: 'an explicit null info, spelled (void*)0',
    head: inEventTable([
      '{"fd", PT_FD, PF_DEC},\n                                  {"name"',
      '{"fd", PT_FD, PF_DEC, (void*)0},\n                                  {"name"',
    ]),
  },
  {
    name: 'an explicit null info, spelled ((void *)0)',
    head: inEventTable([
      '{"fd", PT_FD, PF_DEC},\n                                  {"name"',
      '{"fd", PT_FD, PF_DEC, ((void *)0)},\n                                  {"name"',
    ]),
  },
  {
    name: 'an event name written as concatenated literals',
    head: inEventTable(['[PPME_SYSCALL_READ_E] = {"read",', '[PPME_SYSCALL_READ_E] = {"re" "ad",']),
  },
  {
    name: 'dynamic-param entries written positionally',
    head: rewrite(DYN_TABLE, (t) => t.replace(/^( +)\[PPM_SOCKOPT_IDX_\w+\] = /gm, '$1')),
  },
  // Whitespace and layout of event_table.c.
  {
    name: 'event_table.c: multi-line entries joined onto one line each',
    head: rewrite(EVENT_TABLE, (t) => t.replace(/\n {20,}/g, ' ')),
  },
  {
    name: 'event_table.c: every field on its own line, tab indentation',
    head: rewrite(EVENT_TABLE, (t) => t.replace(/, (?=[{"A-Z0-9])/g, ',\n\t\t\t').replace(/^ {8}/gm, '\t')),
  },
  {
    name: 'event_table.c: no spaces around |, spaces inside braces',
    head: rewrite(EVENT_TABLE, (t) => t.replace(/ \| /g, '|').replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }')),
  },
  { name: 'event_table.c: CRLF line endings', head: rewrite(EVENT_TABLE, (t) => t.replace(/\n/g, '\r\n')) },
  {
    name: 'event_table.c: nparams written as an expression of the same value, EF_NONE spelled out',
    head: inEventTable(
      [
        'EF_CREATES_FD | EF_MODIFIES_STATE,\n                                 3,',
        'EF_CREATES_FD | EF_MODIFIES_STATE,\n                                 1 + 2,',
      ],
      [
        'EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE,\n',
        'EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE | EF_NONE,\n',
      ],
    ),
  },
  {
    name: 'event_table.c: an empty info slot spelled 0 or NULL, a PT_DYN size spelled the same',
    head: inEventTable(
      [
        '{"fd", PT_FD, PF_DEC},\n                                  {"name"',
        '{"fd", PT_FD, PF_DEC, 0},\n                                  {"name"',
      ],
      ['{"res", PT_ERRNO, PF_DEC}, {"fd"', '{"res", PT_ERRNO, PF_DEC, NULL}, {"fd"'],
    ),
  },
  // Comments.
  {
    name: 'event_table.c: the header comment now names events',
    head: inEventTable([
      '/* Demo event table: one designated entry per event, like libs since 2023. */',
      '/* Demo event table. PPME_SYSCALL_OPEN_X was renamed to "openat" and PPME_SYSCALL_READ_X lost its fd. */',
    ]),
  },
  {
    name: 'event_table.c: comments inside entries, between entries and after params',
    head: inEventTable(
      [
        '        [PPME_SYSCALL_OPEN_X]',
        '        /* PPME_SYSCALL_CLOSE_X: {"close", EC_NET, EF_NONE, 0} */\n        // [PPME_SYSCALL_WRITE_E] = {"write", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD, 0},\n        [PPME_SYSCALL_OPEN_X]',
      ],
      ['{"fd", PT_FD, PF_DEC},\n', '{"fd", PT_FD, PF_DEC}, /* {"fd", PT_FD32, PF_HEX}, */\n'],
      ['EF_USES_FD | EF_READS_FROM_FD,\n', 'EF_USES_FD /* | EF_LARGE_PAYLOAD */ | EF_READS_FROM_FD, // was EF_NONE\n'],
    ),
  },
  {
    name: 'ppm_events_public.h: comments edited and added, including ones that name symbols',
    head: inHeader(
      ['/* open flags */', '/* open flags: PPM_O_CREAT used to be (1 << 3) */'],
      ['\tPPME_SYSCALL_READ_X = 7,\n', '\tPPME_SYSCALL_READ_X = 7, /* PPME_SYSCALL_READ_X = 9 */\n'],
      ['\tEF_OLD_VERSION = (1 << 9),\n', '\t/* EF_UNUSED = (1 << 8), */\n\tEF_OLD_VERSION = (1 << 9),\n'],
    ),
  },
  {
    name: 'flags_table.c: the header comment edited',
    head: inFlagsTable(['/* Demo flag tables. */', '/* Flag tables: O_CREAT and F_DUPFD. */']),
  },
  // Reordering.
  { name: 'g_event_info: designated entries in reverse order', head: reorderEventEntries((e) => [...e].reverse()) },
  {
    name: 'g_event_info: exit events first, then enter events',
    head: reorderEventEntries((e) => [...e.filter((x) => /_X\]/.test(x)), ...e.filter((x) => /_E\]/.test(x))]),
  },
  { name: 'flags_table.c: the two tables swapped', head: swapFlagTables },
  {
    name: 'flags_table.c: entries of a table reordered',
    head: inFlagsTable([
      '        {"O_RDWR", PPM_O_RDWR},\n        {"O_RDONLY", PPM_O_RDONLY},\n',
      '        {"O_RDONLY", PPM_O_RDONLY},\n        {"O_RDWR", PPM_O_RDWR},\n',
    ]),
  },
  {
    name: 'ppm_events_public.h: explicit enumerators and defines reordered',
    head: inHeader(
      ['\tEC_FILE = 2,\n\tEC_NET = 3,\n', '\tEC_NET = 3,\n\tEC_FILE = 2,\n'],
      [
        '#define PPM_O_RDONLY (1 << 0)\n#define PPM_O_WRONLY (1 << 1)\n',
        '#define PPM_O_WRONLY (1 << 1)\n#define PPM_O_RDONLY (1 << 0)\n',
      ],
    ),
  },
  // Same values, other spellings.
  {
    name: 'ppm_events_public.h: values respelled (shifts, hex, sums) with the same numbers',
    head: inHeader(
      ['#define PPM_O_CREAT (1 << 2)', '#define PPM_O_CREAT    0x4'],
      ['\tEF_LARGE_PAYLOAD = (1 << 11),', '\tEF_LARGE_PAYLOAD = 2048,'],
      ['\tPPME_SOCKET_SETSOCKOPT_E = 8,', '\tPPME_SOCKET_SETSOCKOPT_E = (1 << 3),'],
      ['\tPT_MAX = 13', '\tPT_MAX = PT_FD32 + 1'],
    ),
  },
  {
    name: 'ppm_events_public.h: the ppm_sc X-macro realigned',
    head: rewrite(HEADER, (t) => t.replace(/(PPM_SC_X\(\w+, \d+\)|\/\*PPM_SC_X\(NA_1, 3\)\*\/) +\\/g, '$1 \\')),
  },
  {
    name: 'flags_table.c: an entry spelled with the value instead of the macro',
    head: inFlagsTable(['{"O_CREAT", PPM_O_CREAT}', '{"O_CREAT", (1 << 2)}']),
  },
  {
    name: 'dynamic_params_table.c: reformatted and commented',
    head: rewrite(DYN_TABLE, (t) => t.replace(/\{\{0\}, /g, '{ {0},\n\t\t').replace(/\n {8}/g, '\n\t/* index */ ')),
  },
];

describe('no-op edits produce no findings', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const [base, head] = await surfaces(undefined, c.head);
      expect(head.warnings).toEqual([]);
      expect(runRules(base, head)).toEqual([]);
    });
  }

  it('the edits above really change the sources', () => {
    const demo = demoFiles();
    for (const c of cases) {
      const list = Array.isArray(c.head) ? c.head : [c.head];
      const tree = list.reduce((t, f) => f(t), demo);
      expect(
        Object.keys(tree).some((k) => tree[k] !== demo[k]),
        c.name,
      ).toBe(true);
    }
  });

  it('reordering g_event_info keeps every event and its location follows the entry', async () => {
    const [base, head] = await surfaces(
      undefined,
      reorderEventEntries((e) => [...e].reverse()),
    );
    expect(Object.keys(head.events).sort()).toEqual(Object.keys(base.events).sort());
    const strip = (s: typeof base) =>
      Object.fromEntries(
        Object.entries(s.events).map(([k, e]) => [
          k,
          { ...e, loc: null, params: e.params.map((p) => ({ ...p, loc: null })) },
        ]),
      );
    expect(strip(head)).toEqual(strip(base));
    // PPME_GENERIC_E was first (line 5) and is now the last entry.
    expect(head.events.PPME_GENERIC_E!.loc.line).toBeGreaterThan(30);
  });
});
