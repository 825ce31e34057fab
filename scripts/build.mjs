// Builds dist/: the CLI bundle, the action bundle, the library bundle, and the two .wasm files the
// parser loads from beside them. Everything is bundled, so the published package has no runtime
// dependencies. CI fails when the committed dist/ differs from a fresh build (content or mode).
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const out = 'dist';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // `driver-semver --version` says the version of the package it was built from.
  define: { __DRIVER_SEMVER_VERSION__: JSON.stringify(pkg.version) },
  // Some bundled CommonJS dependencies call require(); ESM output needs it defined.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
};
await build({
  ...common,
  entryPoints: { cli: 'src/cli/bin.ts' },
  outdir: out,
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
});
await build({ ...common, entryPoints: { index: 'src/action/main.ts', lib: 'src/lib.ts' }, outdir: out });
// The bin is run directly from a clone (./dist/cli.js) as well as through npm's shim.
chmodSync(path.join(out, 'cli.js'), 0o755);

const wasm = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-c', 'tree-sitter-c.wasm'],
];
for (const [pkgName, file] of wasm) {
  copyFileSync(path.join(path.dirname(require.resolve(`${pkgName}/${file}`)), file), path.join(out, file));
  chmodSync(path.join(out, file), 0o644);
}
