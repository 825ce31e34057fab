/**
 * The published package, as a maintainer installs it: `npm pack`, then an install of that
 * tarball into an empty prefix, offline (no runtime dependencies, so no registry), then the
 * installed `driver-semver` bin: --version, demo, and check on a scratch repository.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitFiles } from '../../src/source/scratch.js';
import { tempDir, tempRepo } from '../helpers/repo.js';
import { appendModeParam, demoTree } from '../helpers/surface.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};

function run(cmd: string, args: string[], cwd: string) {
  // npm scripts export npm_config_*; the install below must see none of the caller's settings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 120_000 });
}

describe('the npm package', () => {
  let bin = '';

  beforeAll(() => {
    const out = tempDir();
    const pack = run('npm', ['pack', '--ignore-scripts', '--pack-destination', out, '--json'], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = path.join(out, (JSON.parse(pack.stdout) as Array<{ filename: string }>)[0]!.filename);
    const prefix = tempDir();
    const install = run(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--global', '--prefix', prefix, tarball],
      prefix,
    );
    expect(install.status, install.stderr).toBe(0);
    bin = path.join(prefix, 'bin', 'driver-semver');
  }, 180_000);

  it('has no runtime dependencies', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('installs a driver-semver bin that says its version', () => {
    expect(statSync(path.join(ROOT, 'dist', 'cli.js')).mode & 0o111).not.toBe(0);
    const r = run(bin, ['--version'], tempDir());
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('runs the demo from the installed package', () => {
    const r = run(bin, ['demo'], tempDir());
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("PPME_SYSCALL_OPEN_X gains param 4 'mode' (PT_UINT32)");
    expect(r.stdout).toMatch(/verdict: FAIL/);
  });

  it('runs check on a repository', () => {
    const dir = tempRepo();
    const base = commitFiles(dir, demoTree(), 'driver');
    commitFiles(dir, { ...appendModeParam(demoTree()), 'driver/SCHEMA_VERSION': '2.5.0\n' }, 'append and bump');
    const r = run(bin, ['check', '--base', base], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/verdict: PASS/);
    expect(r.status).toBe(0);
  });
});
