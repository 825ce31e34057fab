/** Exit codes shared by every command (DESIGN.md §4). */
export const EXIT_PASS = 0;
export const EXIT_FAIL = 1;
export const EXIT_INPUT = 2;

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
