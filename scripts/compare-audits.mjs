// Compares two `audit --format json` reports of the same libs range (the last run and a run
// with a rule or model change): status counts, the groups whose status or required bumps
// changed, and the findings added or removed per rule. A change that adds findings or
// warnings to ordinary PRs is a regression: read every group listed under "changed".
// Usage: node scripts/compare-audits.mjs BEFORE.json AFTER.json [--findings]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const showFindings = args.includes('--findings');
const [beforeFile, afterFile] = args.filter((a) => !a.startsWith('--'));
if (!beforeFile || !afterFile) {
  console.error('usage: node scripts/compare-audits.mjs BEFORE.json AFTER.json [--findings]');
  process.exit(2);
}
const before = JSON.parse(readFileSync(beforeFile, 'utf8'));
const after = JSON.parse(readFileSync(afterFile, 'utf8'));

const key = (f) => `${f.rule}\u0000${f.governs}\u0000${f.bump}\u0000${f.kind}\u0000${f.message}`;
const byHead = (report) => new Map(report.groups.map((g) => [g.head, g]));
const b = byHead(before);
const a = byHead(after);

const counts = (report) => {
  const out = {};
  for (const g of report.groups) out[g.status] = (out[g.status] ?? 0) + 1;
  return out;
};
const cb = counts(before);
const ca = counts(after);
console.log('status        before  after');
for (const s of [...new Set([...Object.keys(cb), ...Object.keys(ca)])].sort()) {
  console.log(
    `${s.padEnd(13)} ${String(cb[s] ?? 0).padStart(6)} ${String(ca[s] ?? 0).padStart(6)}${(cb[s] ?? 0) !== (ca[s] ?? 0) ? '  *' : ''}`,
  );
}

const added = new Map();
const removed = new Map();
const bump = (m, rule) => m.set(rule, (m.get(rule) ?? 0) + 1);
const changed = [];
for (const [head, ga] of a) {
  const gb = b.get(head);
  if (!gb) {
    changed.push(`#${ga.index} only in AFTER`);
    continue;
  }
  const fb = new Set(gb.findings.map(key));
  const fa = new Set(ga.findings.map(key));
  const plus = ga.findings.filter((f) => !fb.has(key(f)));
  const minus = gb.findings.filter((f) => !fa.has(key(f)));
  for (const f of plus) bump(added, f.rule);
  for (const f of minus) bump(removed, f.rule);
  const req = (g) =>
    `api ${g.versions.api.required}/${g.versions.api.status} schema ${g.versions.schema.required}/${g.versions.schema.status}`;
  const warn = (g) => g.warnings.length;
  if (gb.status !== ga.status || req(gb) !== req(ga) || warn(gb) !== warn(ga)) {
    const subject = ga.commits[ga.commits.length - 1]?.subject ?? '';
    changed.push(
      `#${ga.index} ${ga.head.slice(0, 9)} ${gb.status} -> ${ga.status}  [${req(gb)}] -> [${req(ga)}]  warnings ${warn(gb)} -> ${warn(ga)}  ${subject.slice(0, 60)}`,
    );
    if (showFindings) {
      for (const f of plus) changed.push(`    + ${f.rule} (${f.bump}) ${f.message}`);
      for (const f of minus) changed.push(`    - ${f.rule} (${f.bump}) ${f.message}`);
      for (const w of ga.warnings) changed.push(`    ! ${w.message}`);
    }
  }
}
for (const head of b.keys()) if (!a.has(head)) changed.push(`#${b.get(head).index} only in BEFORE`);

console.log(`\nfindings added by rule:   ${[...added].map(([r, n]) => `${r} +${n}`).join(', ') || 'none'}`);
console.log(`findings removed by rule: ${[...removed].map(([r, n]) => `${r} -${n}`).join(', ') || 'none'}`);
console.log(`\ngroups whose status, required bumps or warnings changed: ${changed.length}`);
for (const line of changed) console.log(line);
