// Times `audit` over a libs history through the bundle (run `npm run build` first) and reports
// wall time and peak RSS. The target: the whole history since the version files were introduced
// (3745949ee..HEAD, about 6274 first-parent commits) in under 45 s and 1 GiB on two cores (a quiet machine: the goal is wall time).
// Usage: node bench/audit-speed.mjs LIBS_GIT_DIR [FROM [TO]] [--group committer-date|commit] [--workers N] [--lib dist/lib.js]
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const libPath = opt('--lib', 'dist/lib.js');
const group = opt('--group', 'committer-date');
const workers = opt('--workers', undefined);
const [repo, from = '3745949ee', to = 'HEAD'] = args;
if (!repo) {
  console.error(
    'usage: node bench/audit-speed.mjs LIBS_GIT_DIR [FROM [TO]] [--group committer-date|commit] [--workers N] [--lib dist/lib.js]',
  );
  process.exit(2);
}
const lib = await import(pathToFileURL(path.resolve(libPath)).href);
const t0 = performance.now();
let firstSurfaceAt = null;
const report = await lib.runAudit({
  repo,
  from,
  to,
  group,
  ...(workers !== undefined ? { workers: Number(workers) } : {}),
  onProgress: (done) => {
    if (done === 1) firstSurfaceAt = performance.now() - t0;
  },
});
const wall = (performance.now() - t0) / 1000;
const s = report.summary;
const usage = process.resourceUsage();
const rssMiB = usage.maxRSS / 1024;
// CPU time of this process (git's cat-file and log run beside it): steadier than wall time on a busy machine.
const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
console.log(
  `audit ${from}..${to} (${group}): ${s.commits} commits, ${s.groups} groups, ${s.surfaceGroups} rebuilt, ${s.blobsParsed} blobs parsed (${s.parsedInWorkers} by ${s.workers} worker thread(s))`,
);
console.log(`groups by status: ${JSON.stringify(s.byStatus)}`);
console.log(
  `wall ${wall.toFixed(1)} s (setup ${(firstSurfaceAt / 1000).toFixed(1)} s), CPU ${cpu.toFixed(1)} s, peak RSS ${rssMiB.toFixed(0)} MiB, heap used at end ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB`,
);
const WALL_GOAL_S = 45;
console.log(
  wall < WALL_GOAL_S && rssMiB < 1024
    ? `within budget (${WALL_GOAL_S} s, 1 GiB)`
    : `OVER BUDGET (${WALL_GOAL_S} s, 1 GiB)`,
);
