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
