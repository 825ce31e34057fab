import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as limits from '../../src/limits.js';

/** The README's limits table: name → value cell. */
function table(): Map<string, string> {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('#### Limits'), readme.indexOf('#### What a reviewer'));
  const rows = new Map<string, string>();
  for (const m of section.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)) rows.set(m[1]!, m[2]!.trim());
  return rows;
}

/** A value cell as a number: `2 MiB`, `10 s` or `2,500 ms` (of a `_MS` limit), `1,000,000`. */
function limitValue(name: string, cell: string): number {
  const m = /^([\d,]+)\s*(MiB|ms|s)?$/.exec(cell);
  if (!m) throw new Error(`${name}: cannot read ${cell}`);
  const n = Number(m[1]!.replace(/,/g, ''));
  if (m[2] === 'MiB') return n * 1024 * 1024;
  if (m[2] === 's') return name.endsWith('_MS') ? n * 1000 : n;
  if (m[2] === 'ms' && !name.endsWith('_MS')) throw new Error(`${name}: ${cell} is not a time`);
  return n;
}

describe("the README's limits table", () => {
  const rows = table();
  it('lists every limit of src/limits.ts with its value', () => {
    for (const [name, value] of Object.entries(limits)) {
      expect(rows.has(name), `${name} is missing from the README`).toBe(true);
      expect(limitValue(name, rows.get(name)!), name).toBe(value);
    }
  });
  it('lists nothing that is not a limit', () => {
    for (const name of rows.keys()) expect(Object.keys(limits)).toContain(name);
  });
});
