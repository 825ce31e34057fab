import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { initRepo } from '../../src/source/scratch.js';

/** A fresh git repository in a temporary directory, removed after the test file. */
export function tempRepo(branch = 'master'): string {
  const dir = tempDir();
  initRepo(dir, branch);
  return dir;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'driver-semver-test-'));
  dirs.push(dir);
  return dir;
}
