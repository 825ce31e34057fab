/**
 * End-to-end harness for the bundled action (dist/index.js): throwaway libs-shaped git repos
 * built from fixtures/demo, a small GitHub REST API stand-in on 127.0.0.1 (node:http), and a
 * runner that starts the bundle as a child process with the environment a runner provides.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitFiles, initRepo, readTree, runGit } from '../../src/source/scratch.js';
import { modeParamLine } from '../helpers/surface.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE = path.join(ROOT, 'dist', 'index.js');
const DEMO = path.join(ROOT, 'fixtures', 'demo');

export const OWNER = 'falcosecurity';
export const REPO = 'libs';
export const PR_NUMBER = 7;

export function tmp(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `driver-semver-action-${prefix}-`));
}

/**
 * A libs-shaped repository: `master` holds the demo driver (API 3.1.0, SCHEMA 2.4.0); each
 * named head is a branch off it with the demo change (a param appended to PPME_SYSCALL_OPEN_X,
 * which needs a SCHEMA minor bump) plus the given files.
 */
export interface Fixture {
  dir: string;
  base: string;
  heads: Record<string, string>;
}

export const SCHEMA_FILE = 'driver/SCHEMA_VERSION';

/** Where the demo change's finding is: the appended 'mode' param in fixtures/demo/head. */
export const MODE_PARAM = { path: 'driver/event_table.c', line: modeParamLine(readTree(path.join(DEMO, 'head'))) };
/** The error annotation of that finding, as a workflow command. */
export const MODE_PARAM_ANNOTATION = `::error title=SCHEMA_VERSION%3A minor bump (event-param-appended),file=${MODE_PARAM.path},line=${MODE_PARAM.line}::PPME_SYSCALL_OPEN_X gains param 4 'mode' (PT_UINT32)`;
export const schemaVersion = (v: string) => `${v}\n\nOnly the first line is read.\n`;

export function buildFixture(heads: Record<string, Record<string, string>>, dir = tmp('repo')): Fixture {
  initRepo(dir);
  const base = commitFiles(dir, readTree(path.join(DEMO, 'base')), 'driver: as released');
  const change = readTree(path.join(DEMO, 'head'));
  const out: Record<string, string> = {};
  for (const [name, files] of Object.entries(heads)) {
    runGit(dir, ['checkout', '-q', '-b', name, base]);
    out[name] = commitFiles(dir, { ...change, ...files }, `new(driver): ${name}`);
  }
  runGit(dir, ['checkout', '-q', 'master']);
  return { dir, base, heads: out };
}

/** Adds a commit on top of `parent` (on a new branch) and returns it. */
export function commitOn(fx: Fixture, parent: string, branch: string, files: Record<string, string>): string {
  runGit(fx.dir, ['checkout', '-q', '-b', branch, parent]);
  const c = commitFiles(fx.dir, files, `more: ${branch}`);
  runGit(fx.dir, ['checkout', '-q', 'master']);
  return c;
}

// ---------------------------------------------------------------------------------------------
// The GitHub API stand-in.

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
  path?: string;
  line?: number;
  commit_id?: string;
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** How many requests it answers (default 1). */
  times?: number;
}

export interface Recorded {
  method: string;
  path: string;
  status: number;
  body: unknown;
  auth: string | undefined;
}

export interface FakeGitHub {
  url: string;
  issueComments: StoredComment[];
  reviewComments: StoredComment[];
  requests: Recorded[];
  faults: Fault[];
  close(): Promise<void>;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' };
const MAX_REQUESTS = 400;

/** Starts the API stand-in on 127.0.0.1 (an ephemeral port); it answers at most MAX_REQUESTS requests. */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  let nextId = 1000;
  const gh: Omit<FakeGitHub, 'url' | 'close'> = { issueComments: [], reviewComments: [], requests: [], faults: [] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 1 << 20) chunks.push(c);
    });
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const p = url.pathname;
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        body = {};
      }
      const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
        gh.requests.push({ method, path: p, status, body, auth: req.headers.authorization });
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(data === undefined ? '' : JSON.stringify(data));
      };
      if (gh.requests.length >= MAX_REQUESTS) return send(503, { message: 'test server: request budget exhausted' });
      const fault = gh.faults.find((f) => f.method === method && f.path.test(p) && (f.times ?? 1) > 0);
      if (fault) {
        fault.times = (fault.times ?? 1) - 1;
        return send(
          fault.status,
          { message: fault.message ?? 'fault', documentation_url: 'https://docs.github.com/rest' },
          fault.headers,
        );
      }
      const prefix = `/repos/${OWNER}/${REPO}`;
      let m: RegExpExecArray | null;
      if (method === 'GET' && p === '/user') return send(403, { message: 'Resource not accessible by integration' });
      if ((m = new RegExp(`^${prefix}/issues/(\\d+)/comments$`).exec(p))) {
        if (method === 'GET') return send(200, gh.issueComments);
        if (method === 'POST') {
          const c: StoredComment = {
            id: nextId++,
            body: String(body.body),
            user: BOT,
            html_url: `https://github.com/${OWNER}/${REPO}/pull/${m[1]}#issuecomment-${nextId}`,
          };
          gh.issueComments.push(c);
          return send(201, c);
        }
      }
      if ((m = new RegExp(`^${prefix}/issues/comments/(\\d+)$`).exec(p))) {
        const i = gh.issueComments.findIndex((c) => c.id === Number(m![1]));
        if (i < 0) return send(404, { message: 'Not Found' });
        if (method === 'PATCH') {
          gh.issueComments[i]!.body = String(body.body);
          return send(200, gh.issueComments[i]);
        }
        if (method === 'DELETE') {
          gh.issueComments.splice(i, 1);
          return send(204);
        }
      }
      if ((m = new RegExp(`^${prefix}/pulls/(\\d+)/comments$`).exec(p))) {
        if (method === 'GET') return send(200, gh.reviewComments);
        if (method === 'POST') {
          if (
            !Number.isInteger(body.line) ||
            (body.line as number) < 1 ||
            typeof body.commit_id !== 'string' ||
            typeof body.path !== 'string'
          ) {
            return send(422, { message: 'Validation Failed' });
          }
          const c: StoredComment = {
            id: nextId++,
            body: String(body.body),
            user: BOT,
            html_url: `https://github.com/${OWNER}/${REPO}/pull/${m[1]}#discussion_r${nextId}`,
            path: body.path as string,
            line: body.line as number,
            commit_id: body.commit_id as string,
          };
          gh.reviewComments.push(c);
          return send(201, c);
        }
      }
      if ((m = new RegExp(`^${prefix}/pulls/comments/(\\d+)$`).exec(p)) && method === 'DELETE') {
        const i = gh.reviewComments.findIndex((c) => c.id === Number(m![1]));
        if (i < 0) return send(404, { message: 'Not Found' });
        gh.reviewComments.splice(i, 1);
        return send(204);
      }
      return send(404, { message: `test server: no route for ${method} ${p}` });
    });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    ...gh,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Running the bundle.

export interface PullRequestEvent {
  base: string;
  head: string;
  body?: string;
  number?: number;
}

/** A pull_request payload in the shape GitHub sends (the fields the action reads, and their neighbours). */
export function pullRequestPayload(e: PullRequestEvent, action = 'synchronize'): unknown {
  const number = e.number ?? PR_NUMBER;
  const repo = {
    id: 1,
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    owner: { login: OWNER, type: 'Organization' },
    default_branch: 'master',
  };
  return {
    action,
    number,
    pull_request: {
      id: 100 + number,
      number,
      state: 'open',
      title: 'new(driver): add mode param to open exit event',
      body: e.body ?? null,
      user: { login: 'contributor', type: 'User' },
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
      head: {
        label: 'contributor:feature',
        ref: 'feature',
        sha: e.head,
        repo: { ...repo, full_name: `contributor/${REPO}`, owner: { login: 'contributor', type: 'User' } },
      },
      base: { label: `${OWNER}:master`, ref: 'master', sha: e.base, repo },
    },
    repository: repo,
    sender: { login: 'contributor', type: 'User' },
  };
}

export interface RunOptions {
  /** The git directory the action checks (INPUT_WORKING-DIRECTORY). */
  workdir: string;
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  api?: FakeGitHub;
  env?: Record<string, string>;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

/** Parses $GITHUB_OUTPUT (`name<<DELIM\nvalue\nDELIM` records). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

/** Runs dist/index.js as a runner would: event file, GITHUB_* variables, INPUT_* inputs. */
export async function runAction(o: RunOptions): Promise<RunResult> {
  const dir = tmp('run');
  const eventPath = path.join(dir, 'event.json');
  const outputPath = path.join(dir, 'output');
  const summaryPath = path.join(dir, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs: Record<string, string> = { token: 'test-token', 'working-directory': o.workdir, ...o.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.api?.url ?? 'http://127.0.0.1:9',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_RUN_ID: '4242',
    GITHUB_ACTION: 'driver-semver',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    DRIVER_SEMVER_RETRY_DELAY_MS: '5',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])),
    ...o.env,
  };
  const start = Date.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve) => {
      // The step runs in a directory of its own: the repository is found through working-directory.
      execFile(
        process.execPath,
        [BUNDLE],
        { cwd: dir, env, timeout: 30_000, maxBuffer: 16 << 20 },
        (err, stdout, stderr) => {
          const code = err
            ? typeof (err as { code?: unknown }).code === 'number'
              ? (err as { code: number }).code
              : null
            : 0;
          resolve({ code, stdout, stderr });
        },
      );
    },
  );
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '',
    ms: Date.now() - start,
  };
}

/** The workflow-command lines of a run's stdout that are annotations. */
export function annotationLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^::(error|warning|notice)( |::)/.test(l));
}

/** The input and output names and input defaults declared in action.yml (a small reader for its flat layout). */
export function actionYml(): { inputs: Record<string, string>; outputs: string[]; using: string; main: string } {
  const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
  const inputs: Record<string, string> = {};
  const outputs: string[] = [];
  let section = '';
  let current = '';
  let using = '';
  let main = '';
  for (const line of text.split('\n')) {
    const top = /^([a-z]+):/.exec(line);
    if (top) section = top[1]!;
    const key = /^ {2}([a-z-]+):\s*(.*)$/.exec(line);
    if (key) {
      current = key[1]!;
      if (section === 'inputs') inputs[current] = '';
      if (section === 'outputs') outputs.push(current);
      if (section === 'runs' && current === 'using') using = key[2]!;
      if (section === 'runs' && current === 'main') main = key[2]!;
    }
    const dflt = /^ {4}default:\s*(.*)$/.exec(line);
    if (dflt && section === 'inputs') inputs[current] = dflt[1]!.replace(/^'(.*)'$/, '$1');
  }
  return { inputs, outputs, using, main };
}
