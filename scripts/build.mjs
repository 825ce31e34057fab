// Builds the committed dist/: the CLI bundle, the action bundle, and the two .wasm files the
// parser loads from beside them. CI fails when dist/ differs from a fresh build.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
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
  // Some bundled CommonJS dependencies call require(); ESM output needs it defined.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};
await build({ ...common, entryPoints: { cli: 'src/cli/bin.ts' }, outdir: out, banner: { js: '#!/usr/bin/env node\n' + common.banner.js } });
await build({ ...common, entryPoints: { index: 'src/action/main.ts', lib: 'src/lib.ts' }, outdir: out });

const wasm = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-c', 'tree-sitter-c.wasm'],
];
for (const [pkg, file] of wasm) {
  copyFileSync(path.join(path.dirname(require.resolve(`${pkg}/${file}`)), file), path.join(out, file));
}
