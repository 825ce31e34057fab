import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  blobFacts,
  codeKernel,
  factsKey,
  kernelRanges,
  readDeclarations,
  tooLarge,
  type FactsCache,
} from '../surface/build.js';
import type { Snapshot } from '../source/git.js';
import { MAX_FILE_BYTES, PREFETCH_GROUPS_AHEAD } from '../limits.js';
import { fileKinds, type ReadKind } from '../surface/files.js';
import type { FileFacts } from '../surface/facts.js';

/**
 * Parsing is most of an audit's work, and the walk knows from the log every blob it will need:
 * worker threads extract them ahead while the main thread resolves surfaces and runs rules.
 *
 * A worker computes a blob's facts with buildSurface's own blobFacts(), so the two can never
 * disagree. The
 * worker runs the library bundle (dist/lib.js, beside the CLI bundle); from TypeScript sources
 * there is no bundle and the facts are computed on the main thread.
 */

type Facts = FileFacts | string;

const WORKER_KIND = 'driver-semver-facts';

/** Parsing workers at most (beyond three, reading blobs from git is the bottleneck). */
const MAX_WORKERS = 3;

/** The facts buildSurface caches for this blob at this path, read as `kind` (null: not a way it reads the file). */
export async function factsFor(
  path: string,
  data: Buffer | null,
  kind: ReadKind,
  minKernel = 0n,
): Promise<Facts | null> {
  return fileKinds(path).includes(kind) ? blobFacts(path, data, kind, minKernel) : null;
}

interface Request {
  id: number;
  path: string;
  blob: string;
  data: Uint8Array | null;
  kind: ReadKind;
  /** The kernel range code is read for (a decimal LINUX_VERSION_CODE). */
  minKernel: string;
}
type Reply = { id: number; facts: Facts | null } | { id: number; error: string };

// In a worker started by FactsPool: answer requests one at a time (bounded memory).
if (!isMainThread && (workerData as { kind?: string } | null)?.kind === WORKER_KIND && parentPort) {
  const port = parentPort;
  let chain = Promise.resolve();
  port.on('message', (m: Request) => {
    chain = chain.then(async () => {
      let reply: Reply;
      try {
        reply = {
          id: m.id,
          facts: await factsFor(
            m.path,
            m.data ? Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength) : null,
            m.kind,
            BigInt(m.minKernel),
          ),
        };
      } catch (e) {
        reply = { id: m.id, error: (e as Error).message };
      }
      port.postMessage(reply);
    });
  });
}

/** The library bundle beside this module, when running from dist/. */
export function bundledWorkerScript(): string | null {
  try {
    const file = fileURLToPath(new URL('./lib.js', import.meta.url));
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

interface Task {
  path: string;
  blob: string;
  kind: ReadKind;
  minKernel: bigint;
  /** The group of the walk that first reads it. */
  at: number;
  resolve: (f: Facts) => void;
  reject: (e: Error) => void;
}

/**
 * Extracts facts ahead of the walk. `prefetch` registers a blob in the shared FactsCache at
 * once (so buildSurface awaits it instead of parsing it again) and queues it for a worker.
 */
export class FactsPool {
  private workers: Array<{ w: Worker; busy: number }> = [];
  private queue: Task[] = [];
  private pending = new Map<number, Task>();
  private nextId = 0;
  private failed: Error | null = null;
  private started = 0;
  private closing = false;
  /** The group the walk has reached (-1: its start). */
  private position = -1;
  /** Blobs whose facts a worker delivered. */
  extracted = 0;

  private constructor(
    private readonly cache: FactsCache,
    private readonly read: (blob: string) => Promise<Buffer | null>,
    private readonly sizeOf: (blob: string) => Promise<number | null>,
  ) {}

  /** A pool of `count` workers running `script`, or null when there is no bundle to run. */
  static start(
    cache: FactsCache,
    read: (blob: string) => Promise<Buffer | null>,
    size: (blob: string) => Promise<number | null>,
    opts: { script?: string | null; count?: number } = {},
  ): FactsPool | null {
    const script = opts.script === undefined ? bundledWorkerScript() : opts.script;
    // By default the main thread resolves and compares while the workers parse.
    const count = opts.count ?? Math.max(1, Math.min(MAX_WORKERS, os.availableParallelism() - 1));
    if (!script || count < 1) return null;
    const pool = new FactsPool(cache, read, size);
    for (let i = 0; i < count; i++) {
      const w = new Worker(script, { workerData: { kind: WORKER_KIND } });
      const slot = { w, busy: 0 };
      w.on('message', (r: Reply) => pool.done(slot, r));
      w.on('error', (e) => pool.fail(e));
      w.on('exit', (code) => pool.fail(new Error(`facts worker exited (code ${code})`)));
      pool.workers.push(slot);
    }
    pool.started = count;
    return pool;
  }

  /**
   * A pool that parses the blobs of a few snapshots (the check's base and head) on the spare
   * cores (none on a two-core machine, unless a worker script is given):
   * the declarations first, then the code for the kernel range each snapshot's declarations
   * state. Resolves once everything is queued; buildSurface then finds each blob in the cache.
   */
  static async forSnapshots(
    cache: FactsCache,
    snaps: Snapshot[],
    opts: { script?: string | null } = {},
  ): Promise<FactsPool | null> {
    const where = new Map<string, { snap: Snapshot; path: string }>();
    for (const snap of snaps)
      for (const [path, e] of snap.files) if (!e.mode && fileKinds(path).length) where.set(e.blob, { snap, path });
    const read = async (blob: string) => {
      const w = where.get(blob);
      return w ? w.snap.read(w.path) : null;
    };
    const size = async (blob: string) => {
      const w = where.get(blob);
      return w ? w.snap.size(w.path) : null;
    };
    // Each worker compiles the parser again: on two cores that costs more than it saves.
    const cores = os.availableParallelism();
    if (cores < 3 && opts.script === undefined) return null;
    const pool = FactsPool.start(cache, read, size, { ...opts, count: Math.min(MAX_WORKERS, Math.max(2, cores - 1)) });
    if (!pool) return null;
    const readable = (snap: Snapshot) => [...snap.files.values()].filter((e) => !e.mode);
    for (const snap of snaps)
      for (const e of readable(snap))
        for (const kind of fileKinds(e.path)) if (kind !== 'code') pool.prefetch(e.path, e.blob, kind);
    for (const snap of snaps) {
      const kernels = kernelRanges((await readDeclarations(snap, cache, [])).values());
      for (const e of readable(snap))
        if (fileKinds(e.path).includes('code')) pool.prefetch(e.path, e.blob, 'code', codeKernel(e.path, kernels));
    }
    return pool;
  }

  /** Worker threads started. */
  get size(): number {
    return this.started;
  }

  /** Queues a blob the walk first reads (as `kind`) at group `at` (in walk order). */
  prefetch(path: string, blob: string, kind: ReadKind, minKernel = 0n, at = -1): void {
    if (!fileKinds(path).includes(kind)) return;
    const p = this.cache.get(factsKey(path, kind, blob, minKernel), () => {
      const fromWorker = new Promise<Facts>((resolve, reject) => {
        if (this.failed) return reject(this.failed);
        this.queue.push({ path, blob, kind, minKernel, at, resolve, reject });
        this.pump();
      });
      // A worker that dies or fails on a blob costs time, never the audit: extract it here instead.
      return fromWorker.catch(async () => {
        const facts = await factsFor(path, await this.read(blob), kind, minKernel);
        if (facts === null) throw new Error(`${path} is not a file the surface reads`);
        return facts;
      });
    });
    // Nobody may ever await a blob buildSurface turns out not to read: no unhandled rejection.
    p.catch(() => undefined);
  }

  /** The walk reached group `index`: blobs up to PREFETCH_GROUPS_AHEAD groups further may be parsed. */
  reached(index: number): void {
    this.position = index;
    this.pump();
  }

  private pump(): void {
    if (this.failed) {
      for (const t of this.queue.splice(0)) t.reject(this.failed);
      return;
    }
    for (const slot of this.workers) {
      // Two in flight per worker: one parsing, one read and waiting.
      // Never further ahead than the walk will soon need: what is parsed stays in memory.
      while (slot.busy < 2 && this.queue.length && this.queue[0]!.at <= this.position + PREFETCH_GROUPS_AHEAD) {
        const task = this.queue.shift()!;
        const id = this.nextId++;
        this.pending.set(id, task);
        slot.busy++;
        // The size first: an oversized blob is refused without being read.
        this.sizeOf(task.blob)
          .then(async (size) => {
            if (size !== null && size > MAX_FILE_BYTES) return this.done(slot, { id, facts: tooLarge(size) });
            const data = await this.read(task.blob);
            {
              const bytes = data ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
              // Copy into a buffer of its own before transferring: `data` may be a view into a shared pool.
              const own = bytes ? new Uint8Array(bytes) : null;
              slot.w.postMessage(
                {
                  id,
                  path: task.path,
                  blob: task.blob,
                  data: own,
                  kind: task.kind,
                  minKernel: String(task.minKernel),
                } satisfies Request,
                own ? [own.buffer] : [],
              );
            }
          })
          .catch((e: Error) => this.done(slot, { id, error: e.message }));
      }
    }
  }

  private done(slot: { busy: number }, r: Reply): void {
    const task = this.pending.get(r.id);
    if (!task) return;
    this.pending.delete(r.id);
    slot.busy--;
    if ('error' in r) task.reject(new Error(`extracting ${task.path} (${task.blob.slice(0, 12)}): ${r.error}`));
    else if (r.facts === null) task.reject(new Error(`extracting ${task.path}: not a file the surface reads`));
    else {
      this.extracted++;
      task.resolve(r.facts);
    }
    this.pump();
  }

  private fail(e: Error): void {
    if (this.closing) return;
    this.failed ??= e;
    for (const t of [...this.pending.values(), ...this.queue.splice(0)]) t.reject(e);
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((s) => s.w.terminate()));
    this.workers = [];
  }
}
