// Speed goal of `check`: two libs revisions a month apart in under 2 s, cold (a new process,
// nothing cached), on this 2-core machine. Runs the bundle (npm run build first) on several
// month-long windows of the libs history and prints each wall time, the median and the max.
// Usage: node bench/check-speed.mjs LIBS_GIT_DIR [WINDOWS=6]
import { spawnSync } from 'node:child_process';

const [repo, windowsArg] = process.argv.slice(2);
if (!repo) {
  console.error('usage: node bench/check-speed.mjs LIBS_GIT_DIR [WINDOWS]');
  process.exit(2);
}
const windows = Number(windowsArg ?? 6);
const git = (...args) => spawnSync('git', ['--git-dir', repo, ...args], { encoding: 'utf8' }).stdout.trim();
const headDate = Number(git('log', '-1', '--format=%ct', 'HEAD'));
const DAY = 86400;
const times = [];
for (let i = 0; i < windows; i++) {
  const end = git('rev-list', '-1', '--first-parent', `--before=${headDate - i * 60 * DAY}`, 'HEAD');
  const start = git('rev-list', '-1', '--first-parent', `--before=${headDate - i * 60 * DAY - 30 * DAY}`, 'HEAD');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['dist/cli.js', 'check', '--repo', repo, '--base', start, '--head', end, '--format', 'json'], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status === 2 || !r.stdout) {
    console.error(`check ${start.slice(0, 10)}..${end.slice(0, 10)} failed: ${r.stderr.trim()}`);
    process.exit(1);
  }
  const report = JSON.parse(r.stdout);
  times.push(ms);
  console.log(`${start.slice(0, 10)}..${end.slice(0, 10)}  ${Math.round(ms)} ms  api ${report.versions.api.required}/${report.versions.api.status}  schema ${report.versions.schema.required}/${report.versions.schema.status}  ${report.findings.length} findings`);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const max = times[times.length - 1];
console.log(`median ${Math.round(median)} ms, max ${Math.round(max)} ms (goal: under 2000 ms)`);
process.exitCode = max < 2000 ? 0 : 1;
