import { build } from 'esbuild';
import { copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/history/audit.js';
import { runCheck } from '../../src/pipeline.js';
import { FactsCache } from '../../src/surface/build.js';
import { bundledWorkerScript } from '../../src/history/facts-pool.js';
import type { AuditReport } from '../../src/history/types.js';
import { tempDir, tempRepo } from '../helpers/repo.js';
import { API, changes, SCHEMA, ScratchHistory } from './helpers.js';

/** The library bundle, as scripts/build.mjs makes dist/lib.js (the script the workers run). */
async function bundle(): Promise<string> {
  const out = tempDir();
  await build({
    entryPoints: { lib: 'src/lib.ts' },
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  const require = createRequire(import.meta.url);
  for (const [pkg, file] of [
    ['web-tree-sitter', 'web-tree-sitter.wasm'],
    ['tree-sitter-c', 'tree-sitter-c.wasm'],
  ] as const) {
    copyFileSync(path.join(path.dirname(require.resolve(`${pkg}/${file}`)), file), path.join(out, file));
  }
  return path.join(out, 'lib.js');
}

const withoutWorkers = (r: AuditReport) => ({
  ...r,
  summary: { ...r.summary, workers: 'n/a', parsedInWorkers: 'n/a' },
});

describe('parsing ahead in worker threads', () => {
  const h = new ScratchHistory(tempRepo());
  const start = h.start();
  h.pr(['new: mode param', [changes.appendParam, (t) => ({ ...t, [SCHEMA]: '2.5.0\n' })]]);
  h.pr(['new: O_TMPFILE', [changes.addFlag]]);
  h.pr(['breaking: ring buffer', [changes.shrinkRingBuffer, (t) => ({ ...t, [API]: '4.0.0\n' })]]);
  h.pr(['new: module param', [changes.addModuleParam]]);
  // The flags table goes back to a blob an earlier revision read: whatever the audit forgot
  // after that blob left the tree must be read again, not found missing.
  const released = h.tree['driver/flags_table.c']!;
  h.pr(['revert: O_TMPFILE', [(t) => ({ ...t, 'driver/flags_table.c': released })]]);
  let script: string;
  let inThread: AuditReport;

  beforeAll(async () => {
    script = await bundle();
    inThread = await runAudit({ repo: h.dir, from: start, workers: 0 });
  }, 120_000);

  it('from the TypeScript sources there is no bundle: the main thread parses', async () => {
    expect(bundledWorkerScript()).toBeNull();
    expect((await runAudit({ repo: h.dir, from: start })).summary.workers).toBe(0);
    expect(inThread.summary.workers).toBe(0);
    expect(inThread.summary.byStatus).toEqual({ ok: 2, missing: 2, invalid: 1 });
  });

  it('workers running the bundle give exactly the in-thread report', async () => {
    const r = await runAudit({ repo: h.dir, from: start, workerScript: script, workers: 2 });
    expect(r.summary.workers).toBe(2);
    expect(r.summary.parsedInWorkers).toBe(r.summary.blobsParsed);
    expect(r.summary.blobsParsed).toBeGreaterThan(6);
    expect(withoutWorkers(r)).toEqual(withoutWorkers(inThread));
  });

  it('a worker that cannot start costs time, never the audit', async () => {
    const broken = path.join(tempDir(), 'broken.mjs');
    writeFileSync(broken, "throw new Error('boom');\n");
    const r = await runAudit({ repo: h.dir, from: start, workerScript: broken, workers: 1 });
    expect(r.summary.parsedInWorkers).toBe(0);
    expect(withoutWorkers(r)).toEqual(withoutWorkers(inThread));
  });
});

describe('the check parses both revisions on worker threads', () => {
  const h = new ScratchHistory(tempRepo());
  const base = h.start();
  const [head] = h.pr(['new: mode param', [changes.appendParam, changes.addFlag]]);
  let script: string;
  beforeAll(async () => {
    script = await bundle();
  }, 120_000);

  it('gives exactly the report of parsing on this thread', async () => {
    const opts = { repo: h.dir, base, head: head!, today: '2026-01-01' };
    const inThread = await runCheck({ ...opts, workers: 0 });
    expect([...new Set(inThread.findings.map((f) => f.rule))].sort()).toEqual([
      'event-param-appended',
      'flag-value-added',
    ]);
    expect(await runCheck({ ...opts, workerScript: script })).toEqual(inThread);
  });

  it('a worker that cannot start costs time, never the check', async () => {
    const broken = path.join(tempDir(), 'broken.mjs');
    writeFileSync(broken, "throw new Error('boom');\n");
    const opts = { repo: h.dir, base, head: head!, today: '2026-01-01' };
    expect(await runCheck({ ...opts, workerScript: broken })).toEqual(await runCheck({ ...opts, workers: 0 }));
  });
});

describe('the facts cache', () => {
  const facts = (path: string) => async () => ({ path }) as never;
  it('forgets every reading of a blob, and reads it again when asked', async () => {
    const cache = new FactsCache();
    let made = 0;
    const make = (p: string) => () => {
      made++;
      return facts(p)();
    };
    await cache.get('tree:b1', make('a.h'));
    await cache.get('code:197120:b1', make('a.c'));
    await cache.get('text:driver/main.c:b2', make('main.c'));
    await cache.get('tree:b1', make('a.h'));
    expect(made).toBe(3);
    cache.forget('b1');
    await cache.get('tree:b1', make('a.h'));
    await cache.get('code:197120:b1', make('a.c'));
    await cache.get('text:driver/main.c:b2', make('main.c'));
    expect(made).toBe(5);
    expect(cache.extracted).toBe(5);
  });
});
