import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type ConfigSource } from '../config/config.js';
import { InputError } from '../errors.js';
import { runRelease } from '../history/release.js';
import { configuredRules } from '../pipeline.js';
import { renderHistoryJson, renderReleaseText } from '../report/history-text.js';
import { GitRepo } from '../source/git.js';
import { GOVERNS_ORDER } from '../vocabulary.js';

/** libs tags driver releases `X.Y.Z+driver` (prereleases `X.Y.Z-rcN+driver`). */
export function isDriverTag(tag: string | null): boolean {
  return tag !== null && /^[^\s]+\+driver$/.test(tag);
}

export interface ReleaseContext {
  /** The checkout (working-directory), absolute; it needs the tags (fetch-depth: 0). */
  workdir: string;
  /** The pushed tag, e.g. `8.0.0+driver`. */
  tag: string | null;
  /** Read at the tag: the configuration the release was made with. */
  configSource: ConfigSource;
  reportFile: string;
  log: (text: string) => void;
}

/**
 * `mode: release` (and `mode: auto` on a push of a `*+driver` tag): the `release` command on
 * the pushed tag. The verdict goes to the outputs, the log, the job summary and the exit status.
 */
export async function releaseMode(ctx: ReleaseContext): Promise<void> {
  if (!ctx.tag || !isDriverTag(ctx.tag)) {
    throw new InputError(
      `mode release needs a push of a driver tag (X.Y.Z+driver); this run has ${ctx.tag ? `tag ${ctx.tag}` : 'no tag'}`,
    );
  }
  const repo = GitRepo.open(ctx.workdir);
  let config: ReturnType<typeof loadConfig>['config'];
  try {
    config = loadConfig(ctx.configSource, repo, repo.resolve(ctx.tag, 'tag')).config;
  } finally {
    repo.close();
  }
  const report = await runRelease({
    repo: ctx.workdir,
    tag: ctx.tag,
    rules: configuredRules(config.rules),
    ...(config.modernProbe ? { modernProbe: config.modernProbe } : {}),
    ...(config.sharedStructs ? { sharedStructs: config.sharedStructs } : {}),
  });
  mkdirSync(path.dirname(ctx.reportFile), { recursive: true });
  writeFileSync(ctx.reportFile, renderHistoryJson(report));
  const text = renderReleaseText(report, { color: false });
  ctx.log(text);
  core.setOutput('report', ctx.reportFile);
  core.setOutput('verdict', report.verdict === 'accepted' ? 'pass' : 'fail');
  core.setOutput('release-verdict', report.verdict);
  core.setOutput('previous-tag', report.previous?.name ?? '');
  for (const g of GOVERNS_ORDER) {
    core.setOutput(`${g}-required`, report.versions[g].required);
    core.setOutput(`${g}-declared`, report.versions[g].declared);
    core.setOutput(`${g}-status`, report.versions[g].status);
  }
  try {
    await core.summary
      .addRaw(
        `### driver-semver release ${report.tag.name}: ${report.verdict}\n\n\`\`\`text\n${text.replace(/```/g, "'''")}\n\`\`\`\n`,
        true,
      )
      .write();
  } catch (e) {
    core.warning(`driver-semver: could not write the job summary: ${(e as Error).message}`);
  }
  if (report.verdict === 'refused')
    core.setFailed(
      `driver-semver: release ${report.tag.name} refused: ${report.problems.join('; ').replace(/\s*[\r\n]+\s*/g, ' ')}`,
    );
  else core.info(`driver-semver: release ${report.tag.name} accepted`);
}
