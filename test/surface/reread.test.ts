import { beforeAll, describe, expect, it } from 'vitest';
import type { MacroDef } from '../../src/parse/consteval.js';
import { initParser } from '../../src/parse/parser.js';
import { extractFacts, type FileFacts } from '../../src/surface/facts.js';
import { needsReread, reread, type Definition, type RereadContext } from '../../src/surface/reread.js';
import { MAX_INCLUDE_DEPTH } from '../../src/limits.js';

beforeAll(() => initParser());

const TABLE = 'driver/event_table.c';
const HEADER = 'driver/ppm_events_public.h';

function macros(defs: Record<string, string>): Map<string, MacroDef> {
  const m = new Map<string, MacroDef>();
  for (const [head, body] of Object.entries(defs)) {
    const f = /^(\w+)\(([^)]*)\)$/.exec(head);
    const name = f ? f[1]! : head;
    m.set(name, { name, params: f ? f[2]!.split(',').map((s) => s.trim()) : null, body });
  }
  return m;
}

/** A re-read context over a tree of driver files (`#include "x"` is driver/x), collecting its problems. */
function context(files: Record<string, string>, defs: Record<string, string> = {}, keep: string[] = []) {
  const problems: string[] = [];
  const ctx: RereadContext = {
    macros: macros(defs),
    keep: new Set(keep),
    read: async (p) => files[p] ?? null,
    resolve: (_from, path) => (`driver/${path}` in files ? `driver/${path}` : null),
    problem: (m) => problems.push(m),
  };
  return { ctx, problems };
}

async function facts(path: string, src: string): Promise<FileFacts> {
  const f = await extractFacts(path, src, 'tree');
  if (typeof f === 'string') throw new Error(f);
  return f;
}

const tableDef = (f: FileFacts): Definition => ({
  kind: 'table',
  name: f.tables[0]!.name,
  line: f.tables[0]!.line,
  endLine: f.tables[0]!.endLine,
});

const EVENT_TABLE = [
  '#include "ppm_events_public.h"', // 1
  '', // 2
  'const struct ppm_event_info g_event_info[] = {', // 3
  '\t[PPME_GENERIC_E] = {"syscall", EC_OTHER, EF_NONE, 0},', // 4
  '#include "open_events.inc"', // 5
  '\t[PPME_CLOSE_E] = {"close", EC_IO, EF_NONE, 0},', // 6
  '};', // 7
].join('\n');
const OPEN_EVENTS = [
  '/* the open events */',
  '[PPME_OPEN_E] = {"open", EC_FILE, EF_NONE, 0},',
  '[PPME_OPEN_X] = {"open", EC_FILE, EF_CREATES_FD, 0},',
].join('\n');

describe('needsReread: when the plain reading misses what the build sees', () => {
  it('an #include inside the definition; not one before it', async () => {
    const f = await facts(TABLE, EVENT_TABLE);
    const { ctx } = context({});
    expect(needsReread(f.directives, tableDef(f), [], ctx)).toBe(true);
    expect(needsReread(f.directives, { ...tableDef(f), line: 6 }, [], ctx)).toBe(false);
  });

  it('a macro standing for symbols, fields or entries; not a number, an expression-like function macro, or a kept name', async () => {
    const f = await facts(HEADER, 'enum x { A = 1 };');
    const def: Definition = { kind: 'enum', name: 'x', line: 1, endLine: 1 };
    const { ctx } = context(
      {},
      {
        FLAGS: 'EF_A | EF_B',
        FIELDS: 'int a; int b;',
        ENTRY: '{"a", 1},',
        NUM: '(1 << 2)',
        'DIRFD(n)': '((n) + 1)',
        'ROW(a, b)': '{a, b},',
        'PAIR(a, b)': 'a, b',
        'FIELD(t, n)': 't n;',
        KEPT: 'x y',
      },
      ['KEPT'],
    );
    const needs = (name: string) => needsReread(f.directives, def, [name], ctx);
    expect(['FLAGS', 'FIELDS', 'ENTRY', 'ROW', 'PAIR', 'FIELD'].map(needs)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['NUM', 'DIRFD', 'KEPT', 'NOT_A_MACRO'].map(needs)).toEqual([false, false, false, false]);
  });
});

describe('reread: a table with an #include inside', () => {
  it('takes the entries of the included file, each located where it is written', async () => {
    const f = await facts(TABLE, EVENT_TABLE);
    const { ctx, problems } = context({ [TABLE]: EVENT_TABLE, 'driver/open_events.inc': OPEN_EVENTS });
    const r = await reread(TABLE, f.directives, tableDef(f), ctx);
    expect(problems).toEqual([]);
    const t = r!.tables[0]!;
    expect(t.items.map((i) => [i.designator, i.line, i.path])).toEqual([
      ['PPME_GENERIC_E', 4, undefined],
      ['PPME_OPEN_E', 2, 'driver/open_events.inc'],
      ['PPME_OPEN_X', 3, 'driver/open_events.inc'],
      ['PPME_CLOSE_E', 6, undefined],
    ]);
    expect([t.line, t.endLine]).toEqual([3, 7]);
  });

  it('an include outside the tree is a problem naming the line and the header', async () => {
    const src = EVENT_TABLE.replace('"open_events.inc"', '<generated/events.h>');
    const f = await facts(TABLE, src);
    const { ctx, problems } = context({ [TABLE]: src });
    const r = await reread(TABLE, f.directives, tableDef(f), ctx);
    expect(problems).toEqual([
      `${TABLE}:5 includes <generated/events.h> inside g_event_info, and it is not a file of the tree: it cannot be followed`,
    ]);
    expect(r!.tables[0]!.items.map((i) => i.designator)).toEqual(['PPME_GENERIC_E', 'PPME_CLOSE_E']);
  });

  it('an included file that cannot be read is a problem', async () => {
    const f = await facts(TABLE, EVENT_TABLE);
    const { ctx, problems } = context({ [TABLE]: EVENT_TABLE, 'driver/open_events.inc': OPEN_EVENTS });
    ctx.read = async (p) => (p === TABLE ? EVENT_TABLE : null);
    await reread(TABLE, f.directives, tableDef(f), ctx);
    expect(problems).toEqual(['driver/open_events.inc, included inside g_event_info, cannot be read']);
  });

  it('an included file that includes itself stops at the include depth, with a problem', async () => {
    const f = await facts(TABLE, EVENT_TABLE);
    const loop = '[PPME_OPEN_E] = {"open", EC_FILE, EF_NONE, 0},\n#include "open_events.inc"\n';
    const { ctx, problems } = context({ [TABLE]: EVENT_TABLE, 'driver/open_events.inc': loop });
    const r = await reread(TABLE, f.directives, tableDef(f), ctx);
    expect(problems).toEqual([
      `driver/open_events.inc:2 includes "open_events.inc" inside g_event_info more than ${MAX_INCLUDE_DEPTH} deep: not followed`,
    ]);
    // The file is read once per level: its entry MAX_INCLUDE_DEPTH times, between the table's own two.
    expect(r!.tables[0]!.items).toHaveLength(MAX_INCLUDE_DEPTH + 2);
  });
});

describe('reread: macros standing for part of a definition', () => {
  it('a macro expanding to two fields of a struct: both fields, at the line of the macro', async () => {
    const src = [
      'struct ppm_ring_buffer_info {',
      '\tvolatile uint32_t head;',
      '\tEXTRA_COUNTERS',
      '\tvolatile uint32_t tail;',
      '};',
    ].join('\n');
    const f = await facts('driver/ppm_ringbuffer.h', src);
    const { ctx, problems } = context(
      { 'driver/ppm_ringbuffer.h': src },
      { EXTRA_COUNTERS: 'volatile uint64_t n_a; volatile uint64_t n_b;' },
    );
    const s = f.structs.structs[0]!;
    const r = await reread(
      'driver/ppm_ringbuffer.h',
      f.directives,
      { kind: 'struct', name: s.name, line: s.loc.line, endLine: s.endLine },
      ctx,
    );
    expect(problems).toEqual([]);
    expect(r!.structs.structs[0]!.fields.map((x) => [x.name, x.line])).toEqual([
      ['head', 2],
      ['n_a', 3],
      ['n_b', 3],
      ['tail', 4],
    ]);
  });

  it('an X-macro list expands with the #define met inside the definition, and stops at its #undef', async () => {
    const src = [
      'enum ppm_sc_code {', // 1
      '#define PPM_SC_X(name, value) PPM_SC_##name = (value),', // 2
      '\tPPM_SC_FIELDS', // 3
      '#undef PPM_SC_X', // 4
      '\tPPM_SC_X_LATE', // 5
      '};', // 6
    ].join('\n');
    const f = await facts(HEADER, src);
    // PPM_SC_X_LATE names PPM_SC_X after its #undef: the call stays as written (the compiler would
    // reject it), never expanded with the revision's other definition.
    const { ctx } = context(
      { [HEADER]: src },
      {
        PPM_SC_FIELDS: 'PPM_SC_X(OPEN, 1) PPM_SC_X(CLOSE, 2)',
        PPM_SC_X_LATE: 'PPM_SC_X(LATE, 9)',
        'PPM_SC_X(a, b)': 'WRONG_##a = b,',
      },
    );
    const e = f.enums[0]!;
    const r = await reread(
      HEADER,
      f.directives,
      { kind: 'enum', name: e.name!, line: e.line, endLine: e.endLine },
      ctx,
    );
    expect(r!.enums[0]!.enumerators.map((x) => [x.name, x.line])).toEqual([
      ['PPM_SC_OPEN', 3],
      ['PPM_SC_CLOSE', 3],
      ['PPM_SC_X', 5],
    ]);
  });

  it('a number macro stays as written, so the surface computes the value itself', async () => {
    const src = ['enum e {', '\tA = PPM_BASE,', '\tB = FLAGS,', '};'].join('\n');
    const f = await facts(HEADER, src);
    const { ctx } = context({ [HEADER]: src }, { PPM_BASE: '(1 << 4)', FLAGS: 'X | Y' });
    const e = f.enums[0]!;
    const r = await reread(
      HEADER,
      f.directives,
      { kind: 'enum', name: e.name!, line: e.line, endLine: e.endLine },
      ctx,
    );
    expect(r!.enums[0]!.enumerators.map((x) => [x.name, x.expr])).toEqual([
      ['A', 'PPM_BASE'],
      ['B', 'X | Y'],
    ]);
  });

  it('an expansion over a bound is a problem naming the line; the line is kept as written', async () => {
    const src = ['enum e {', '\tA = DEEP,', '};'].join('\n');
    const f = await facts(HEADER, src);
    const defs: Record<string, string> = { M0: 'x' };
    for (let i = 1; i <= 300; i++) defs[`M${i}`] = `M${i - 1} y`;
    const { ctx, problems } = context({ [HEADER]: src }, { ...defs, DEEP: 'M300' });
    const e = f.enums[0]!;
    const r = await reread(
      HEADER,
      f.directives,
      { kind: 'enum', name: e.name!, line: e.line, endLine: e.endLine },
      ctx,
    );
    expect(problems).toEqual([`${HEADER}:2, in e: macros nested more than 256 deep`]);
    expect(r!.enums[0]!.enumerators[0]!.expr).toBe('DEEP');
  });

  it('null when the definition is not found again', async () => {
    const src = 'enum e { A = 1 };';
    const f = await facts(HEADER, src);
    const { ctx } = context({ [HEADER]: src });
    expect(await reread(HEADER, f.directives, { kind: 'enum', name: 'other', line: 1, endLine: 1 }, ctx)).toBeNull();
  });

  it('a file that cannot be read is a problem', async () => {
    const f = await facts(HEADER, 'enum e { A = 1 };');
    const { ctx, problems } = context({});
    await reread(HEADER, f.directives, { kind: 'enum', name: 'e', line: 1, endLine: 1 }, ctx);
    expect(problems).toEqual([`${HEADER} cannot be read to follow e`]);
  });
});
