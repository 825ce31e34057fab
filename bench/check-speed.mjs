// Speed goals of `check`, cold (a new process, nothing cached), on this 2-core machine:
// one libs pull request in at most 1.0 s, two libs revisions a month apart in under 1.5 s.
// Runs the bundle (npm run build first) on several recent pull requests (first-parent commits
// that change driver/) or month-long windows of the libs history, and prints each wall time,
// the median and the max.
// Usage: node bench/check-speed.mjs LIBS_GIT_DIR [COUNT=6] [--pr]
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const prs = args.includes('--pr');
const [repo, countArg] = args.filter((a) => !a.startsWith('--'));
if (!repo) {
  console.error('usage: node bench/check-speed.mjs LIBS_GIT_DIR [COUNT] [--pr]');
  process.exit(2);
}
const count = Number(countArg ?? 6);
const goal = prs ? 1000 : 1500;
const git = (...a) => spawnSync('git', ['--git-dir', repo, ...a], { encoding: 'utf8' }).stdout.trim();

/** [base, head] pairs: recent pull requests, or month-long windows two months apart. */
function ranges() {
  if (prs) {
    return git('rev-list', '--first-parent', `--max-count=${count}`, 'HEAD', '--', 'driver/')
      .split('\n')
      .map((c) => [`${c}^`, c]);
  }
  const headDate = Number(git('log', '-1', '--format=%ct', 'HEAD'));
  const DAY = 86400;
  return Array.from({ length: count }, (_, i) => [
    git('rev-list', '-1', '--first-parent', `--before=${headDate - i * 60 * DAY - 30 * DAY}`, 'HEAD'),
    git('rev-list', '-1', '--first-parent', `--before=${headDate - i * 60 * DAY}`, 'HEAD'),
  ]);
}

const times = [];
for (const [base, head] of ranges()) {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['dist/cli.js', 'check', '--repo', repo, '--base', base, '--head', head, '--format', 'json'],
    { encoding: 'utf8' },
  );
  const ms = performance.now() - t0;
  if (r.status === 2 || r.status === 3 || !r.stdout) {
    console.error(`check ${base.slice(0, 10)}..${head.slice(0, 10)} failed: ${r.stderr.trim()}`);
    process.exit(1);
  }
  const report = JSON.parse(r.stdout);
  times.push(ms);
  console.log(
    `${base.slice(0, 11)}..${head.slice(0, 10)}  ${Math.round(ms)} ms  api ${report.versions.api.required}/${report.versions.api.status}  schema ${report.versions.schema.required}/${report.versions.schema.status}  ${report.findings.length} findings`,
  );
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const max = times[times.length - 1];
console.log(
  `median ${Math.round(median)} ms, max ${Math.round(max)} ms (goal: ${prs ? 'a pull request' : 'a month'} in under ${goal} ms)`,
);
process.exitCode = max < goal ? 0 : 1;
