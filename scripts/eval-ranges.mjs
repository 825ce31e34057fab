// Runs `check` on libs ranges listed in a TSV and prints, per range, the required bumps
// driver-semver finds next to the accepted ones, with timings. The TSV has a header line, then
// one range per line: id, base, head, expect_api, expect_schema, accept_api, accept_schema
// (accepted bumps, comma-separated: `none,patch`), note. Run `npm run build` first.
// Usage: node scripts/eval-ranges.mjs LIBS_GIT_DIR CASES.tsv [--only api|schema]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [repo, tsv, ...rest] = process.argv.slice(2);
const only = rest.includes('--only') ? rest[rest.indexOf('--only') + 1] : null;
if (!repo || !tsv) {
  console.error('usage: node scripts/eval-ranges.mjs LIBS_GIT_DIR CASES.tsv [--only api|schema]');
  process.exit(2);
}
const rows = readFileSync(tsv, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));
let ok = 0;
let total = 0;
for (const [id, base, head, , , acceptApi, acceptSchema] of rows) {
  const t0 = performance.now();
  const r = spawnSync(
    'node',
    ['dist/cli.js', 'check', '--repo', repo, '--base', base, '--head', head, '--format', 'json'],
    { encoding: 'utf8' },
  );
  const ms = Math.round(performance.now() - t0);
  if (r.status === 2 || !r.stdout) {
    console.log(`${id.padEnd(22)} ERROR ${r.stderr.trim()}`);
    total++;
    continue;
  }
  const rep = JSON.parse(r.stdout);
  const got = { api: rep.versions.api.required, schema: rep.versions.schema.required };
  const okApi = acceptApi.split(',').includes(got.api);
  const okSchema = acceptSchema.split(',').includes(got.schema);
  const pass = (only === 'schema' ? true : okApi) && (only === 'api' ? true : okSchema);
  total++;
  if (pass) ok++;
  const rules = [...new Set(rep.findings.map((f) => `${f.rule}:${f.bump}`))].join(' ');
  console.log(
    `${pass ? 'ok  ' : 'MISS'} ${id.padEnd(22)} api ${got.api.padEnd(5)} (accept ${acceptApi.padEnd(10)}) schema ${got.schema.padEnd(5)} (accept ${acceptSchema.padEnd(10)}) ${String(ms).padStart(5)} ms  ${rules}`,
  );
}
console.log(`${ok}/${total} ranges within the accepted bumps`);
