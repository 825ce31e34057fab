import { Option } from 'commander';

/** Options several commands take, spelled once. */

/** `--repo DIR`: every command reads a libs clone, the current directory by default. */
export function repoOption(): Option {
  return new Option('--repo <dir>', 'libs clone or bare git directory').default('.');
}

/** `--format FORMAT` among `choices`, text by default. */
export function formatOption(choices: string[], description = 'output format'): Option {
  return new Option('--format <format>', description).choices(choices).default('text');
}
