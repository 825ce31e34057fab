/**
 * The bundled action across events: pull_request_target (the head fetched as objects from a
 * bare "origin", nothing checked out), push, a `*+driver` tag (the release hook), and bad input
 * (one line, no stack trace).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTree, runGit } from '../../src/source/scratch.js';
import { FIXTURES } from '../helpers/surface.js';
import {
  annotationLines,
  buildFixture,
  commitOn,
  MODE_PARAM_ANNOTATION,
  OWNER,
  pullRequestPayload,
  REPO,
  runAction,
  schemaVersion,
  SCHEMA_FILE,
  startFakeGitHub,
  tmp,
  type FakeGitHub,
  type Fixture,
} from './harness.js';

let fx: Fixture;
let gh: FakeGitHub;

beforeAll(async () => {
  fx = buildFixture({ missing: {} });
  gh = await startFakeGitHub();
});
afterAll(() => gh?.close());

const hasObject = (dir: string, sha: string) =>
  spawnSync('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd: dir }).status === 0;
const noStackTrace = (s: string) => expect(s).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('pull_request_target', () => {
  it('fetches refs/pull/N/head from the bare origin as objects, checks nothing out, and judges the head', async () => {
    const root = tmp('prt');
    const origin = path.join(root, 'libs.git');
    runGit(root, ['clone', '-q', '--bare', fx.dir, origin]);
    // The PR's head lives only under refs/pull/7/head, as on GitHub for a fork's PR.
    runGit(origin, ['update-ref', 'refs/pull/7/head', fx.heads.missing!]);
    runGit(origin, ['branch', '-D', 'missing']);
    // What actions/checkout does in a pull_request_target job: the base, from origin (no hard links).
    const checkout = path.join(root, 'checkout');
    runGit(root, ['clone', '-q', '--no-local', origin, checkout]);
    expect(hasObject(checkout, fx.heads.missing!)).toBe(false);
    const headBefore = runGit(checkout, ['rev-parse', 'HEAD']);

    const r = await runAction({
      workdir: checkout,
      eventName: 'pull_request_target',
      payload: pullRequestPayload({ base: fx.base, head: fx.heads.missing! }, 'opened'),
      api: gh,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('driver-semver: fetching the PR head (refs/pull/7/head) as git objects');
    expect(r.outputs).toMatchObject({
      verdict: 'fail',
      'schema-status': 'missing',
      head: fx.heads.missing,
      comment: 'created',
    });
    expect(hasObject(checkout, fx.heads.missing!)).toBe(true);
    expect(runGit(checkout, ['rev-parse', 'refs/driver-semver/pull/7/head'])).toBe(fx.heads.missing);
    // Nothing was checked out: same HEAD, clean work tree, the base's files.
    expect(runGit(checkout, ['rev-parse', 'HEAD'])).toBe(headBefore);
    expect(runGit(checkout, ['status', '--porcelain'])).toBe('');
    expect(gh.issueComments.filter((c) => c.user.type === 'Bot')).toHaveLength(1);
  });

  it('a missing head commit and no origin to fetch it from: one clear error line', async () => {
    const ghost = 'f'.repeat(40);
    const r = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request_target',
      payload: pullRequestPayload({ base: fx.base, head: ghost }),
      api: gh,
    });
    expect(r.code).toBe(1);
    // fx.dir has no origin remote.
    expect(r.stdout).toMatch(
      /^::error::driver-semver: the PR head commit ffffffffffff is not in \S+ and it has no 'origin' remote to fetch it from: check the repository out with actions\/checkout first$/m,
    );
    noStackTrace(r.stdout + r.stderr);
  });
});

describe('push and tags', () => {
  it('push: compares before..after; annotations and outputs, no API call', async () => {
    gh.requests.length = 0;
    const r = await runAction({
      workdir: fx.dir,
      eventName: 'push',
      payload: {
        ref: 'refs/heads/master',
        before: fx.base,
        after: fx.heads.missing,
        repository: { full_name: `${OWNER}/${REPO}` },
      },
      api: gh,
      env: { GITHUB_REF: 'refs/heads/master' },
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({
      verdict: 'fail',
      base: fx.base,
      head: fx.heads.missing,
      'schema-status': 'missing',
      agreement: '',
      comment: 'skipped',
    });
    expect(annotationLines(r.stdout)).toContain(MODE_PARAM_ANNOTATION);
    expect(gh.requests).toEqual([]);
  });

  describe('driver release tags', () => {
    // 8.0.0+driver at the base; 8.0.1+driver on a param appended with no SCHEMA bump (refused);
    // 8.1.0+driver after the SCHEMA minor bump (accepted).
    let rel: Fixture;
    beforeAll(() => {
      rel = buildFixture({ missing: {} });
      const bumped = commitOn(rel, rel.heads.missing!, 'bumped', { [SCHEMA_FILE]: schemaVersion('2.5.0') });
      runGit(rel.dir, ['tag', '8.0.0+driver', rel.base]);
      runGit(rel.dir, ['tag', '8.0.1+driver', rel.heads.missing!]);
      runGit(rel.dir, ['tag', '8.1.0+driver', bumped]);
    });
    const tagPush = (tag: string, after: string) => ({
      workdir: rel.dir,
      eventName: 'push',
      payload: { ref: `refs/tags/${tag}`, before: '0'.repeat(40), after },
      api: gh,
      env: { GITHUB_REF: `refs/tags/${tag}` },
    });

    it('mode auto on a *+driver tag push runs release: accepted', async () => {
      gh.requests.length = 0;
      const r = await runAction(tagPush('8.1.0+driver', rel.heads.missing!));
      expect(r.code).toBe(0);
      expect(r.outputs).toMatchObject({
        mode: 'release',
        verdict: 'pass',
        'release-verdict': 'accepted',
        'previous-tag': '8.0.1+driver',
        'schema-declared': 'minor',
        'schema-required': 'none',
      });
      expect(r.summary).toContain('driver-semver release 8.1.0+driver: accepted');
      expect(gh.requests).toEqual([]);
    });

    it('a tag whose SCHEMA bump is missing is refused, and the step fails in one line', async () => {
      const r = await runAction(tagPush('8.0.1+driver', rel.heads.missing!));
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({
        mode: 'release',
        verdict: 'fail',
        'release-verdict': 'refused',
        'previous-tag': '8.0.0+driver',
        'schema-required': 'minor',
      });
      expect(r.stdout).toMatch(/^::error::driver-semver: release 8\.0\.1\+driver refused: .*SCHEMA/m);
      expect(JSON.parse(readFileSync(r.outputs.report!, 'utf8'))).toMatchObject({
        command: 'release',
        verdict: 'refused',
      });
    });
  });

  it('an explicit mode: release without a driver tag fails in one line', async () => {
    const r = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ base: fx.base, head: fx.heads.missing! }),
      api: gh,
      inputs: { mode: 'release' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^::error::driver-semver: mode release needs a push of a driver tag \(X\.Y\.Z\+driver\); this run has no tag$/m,
    );
  });
});

describe('configuration, read from the base revision', () => {
  const CONFIG = '.github/driver-semver.json';
  const IGNORE = {
    rule: 'event-param-appended',
    symbol: 'PPME_SYSCALL_OPEN_X',
    reason: 'accepted in review: the param is optional',
  };
  const report = (r: Awaited<ReturnType<typeof runAction>>) => JSON.parse(readFileSync(r.outputs.report!, 'utf8'));

  it('pull_request_target: a PR that adds an ignore of its own finding to its head is still failed', async () => {
    const f = buildFixture({ selfIgnore: { [CONFIG]: JSON.stringify({ ignore: [IGNORE] }) } });
    const r = await runAction({
      workdir: f.dir,
      eventName: 'pull_request_target',
      payload: pullRequestPayload({ base: f.base, head: f.heads.selfIgnore! }),
      api: gh,
      inputs: { comment: 'never' },
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ verdict: 'fail', 'schema-status': 'missing' });
    expect(report(r)).toMatchObject({ ignored: [] });
    expect(report(r).config).toBeUndefined();
  });

  it('the same ignore in the base configuration is applied and listed with its reason; the checkout is not read', async () => {
    const f = buildFixture({});
    const base = commitOn(f, f.base, 'with-config', { [CONFIG]: JSON.stringify({ ignore: [IGNORE] }) });
    const head = commitOn(f, base, 'change', readTree(path.join(FIXTURES, 'demo', 'head')));
    // A config in the work tree that would turn the ignore off again: not what a PR check reads.
    mkdirSync(path.join(f.dir, '.github'), { recursive: true });
    writeFileSync(path.join(f.dir, CONFIG), '{}');
    const r = await runAction({
      workdir: f.dir,
      eventName: 'pull_request_target',
      payload: pullRequestPayload({ base, head }),
      api: gh,
      inputs: { comment: 'never' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'schema-status': 'ok', 'schema-required': 'none' });
    expect(report(r)).toMatchObject({
      config: `${CONFIG} @ ${base.slice(0, 12)}`,
      findings: [],
      ignored: [{ rule: IGNORE.rule, symbol: IGNORE.symbol, ignore: { reason: IGNORE.reason } }],
    });
    expect(r.summary).toContain('Ignored by the configuration (1)');
  });

  it('an explicit `config` input names a file of the repository at the base', async () => {
    const f = buildFixture({});
    const base = commitOn(f, f.base, 'with-rules', {
      'ci/semver.json': JSON.stringify({ rules: { 'event-param-appended': 'off' } }),
    });
    const head = commitOn(f, base, 'change2', readTree(path.join(FIXTURES, 'demo', 'head')));
    const r = await runAction({
      workdir: f.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ base, head }),
      api: gh,
      inputs: { config: 'ci/semver.json', comment: 'never' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'schema-required': 'none' });
  });
});

describe('bad input', () => {
  it('an unknown fail-on value, a missing config file, an unknown base, no repository: one line each, no stack trace', async () => {
    const payload = pullRequestPayload({ base: fx.base, head: fx.heads.missing! });
    const bad = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload,
      api: gh,
      inputs: { 'fail-on': 'missing, bogus' },
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /^::error::driver-semver: fail-on: unknown value 'bogus'; use a comma-separated list of fail, warn, any, never, or of missing, [^\n]*disagreement$/m,
    );
    noStackTrace(bad.stdout + bad.stderr);

    const cfg = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload,
      api: gh,
      inputs: { config: 'nope.json' },
    });
    expect(cfg.code).toBe(1);
    expect(cfg.stdout).toMatch(/^::error::driver-semver: configuration nope\.json @ [0-9a-f]{12}: no such file$/m);

    const rev = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload,
      api: gh,
      inputs: { base: 'no-such-branch' },
    });
    expect(rev.code).toBe(1);
    expect(rev.stdout).toMatch(/^::error::driver-semver: unknown base revision 'no-such-branch'/m);
    const notRepo = await runAction({ workdir: tmp('empty'), eventName: 'pull_request', payload, api: gh });
    expect(notRepo.code).toBe(1);
    expect(notRepo.stdout).toMatch(
      /^::error::driver-semver: working-directory \S+: not a git repository; check the libs repository out first \(actions\/checkout with fetch-depth: 0\)$/m,
    );
    noStackTrace(cfg.stdout + cfg.stderr + rev.stdout + rev.stderr + notRepo.stdout + notRepo.stderr);
  });

  it('an unexpected failure is one line too, the stack only in the debug log', async () => {
    const payload = pullRequestPayload({ base: fx.base, head: fx.heads.missing! });
    // The report cannot be written: RUNNER_TEMP is below a file.
    const r = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload,
      api: gh,
      inputs: { comment: 'never' },
      env: { RUNNER_TEMP: '/dev/null/runner-temp' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^::error::driver-semver: internal error: ENOTDIR[^\n]*\(please report it; enable step debug logging for details\)$/m,
    );
    expect(r.stdout).toMatch(/^::debug::Error: ENOTDIR/m);
    noStackTrace(
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::debug::'))
        .join('\n') + r.stderr,
    );
  });
});
