/**
 * Following every `fix:` of a report leads to green: build a change, run check, apply each fix
 * of the JSON report mechanically (replace line N of FILE with TEXT), commit, run check again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { commitFiles } from '../../src/source/scratch.js';
import type { CheckReport } from '../../src/verdict/types.js';
import { tempRepo } from '../helpers/repo.js';
import { appendModeParam, demoTree, edit } from '../helpers/surface.js';

async function check(dir: string, base: string): Promise<{ code: number; report: CheckReport; text: string }> {
  let out = '';
  const code = await main(['check', '--repo', dir, '--base', base, '--format', 'json'], {
    out: (s) => (out += s),
    err: () => undefined,
    isTTY: false,
    env: {},
  });
  let text = '';
  await main(['check', '--repo', dir, '--base', base], {
    out: (s) => (text += s),
    err: () => undefined,
    isTTY: false,
    env: {},
  });
  return { code, report: JSON.parse(out) as CheckReport, text };
}

/** Applies every fix of the report, exactly as written, and commits. */
function applyFixes(dir: string, report: CheckReport): number {
  const fixes = [report.versions.schema, report.versions.api].flatMap((v) => v.fixes);
  for (const f of fixes) {
    const file = path.join(dir, f.file);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[f.line - 1] = f.text;
    writeFileSync(file, lines.join('\n'));
  }
  commitFiles(dir, {}, 'apply the fixes driver-semver gave');
  return fixes.length;
}

const SCHEMA = 'driver/SCHEMA_VERSION';
const FLAGS_PARAM = '{"flags", PT_FLAGS32, PF_HEX, file_flags}';

const CASES: Array<[string, (t: Record<string, string>) => Record<string, string>, string[], number]> = [
  // [case, the change, the statuses it gets, how many fixes]
  [
    'a major (param removed) with no bump: version file and libscap minimum',
    (t) =>
      edit(
        t,
        'driver/event_table.c',
        [`,\n                                  ${FLAGS_PARAM}}},`, '}},'],
        [
          '                                 3,\n                                 {{"fd"',
          '                                 2,\n                                 {{"fd"',
        ],
      ),
    ['missing'],
    2,
  ],
  ['a minor with no bump', (t) => appendModeParam(t), ['missing'], 1],
  [
    'a patch with no bump',
    (t) => edit(t, 'driver/event_table.c', [FLAGS_PARAM, '{"flags", PT_FLAGS32, PF_DEC, file_flags}']),
    ['missing'],
    1,
  ],
  [
    'too large: a major for a minor change',
    (t) => ({
      ...appendModeParam(t),
      [SCHEMA]: '3.0.0\n',
      'userspace/libscap/scap.h': t['userspace/libscap/scap.h']!.replace(
        'PPM_API_VERSION(2, 3, 0)',
        'PPM_API_VERSION(3, 0, 0)',
      ),
    }),
    ['too-large'],
    2,
  ],
  [
    'not one step: a minor that skips a number',
    (t) => ({ ...appendModeParam(t), [SCHEMA]: '2.6.0\n' }),
    ['not-one-step'],
    1,
  ],
  [
    "invalid: a major bump that leaves libscap's minimum on the old major",
    (t) => ({
      ...edit(
        t,
        'driver/event_table.c',
        [`,\n                                  ${FLAGS_PARAM}}},`, '}},'],
        [
          '                                 3,\n                                 {{"fd"',
          '                                 2,\n                                 {{"fd"',
        ],
      ),
      [SCHEMA]: '3.0.0\n',
    }),
    ['invalid'],
    1,
  ],
  [
    'invalid: the version file holds no version, for a minor change',
    (t) => ({ ...appendModeParam(t), [SCHEMA]: 'two.five\n' }),
    ['invalid'],
    1,
  ],
];

describe('following every fix of the report gives PASS on the next run', () => {
  it.each(CASES)('%s', async (_, change, statuses, nFixes) => {
    const dir = tempRepo();
    const base = commitFiles(dir, demoTree(), 'driver as released');
    commitFiles(dir, change(demoTree()), 'the change');
    const before = await check(dir, base);
    expect(before.code).toBe(1);
    expect(before.report.versions.schema.statuses).toEqual(statuses);
    // The text report says every fix too.
    for (const f of before.report.versions.schema.fixes) expect(before.text).toContain(f.text);
    expect(applyFixes(dir, before.report)).toBe(nFixes);
    const after = await check(dir, base);
    expect(after.report.versions.schema.statuses).toEqual(['ok']);
    expect(after.report.verdict).toBe('pass');
    expect(after.code).toBe(0);
  });
});
