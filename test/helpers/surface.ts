import { gitBlobId, type Snapshot } from '../../src/source/git.js';
import { buildSurface } from '../../src/surface/build.js';
import type { Surface } from '../../src/surface/model.js';
import { readTree } from '../../src/source/scratch.js';
import { lineOf } from './lines.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

/** The demo driver tree (fixtures/demo/base): a small, libs-shaped driver to derive cases from. */
export function demoTree(): Record<string, string> {
  return readTree(path.join(FIXTURES, 'demo', 'base'));
}

/** An in-memory snapshot of a tree of files. */
export function memorySnapshot(files: Record<string, string>, label = 'memory'): Snapshot {
  const entries = new Map(Object.entries(files).map(([p, c]) => [p, { path: p, blob: gitBlobId(Buffer.from(c)) }]));
  const read = async (p: string) => (p in files ? Buffer.from(files[p]!) : null);
  return { label, commit: null, files: entries, read, size: async (p) => (await read(p))?.length ?? null };
}

export function surfaceOf(files: Record<string, string>, label = 'memory'): Promise<Surface> {
  return buildSurface(memorySnapshot(files, label));
}

/**
 * The demo tree with one file edited by literal replacements; throws if a `from` text is not
 * found, so a test never silently compares two identical trees.
 */
export function edit(
  tree: Record<string, string>,
  file: string,
  ...pairs: Array<[string, string]>
): Record<string, string> {
  let text = tree[file];
  if (text === undefined) throw new Error(`no ${file} in tree`);
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`edit: '${from}' not found in ${file}`);
    text = text.replace(from, to);
  }
  return { ...tree, [file]: text };
}

/**
 * The demo's change (fixtures/demo/head): a 'mode' param appended to PPME_SYSCALL_OPEN_X in
 * driver/event_table.c, which needs a SCHEMA minor bump.
 */
export function appendModeParam(tree: Record<string, string>): Record<string, string> {
  return edit(
    tree,
    'driver/event_table.c',
    [
      '                                 3,\n                                 {{"fd"',
      '                                 4,\n                                 {{"fd"',
    ],
    [
      '{"flags", PT_FLAGS32, PF_HEX, file_flags}}},',
      '{"flags", PT_FLAGS32, PF_HEX, file_flags},\n                                  {"mode", PT_UINT32, PF_OCT}}},',
    ],
  );
}

/**
 * The line of the 'mode' param the demo's change appends, in driver/event_table.c of `head`
 * (default: `appendModeParam(demoTree())`, which is fixtures/demo/head's change).
 */
export function modeParamLine(head: Record<string, string> = appendModeParam(demoTree())): number {
  return lineOf(head['driver/event_table.c']!, '{"mode"');
}
