import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitFiles, initRepo, readTree } from '../source/scratch.js';

/** The demo driver tree ships in the package (fixtures/demo); find it from dist/ or src/. */
function demoRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const cand of [path.join(here, '..', 'fixtures', 'demo'), path.join(here, '..', '..', 'fixtures', 'demo')]) {
    if (existsSync(path.join(cand, 'base'))) return cand;
  }
  throw new Error('the demo driver tree (fixtures/demo) is missing from this installation');
}

/**
 * Builds a throwaway libs-shaped repository with two commits: the demo driver, then a new
 * param appended to an event without a SCHEMA_VERSION bump. Returns its path and revisions.
 */
export function buildDemoRepo(dir = mkdtempSync(path.join(os.tmpdir(), 'driver-semver-demo-'))): {
  dir: string;
  base: string;
  head: string;
} {
  const root = demoRoot();
  initRepo(dir);
  const base = commitFiles(dir, readTree(path.join(root, 'base')), 'demo: the driver as released');
  const head = commitFiles(dir, readTree(path.join(root, 'head')), 'new(driver): add mode param to open exit event');
  return { dir, base, head };
}
