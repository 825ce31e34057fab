import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPlainRef, readEvent } from '../../src/action/event.js';
import { coreInputs, readInputs } from '../../src/action/inputs.js';
import { InputError } from '../../src/errors.js';
import { pullRequestPayload, tmp } from './harness.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

function env(name: string, payload: unknown, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const file = path.join(tmp('event'), 'event.json');
  writeFileSync(file, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: file, GITHUB_REPOSITORY: 'falcosecurity/libs', ...extra };
}

describe('readEvent', () => {
  it('a pull_request (or pull_request_target) names the PR base and head commits, body and number', () => {
    for (const name of ['pull_request', 'pull_request_target']) {
      const e = readEvent(env(name, pullRequestPayload({ base: B, head: A, body: 'hello' }), { GITHUB_RUN_ID: '99' }));
      expect(e).toMatchObject({
        name,
        owner: 'falcosecurity',
        repo: 'libs',
        base: B,
        head: A,
        tag: null,
        runUrl: 'https://github.com/falcosecurity/libs/actions/runs/99',
      });
      expect(e.pr).toEqual({ number: 7, baseSha: B, headSha: A, baseRef: 'master', body: 'hello' });
    }
  });

  it('a null body is an empty body; a strange base ref is dropped, not passed to git', () => {
    const p = pullRequestPayload({ base: B, head: A }) as { pull_request: { base: { ref: string } } };
    p.pull_request.base.ref = '--upload-pack=evil';
    const e = readEvent(env('pull_request', p));
    expect(e.pr).toMatchObject({ body: '', baseRef: null });
  });

  it('push: before..after, with no base for a new branch; the tag of a tag push', () => {
    expect(readEvent(env('push', { before: B, after: A }))).toMatchObject({ base: B, head: A, pr: null });
    const created = readEvent(
      env('push', { before: '0'.repeat(40), after: A }, { GITHUB_REF: 'refs/tags/8.0.0+driver' }),
    );
    expect(created.base).toBeUndefined();
    expect(created.tag).toBe('8.0.0+driver');
  });

  it('merge_group: base_sha..head_sha', () => {
    expect(readEvent(env('merge_group', { merge_group: { base_sha: B, head_sha: A } }))).toMatchObject({
      base: B,
      head: A,
    });
  });

  it('other events name no revisions', () => {
    const e = readEvent(env('workflow_dispatch', {}));
    expect(e.base).toBeUndefined();
    expect(e.head).toBeUndefined();
  });

  it('bad payloads and environments are one-line input errors', () => {
    const bad = pullRequestPayload({ base: B, head: 'HEAD; rm -rf /' });
    expect(() => readEvent(env('pull_request', bad))).toThrow(
      new InputError('event payload: pull_request.head.sha is not a commit id'),
    );
    expect(() => readEvent(env('pull_request', '{nope'))).toThrow(/^GITHUB_EVENT_PATH .*: not valid JSON$/);
    expect(() =>
      readEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '/no/such/event.json', GITHUB_REPOSITORY: 'o/r' }),
    ).toThrow(/: no such file$/);
    expect(() => readEvent({ GITHUB_REPOSITORY: 'not a repo' })).toThrow(/is not OWNER\/REPO/);
  });
});

describe('isPlainRef', () => {
  it('accepts branch names and rejects options, ranges and odd characters', () => {
    for (const ok of ['master', 'release/0.20.x', 'feat_1.2']) expect(isPlainRef(ok)).toBe(true);
    for (const bad of ['-x', '--upload-pack=x', 'a..b', '/abs', 'a b', 'a;b', '', 42])
      expect(isPlainRef(bad)).toBe(false);
  });
});

describe('readInputs', () => {
  // Inputs as the runner passes them (INPUT_* variables), read through @actions/core.
  const get = (vals: Record<string, string>) => {
    for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
    for (const [k, v] of Object.entries(vals)) process.env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
    return coreInputs;
  };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
  });

  it('defaults match action.yml', () => {
    const i = readInputs(get({ token: 't' }));
    expect(i).toMatchObject({
      mode: 'auto',
      token: 't',
      comment: 'on-failure',
      onClean: 'update',
      suggest: true,
      workingDirectory: '.',
    });
    expect(i.base).toBeUndefined();
    expect(i.config).toBeUndefined();
    expect(i.failOn.has('missing')).toBe(true);
  });

  it('validates each input in one line', () => {
    expect(() => readInputs(get({ comment: 'sometimes' }))).toThrow(
      "comment: 'sometimes' is not one of on-failure, always, never",
    );
    expect(() => readInputs(get({ mode: 'x' }))).toThrow("mode: 'x' is not one of check, release, auto");
    expect(() => readInputs(get({ suggest: 'yes' }))).toThrow("suggest: 'yes' is not true or false");
    expect(() => readInputs(get({ base: '--output=/etc/passwd' }))).toThrow("base: a revision cannot start with '-'");
    expect(() => readInputs(get({ head: 'a b' }))).toThrow("head: 'a b' is not a revision");
    expect(readInputs(get({ 'on-clean': 'DELETE', suggest: 'false', base: ' origin/master ' }))).toMatchObject({
      onClean: 'delete',
      suggest: false,
      base: 'origin/master',
    });
    // YAML 1.2 booleans, as core.getBooleanInput reads them.
    expect(readInputs(get({ suggest: 'FALSE' })).suggest).toBe(false);
    expect(readInputs(get({ suggest: 'True' })).suggest).toBe(true);
  });
});
