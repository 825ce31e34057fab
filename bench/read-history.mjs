// Reads the driver surface at every `*+driver` tag and at every commit that changed a version
// file, and lists the revisions whose files had to be skipped (with why). Uses the bundle, so
// run `npm run build` first. Usage: node bench/read-history.mjs LIBS_GIT_DIR
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const repoDir = process.argv[2];
if (!repoDir) {
  console.error('usage: node bench/read-history.mjs LIBS_GIT_DIR');
  process.exit(2);
}
const lib = await import(pathToFileURL(path.resolve('dist/lib.js')).href);
const git = (args) =>
  spawnSync('git', ['--git-dir', repoDir, ...args], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .filter(Boolean);
const tags = git(['tag', '--list', '*+driver']);
const bumps = git(['log', '--format=%H', '--', 'driver/API_VERSION', 'driver/SCHEMA_VERSION']);
const revs = [
  ...tags.map((t) => ({ rev: t, why: 'tag' })),
  ...bumps.map((c) => ({ rev: c, why: 'version file changed' })),
];
const repo = lib.GitRepo.open(repoDir);
const cache = new lib.FactsCache();
const t0 = performance.now();
let skipped = 0;
for (const { rev, why } of revs) {
  const s = await lib.buildSurface(repo.snapshot(rev, lib.SURFACE_PREFIXES), cache);
  const label = rev.length === 40 ? rev.slice(0, 12) : rev;
  const counts = `${Object.keys(s.events).length} events, ${Object.keys(s.ppmSc).length} ppm_sc, api ${s.versions.api?.raw}, schema ${s.versions.schema?.raw}`;
  if (s.warnings.length) {
    skipped++;
    console.log(`${label} (${why}): ${counts}`);
    for (const w of s.warnings) console.log(`    warning: ${w.message}`);
  }
}
repo.close();
console.log(
  `${revs.length} revisions read (${tags.length} tags, ${bumps.length} version-file commits) in ${Math.round(performance.now() - t0)} ms; ${skipped} with warnings; ${cache.size} distinct blobs parsed`,
);
