import { describe, expect, it } from 'vitest';
import { annotationsFor, escapeData, escapeProperty, renderAnnotation, renderAnnotations } from '../../src/report/annotations.js';
import type { AgreementView } from '../../src/report/markdown.js';
import { finding, missingReport, report } from '../action/reports.js';

describe('escaping for workflow commands', () => {
  it('escapes %, CR and LF in messages', () => {
    expect(escapeData('100% done\r\nnext\rline\n')).toBe('100%25 done%0D%0Anext%0Dline%0A');
  });

  it('also escapes : and , in properties', () => {
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });

  it('a hostile message or path cannot end the command or start another one', () => {
    const line = renderAnnotation({
      level: 'error',
      file: 'driver/x.c,line=1,title=forged::\n::add-mask::secret',
      line: 4,
      title: 'T: with, punctuation',
      message: 'evil\n::error file=driver/y.c::forged\r\n::stop-commands::x 100%',
    });
    expect(line).toBe(
      '::error file=driver/x.c%2Cline=1%2Ctitle=forged%3A%3A%0A%3A%3Aadd-mask%3A%3Asecret,line=4,title=T%3A with%2C punctuation::evil%0A::error file=driver/y.c::forged%0D%0A::stop-commands::x 100%25',
    );
    expect(line.split('\n')).toHaveLength(1);
  });

  it('renders level, file, line and title as GitHub reads them; no line without a file', () => {
    expect(renderAnnotation({ level: 'warning', message: 'm' })).toBe('::warning::m');
    expect(renderAnnotation({ level: 'notice', line: 3, message: 'm' })).toBe('::notice::m');
    expect(renderAnnotation({ level: 'error', file: 'a.c', line: 3, message: 'm' })).toBe('::error file=a.c,line=3::m');
    expect(renderAnnotation({ level: 'error', file: 'a.c', line: 0, title: 't', message: 'm' })).toBe('::error file=a.c,title=t::m');
  });
});

describe('annotationsFor', () => {
  it('puts each finding on its changed line and the fix on line 1 of the version file', () => {
    expect(renderAnnotations(missingReport())).toEqual([
      '::error file=driver/SCHEMA_VERSION,line=1,title=driver/SCHEMA_VERSION%3A missing (needs a minor bump)::the changes need a minor bump of SCHEMA_VERSION and none was made Set it to 2.5.0.',
      "::error file=driver/event_table.c,line=17,title=SCHEMA_VERSION%3A minor bump (event-param-appended)::PPME_SYSCALL_OPEN_X gains param 4 'mode' (PT_UINT32)",
    ]);
  });

  it('errors where the version fails the check (fail-on), warnings where it does not, notices where it is right', () => {
    const notFailing = annotationsFor(missingReport(), { failing: { schema: false } });
    expect(notFailing.map((a) => a.level)).toEqual(['warning', 'warning']);
    const ok = report({ schema: { declared: 'minor', required: 'minor', head: '2.5.0', suggested: '2.5.0' }, findings: [finding()] });
    expect(annotationsFor(ok).map((a) => [a.level, a.file, a.line])).toEqual([['notice', 'driver/event_table.c', 17]]);
    const note = report({ findings: [finding({ kind: 'note', bump: 'none', rule: 'a-note', message: 'fyi', location: null })] });
    expect(renderAnnotations(note)).toEqual(['::notice title=note (a-note)::fyi']);
  });

  it('an invalid table is titled as such', () => {
    const r = report({ schema: { status: 'invalid', reasons: ['table broken'] }, findings: [finding({ kind: 'invalid', bump: 'none', rule: 'event-nparams-mismatch', message: 'nparams 3 but 4 params' })], verdict: 'fail' });
    expect(renderAnnotations(r)).toContain('::error file=driver/event_table.c,line=17,title=SCHEMA_VERSION%3A invalid table (event-nparams-mismatch)::nparams 3 but 4 params');
    // No "set it to" for an invalid file: the suggestion would not fix it.
    expect(renderAnnotations(r)[0]).toBe('::error file=driver/SCHEMA_VERSION,line=1,title=driver/SCHEMA_VERSION%3A invalid::table broken');
  });

  it('reports PR-body disagreements without a file, as errors only when they fail the check', () => {
    const agreement: AgreementView = {
      stated: true,
      versions: { schema: { body: 'patch', file: 'minor', detected: 'minor', agree: false }, api: { body: 'none', file: 'none', detected: 'none', agree: true } },
      problems: ['the PR body declares a patch SCHEMA_VERSION bump, but the changes need a minor bump'],
    };
    const r = report({ schema: { declared: 'minor', required: 'minor', head: '2.5.0', suggested: '2.5.0' } });
    expect(renderAnnotations(r, { agreement })).toEqual(['::warning title=PR body /version declaration::the PR body declares a patch SCHEMA_VERSION bump, but the changes need a minor bump']);
    expect(renderAnnotations(r, { agreement, disagreementFails: true })[0]).toMatch(/^::error title=PR body/);
  });

  it('warnings name their file (without the revision) when they have a plain path', () => {
    const r = report({
      warnings: [
        { path: 'driver/big.h @ abc123', message: 'driver/big.h: blob missing', incomplete: true },
        { path: 'two words', message: 'odd', incomplete: false },
      ],
      verdict: 'warn',
    });
    expect(renderAnnotations(r)).toEqual([
      '::warning file=driver/big.h,title=driver-semver could not analyse this::driver/big.h: blob missing',
      '::warning title=driver-semver warning::odd',
    ]);
  });

  it('caps each level at maxPerLevel (GitHub shows 10 per step) and says how many more', () => {
    const many = missingReport({ findings: Array.from({ length: 25 }, (_, i) => finding({ message: `change ${i}`, location: { path: 'driver/event_table.c', line: i + 1 } })) });
    const errors = annotationsFor(many).filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors[0]!.file).toBe('driver/SCHEMA_VERSION');
    expect(errors[9]).toEqual({ level: 'error', title: 'driver-semver', message: '17 more error annotations: see the job summary or the JSON report.' });
    expect(annotationsFor(many, { maxPerLevel: 50 }).filter((a) => a.level === 'error')).toHaveLength(26);
  });
});
