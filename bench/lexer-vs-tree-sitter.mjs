// Times the hand lexer of filler and program code (src/surface/extract/code/lexer.ts `lex`)
// against tree-sitter's leaf tokens for the same text, to say whether the hand lexer earns its
// place (its header comment records the figures). Both get what extractCodeBodies gives the
// lexer: the C text layer's comment-free text (src/parse/c-text.ts `cText(...).text`).
//
// - lex: `lex(text)`, the token arrays code-bodies.ts hashes;
// - tree-sitter parse: web-tree-sitter with tree-sitter-c.wasm, set up as src/parse/parser.ts
//   does, `parser.parse(text)`;
// - tree-sitter leaves: the same parse, then every leaf of the tree collected in order with a
//   TreeCursor (its text sliced from the input), the nearest thing tree-sitter has to a token
//   stream.
//
// The files are read from a libs git directory at run time (nothing of libs is copied here):
// driver/ppm_fillers.c and the legacy probe's driver/bpf/fillers.h, at a revision that still has
// both (default c5ea0da85~1, the parent of the commit that dropped the legacy probe). Each
// measure is the minimum over REPS warm runs (after WARMUP runs), which is what a busy machine
// can still measure; run it under `nice -n 15` beside other work.
// Usage: node bench/lexer-vs-tree-sitter.mjs LIBS_GIT_DIR [REV] [--reps N] [--warmup N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Language, Parser } from 'web-tree-sitter';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(args[i + 1]);
  args.splice(i, 2);
  return v;
};
const reps = opt('--reps', 40);
const warmup = opt('--warmup', 5);
const [repo, rev = 'c5ea0da85~1'] = args;
if (!repo) {
  console.error('usage: node bench/lexer-vs-tree-sitter.mjs LIBS_GIT_DIR [REV] [--reps N] [--warmup N]');
  process.exit(2);
}
const FILES = ['driver/ppm_fillers.c', 'driver/bpf/fillers.h'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The project's lexer and C text layer, bundled on the fly from the TypeScript sources. */
async function loadProject() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'driver-semver-bench-'));
  try {
    const out = path.join(dir, 'entry.mjs');
    await build({
      stdin: {
        contents:
          "export { lex } from './src/surface/extract/code/lexer.ts'; export { cText } from './src/parse/c-text.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: out,
      logLevel: 'warning',
    });
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** tree-sitter as src/parse/parser.ts sets it up: the runtime's wasm, then the C grammar's. */
async function loadParser() {
  const wasmOf = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/${file}`)), file);
  await Parser.init({ locateFile: () => wasmOf('web-tree-sitter', 'web-tree-sitter.wasm') });
  const c = await Language.load(wasmOf('tree-sitter-c', 'tree-sitter-c.wasm'));
  return new Parser().setLanguage(c);
}

function show(file) {
  const r = spawnSync('git', ['--git-dir', repo, 'show', `${rev}:${file}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    console.error(`cannot read ${file} at ${rev} in ${repo}: ${r.stderr.trim()}`);
    process.exit(2);
  }
  return r.stdout;
}

/** Every leaf of the tree, in order, as text: tree-sitter's token stream. */
function leaves(tree, text) {
  const out = [];
  const cursor = tree.walk();
  for (;;) {
    if (cursor.gotoFirstChild()) continue;
    out.push(text.slice(cursor.startIndex, cursor.endIndex));
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return out;
      }
    }
  }
}

/** Minimum time of `fn` over `reps` runs after `warmup` runs, in ms, and its last result. */
function minTime(fn) {
  let result;
  for (let i = 0; i < warmup; i++) result = fn();
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    result = fn();
    const ms = performance.now() - t0;
    if (ms < best) best = ms;
  }
  return { ms: best, result };
}

const { lex, cText } = await loadProject();
const parser = await loadParser();
const fmt = (ms) => `${ms.toFixed(2).padStart(8)} ms`;
console.log(`libs ${rev}: minimum of ${reps} warm runs (after ${warmup}) each; node ${process.version}`);
for (const file of FILES) {
  const source = show(file);
  const layer = minTime(() => cText(source));
  const text = layer.result.text;
  const hand = minTime(() => lex(text));
  const parse = minTime(() => {
    const tree = parser.parse(text);
    tree.delete();
    return null;
  });
  const tokens = minTime(() => {
    const tree = parser.parse(text);
    const list = leaves(tree, text);
    tree.delete();
    return list;
  });
  const lines = source.split('\n').length;
  console.log(`\n${file} (${source.length} bytes, ${lines} lines)`);
  console.log(`  C text layer (cText, shared)   ${fmt(layer.ms)}`);
  console.log(`  hand lexer (lex)               ${fmt(hand.ms)}  ${hand.result.n} tokens`);
  console.log(`  tree-sitter parse              ${fmt(parse.ms)}`);
  console.log(`  tree-sitter parse + leaves     ${fmt(tokens.ms)}  ${tokens.result.length} leaves`);
  console.log(`  tree-sitter leaves / lex       ${(tokens.ms / hand.ms).toFixed(1).padStart(8)} x`);
}
