// Mutation testing of the verdict path (issue 12): `npm run mutate`. Too slow for every push, so
// not in .ci/run. Incremental: a re-run tests only the mutants whose code or covering tests
// changed since the last run (reports/mutation/incremental.json). See docs/testing.md.
import { readFileSync } from 'node:fs';

/**
 * A Stryker mutate range of `file`: from the line that contains `from` up to (not including) the
 * line that contains `before`. The escaping part of markdown.ts is found by its text, not by
 * line numbers that drift with every edit; a needle that is gone fails the run rather than
 * mutating the wrong lines.
 */
function linesOf(file, from, before) {
  const lines = readFileSync(new URL(file, import.meta.url), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.includes(from));
  const end = lines.findIndex((l, i) => i > start && l.includes(before));
  if (start < 0 || end < 0)
    throw new Error(`stryker.config.mjs: ${file} no longer has '${from}' … '${before}'; update the mutate range`);
  return `${file}:${start + 1}-${end}`;
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: ['typescript'],
  // The mutated files and what they import (a whole-project check costs seconds per mutant).
  tsconfigFile: 'tsconfig.mutate.json',
  mutate: [
    'src/rules/**/*.ts',
    'src/verdict/**/*.ts',
    'src/pipeline.ts',
    'src/report/annotations.ts',
    // Escaping of untrusted text: escapeMarkdown, codeSpan, renderMessage, code, fenceSafe, encodePath, blobUrl.
    linesOf('src/report/markdown.ts', 'export function escapeMarkdown', 'function isCommit'),
    'src/action/failon.ts',
    'src/action/declarations.ts',
    'src/parse/consteval.ts',
  ],
  // The machine is shared: one or two workers, never more.
  concurrency: 2,
  // A static mutant (a module-level value: a rule's metadata, a lookup table, a module-level
  // regex) cannot be told apart per test, so Stryker re-runs the whole suite for each: hours on
  // two cores. They are left out of the score (docs/testing.md says what pins them instead);
  // set this to false to run them too.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  timeoutMS: 20000,
};
