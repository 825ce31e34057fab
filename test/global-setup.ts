/**
 * Builds dist/ before the tests run, and again before each rerun in watch mode. Some tests run
 * the bundles (the action's dist/index.js, the CLI's dist/cli.js, the parsing workers'
 * dist/lib.js), so a local `npm test` after an edit of src/ must never test a stale dist/. The
 * build takes a second or two and is deterministic: CI builds, checks that the committed dist/
 * is what the build made (.ci/run), then runs the tests, whose build changes nothing.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function buildDist(): void {
  try {
    execFileSync(process.execPath, [path.join('scripts', 'build.mjs')], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch (e) {
    throw new Error(
      `building dist/ before the tests failed (${(e as Error).message.split('\n')[0]}); run 'npm run build' to see why`,
    );
  }
}

export default function setup(project: TestProject): void {
  buildDist();
  project.onTestsRerun(() => buildDist());
}
