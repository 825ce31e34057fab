import { Option, type Command } from 'commander';
import { EXIT_FAIL, EXIT_PASS } from '../errors.js';
import { runAudit } from '../history/audit.js';
import { runCompat } from '../history/compat.js';
import { runRelease } from '../history/release.js';
import type { Grouping } from '../history/types.js';
import { configuredRules } from '../pipeline.js';
import { renderAuditText, renderCompatText, renderHistoryJson, renderReleaseText } from '../report/history-text.js';
import { loadConfig, REPO_CONFIG_PATH } from '../config/config.js';
import { GitRepo } from '../source/git.js';
import { useColor, type Io } from './io.js';
import { formatOption, repoOption } from './options.js';

export interface HistoryCommandOptions {
  /** Whether stderr is a terminal (the progress bar goes there); default: process.stderr.isTTY. */
  stderrIsTTY?: boolean;
}

function inCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** A one-line bar redrawn in place on stderr, at most every 100 ms; erased when done. */
export function progressBar(write: (s: string) => void, label: string): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = total ? Math.round((width * done) / total) : width;
    write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} groups`);
    if (done >= total) write('\r\x1b[K');
  };
}

/** Registers `audit`, `release` and `compat` (the history questions) on the program. */
export function registerHistoryCommands(
  program: Command,
  io: Io,
  setExit: (code: number) => void,
  opts: HistoryCommandOptions = {},
): void {
  const format = () => formatOption(['text', 'json']);
  const config = () =>
    new Option('--config <file>', `JSON configuration, as for check (default: ${REPO_CONFIG_PATH} in the work tree)`);
  // The same configuration as check: --config FILE, else the work tree's REPO_CONFIG_PATH (none in a bare clone).
  const configured = (repoDir: string, file?: string) => {
    const repo = GitRepo.open(repoDir);
    try {
      const src = file
        ? ({ kind: 'file', file } as const)
        : repo.workTree
          ? ({ kind: 'repository', at: 'worktree' } as const)
          : ({ kind: 'none' } as const);
      const { config } = loadConfig(src, repo);
      return {
        rules: configuredRules(config.rules),
        modernProbe: config.modernProbe,
        sharedStructs: config.sharedStructs,
      };
    } finally {
      repo.close();
    }
  };

  program
    .command('audit')
    .description(
      'judge every pull request (and every stretch between two bumps) of the first-parent history: forgotten, wrong-sized, misplaced and unexplained bumps',
    )
    .addOption(repoOption())
    .option('--from <rev>', "start of the walk, exclusive (default: the last *+driver tag in --to's history)")
    .option('--to <rev>', 'end of the walk', 'HEAD')
    .addOption(
      new Option(
        '--group <how>',
        'what one pull request is: consecutive commits with one committer date (libs rebase-merges), or each commit',
      )
        .choices(['committer-date', 'commit'])
        .default('committer-date'),
    )
    .option('--all', 'text: list every group that changed the surface and every window, not only the flagged ones')
    .addOption(config())
    .addOption(format())
    .addHelpText(
      'after',
      '\nExit status: 0 when no group fails (late, catch-up and unexplained bumps only warn), 1 when one does, 2 on bad input.',
    )
    .action(async (o) => {
      const config = configured(o.repo, o.config);
      const show = (opts.stderrIsTTY ?? Boolean(process.stderr.isTTY)) && o.format !== 'json' && !inCI(io.env);
      const report = await runAudit({
        repo: o.repo,
        from: o.from,
        to: o.to,
        group: o.group as Grouping,
        ...config,
        ...(show ? { onProgress: progressBar(io.err, 'audit') } : {}),
      });
      io.out(
        o.format === 'json'
          ? renderHistoryJson(report)
          : renderAuditText(report, { color: useColor(io), all: Boolean(o.all) }),
      );
      setExit(report.verdict === 'fail' ? EXIT_FAIL : EXIT_PASS);
    });

  program
    .command('release')
    .description(
      'validate a driver tag: its number against the version files, the bumps against the changes since the previous tag, and the libscap minimums',
    )
    .addOption(repoOption())
    .requiredOption('--tag <tag>', 'the driver tag, e.g. 10.1.0+driver or 10.1.0-rc1+driver')
    .option(
      '--previous <tag>',
      'the tag to compare with (default: the highest driver tag below --tag by semver precedence)',
    )
    .addOption(config())
    .addOption(format())
    .addHelpText(
      'after',
      '\nExit status: 0 when the tag is accepted, 1 when it is refused, 2 on bad input (unknown tag, not a driver tag).',
    )
    .action(async (o) => {
      const report = await runRelease({
        repo: o.repo,
        tag: o.tag,
        previous: o.previous,
        ...configured(o.repo, o.config),
      });
      io.out(o.format === 'json' ? renderHistoryJson(report) : renderReleaseText(report, { color: useColor(io) }));
      setExit(report.verdict === 'refused' ? EXIT_FAIL : EXIT_PASS);
    });

  program
    .command('compat')
    .description("would libscap at --rev accept a driver reporting these versions? (libscap's own semver check)")
    .addOption(repoOption())
    .requiredOption('--driver-api <version>', 'API version the driver reports, MAJOR.MINOR.PATCH')
    .requiredOption('--driver-schema <version>', 'SCHEMA version the driver reports, MAJOR.MINOR.PATCH')
    .option('--rev <rev>', 'revision of libscap whose SCAP_MINIMUM_DRIVER_* minimums apply', 'HEAD')
    .addOption(format())
    .addHelpText('after', '\nExit status: 0 when libscap accepts the driver, 1 when it refuses it, 2 on bad input.')
    .action(async (o) => {
      const report = await runCompat({ repo: o.repo, rev: o.rev, api: o.driverApi, schema: o.driverSchema });
      io.out(o.format === 'json' ? renderHistoryJson(report) : renderCompatText(report, { color: useColor(io) }));
      setExit(report.verdict === 'refused' ? EXIT_FAIL : EXIT_PASS);
    });
}
