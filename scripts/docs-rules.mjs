// Writes docs/rules.md from the rule catalogue (src/report/rules-doc.ts), bundled on the fly
// with esbuild since the catalogue is TypeScript. test/report/rules-doc.test.ts fails when the
// committed file differs from what this writes.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(path.join(os.tmpdir(), 'driver-semver-docs-'));
try {
  const out = path.join(dir, 'rules-doc.mjs');
  await build({
    entryPoints: ['src/report/rules-doc.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
    define: { __DRIVER_SEMVER_VERSION__: '"docs"' },
  });
  const { renderRulesDoc } = await import(pathToFileURL(out).href);
  writeFileSync('docs/rules.md', renderRulesDoc());
  console.log('wrote docs/rules.md');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
