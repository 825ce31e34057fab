import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_CONFIG_PATH, type ConfigSource } from '../config/config.js';
import { InputError } from '../errors.js';
import { runCheck } from '../pipeline.js';
import { annotationsFor, type Annotation } from '../report/annotations.js';
import { renderMarkdown, type AgreementView } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import type { CheckReport } from '../verdict/types.js';
import { GOVERNS_ORDER } from '../vocabulary.js';
import { stickyPolicy, suggestionsFor, syncStickyComment, syncSuggestions, type StickyAction } from './comment.js';
import { diffHunks, inHunks } from './diff.js';
import { agreement as computeAgreement, parseDeclarations } from './declarations.js';
import { readEvent, type EventInfo } from './event.js';
import { evaluateFailOn, type FailOutcome } from './failon.js';
import { ensurePullRequestCommits, isGitDir } from './fetch.js';
import { describeApiError, octokitApi, type GitHubApi } from './github.js';
import { coreInputs, readInputs, type ActionInputs } from './inputs.js';
import { isDriverTag, releaseMode } from './release.js';
import { defaultPolicy } from './retry.js';

/**
 * The GitHub Action: a thin adapter around the `check` pipeline. It reads git objects only
 * (never checks out or runs PR code), and it never loses the verdict: outputs, annotations and
 * the job summary are written before the PR comment is attempted, and a comment that cannot be
 * posted (a read-only token, an API outage) is a warning.
 */

const write = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

/** Prints text that may contain PR strings with workflow commands disabled around it. */
function logUntrusted(text: string): void {
  const token = randomBytes(16).toString('hex');
  write(`::stop-commands::${token}`);
  write(text);
  write(`::${token}::`);
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The toolkit's command for each annotation level. */
const EMIT = { error: core.error, warning: core.warning, notice: core.notice } as const;

/** Annotations go through @actions/core, which escapes messages and properties for the workflow-command sink. */
export function emitAnnotations(list: Annotation[]): void {
  for (const a of list) EMIT[a.level](a.message, a.properties);
}

export function resolveMode(inputs: ActionInputs, event: EventInfo): 'check' | 'release' {
  if (inputs.mode !== 'auto') return inputs.mode;
  return event.name === 'push' && isDriverTag(event.tag) ? 'release' : 'check';
}

function reportPath(env: NodeJS.ProcessEnv): string {
  const dir = env.RUNNER_TEMP || os.tmpdir();
  const step = (env.GITHUB_ACTION ?? '').replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64);
  return path.join(dir, `driver-semver-report${step ? `-${step}` : ''}.json`);
}

function setOutputs(
  report: CheckReport,
  agreement: AgreementView | undefined,
  outcome: FailOutcome,
  file: string,
): void {
  core.setOutput('mode', 'check');
  core.setOutput('verdict', report.verdict);
  core.setOutput('failed', outcome.reasons.length ? 'true' : 'false');
  core.setOutput('report', file);
  core.setOutput('base', report.base.commit ?? '');
  core.setOutput('head', report.head.commit ?? '');
  for (const g of GOVERNS_ORDER) {
    const v = report.versions[g];
    core.setOutput(`${g}-status`, v.status);
    core.setOutput(`${g}-required`, v.required);
    core.setOutput(`${g}-declared`, v.declared);
    core.setOutput(`${g}-suggested`, v.suggested ?? '');
    core.setOutput(`${g}-base`, v.base ?? '');
    core.setOutput(`${g}-head`, v.head ?? '');
    core.setOutput(`${g}-pr-body`, agreement?.versions[g].body ?? '');
  }
  core.setOutput(
    'agreement',
    agreement ? (agreement.problems.length ? 'disagree' : agreement.stated ? 'agree' : 'not-declared') : '',
  );
  // Release-mode outputs exist in every run, empty here.
  core.setOutput('release-verdict', '');
  core.setOutput('previous-tag', '');
}

/** The retry time unit: 1 s; DRIVER_SEMVER_RETRY_DELAY_MS (a test hook) makes it short. */
function retryBaseMs(env: NodeJS.ProcessEnv): number {
  const v = Number(env.DRIVER_SEMVER_RETRY_DELAY_MS || NaN);
  return Number.isFinite(v) && v >= 0 && v <= 1000 ? v : 1000;
}

function apiFor(inputs: ActionInputs, event: EventInfo, env: NodeJS.ProcessEnv): GitHubApi {
  return octokitApi(
    inputs.token,
    { owner: event.owner, repo: event.repo, number: event.pr!.number },
    defaultPolicy(retryBaseMs(env)),
    (m) => core.info(m),
  );
}

async function commentStep(
  inputs: ActionInputs,
  event: EventInfo,
  report: CheckReport,
  markdown: string,
  attention: boolean,
  workdir: string,
): Promise<{ action: StickyAction | 'failed'; url?: string }> {
  if (inputs.comment === 'never' || !event.pr) return { action: 'skipped' };
  if (!inputs.token) {
    core.warning(
      'driver-semver: no token, so no PR comment; the verdict is in the job summary, the annotations and the outputs',
    );
    return { action: 'skipped' };
  }
  const api = apiFor(inputs, event, process.env);
  let result: { action: StickyAction | 'failed'; url?: string };
  try {
    result = await syncStickyComment(
      api,
      markdown,
      stickyPolicy(inputs.comment, inputs.onClean, attention) ?? 'update-only',
    );
    core.info(`driver-semver: PR comment ${result.action}${result.url ? ` (${result.url})` : ''}`);
  } catch (e) {
    warnApi('update the PR comment', e);
    return { action: 'failed' };
  }
  if (inputs.suggest && report.head.commit && report.base.commit) {
    try {
      const files = [...new Set(GOVERNS_ORDER.flatMap((g) => report.versions[g].fixes.map((f) => f.file)))];
      const hunks = diffHunks(workdir, report.base.commit, report.head.commit, files);
      const r = await syncSuggestions(
        api,
        report.head.commit,
        suggestionsFor(report, (p, l) => inHunks(hunks, p, l)),
      );
      if (r.created || r.deleted)
        core.info(`driver-semver: review suggestions: ${r.created} posted, ${r.kept} kept, ${r.deleted} removed`);
    } catch (e) {
      warnApi('post the version-file suggestion', e);
    }
  }
  return result;
}

function warnApi(what: string, e: unknown): void {
  const status = (e as { status?: number }).status;
  const hint =
    status === 403 || status === 404
      ? " (the token cannot write to this PR: a fork's pull_request run gets a read-only token, or the job lacks `permissions: pull-requests: write`; see the pull_request_target recipe)"
      : '';
  core.warning(
    `driver-semver: could not ${what}: ${oneLine(describeApiError(e))}${hint}. The verdict is in the job summary, the annotations and the outputs.`,
  );
}

/**
 * The `config` input names a file of the repository (default REPO_CONFIG_PATH), read from git
 * at the base revision, never from the checkout: a PR cannot relax its own check.
 */
function configSource(inputs: ActionInputs): ConfigSource {
  return {
    kind: 'repository',
    at: 'revision',
    path: inputs.config ?? REPO_CONFIG_PATH,
    required: inputs.config !== undefined,
  };
}

function checkoutDir(inputs: ActionInputs): string {
  const workdir = path.resolve(inputs.workingDirectory);
  if (!existsSync(workdir) || !isGitDir(workdir)) {
    throw new InputError(
      `working-directory ${inputs.workingDirectory}: not a git repository; check the libs repository out first (actions/checkout with fetch-depth: 0)`,
    );
  }
  return workdir;
}

async function checkMode(inputs: ActionInputs, event: EventInfo): Promise<void> {
  const env = process.env;
  const workdir = checkoutDir(inputs);
  const base = inputs.base ?? event.base;
  const head = inputs.head ?? event.head;
  // A pull_request_target job checked out the base: fetch the PR's commits as objects.
  if (event.pr && !inputs.head)
    ensurePullRequestCommits(workdir, event.pr, { info: (s) => core.info(s) }, { base: !inputs.base });
  const report = await runCheck({
    repo: workdir,
    ...(base ? { base } : {}),
    ...(head ? { head } : {}),
    config: configSource(inputs),
  });
  const agreement = event.pr ? computeAgreement(report, parseDeclarations(event.pr.body)) : undefined;
  const outcome = evaluateFailOn(report, agreement, inputs.failOn);

  // The verdict first, in every channel that needs no token.
  const file = reportPath(env);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...report, ...(agreement ? { agreement } : {}) }, null, 2)}\n`);
  setOutputs(report, agreement, outcome, file);
  logUntrusted(renderText(report, { color: false }));
  emitAnnotations(
    annotationsFor(report, {
      failing: outcome.failing,
      disagreementFails: outcome.disagreementFails,
      ...(agreement ? { agreement } : {}),
    }),
  );

  const repoUrl = `${event.serverUrl}/${event.owner}/${event.repo}`;
  const mdOpts = {
    repoUrl,
    failing: outcome.failing,
    disagreementFails: outcome.disagreementFails,
    ...(agreement ? { agreement } : {}),
    ...(event.runUrl ? { runUrl: event.runUrl } : {}),
  };
  try {
    await core.summary.addRaw(renderMarkdown(report, { ...mdOpts, maxFindings: 1000 }), true).write();
  } catch (e) {
    core.warning(`driver-semver: could not write the job summary: ${oneLine((e as Error).message)}`);
  }

  const attention = report.verdict !== 'pass' || outcome.reasons.length > 0 || Boolean(agreement?.problems.length);
  const c = await commentStep(
    inputs,
    event,
    report,
    renderMarkdown(report, { ...mdOpts, marker: true, maxFindings: 150 }),
    attention,
    workdir,
  );
  core.setOutput('comment', c.action);
  core.setOutput('comment-url', c.url ?? '');

  if (outcome.reasons.length) core.setFailed(`driver-semver: ${outcome.reasons.join('; ')}`);
  else core.info(`driver-semver: verdict ${report.verdict}`);
}

/** Runs the action; never throws (every failure ends in one core.setFailed line). */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs(coreInputs);
    const event = readEvent(process.env);
    const mode = resolveMode(inputs, event);
    if (mode === 'release') {
      core.setOutput('mode', 'release');
      const workdir = checkoutDir(inputs);
      await releaseMode({
        workdir,
        tag: event.tag,
        configSource: configSource(inputs),
        reportFile: reportPath(process.env),
        log: logUntrusted,
      });
      return;
    }
    await checkMode(inputs, event);
  } catch (e) {
    if (e instanceof InputError) core.setFailed(`driver-semver: ${oneLine(e.message)}`);
    else {
      const err = e as Error;
      core.setFailed(
        `driver-semver: internal error: ${oneLine(err?.message ?? String(e))} (please report it; enable step debug logging for details)`,
      );
      core.debug(String(err?.stack ?? ''));
    }
  }
}
