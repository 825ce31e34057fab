import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // The same build-time constant scripts/build.mjs defines for the bundles.
  define: { __DRIVER_SEMVER_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.ts'],
    // Some tests run dist/: build it first, so that they never test a stale bundle.
    globalSetup: ['test/global-setup.ts'],
    // Integration tests build git repos and parse C; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
