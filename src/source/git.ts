import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import { MAX_FILE_BYTES, MEMO_ENTRIES, MAX_WORKTREE_DEPTH, MAX_WORKTREE_FILES } from '../limits.js';
import path from 'node:path';
import { InputError } from '../errors.js';

/** One file of a snapshot: its path in the repository and the git blob id of its content. */
/** git's mode of a symbolic link. */
export const SYMLINK_MODE = '120000';
/** git's mode of a submodule (a gitlink). */
export const SUBMODULE_MODE = '160000';

export interface FileEntry {
  path: string;
  blob: string;
  /** The git mode when it is not a regular file: a symbolic link or a submodule. */
  mode?: typeof SYMLINK_MODE | typeof SUBMODULE_MODE;
  /** Size in bytes, when the listing gave it. */
  size?: number;
}

/**
 * The files of one revision (or of the work tree) below the requested prefixes. `read` returns
 * null when a listed blob is absent (some mirrors drop blobs of 4 MiB and more).
 */
export interface Snapshot {
  label: string;
  commit: string | null;
  files: Map<string, FileEntry>;
  read(path: string): Promise<Buffer | null>;
  /** Size of a listed file without reading it (null when its blob is absent). */
  size(path: string): Promise<number | null>;
}

/** Runs git with an argument array (never a shell: revisions and paths may come from a PR). */
function git(cwd: string, args: string[], allowFail = false): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (r.error) throw new InputError(`cannot run git: ${r.error.message}`);
  const ok = r.status === 0;
  if (!ok && !allowFail) {
    throw new InputError(`git ${args[0]} failed in ${cwd}: ${firstLine(r.stderr)}`);
  }
  return { ok, out: r.stdout, err: r.stderr };
}

/** The first non-blank line of a process's output, trimmed: what an error message quotes. */
export function firstLine(s: string): string {
  return (
    s
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '(no message)'
  );
}

/**
 * Reads blobs through one long-lived `git cat-file --batch` process (docs/architecture.md,
 * Source): the 265 files under driver/ of a libs revision take about 0.04 s that way, against
 * about 0.85 s with one `git show` per file. Requests are pipelined and answered in order.
 */
class BlobReader {
  private proc;
  private pending: Array<{ resolve: (b: Buffer | null) => void; reject: (e: Error) => void }> = [];
  private buf: Buffer = Buffer.alloc(0);
  private closed = false;

  /** `--batch` answers contents; `--batch-check` only the header (`<id> blob <size>`), as the body. */
  constructor(
    gitDir: string,
    private readonly mode: '--batch' | '--batch-check' = '--batch',
  ) {
    this.proc = spawn('git', ['--git-dir', gitDir, 'cat-file', mode], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (chunk: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
      this.drain();
    });
    this.proc.on('error', (e) => this.failAll(e));
    this.proc.on('exit', () => {
      this.closed = true;
      this.failAll(new Error('git cat-file exited'));
    });
    this.proc.stdin.on('error', () => undefined);
  }

  private failAll(e: Error): void {
    for (const p of this.pending.splice(0)) p.reject(e);
  }

  private drain(): void {
    while (this.pending.length) {
      const nl = this.buf.indexOf(10);
      if (nl < 0) return;
      const header = this.buf.subarray(0, nl).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buf = this.buf.subarray(nl + 1);
        this.pending.shift()!.resolve(null);
        continue;
      }
      if (this.mode === '--batch-check') {
        this.buf = this.buf.subarray(nl + 1);
        this.pending.shift()!.resolve(Buffer.from(header));
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.buf.length < nl + 1 + size + 1) return;
      const body = Buffer.from(this.buf.subarray(nl + 1, nl + 1 + size));
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.pending.shift()!.resolve(body);
    }
  }

  read(blob: string): Promise<Buffer | null> {
    if (this.closed) return Promise.reject(new Error('git cat-file is not running'));
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.proc.stdin.write(`${blob}\n`);
    });
  }

  close(): void {
    if (!this.closed) this.proc.stdin.end();
  }
}

/** A git directory, normal or bare, opened for reading. */
export class GitRepo {
  private reader: BlobReader | null = null;
  private checker: BlobReader | null = null;
  private sizes = new Map<string, Promise<number | null>>();
  private constructor(
    readonly dir: string,
    readonly gitDir: string,
    readonly workTree: string | null,
  ) {}

  static open(dir: string): GitRepo {
    const abs = path.resolve(dir);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new InputError(`--repo ${dir}: no such directory`);
    const r = git(abs, ['rev-parse', '--absolute-git-dir', '--is-bare-repository'], true);
    if (!r.ok) {
      const why = /not a git repository/i.test(r.err) ? 'not a git repository' : firstLine(r.err);
      throw new InputError(`--repo ${dir}: ${why} (point --repo at a clone of falcosecurity/libs)`);
    }
    const [gitDir, bare] = r.out.trim().split('\n');
    const workTree = bare === 'true' ? null : git(abs, ['rev-parse', '--show-toplevel']).out.trim();
    return new GitRepo(abs, gitDir!, workTree);
  }

  private git(args: string[], allowFail = false) {
    return git(this.dir, args, allowFail);
  }

  isShallow(): boolean {
    return this.git(['rev-parse', '--is-shallow-repository']).out.trim() === 'true';
  }

  /** Full commit id of REV, or an InputError that says how to get it. */
  resolve(rev: string, role = 'revision'): string {
    if (rev.startsWith('-')) throw new InputError(`${role} '${rev}': a revision cannot start with '-'`);
    const r = this.git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], true);
    if (r.ok) return r.out.trim();
    const fetch = this.fetchCommand(rev);
    const hint = this.isShallow()
      ? `this is a shallow clone: run 'git fetch --unshallow' (or '${fetch}')`
      : `run '${fetch}' if it exists upstream`;
    throw new InputError(`unknown ${role} '${rev}' in ${this.dir}: ${hint}`);
  }

  /** How to fetch REV: `upstream/x` is branch x of the remote `upstream` when there is such a remote. */
  private fetchCommand(rev: string): string {
    const remotes = (this.git(['remote'], true).out ?? '').split('\n').filter(Boolean);
    const remote = remotes.filter((r) => rev.startsWith(`${r}/`)).sort((x, y) => y.length - x.length)[0];
    return remote ? `git fetch ${remote} ${rev.slice(remote.length + 1)}` : `git fetch origin ${rev}`;
  }

  /** Merge-base of two commits; in a shallow clone a missing base gets a fix-it message. */
  mergeBase(a: string, b: string): string {
    const r = this.git(['merge-base', a, b], true);
    if (r.ok) return r.out.trim();
    if (this.isShallow()) {
      throw new InputError(
        `no merge-base of ${a.slice(0, 12)} and ${b.slice(0, 12)}: the clone is shallow; run 'git fetch --deepen=200' or 'git fetch --unshallow' (actions/checkout: fetch-depth: 0)`,
      );
    }
    throw new InputError(`no merge-base of ${a.slice(0, 12)} and ${b.slice(0, 12)}: they share no history`);
  }

  /**
   * The upstream default branch: origin/HEAD if set, else the first of origin/master,
   * origin/main, upstream/master, upstream/main, master, main that exists.
   */
  defaultBranch(): string {
    for (const remote of ['origin', 'upstream']) {
      const r = this.git(['symbolic-ref', '--quiet', `refs/remotes/${remote}/HEAD`], true);
      if (r.ok) return r.out.trim().replace(/^refs\/remotes\//, '');
    }
    for (const cand of ['origin/master', 'origin/main', 'upstream/master', 'upstream/main', 'master', 'main']) {
      if (this.git(['rev-parse', '--verify', '--quiet', `${cand}^{commit}`], true).ok) return cand;
    }
    throw new InputError(
      `cannot find the default branch in ${this.dir}: pass --base REV, or run 'git fetch origin master'`,
    );
  }

  /** Lists the files below `prefixes` at `commit`, with their blob ids. */
  listFiles(commit: string, prefixes: string[]): Map<string, FileEntry> {
    const out = this.git(['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', ...prefixes]).out;
    const files = new Map<string, FileEntry>();
    for (const rec of out.split('\0')) {
      const m = /^(\d+) (blob|commit) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(rec);
      if (!m) continue;
      const mode = m[1] === SYMLINK_MODE || m[1] === SUBMODULE_MODE ? m[1] : undefined;
      files.set(m[5]!, {
        path: m[5]!,
        blob: m[3]!,
        ...(mode ? { mode } : {}),
        ...(m[4] !== '-' ? { size: Number(m[4]) } : {}),
      });
    }
    return files;
  }

  readBlob(blob: string): Promise<Buffer | null> {
    this.reader ??= new BlobReader(this.gitDir);
    return this.reader.read(blob);
  }

  /** A blob's size from `git cat-file --batch-check`, without reading it; null when absent. */
  blobSize(blob: string): Promise<number | null> {
    // A blob's size never changes: asked once (an audit asks again at every revision that re-reads a file).
    let size = this.sizes.get(blob);
    if (!size) {
      if (this.sizes.size >= MEMO_ENTRIES) this.sizes.clear();
      this.sizes.set(blob, (size = this.askSize(blob)));
    }
    return size;
  }

  private async askSize(blob: string): Promise<number | null> {
    this.checker ??= new BlobReader(this.gitDir, '--batch-check');
    const header = await this.checker.read(blob);
    const size = header ? Number(header.toString('utf8').split(' ')[2]) : NaN;
    return Number.isFinite(size) ? size : null;
  }

  snapshot(rev: string, prefixes: string[], role = 'revision'): Snapshot {
    const commit = this.resolve(rev, role);
    return this.snapshotOf(rev, commit, this.listFiles(commit, prefixes));
  }

  /** A snapshot of files already listed (an audit's running tree), read through this repository. */
  snapshotOf(label: string, commit: string, files: Map<string, FileEntry>): Snapshot {
    return {
      label,
      commit,
      files,
      read: async (p) => {
        const f = files.get(p);
        return f ? this.readBlob(f.blob) : null;
      },
      size: async (p) => {
        const f = files.get(p);
        return f ? (f.size ?? this.blobSize(f.blob)) : null;
      },
    };
  }

  /**
   * The work tree (uncommitted changes included), hashed like git so the blob cache still works.
   * Symbolic links are listed as links, never followed (in or out of the tree); files are read
   * only when the surface asks for them, and only below the size limit.
   */
  async worktreeSnapshot(prefixes: string[]): Promise<Snapshot> {
    if (!this.workTree) throw new InputError(`--worktree: ${this.dir} is a bare repository and has no work tree`);
    const root = this.workTree;
    const files = new Map<string, FileEntry>();
    const contents = new Map<string, Buffer | null>();
    const walk = async (rel: string, depth: number): Promise<void> => {
      if (depth > MAX_WORKTREE_DEPTH || files.size >= MAX_WORKTREE_FILES) {
        throw new InputError(
          `--worktree: ${rel} is more than ${MAX_WORKTREE_DEPTH} directories deep or the tree has more than ${MAX_WORKTREE_FILES} files`,
        );
      }
      const abs = path.join(root, rel);
      const st = await lstat(abs).catch(() => null);
      if (!st) return;
      if (st.isSymbolicLink())
        files.set(rel, { path: rel, blob: gitBlobId(Buffer.from(await readlink(abs))), mode: SYMLINK_MODE });
      else if (st.isDirectory()) {
        for (const name of (await readdir(abs)).sort()) await walk(rel ? `${rel}/${name}` : name, depth + 1);
      } else if (st.isFile()) {
        // Oversized files are listed but not read: the surface reports them by size.
        const data = st.size <= MAX_FILE_BYTES ? await readFile(abs) : null;
        contents.set(rel, data);
        files.set(rel, { path: rel, blob: data ? gitBlobId(data) : `size:${st.size}:${rel}`, size: st.size });
      }
    };
    for (const p of prefixes) await walk(p.replace(/\/$/, ''), 0);
    return {
      label: 'worktree',
      commit: null,
      files,
      read: async (p) => contents.get(p) ?? null,
      size: async (p) => files.get(p)?.size ?? null,
    };
  }

  /**
   * Runs a read-only git command in this repository and returns its output; with
   * `allowFail`, a failure returns null instead of an InputError naming the command.
   */
  run(args: string[], allowFail?: false): string;
  run(args: string[], allowFail: true): string | null;
  run(args: string[], allowFail = false): string | null {
    const r = git(this.dir, ['-c', 'log.showSignature=false', ...args], allowFail);
    return r.ok ? r.out : null;
  }

  close(): void {
    this.reader?.close();
    this.checker?.close();
    this.reader = this.checker = null;
  }
}

export function gitBlobId(data: Buffer): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}
