import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.js';

/**
 * The unit tests first, the rule cases and CLI runs (which parse C and build git repositories)
 * last: Stryker stops at the first failing test, so a mutant a unit test kills costs
 * milliseconds instead of the slow files vitest would otherwise start with.
 */
class UnitTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const slow = (f: TestSpecification) => (/[/\\]test[/\\](rules|cli)[/\\]/.test(f.moduleId) ? 1 : 0);
    return [...files].sort((a, b) => slow(a) - slow(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

/**
 * The suite as Stryker runs it (stryker.config.mjs, `npm run mutate`): the tests that target the
 * mutated files (rules, verdict, pipeline and CLI check, reports, the action's decisions, the C
 * constant evaluator and the preprocessor that uses it). Left out: the tests that run the
 * committed bundle (dist/) or bundle src/ themselves, which never execute the mutated sources,
 * and the surface, history and git suites, which reach these files only through whole-tree
 * extraction: a mutant only they would catch counts as a survivor here, so the score is a
 * lower bound and every behaviour of these files needs a test of its own.
 */
export default defineConfig({
  ...base,
  // Replaces the base's list (mergeConfig would append to it).
  test: {
    ...base.test,
    // One module graph per worker, not one per test file: tree-sitter and the parsed demo tree
    // are loaded once, not once per file and mutant (a rule's mutants ran 2.5 times faster, with
    // the same results).
    isolate: false,
    sequence: { ...base.test?.sequence, sequencer: UnitTestsFirst },
    include: [
      'test/rules/**/*.test.ts',
      'test/verdict/**/*.test.ts',
      'test/report/**/*.test.ts',
      'test/parse/**/*.test.ts',
      'test/cli/check.test.ts',
      'test/cli/fix-loop.test.ts',
      'test/action/{failon,declarations,comment,event}.test.ts',
    ],
  },
});
