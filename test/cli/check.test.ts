import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { commitFiles, runGit } from '../../src/source/scratch.js';
import type { CheckReport } from '../../src/verdict/types.js';
import { tempDir, tempRepo } from '../helpers/repo.js';
import { appendModeParam, demoTree, edit, modeParamLine } from '../helpers/surface.js';

async function cli(args: string[], opts: { isTTY?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    isTTY: opts.isTTY ?? false,
    env: opts.env ?? {},
  });
  return { code, out, err };
}

async function checkJson(args: string[]): Promise<{ code: number; report: CheckReport }> {
  const r = await cli(['check', '--format', 'json', ...args]);
  expect(r.err).toBe('');
  return { code: r.code, report: JSON.parse(r.out) as CheckReport };
}

describe('check on temporary git repositories', () => {
  const dir = tempRepo();
  const base = commitFiles(dir, demoTree(), 'driver');
  const head = commitFiles(dir, appendModeParam(demoTree()), 'append a param');
  const bumped = commitFiles(dir, { 'driver/SCHEMA_VERSION': '2.5.0\n' }, 'bump schema');

  it('a param appended with no bump: schema minor missing, exit 1', async () => {
    const { code, report } = await checkJson(['--repo', dir, '--base', base, '--head', head]);
    expect(code).toBe(1);
    expect(report).toMatchObject({
      reportVersion: 1,
      base: { rev: base, commit: base },
      head: { rev: head, commit: head },
      verdict: 'fail',
      versions: {
        schema: {
          file: 'driver/SCHEMA_VERSION',
          base: '2.4.0',
          head: '2.4.0',
          declared: 'none',
          required: 'minor',
          suggested: '2.5.0',
          status: 'missing',
        },
        api: { file: 'driver/API_VERSION', declared: 'none', required: 'none', status: 'ok' },
      },
      warnings: [],
    });
    expect(report.findings).toEqual([
      {
        rule: 'event-param-appended',
        symbol: 'PPME_SYSCALL_OPEN_X',
        governs: 'schema',
        bump: 'minor',
        kind: 'change',
        message: "PPME_SYSCALL_OPEN_X gains param 4 'mode' (PT_UINT32)",
        location: { path: 'driver/event_table.c', line: modeParamLine() },
      },
    ]);
    expect(report.versions.schema).toMatchObject({
      statuses: ['missing'],
      fixes: [{ file: 'driver/SCHEMA_VERSION', line: 1, text: '2.5.0' }],
    });
    expect(report.ignored).toEqual([]);
  });

  it('the whole PR, bump in a separate commit: pass, exit 0', async () => {
    const { code, report } = await checkJson(['--repo', dir, '--base', base, '--head', bumped]);
    expect(code).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.versions.schema).toMatchObject({ declared: 'minor', required: 'minor', status: 'ok', head: '2.5.0' });
  });

  it('comments and reformatting change nothing', async () => {
    const d = tempRepo();
    const b = commitFiles(d, demoTree(), 'driver');
    const tree = edit(
      demoTree(),
      'driver/event_table.c',
      [
        '/* Demo event table: one designated entry per event, like libs since 2023. */',
        '/* PPME_SYSCALL_READ_X is the open event (a misleading comment) */',
      ],
      [
        '[PPME_GENERIC_E] = {"syscall", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION, 2,',
        '[PPME_GENERIC_E] = {"syscall",\n   EC_SYSCALL | EC_OTHER,   /* order */\n   EF_OLD_VERSION, 2,',
      ],
    );
    const h = commitFiles(d, tree, 'comments');
    const { code, report } = await checkJson(['--repo', d, '--base', b, '--head', h]);
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(code).toBe(0);
  });

  it('--worktree reads uncommitted changes', async () => {
    const d = tempRepo();
    const b = commitFiles(d, demoTree(), 'driver');
    writeFileSync(path.join(d, 'driver/event_table.c'), appendModeParam(demoTree())['driver/event_table.c']!);
    const { code, report } = await checkJson(['--repo', d, '--base', b, '--worktree']);
    expect(code).toBe(1);
    expect(report.head).toEqual({ rev: 'worktree', commit: null });
    expect(report.versions.schema.status).toBe('missing');
  });

  it('defaults the base to the merge-base with the upstream default branch and suggests from its tip', async () => {
    const up = tempRepo();
    commitFiles(up, demoTree(), 'driver');
    const clone = path.join(tempDir(), 'clone');
    runGit(up, ['clone', '-q', up, clone]);
    runGit(clone, ['checkout', '-q', '-b', 'feature']);
    commitFiles(clone, { ...appendModeParam(demoTree()), 'driver/SCHEMA_VERSION': '2.5.0\n' }, 'append and bump');
    // Meanwhile another PR lands upstream with its own schema minor.
    commitFiles(
      up,
      {
        ...edit(
          demoTree(),
          'driver/event_table.c',
          [
            '{"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC}}},',
            '{"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC}, {"x", PT_UINT32, PF_DEC}}},',
          ],
          ['                                  2,\n', '                                  3,\n'],
        ),
        'driver/SCHEMA_VERSION': '2.5.0\n',
      },
      'other PR',
    );
    runGit(clone, ['fetch', '-q', 'origin']);
    const { code, report } = await checkJson(['--repo', clone]);
    // Only this branch's change is reported (not the upstream one), and 2.5.0 is taken.
    expect(report.findings.map((f) => f.message)).toEqual(["PPME_SYSCALL_OPEN_X gains param 4 'mode' (PT_UINT32)"]);
    expect(report.base.rev).toBe('origin/master');
    expect(report.baseTip?.rev).toBe('origin/master');
    expect(report.versions.schema).toMatchObject({
      base: '2.4.0',
      head: '2.5.0',
      baseTip: '2.5.0',
      suggested: '2.6.0',
      status: 'missing',
    });
    expect(report.versions.schema.reasons.join(' ')).toContain('rebase and declare 2.6.0');
    expect(code).toBe(1);
  });
});

describe('text output', () => {
  const dir = tempRepo();
  const base = commitFiles(dir, demoTree(), 'driver');
  const head = commitFiles(dir, appendModeParam(demoTree()), 'append');

  it('explains the verdict and the fix, without colour when not a TTY', async () => {
    const r = await cli(['check', '--repo', dir, '--base', base, '--head', head]);
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('\x1b[');
    // Revisions given as commit ids are shown once, abbreviated.
    expect(r.out.split('\n')[0]).toBe(`driver-semver check ${base.slice(0, 12)} .. ${head.slice(0, 12)}`);
    expect(r.out).toMatch(/driver\/SCHEMA_VERSION +2\.4\.0 \(unchanged\) +declared none +required minor +MISSING/);
    expect(r.out).toContain('fix: set the first line of driver/SCHEMA_VERSION to 2.5.0');
    expect(r.out).toContain(
      `PPME_SYSCALL_OPEN_X gains param 4 'mode' (PT_UINT32)  [event-param-appended] driver/event_table.c:${modeParamLine()}`,
    );
    expect(r.out).toMatch(/verdict: FAIL\n$/);
  });

  it('--format markdown and --format sarif', async () => {
    const md = await cli(['check', '--repo', dir, '--base', base, '--head', head, '--format', 'markdown']);
    expect(md.code).toBe(1);
    expect(md.out).toContain('driver/SCHEMA_VERSION');
    expect(md.out).toMatch(/event\\-param\\-appended|event-param-appended/);
    const sarif = JSON.parse(
      (await cli(['check', '--repo', dir, '--base', base, '--head', head, '--format', 'sarif'])).out,
    );
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toEqual([
      {
        ruleId: 'version-bump',
        level: 'error',
        message: {
          text: 'driver/SCHEMA_VERSION: missing. the changes need a minor bump of SCHEMA_VERSION and none was made Fix: set the first line of driver/SCHEMA_VERSION to 2.5.0.',
        },
        locations: [
          { physicalLocation: { artifactLocation: { uri: 'driver/SCHEMA_VERSION' }, region: { startLine: 1 } } },
        ],
        partialFingerprints: { 'driverSemver/v1': expect.stringMatching(/^[0-9a-f]{32}$/) },
      },
      {
        ruleId: 'event-param-appended',
        level: 'error',
        message: { text: "PPME_SYSCALL_OPEN_X gains param 4 'mode' (PT_UINT32) (SCHEMA_VERSION minor)" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'driver/event_table.c' },
              region: { startLine: modeParamLine() },
            },
          },
        ],
        partialFingerprints: { 'driverSemver/v1': expect.stringMatching(/^[0-9a-f]{32}$/) },
      },
    ]);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('struct-layout-changed');
  });

  it('uses colour on a TTY unless NO_COLOR is set', async () => {
    expect((await cli(['check', '--repo', dir, '--base', base, '--head', head], { isTTY: true })).out).toContain(
      '\x1b[31mMISSING',
    );
    expect(
      (await cli(['check', '--repo', dir, '--base', base, '--head', head], { isTTY: true, env: { NO_COLOR: '1' } }))
        .out,
    ).not.toContain('\x1b[');
  });
});

describe('bad input: one line, exit 2, no stack trace', () => {
  const dir = tempRepo();
  commitFiles(dir, demoTree(), 'driver');

  it.each([
    [['check', '--repo', '/nonexistent/dir'], /^driver-semver: --repo \/nonexistent\/dir: no such directory/],
    [['check', '--repo', '.', '--base', 'HEAD', '--head', 'no-such-rev'], /unknown head revision 'no-such-rev'/],
    [['check', '--repo', '.', '--base', 'nope'], /unknown base revision 'nope'.*git fetch origin nope/],
    [
      ['check', '--repo', '.', '--base', 'HEAD', '--head', 'HEAD', '--worktree'],
      /--head and --worktree cannot be used together/,
    ],
    [['check', '--repo', '.', '--config', '/nonexistent.json'], /--config \/nonexistent\.json: no such file/],
    [['check', '--format', 'yaml'], /argument 'yaml' is invalid/],
    [['check', '--no-such-option'], /unknown option '--no-such-option'/],
    [['explain', 'no-such-rule'], /unknown rule 'no-such-rule'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('%j', async (args, message) => {
    const r = await cli(args.map((a) => (a === '.' ? dir : a)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a bad rule level in the config names the file and the rule', async () => {
    const cfg = path.join(tempDir(), 'cfg.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'event-param-appended': 'huge' } }));
    const r = await cli(['check', '--repo', dir, '--base', 'HEAD', '--head', 'HEAD', '--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--config .*cfg\.json: rule 'event-param-appended' has level "huge"/);
  });

  it('config can turn a rule off or change its bump', async () => {
    const d = tempRepo();
    const b = commitFiles(d, demoTree(), 'driver');
    const h = commitFiles(d, appendModeParam(demoTree()), 'append');
    const cfg = path.join(tempDir(), 'cfg.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'event-param-appended': 'patch' } }));
    const r = await cli(['check', '--format', 'json', '--repo', d, '--base', b, '--head', h, '--config', cfg]);
    expect((JSON.parse(r.out) as CheckReport).versions.schema).toMatchObject({ required: 'patch', suggested: '2.4.1' });
    writeFileSync(cfg, JSON.stringify({ rules: { 'event-param-appended': 'off' } }));
    const off = await cli(['check', '--format', 'json', '--repo', d, '--base', b, '--head', h, '--config', cfg]);
    expect(off.code).toBe(0);
  });
});

describe('surface and explain', () => {
  const dir = tempRepo();
  commitFiles(dir, demoTree(), 'driver');

  it('surface --format json prints the extracted surface; --json is gone (one flag per thing)', async () => {
    expect((await cli(['surface', '--repo', dir, '--rev', 'HEAD', '--json'])).code).toBe(2);
    const r = await cli(['surface', '--repo', dir, '--rev', 'HEAD', '--format', 'json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.versions.schema.version).toBe('2.4.0');
    expect(Object.keys(s.events)).toHaveLength(10);
  });

  it('surface --production prints the event production matrix, as a table or JSON', async () => {
    const text = await cli(['surface', '--repo', dir, '--rev', 'HEAD', '--production']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^event production at HEAD: no driver found\nevent +code$/m);
    expect(text.out).toMatch(/^PPME_SYSCALL_OPEN_X +3$/m);
    const json = await cli(['surface', '--repo', dir, '--rev', 'HEAD', '--production', '--format', 'json']);
    expect(JSON.parse(json.out)).toEqual({ drivers: [], events: {} });
    const summary = await cli(['surface', '--repo', dir, '--rev', 'HEAD']);
    expect(summary.out).toContain('events produced: no driver found (--production for the matrix)');
  });

  it('explain prints title, bump, rationale and example; --list lists every rule', async () => {
    const r = await cli(['explain', 'event-param-appended']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('requires: minor bump');
    expect(r.out).toContain('governs: driver/SCHEMA_VERSION');
    expect(r.out).toContain('The only kind of change permitted');
    const list = await cli(['explain', '--list']);
    expect(list.out).toMatch(/^event-pair-added +schema +minor/m);
  });
});

describe('the bundle', () => {
  it(`dist/cli.js runs the demo on the node that runs the tests (${process.version})`, () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'demo'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('MISSING');
    expect(r.stdout).toContain("PPME_SYSCALL_OPEN_X gains param 4 'mode'");
  });

  it('the published package carries what `npx driver-semver demo` needs: the bundle, the .wasm files, the demo tree', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const files = (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/cli.js',
        'dist/tree-sitter-c.wasm',
        'dist/web-tree-sitter.wasm',
        'action.yml',
        'docs/rules.md',
        'fixtures/demo/base/driver/event_table.c',
        'fixtures/demo/head/driver/event_table.c',
      ]),
    );
  });

  it('exits 2 with a one-line error on bad input', () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'check', '--repo', '/nonexistent'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('driver-semver: --repo /nonexistent: no such directory\n');
  });
});

describe('configuration of the API half', () => {
  const MAPS_STRUCTS = 'driver/modern_bpf/shared_definitions/struct_definitions.h';

  it('modernProbe: bundled turns modern-probe findings into notes, abi (default) counts them', async () => {
    const d = tempRepo();
    const b = commitFiles(d, demoTree(), 'driver');
    const h = commitFiles(d, edit(demoTree(), MAPS_STRUCTS, ['\tuint64_t n_evts;\n', '']), 'drop a counter');
    const abi = await checkJson(['--repo', d, '--base', b, '--head', h]);
    expect(abi.report.versions.api).toMatchObject({ required: 'major', status: 'missing' });
    const cfg = path.join(tempDir(), 'cfg.json');
    writeFileSync(cfg, JSON.stringify({ modernProbe: 'bundled' }));
    const bundled = await checkJson(['--repo', d, '--base', b, '--head', h, '--config', cfg]);
    expect(bundled.code).toBe(0);
    expect(bundled.report.versions.api).toMatchObject({ required: 'none', status: 'ok' });
    expect(bundled.report.findings).toEqual([
      expect.objectContaining({
        rule: 'struct-layout-changed',
        kind: 'note',
        bump: 'none',
        scope: 'modern-probe',
        message: expect.stringContaining('not counted; it would need major'),
      }),
    ]);
  });

  it('sharedStructs adds a struct whose layout is API', async () => {
    const d = tempRepo();
    const tree = edit(demoTree(), 'driver/ppm_ringbuffer.h', [
      '};\n',
      '};\n\nstruct demo_stats {\n\tuint64_t a;\n\tuint64_t b;\n};\n',
    ]);
    const b = commitFiles(d, tree, 'driver');
    const h = commitFiles(
      d,
      edit(tree, 'driver/ppm_ringbuffer.h', ['\tuint64_t a;\n\tuint64_t b;\n', '\tuint64_t b;\n\tuint64_t a;\n']),
      'swap',
    );
    expect((await checkJson(['--repo', d, '--base', b, '--head', h])).report.findings).toEqual([]);
    const cfg = path.join(tempDir(), 'cfg.json');
    writeFileSync(cfg, JSON.stringify({ sharedStructs: ['demo_stats'] }));
    const r = await checkJson(['--repo', d, '--base', b, '--head', h, '--config', cfg]);
    expect(r.report.findings.map((f) => f.rule)).toEqual(['struct-layout-changed']);
    expect(r.report.findings[0]!.message).toContain('a moved from offset 0 to 8');
  });

  const repo = tempRepo();
  commitFiles(repo, demoTree(), 'driver');
  it.each([
    [{ modernProbe: 'sometimes' }, /"modernProbe" must be "abi" or "bundled"/],
    [{ sharedStructs: 'x' }, /"sharedStructs" must be a list of struct names/],
    [{ rule: {} }, /unknown key 'rule'/],
    [[1], /expected a JSON object/],
  ])('rejects %j', async (config, message) => {
    const cfg = path.join(tempDir(), 'cfg.json');
    writeFileSync(cfg, JSON.stringify(config));
    const r = await cli(['check', '--repo', repo, '--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('the repository configuration and uncommitted changes', () => {
  const CONFIG = '.github/driver-semver.json';
  const entry = { rule: 'event-param-appended', symbol: 'PPME_SYSCALL_OPEN_X', reason: 'accepted in review' };

  function repoWith(config: unknown) {
    const d = tempRepo();
    const b = commitFiles(d, { ...demoTree(), [CONFIG]: JSON.stringify(config) }, 'driver and config');
    commitFiles(d, appendModeParam(demoTree()), 'append');
    return { d, b };
  }

  it('uses the ignore entries of the work tree config, lists what they set aside, warns for those that matched nothing', async () => {
    const stale = { rule: 'event-removed', symbol: 'PPME_GONE_E', reason: 'old exception' };
    const { d, b } = repoWith({ ignore: [entry, stale] });
    const { code, report } = await checkJson(['--repo', d, '--base', b]);
    expect(code).toBe(0);
    expect(report.config).toBe(CONFIG);
    expect(report.findings).toEqual([]);
    expect(report.ignored).toEqual([
      expect.objectContaining({ rule: entry.rule, symbol: entry.symbol, ignore: { reason: entry.reason } }),
    ]);
    expect(report.warnings.map((w) => w.message)).toEqual([
      `ignore of event-removed PPME_GONE_E matched no finding: remove it from ${CONFIG} once it is no longer needed`,
    ]);
    const text = await cli(['check', '--repo', d, '--base', b]);
    expect(text.out).toContain('ignored by the configuration (.github/driver-semver.json):');
    expect(text.out).toContain('reason: accepted in review');
  });

  it('an expired ignore no longer applies, and says so', async () => {
    const { d, b } = repoWith({ ignore: [{ ...entry, expires: '2020-01-31' }] });
    const { code, report } = await checkJson(['--repo', d, '--base', b]);
    expect(code).toBe(1);
    expect(report.ignored).toEqual([]);
    expect(report.warnings[0]!.message).toMatch(
      /^ignore of event-param-appended PPME_SYSCALL_OPEN_X expired on 2020-01-31/,
    );
  });

  it.each([
    [{ ignore: [{ rule: 'event-param-appended', symbol: 'X' }] }, /ignore\[0\]: "reason" is mandatory/],
    [{ ignore: [{ rule: 'no-such-rule', symbol: 'X', reason: 'r' }] }, /ignore\[0\]: unknown rule "no-such-rule"/],
    [{ ignore: [{ ...entry, expires: 'soon' }] }, /ignore\[0\]: "expires" must be a date YYYY-MM-DD/],
  ])('a bad ignore entry is one line naming the file: %j', async (config, message) => {
    const { d, b } = repoWith(config);
    const r = await cli(['check', '--repo', d, '--base', b]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^driver-semver: configuration \.github\/driver-semver\.json: /);
    expect(r.err).toMatch(message);
  });

  it('--config overrides the repository configuration', async () => {
    const { d, b } = repoWith({ ignore: [entry] });
    const cfg = path.join(tempDir(), 'cfg.json');
    writeFileSync(cfg, '{}');
    expect((await checkJson(['--repo', d, '--base', b, '--config', cfg])).code).toBe(1);
  });

  it('says when uncommitted changes to the surface are not compared, and suggests --worktree', async () => {
    const d = tempRepo();
    const b = commitFiles(d, demoTree(), 'driver');
    writeFileSync(path.join(d, 'driver/event_table.c'), appendModeParam(demoTree())['driver/event_table.c']!);
    writeFileSync(path.join(d, 'driver/new_file.h'), '#define X 1\n');
    writeFileSync(path.join(d, 'README'), 'not the surface\n');
    const { report } = await checkJson(['--repo', d, '--base', b]);
    expect(report.warnings.map((w) => w.message)).toEqual([
      'uncommitted changes to the driver surface are not compared (driver/event_table.c, driver/new_file.h): commit them, or run with --worktree to include them',
    ]);
    expect(report.verdict).toBe('pass');
    // With --worktree they are compared, and nothing is left to say.
    expect((await checkJson(['--repo', d, '--base', b, '--worktree'])).report.warnings).toEqual([]);
  });
});

describe('--incomplete and the configuration key incomplete', () => {
  const TP = 'driver/ppm_tp.h';
  /** The demo driver with ppm_tp.h a symbolic link: a surface file driver-semver does not read. */
  function repoWithUnreadable() {
    const d = tempRepo();
    commitFiles(d, { ...demoTree(), [TP]: null }, 'driver');
    symlinkSync('../elsewhere/ppm_tp.h', path.join(d, TP));
    const linked = commitFiles(d, {}, 'ppm_tp.h as a link');
    const head = commitFiles(
      d,
      { 'driver/event_table.c': appendModeParam(demoTree())['driver/event_table.c']! },
      'append a param',
    );
    return { d, linked, head };
  }
  const config = (json: unknown) => {
    const f = path.join(tempDir(), 'cfg.json');
    writeFileSync(f, JSON.stringify(json));
    return f;
  };

  it('an unreadable surface file fails the check by default, with a warning naming it', async () => {
    const { d, linked } = repoWithUnreadable();
    const { code, report } = await checkJson(['--repo', d, '--base', linked, '--head', linked]);
    expect(report.findings).toEqual([]);
    expect(report.warnings).toEqual([
      expect.objectContaining({ path: TP, incomplete: true, message: expect.stringContaining('is a symbolic link') }),
    ]);
    expect(report.verdict).toBe('fail');
    expect(code).toBe(1);
  });

  it('--incomplete warn only warns; --incomplete fail fails', async () => {
    const { d, linked } = repoWithUnreadable();
    const warn = await checkJson(['--repo', d, '--base', linked, '--head', linked, '--incomplete', 'warn']);
    expect(warn.report.verdict).toBe('warn');
    expect(warn.code).toBe(0);
    expect((await checkJson(['--repo', d, '--base', linked, '--head', linked, '--incomplete', 'fail'])).code).toBe(1);
  });

  it('the configuration key incomplete: warn does the same; --incomplete overrides it', async () => {
    const { d, linked } = repoWithUnreadable();
    const cfg = config({ incomplete: 'warn' });
    const warn = await checkJson(['--repo', d, '--base', linked, '--head', linked, '--config', cfg]);
    expect(warn.report.verdict).toBe('warn');
    expect(warn.code).toBe(0);
    expect(
      (await checkJson(['--repo', d, '--base', linked, '--head', linked, '--config', cfg, '--incomplete', 'fail']))
        .report.verdict,
    ).toBe('fail');
  });

  it('a change cannot relax its own check: incomplete: warn added by the head is not read', async () => {
    const { d, linked } = repoWithUnreadable();
    runGit(d, ['checkout', '-q', '-b', 'relax', linked]);
    const relaxed = commitFiles(d, { '.github/driver-semver.json': JSON.stringify({ incomplete: 'warn' }) }, 'relax');
    const bare = path.join(tempDir(), 'bare.git');
    runGit(d, ['clone', '-q', '--bare', d, bare]);
    expect((await checkJson(['--repo', bare, '--base', linked, '--head', relaxed])).report.verdict).toBe('fail');
    // Once the base has it, it applies.
    expect((await checkJson(['--repo', bare, '--base', relaxed, '--head', relaxed])).report.verdict).toBe('warn');
  });

  it('with --incomplete warn a missing bump still fails', async () => {
    const { d, linked, head } = repoWithUnreadable();
    const { code, report } = await checkJson(['--repo', d, '--base', linked, '--head', head, '--incomplete', 'warn']);
    expect(report.versions.schema.status).toBe('missing');
    expect(report.verdict).toBe('fail');
    expect(code).toBe(1);
  });

  it('rejects any other value, on the command line and in the configuration', async () => {
    const { d, linked } = repoWithUnreadable();
    const bad = await cli(['check', '--repo', d, '--base', linked, '--head', linked, '--incomplete', 'ignore']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/argument 'ignore' is invalid/);
    const badConfig = await cli([
      'check',
      '--repo',
      d,
      '--base',
      linked,
      '--head',
      linked,
      '--config',
      config({ incomplete: 'ignore' }),
    ]);
    expect(badConfig.code).toBe(2);
    expect(badConfig.err).toMatch(/"incomplete" must be "fail" or "warn", not "ignore"/);
  });
});
