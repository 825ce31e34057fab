/**
 * Older spellings of the same tables read as the same surface: the positional, comment-labelled
 * g_event_info (keys come from the position mapped through ppm_event_code, never from the
 * comment), the tagged `enum ppm_event_type`, and the plain `enum ppm_syscall_code`.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/catalogue.js';
import type { Surface } from '../../src/surface/model.js';
import {
  ENUM_EVENT_TYPE,
  ENUM_SYSCALL_CODE,
  POSITIONAL_LABELS,
  positionalEventTable,
  TYPEDEF_EVENT_CODES,
  XMACRO_PPM_SC,
} from './legacy-sources.js';
import { lineOf } from '../helpers/lines.js';
import {
  apply,
  demoFiles,
  EVENT_TABLE,
  firedRules,
  HEADER,
  inHeader,
  setFile,
  surface,
  type Change,
} from './tester.js';

/** Any value with every `loc` field dropped (locations differ between spellings by design). */
function withoutLocs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'loc')
        .map(([k, v]) => [k, withoutLocs(v)]),
    );
  }
  return value;
}

async function build(...changes: Change[]): Promise<Surface> {
  const s = await surface(apply(demoFiles(), changes));
  expect(s.warnings).toEqual([]);
  return s;
}

const positional = (labels?: string[]) => setFile(EVENT_TABLE, positionalEventTable(labels));

describe('positional g_event_info', () => {
  it('the snippet really is positional and sized by PPM_EVENT_MAX', () => {
    const text = positionalEventTable();
    expect(text).toContain('g_event_info[PPM_EVENT_MAX] = {');
    expect(text).toContain('/* PPME_GENERIC_E */ {"syscall"');
    expect(text).not.toMatch(/\[PPME_/);
  });

  it('gives the same events as the designated table', async () => {
    const designated = await build();
    const old = await build(positional());
    expect(Object.keys(old.events)).toEqual(Object.keys(designated.events));
    expect(withoutLocs(old.events)).toEqual(withoutLocs(designated.events));
    // An entry's location is its own line, whatever its comment says.
    expect(old.events.PPME_SYSCALL_OPEN_X!.loc).toEqual({
      path: EVENT_TABLE,
      line: lineOf(positionalEventTable(), '/* PPME_SYSCALL_OPEN_X */'),
    });
  });

  it('switching between the two syntaxes is no change, both ways', async () => {
    const designated = await build();
    const old = await build(positional());
    expect(runRules(designated, old)).toEqual([]);
    expect(runRules(old, designated)).toEqual([]);
  });

  it('wrong comments change nothing: keys come from positions', async () => {
    const right = await build(positional());
    const reversed = await build(positional([...POSITIONAL_LABELS].reverse()));
    const swapped = [...POSITIONAL_LABELS];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    const oneSwap = await build(positional(swapped));
    const bogus = await build(positional(POSITIONAL_LABELS.map(() => 'PPME_SYSCALL_WRITE_X')));
    for (const s of [reversed, oneSwap, bogus]) {
      expect(s.events).toEqual(right.events);
      expect(runRules(right, s)).toEqual([]);
    }
  });

  it('an edit of a positional entry is reported for the event at that position, whatever its comment says', async () => {
    // Entry 3 (PPME_SYSCALL_OPEN_X) is labelled PPME_SYSCALL_CLOSE_X here, then renamed.
    const labels = [...POSITIONAL_LABELS];
    labels[3] = 'PPME_SYSCALL_CLOSE_X';
    const base = await build(positional(labels));
    const headTable = positionalEventTable(labels).replace(
      '{"open", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, 3',
      '{"openat", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, 3',
    );
    const head = await build((tree) => ({ ...tree, [EVENT_TABLE]: headTable }));
    const findings = runRules(base, head);
    expect(findings.map((f) => [f.rule, f.message, f.location])).toEqual([
      [
        'event-name-changed',
        "PPME_SYSCALL_OPEN_X name 'open' → 'openat'",
        { path: EVENT_TABLE, line: lineOf(headTable, '{"openat"') },
      ],
    ]);
  });

  it('a designated table compared with a positional one still finds real changes', async () => {
    const base = await build();
    const head = await build((tree) => ({
      ...tree,
      [EVENT_TABLE]: positionalEventTable().replace(
        '{"fd", PT_FD, PF_DEC}, {"name", PT_FSPATH',
        '{"fd", PT_FD32, PF_DEC}, {"name", PT_FSPATH',
      ),
    }));
    const findings = runRules(base, head);
    expect(firedRules(findings)).toEqual(['event-param-type-changed']);
    expect(findings[0]!.message).toContain('PPME_SYSCALL_OPEN_X param 1');
  });
});

describe('enum ppm_event_type (the old name of ppm_event_code)', () => {
  const oldCodes = inHeader([TYPEDEF_EVENT_CODES, ENUM_EVENT_TYPE]);

  it('is read as the event codes, implicit values included', async () => {
    const typedef = await build();
    const old = await build(oldCodes);
    expect(Object.keys(old.eventCodes)).toEqual(Object.keys(typedef.eventCodes));
    expect(Object.fromEntries(Object.entries(old.eventCodes).map(([k, c]) => [k, c.value]))).toEqual(
      Object.fromEntries(Object.entries(typedef.eventCodes).map(([k, c]) => [k, c.value])),
    );
    const header = apply(demoFiles(), oldCodes)[HEADER]!;
    expect(old.eventCodes.PPME_SOCKET_SETSOCKOPT_X).toMatchObject({
      value: 9,
      loc: { path: HEADER, line: lineOf(header, '\tPPME_SOCKET_SETSOCKOPT_X,') },
    });
    expect(Object.keys(old.enums)).not.toContain('ppm_event_type');
    expect(withoutLocs(old.events)).toEqual(withoutLocs(typedef.events));
  });

  it('switching between the two forms is no change, both ways', async () => {
    const typedef = await build();
    const old = await build(oldCodes);
    expect(runRules(typedef, old)).toEqual([]);
    expect(runRules(old, typedef)).toEqual([]);
  });

  it('changes in the old form are found', async () => {
    const base = await build(oldCodes);
    const head = await build(
      oldCodes,
      inHeader(['\tPPME_SYSCALL_READ_E,\n', '\tPPME_SYSCALL_PREAD_E,\n\tPPME_SYSCALL_READ_E,\n']),
    );
    // A code inserted before READ_E: READ_E and every later implicit code shift by one.
    const renumbered = runRules(base, head).filter((f) => f.rule === 'event-renumbered');
    expect(renumbered.map((f) => f.message)).toEqual([
      'PPME_SYSCALL_READ_E changed from 6 to 7',
      'PPME_SYSCALL_READ_X changed from 7 to 8',
      'PPME_SOCKET_SETSOCKOPT_E changed from 8 to 9',
      'PPME_SOCKET_SETSOCKOPT_X changed from 9 to 10',
    ]);
  });
});

describe('enum ppm_syscall_code (the ppm_sc codes before the X-macro)', () => {
  const oldSc = inHeader([XMACRO_PPM_SC, ENUM_SYSCALL_CODE]);

  it('is read as the ppm_sc codes, without the PPM_SC_MAX sentinel', async () => {
    const xmacro = await build();
    const old = await build(oldSc);
    const values = (s: Surface) =>
      Object.fromEntries(
        Object.entries(s.ppmSc)
          .filter(([, c]) => !c.retired)
          .map(([k, c]) => [k, c.value]),
      );
    expect(values(old)).toEqual(values(xmacro));
    expect(values(old)).toEqual({
      PPM_SC_UNKNOWN: 0,
      PPM_SC_OPEN: 1,
      PPM_SC_CLOSE: 2,
      PPM_SC_READ: 4,
      PPM_SC_SETSOCKOPT: 5,
    });
    expect(old.ppmSc.PPM_SC_READ!.loc).toEqual({
      path: HEADER,
      line: lineOf(apply(demoFiles(), oldSc)[HEADER]!, 'PPM_SC_READ = 4'),
    });
    expect(Object.keys(old.enums)).not.toContain('ppm_syscall_code');
  });

  it('switching between the two forms is no change, both ways', async () => {
    const xmacro = await build();
    const old = await build(oldSc);
    expect(runRules(xmacro, old)).toEqual([]);
    expect(runRules(old, xmacro)).toEqual([]);
  });

  it('changes in the old form are found', async () => {
    const base = await build(oldSc);
    const head = await build(oldSc, inHeader(['\tPPM_SC_READ = 4,', '\tPPM_SC_READ = 6,']));
    const findings = runRules(base, head);
    expect(firedRules(findings)).toEqual(['ppm-sc-renumbered']);
    // The implicit PPM_SC_SETSOCKOPT follows PPM_SC_READ.
    expect(findings.map((f) => f.message)).toEqual([
      'PPM_SC_READ changed from 4 to 6',
      'PPM_SC_SETSOCKOPT changed from 5 to 7',
    ]);
  });

  it('a code appended to the old form is a patch, as with the X-macro', async () => {
    const base = await build(oldSc);
    const head = await build(oldSc, inHeader(['\tPPM_SC_SETSOCKOPT,\n', '\tPPM_SC_SETSOCKOPT,\n\tPPM_SC_WRITE,\n']));
    const findings = runRules(base, head);
    expect(findings.map((f) => [f.rule, f.bump, f.message])).toEqual([
      ['ppm-sc-appended', 'patch', 'new PPM_SC_WRITE = 6'],
    ]);
  });
});
