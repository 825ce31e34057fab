import { afterEach, describe, expect, it, vi } from 'vitest';
import { emitAnnotations } from '../../src/action/run.js';
import { annotationsFor } from '../../src/report/annotations.js';
import type { AgreementView } from '../../src/report/markdown.js';
import { finding, missingReport, report } from '../action/reports.js';

describe('emitting through @actions/core', () => {
  afterEach(() => vi.restoreAllMocks());

  function emitted(list: Parameters<typeof emitAnnotations>[0]): string {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out += String(s);
      return true;
    });
    emitAnnotations(list);
    vi.restoreAllMocks();
    return out;
  }

  it('a hostile message, path or title cannot end the command or start another one', () => {
    const out = emitted([
      {
        level: 'error',
        properties: {
          file: 'driver/x.c,line=1,title=forged::\n::add-mask::secret',
          startLine: 4,
          title: 'T: with, punctuation',
        },
        message: 'evil\n::error file=driver/y.c::forged\r\n::stop-commands::x 100%',
      },
    ]);
    expect(out).toBe(
      '::error title=T%3A with%2C punctuation,file=driver/x.c%2Cline=1%2Ctitle=forged%3A%3A%0A%3A%3Aadd-mask%3A%3Asecret,line=4::evil%0A::error file=driver/y.c::forged%0D%0A::stop-commands::x 100%25\n',
    );
  });

  it('writes level, title, file and line as GitHub reads them', () => {
    expect(emitted([{ level: 'warning', properties: {}, message: 'm' }])).toBe('::warning::m\n');
    expect(emitted([{ level: 'notice', properties: { file: 'a.c', startLine: 3, title: 't' }, message: 'm' }])).toBe(
      '::notice title=t,file=a.c,line=3::m\n',
    );
  });
});

describe('annotationsFor', () => {
  it('puts each finding on its changed line and the fix on line 1 of the version file', () => {
    expect(annotationsFor(missingReport())).toEqual([
      {
        level: 'error',
        properties: {
          file: 'driver/SCHEMA_VERSION',
          startLine: 1,
          title: 'driver/SCHEMA_VERSION: missing (needs a minor bump)',
        },
        message:
          'the changes need a minor bump of SCHEMA_VERSION and none was made Fix: set the first line of driver/SCHEMA_VERSION to 2.5.0.',
      },
      {
        level: 'error',
        properties: {
          file: 'driver/event_table.c',
          startLine: 17,
          title: 'SCHEMA_VERSION: minor bump (event-param-appended)',
        },
        message: "PPME_SYSCALL_OPEN_X gains param 4 'mode' (PT_UINT32)",
      },
    ]);
  });

  it('errors where the version fails the check (fail-on), warnings where it does not, notices where it is right', () => {
    const notFailing = annotationsFor(missingReport(), { failing: { schema: false } });
    expect(notFailing.map((a) => a.level)).toEqual(['warning', 'warning']);
    const ok = report({
      schema: { declared: 'minor', required: 'minor', head: '2.5.0', suggested: '2.5.0' },
      findings: [finding()],
    });
    expect(annotationsFor(ok).map((a) => [a.level, a.properties.file, a.properties.startLine])).toEqual([
      ['notice', 'driver/event_table.c', 17],
    ]);
    const note = report({
      findings: [finding({ kind: 'note', bump: 'none', rule: 'a-note', message: 'fyi', location: null })],
    });
    expect(annotationsFor(note)).toEqual([{ level: 'notice', properties: { title: 'note (a-note)' }, message: 'fyi' }]);
  });

  it('an invalid table is titled as such, and every status of the file is in the title', () => {
    const r = report({
      schema: { status: 'invalid', statuses: ['invalid', 'too-large'], reasons: ['table broken'] },
      findings: [
        finding({ kind: 'invalid', bump: 'none', rule: 'event-nparams-mismatch', message: 'nparams 3 but 4 params' }),
      ],
      verdict: 'fail',
    });
    const all = annotationsFor(r);
    expect(all[0]).toEqual({
      level: 'error',
      properties: { file: 'driver/SCHEMA_VERSION', startLine: 1, title: 'driver/SCHEMA_VERSION: invalid, too-large' },
      message: 'table broken',
    });
    expect(all[1]!.properties.title).toBe('SCHEMA_VERSION: invalid table (event-nparams-mismatch)');
  });

  it('reports PR-body disagreements without a file, as errors only when they fail the check', () => {
    const agreement: AgreementView = {
      stated: true,
      versions: {
        schema: { body: 'patch', file: 'minor', detected: 'minor', agree: false },
        api: { body: 'none', file: 'none', detected: 'none', agree: true },
      },
      problems: ['the PR body declares a patch SCHEMA_VERSION bump, but the changes need a minor bump'],
    };
    const r = report({ schema: { declared: 'minor', required: 'minor', head: '2.5.0', suggested: '2.5.0' } });
    expect(annotationsFor(r, { agreement })).toEqual([
      {
        level: 'warning',
        properties: { title: 'PR body /version declaration' },
        message: 'the PR body declares a patch SCHEMA_VERSION bump, but the changes need a minor bump',
      },
    ]);
    expect(annotationsFor(r, { agreement, disagreementFails: true })[0]!.level).toBe('error');
  });

  it('warnings name their file (without the revision) when they have a plain path', () => {
    const r = report({
      warnings: [
        { path: 'driver/big.h @ abc123', message: 'driver/big.h: blob missing', incomplete: true },
        { path: 'two words', message: 'odd', incomplete: false },
      ],
      verdict: 'warn',
    });
    expect(annotationsFor(r)).toEqual([
      {
        level: 'warning',
        properties: { file: 'driver/big.h', title: 'driver-semver could not analyse this' },
        message: 'driver/big.h: blob missing',
      },
      { level: 'warning', properties: { title: 'driver-semver warning' }, message: 'odd' },
    ]);
  });

  it('caps each level at maxPerLevel (GitHub shows 10 per step) and says how many more', () => {
    const many = missingReport({
      findings: Array.from({ length: 25 }, (_, i) =>
        finding({ message: `change ${i}`, location: { path: 'driver/event_table.c', line: i + 1 } }),
      ),
    });
    const errors = annotationsFor(many).filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors[0]!.properties.file).toBe('driver/SCHEMA_VERSION');
    expect(errors[9]).toEqual({
      level: 'error',
      properties: { title: 'driver-semver' },
      message: '17 more error annotations: see the job summary or the JSON report.',
    });
    expect(annotationsFor(many, { maxPerLevel: 50 }).filter((a) => a.level === 'error')).toHaveLength(26);
  });
});

describe('annotationsFor, clause by clause (docs/testing.md)', () => {
  it('a version annotation joins its reasons and lists every fix; without reasons it names the status', () => {
    const major = report({
      schema: {
        status: 'missing',
        required: 'major',
        reasons: ['first reason.', 'second reason.'],
        fixes: [
          { file: 'driver/SCHEMA_VERSION', line: 1, text: '3.0.0' },
          { file: 'userspace/libscap/scap.h', line: 3, text: '#define M PPM_API_VERSION(3, 0, 0)' },
        ],
      },
      verdict: 'fail',
    });
    expect(annotationsFor(major)[0]!.message).toBe(
      'first reason. second reason. Fix: set the first line of driver/SCHEMA_VERSION to 3.0.0. Fix: set line 3 of userspace/libscap/scap.h to: #define M PPM_API_VERSION(3, 0, 0).',
    );
    const bare = report({ api: { status: 'unexplained', declared: 'patch', head: '3.1.1' }, verdict: 'warn' });
    expect(annotationsFor(bare)).toEqual([
      {
        level: 'warning',
        properties: { file: 'driver/API_VERSION', startLine: 1, title: 'driver/API_VERSION: unexplained' },
        message: 'API_VERSION is unexplained.',
      },
    ]);
  });

  it('a finding on a version that is wrong but does not fail the check is a warning; on a right one, a notice', () => {
    const unexplained = report({
      schema: { status: 'unexplained', declared: 'minor', head: '2.5.0' },
      findings: [finding({ bump: 'patch' })],
      verdict: 'warn',
    });
    expect(annotationsFor(unexplained).map((a) => a.level)).toEqual(['warning', 'warning']);
    const ok = report({ schema: { declared: 'minor', required: 'minor', head: '2.5.0' }, findings: [finding()] });
    expect(annotationsFor(ok, { failing: { schema: false } }).map((a) => a.level)).toEqual(['notice']);
  });

  it('a finding names its line only when it is a line number (1 or more), else the file alone', () => {
    const at = (line: number) =>
      annotationsFor(report({ findings: [finding({ location: { path: 'driver/event_table.c', line } })] }))[0]!
        .properties;
    expect(at(1)).toEqual({
      file: 'driver/event_table.c',
      startLine: 1,
      title: 'SCHEMA_VERSION: minor bump (event-param-appended)',
    });
    expect(at(0)).toEqual({ file: 'driver/event_table.c', title: 'SCHEMA_VERSION: minor bump (event-param-appended)' });
    expect(at(-3)).toEqual({
      file: 'driver/event_table.c',
      title: 'SCHEMA_VERSION: minor bump (event-param-appended)',
    });
    expect(at(2.5)).toEqual({
      file: 'driver/event_table.c',
      title: 'SCHEMA_VERSION: minor bump (event-param-appended)',
    });
  });

  it('a warning path with spaces around its revision still names the file', () => {
    const r = report({
      warnings: [{ path: ' driver/big.h  @ abc123', message: 'm', incomplete: true }],
      verdict: 'warn',
    });
    expect(annotationsFor(r)[0]!.properties.file).toBe('driver/big.h');
  });

  it('exactly maxPerLevel annotations of a level are all shown, with no "more" line', () => {
    const ten = missingReport({
      findings: Array.from({ length: 9 }, (_, i) =>
        finding({ message: `change ${i}`, location: { path: 'driver/event_table.c', line: i + 1 } }),
      ),
    });
    const errors = annotationsFor(ten).filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors.map((a) => a.message)).not.toContain(expect.stringContaining('more error annotations'));
    expect(errors[9]!.message).toBe('change 8');
  });
});
