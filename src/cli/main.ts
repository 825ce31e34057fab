import { Command, CommanderError, Option } from 'commander';
import { EXIT_FAIL, EXIT_INPUT, EXIT_INTERNAL, EXIT_PASS, InputError } from '../errors.js';
import { readSurface, runCheck } from '../pipeline.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { productionCounts, renderProductionTable } from '../report/production.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { REPO_CONFIG_PATH, type ConfigSource } from '../config/config.js';
import { findRule, RULES } from '../rules/catalogue.js';
import type { CheckReport } from '../verdict/types.js';
import { VERSION_FILES } from '../vocabulary.js';
import { buildDemoRepo } from './demo.js';
import { registerHistoryCommands } from './history-commands.js';
import { useColor, type Io } from './io.js';
import { formatOption, repoOption } from './options.js';

export type { Io } from './io.js';

/** `--config FILE` if given, else the repository's own configuration (see runCheck). */
export function configSource(file: string | undefined): ConfigSource | undefined {
  return file ? { kind: 'file', file } : undefined;
}

function render(report: CheckReport, format: string, io: Io): string {
  if (format === 'json') return renderJson(report);
  if (format === 'markdown') return renderMarkdown(report);
  if (format === 'sarif') return renderSarif(report);
  return renderText(report, { color: useColor(io) });
}

export function exitCodeFor(report: CheckReport): number {
  return report.verdict === 'fail' ? EXIT_FAIL : EXIT_PASS;
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('driver-semver')
    .description(
      "Checks that driver/API_VERSION and driver/SCHEMA_VERSION bumps match the changes to the Falco drivers' user/kernel boundary.",
    )
    .version(__DRIVER_SEMVER_VERSION__)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showSuggestionAfterError();

  registerCheck(program, io, setExit);
  registerSurface(program, io, setExit);
  registerExplain(program, io, setExit);
  registerDemo(program, io, setExit);
  registerHistoryCommands(program, io, setExit);
  return program;
}

/** The output formats of a check report. */
const reportFormat = () => formatOption(['text', 'json', 'markdown', 'sarif']);

/** `check`: compare two revisions and judge the version bumps. */
function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('compare the driver surface at two revisions and judge the version bumps')
    .addOption(repoOption())
    .option(
      '--base <rev>',
      'base revision (default: the upstream default branch); the comparison starts at its merge-base with head',
    )
    .option('--head <rev>', 'head revision', undefined)
    .option('--worktree', 'compare the work tree, uncommitted changes included, instead of --head')
    .option(
      '--config <file>',
      `JSON configuration (default: ${REPO_CONFIG_PATH} in the work tree, or at the base revision of a bare clone)`,
    )
    .addOption(
      new Option(
        '--incomplete <policy>',
        'what a file that could not be analysed does: fail the check (default) or only warn',
      ).choices(['fail', 'warn']),
    )
    .addOption(reportFormat())
    .action(async (o) => {
      const report = await runCheck({
        repo: o.repo,
        base: o.base,
        head: o.head,
        worktree: o.worktree,
        config: configSource(o.config),
        ...(o.incomplete ? { incomplete: o.incomplete } : {}),
      });
      io.out(render(report, o.format, io));
      setExit(exitCodeFor(report));
    });
}

/** `surface`: print one revision's driver surface. */
function registerSurface(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('surface')
    .description('print the driver surface extracted at one revision')
    .addOption(repoOption())
    .option('--rev <rev>', 'revision', 'HEAD')
    .option('--production', 'print the event production matrix: which driver produces which event')
    .addOption(formatOption(['text', 'json'], 'output format: a summary, or the whole surface as JSON'))
    .action(async (o) => {
      const s = await readSurface(o.repo, o.rev);
      const json = o.format === 'json';
      if (o.production) io.out(json ? `${JSON.stringify(s.production, null, 2)}\n` : renderProductionTable(s));
      else if (json) io.out(`${JSON.stringify(s, null, 2)}\n`);
      else {
        const count = (r: object) => Object.keys(r).length;
        io.out(
          `${[
            `surface of ${o.rev} (${s.commit?.slice(0, 12)})`,
            `API_VERSION ${s.versions.api?.raw ?? 'missing'}, SCHEMA_VERSION ${s.versions.schema?.raw ?? 'missing'}`,
            `SCAP minimums: api ${s.scapMinimum.api?.version ?? '?'}, schema ${s.scapMinimum.schema?.version ?? '?'}`,
            `${count(s.eventCodes)} event codes, ${count(s.events)} g_event_info entries, ${count(s.ppmSc)} ppm_sc codes`,
            `${count(s.enums)} enums, ${count(s.defines)} PPM_* defines, ${count(s.flagTables)} flag tables, ${count(s.dynamicParams)} dynamic-param tables`,
            `events produced: ${productionCounts(s)} (--production for the matrix)`,
            ...s.warnings.map((w) => `warning: ${w.message}`),
          ].join('\n')}\n`,
        );
      }
      setExit(EXIT_PASS);
    });
}

/** `explain`: what a rule checks, the bump it requires and why. */
function registerExplain(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('explain')
    .description('show what a rule checks, the bump it requires and why')
    .argument('[rule]', 'rule id, e.g. event-param-appended')
    .option('--list', 'list every rule')
    .action((id: string | undefined, o) => {
      if (o.list || !id) {
        for (const r of RULES)
          io.out(
            `${r.id.padEnd(30)} ${r.governs.padEnd(6)} ${(r.kind === 'invalid' ? 'invalid' : r.bump).padEnd(7)} ${r.title}\n`,
          );
        setExit(EXIT_PASS);
        return;
      }
      const rule = findRule(id);
      if (!rule) throw new InputError(`explain: unknown rule '${id}' (run 'driver-semver explain --list')`);
      io.out(
        `${[
          `${rule.id}: ${rule.title}`,
          `governs: ${VERSION_FILES[rule.governs]}`,
          `requires: ${rule.kind === 'invalid' ? 'a fix (the table is invalid whatever the version)' : `${rule.bump} bump`}`,
          '',
          `why: ${rule.rationale}`,
          '',
          'example:',
          ...rule.example.split('\n').map((l) => `    ${l}`),
        ].join('\n')}\n`,
      );
      setExit(EXIT_PASS);
    });
}

/** `demo`: `check` on a throwaway repository built from the demo tree. */
function registerDemo(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('demo')
    .description('run check on a throwaway repository built from a small driver tree shipped with driver-semver')
    .addOption(reportFormat())
    .action(async (o) => {
      const demo = buildDemoRepo();
      io.err(
        `demo: built ${demo.dir} with two commits: the demo driver, then a param appended to PPME_SYSCALL_OPEN_X with no SCHEMA_VERSION bump\n`,
      );
      io.err(
        `demo: running driver-semver check --repo ${demo.dir} --base ${demo.base.slice(0, 12)} --head ${demo.head.slice(0, 12)}\n\n`,
      );
      const report = await runCheck({ repo: demo.dir, base: demo.base, head: demo.head, config: { kind: 'none' } });
      io.out(render(report, o.format, io));
      io.err(
        `\ndemo: the FAIL above is the expected answer (a missing SCHEMA minor bump); on a libs clone run: driver-semver check --repo path/to/libs\n`,
      );
      setExit(EXIT_PASS);
    });
}

/** Runs the CLI; returns the exit code (never throws, never prints a stack trace unless asked). */
export async function main(argv: string[], io: Io): Promise<number> {
  let code = EXIT_PASS;
  const program = buildProgram(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_INPUT;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors were already printed.
      return e.exitCode === 0 ? EXIT_PASS : EXIT_INPUT;
    }
    if (e instanceof InputError) {
      io.err(`driver-semver: ${e.message}\n`);
      return EXIT_INPUT;
    }
    const err = e as Error;
    io.err(
      `driver-semver: internal error: ${err.message} (set DRIVER_SEMVER_DEBUG=1 for details, and please report it)\n`,
    );
    if (io.env.DRIVER_SEMVER_DEBUG) io.err(`${err.stack}\n`);
    return EXIT_INTERNAL;
  }
}
