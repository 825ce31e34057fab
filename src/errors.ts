import { readFileSync } from 'node:fs';

/** Exit codes shared by every command and documented in the README. */
export const EXIT_PASS = 0;
/** A check failed: a bump is missing or wrong, a release is refused. */
export const EXIT_FAIL = 1;
/** Bad input: an unknown revision, a bad option, an unreadable configuration. */
export const EXIT_INPUT = 2;
/** A bug in driver-semver itself (distinct from bad input and from a failed check). */
export const EXIT_INTERNAL = 3;

/**
 * Bad input: an unknown revision, a directory that is not a git repository, an unreadable
 * version file, a bad option. The message is one line that names what is at fault and, where
 * possible, how to fix it; the CLI prints it without a stack trace and exits with EXIT_INPUT.
 */
export class InputError extends Error {
  readonly exitCode = EXIT_INPUT;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * The text of a file the user named, or an InputError that says why it cannot be read:
 * `${label}: no such file`, or the system's message. `label` names the file as the user gave it
 * (`--config cfg.json`, `GITHUB_EVENT_PATH /tmp/event.json`).
 */
export function readInputFile(file: string, label: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(
      `${label}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
}
