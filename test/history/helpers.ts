import { Command } from 'commander';
import { main } from '../../src/cli/main.js';
import { registerHistoryCommands } from '../../src/cli/history-commands.js';
import { commitFiles, runGit } from '../../src/source/scratch.js';
import { lineOf } from '../helpers/lines.js';
import { appendModeParam, demoTree, edit } from '../helpers/surface.js';

export type Tree = Record<string, string>;

export const EVENT_TABLE = 'driver/event_table.c';
export const FLAGS_TABLE = 'driver/flags_table.c';
export const MAIN_C = 'driver/main.c';
export const RINGBUFFER = 'driver/ppm_ringbuffer.h';
export const SCAP_H = 'userspace/libscap/scap.h';
export const API = 'driver/API_VERSION';
export const SCHEMA = 'driver/SCHEMA_VERSION';

export const HEADER = 'driver/ppm_events_public.h';

/** A new PPM_<name> value (bit `bit`) and its file_flags entry: SCHEMA minor. */
export const newFlag =
  (name: string, bit: number) =>
  (t: Tree): Tree =>
    edit(
      edit(t, HEADER, [
        '#define PPM_O_CREAT (1 << 2)\n',
        `#define PPM_O_CREAT (1 << 2)\n#define PPM_${name} (1 << ${bit})\n`,
      ]),
      FLAGS_TABLE,
      ['{"O_NONE", PPM_O_NONE},', `{"O_NONE", PPM_O_NONE},\n        {"${name}", PPM_${name}},`],
    );

/** Edits of the demo driver that need a known bump (each fails loudly if its text is gone). */
export const changes = {
  /** A param appended to PPME_SYSCALL_OPEN_X: SCHEMA minor. */
  appendParam: appendModeParam,
  /** The last param of PPME_SYSCALL_READ_X dropped: SCHEMA major. */
  dropParam: (t: Tree): Tree =>
    edit(
      t,
      EVENT_TABLE,
      [
        '                                 3,\n                                 {{"res", PT_ERRNO, PF_DEC},\n                                  {"data"',
        '                                 2,\n                                 {{"res", PT_ERRNO, PF_DEC},\n                                  {"data"',
      ],
      [
        '{"data", PT_BYTEBUF, PF_NA},\n                                  {"fd", PT_FD, PF_DEC}}},',
        '{"data", PT_BYTEBUF, PF_NA}}},',
      ],
    ),
  /** A new value the driver can send, with its file_flags entry: SCHEMA minor. */
  addFlag: (t: Tree): Tree => newFlag('O_TMPFILE', 5)(t),
  /** A new kernel module parameter: API minor. */
  addModuleParam: (t: Tree): Tree =>
    edit(t, MAIN_C, [
      'module_param(verbose, bool, 0444);',
      'module_param(verbose, bool, 0444);\nmodule_param(quiet, bool, 0444);',
    ]),
  /** A field dropped from the mmapped ring-buffer info: API major. */
  shrinkRingBuffer: (t: Tree): Tree => edit(t, RINGBUFFER, ['\tvolatile uint64_t n_preemptions;\n', '']),
};

/** The line of `#define SCAP_MINIMUM_DRIVER_<which>_VERSION` in the demo's scap.h (`minimum` edits it in place). */
export const minimumLine = (which: 'API' | 'SCHEMA'): number =>
  lineOf(demoTree()[SCAP_H]!, `#define SCAP_MINIMUM_DRIVER_${which}_VERSION`);

export const version =
  (file: string, v: string) =>
  (t: Tree): Tree => ({ ...t, [file]: `${v}\n` });
export const minimum =
  (which: 'API' | 'SCHEMA', v: string) =>
  (t: Tree): Tree => {
    const [a, b, c] = v.split('.');
    const re = new RegExp(`SCAP_MINIMUM_DRIVER_${which}_VERSION PPM_API_VERSION\\(\\d+, \\d+, \\d+\\)`);
    if (!re.test(t[SCAP_H]!)) throw new Error(`no SCAP_MINIMUM_DRIVER_${which}_VERSION in ${SCAP_H}`);
    return {
      ...t,
      [SCAP_H]: t[SCAP_H]!.replace(re, `SCAP_MINIMUM_DRIVER_${which}_VERSION PPM_API_VERSION(${a}, ${b}, ${c})`),
    };
  };

/**
 * A libs-shaped scratch repository: `commit` applies tree edits on top of the current tree and
 * commits them at a chosen committer date (PRs are rebase-merged: one date per PR).
 */
export class ScratchHistory {
  tree: Tree = {};
  private clock = Date.UTC(2024, 0, 1) / 1000;
  constructor(readonly dir: string) {}

  /** The first commit: the demo driver as released. */
  start(message = 'driver as released'): string {
    return this.commit(message, [() => demoTree()], this.nextDate());
  }

  /** Seconds after the previous PR: every call to `pr` gets a fresh committer date. */
  nextDate(): string {
    this.clock += 3600;
    return new Date(this.clock * 1000).toISOString();
  }

  commit(
    message: string,
    edits: Array<(t: Tree) => Tree>,
    date: string,
    extra: Record<string, string | null> = {},
  ): string {
    const before = this.tree;
    this.tree = edits.reduce((t, e) => e(t), this.tree);
    const files: Record<string, string | null> = { ...extra };
    for (const [p, c] of Object.entries(this.tree)) if (before[p] !== c) files[p] = c;
    for (const p of Object.keys(before)) if (!(p in this.tree)) files[p] = null;
    for (const [p, c] of Object.entries(extra)) {
      if (c === null) delete this.tree[p];
      else this.tree[p] = c;
    }
    return commitFiles(this.dir, files, message, date);
  }

  /** One pull request: its commits share one committer date. Returns the commit ids. */
  pr(...commits: Array<[string, Array<(t: Tree) => Tree>, Record<string, string | null>?]>): string[] {
    const date = this.nextDate();
    return commits.map(([m, e, extra]) => this.commit(m, e, date, extra));
  }

  /** Switches branch (`git checkout ARGS`); `tree` is what that branch holds. */
  checkout(tree: Tree, ...args: string[]): void {
    runGit(this.dir, ['checkout', '-q', ...args]);
    this.tree = { ...tree };
  }

  tag(name: string, at = 'HEAD', annotated = false): void {
    runGit(this.dir, annotated ? ['tag', '-a', '-m', name, name, at] : ['tag', name, at]);
  }

  git(...args: string[]): string {
    return runGit(this.dir, args);
  }
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, env });
  return { code, out, err };
}

/** The history commands alone, with stderr presented as a terminal (main() asks the real process). */
export async function cliWithTTY(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  let code = -1;
  const program = new Command('driver-semver').exitOverride();
  registerHistoryCommands(
    program,
    { out: (s) => (out += s), err: (s) => (err += s), isTTY: true, env },
    (c) => (code = c),
    { stderrIsTTY: true },
  );
  await program.parseAsync(args, { from: 'user' });
  return { code, out, err };
}
