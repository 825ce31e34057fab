/**
 * What a function writes into the event header (`struct ppm_evt_hdr`: ts, tid, len, type,
 * nparams), read from its tokens. The header is part of every event, whoever writes it:
 * transport code that writes it differently (a field no longer set, another value) changes what
 * the driver sends, while transport code rebuilt around the same writes does not (libs d64d9ef59
 * built the header in a local and copied it). Compared by rules/schema/code-changes.ts.
 */
import { MAX_HEADER_LOCALS } from '../../../limits.js';
import { ASSIGNMENTS } from './vocabulary.js';
import { DIRECTIVE, IDENT, PUNCT, type Tokens } from './lexer.js';

/** The event header's struct tag. */
const HEADER_STRUCT = 'ppm_evt_hdr';

/** The value of the assignment whose operator is at `op`: its tokens up to `;` outside brackets (or the end). */
function valueAfter(T: Tokens, op: number, end: number): number[] {
  const out: number[] = [];
  for (let k = op + 1, depth = 0; k < end; k++) {
    if (T.kind[k] === DIRECTIVE) continue;
    if (T.kind[k] === PUNCT) {
      const s = T.text[k];
      if (s === '(' || s === '[' || s === '{') depth++;
      else if (s === ')' || s === ']' || s === '}') {
        if (depth-- === 0) break;
      } else if ((s === ';' || s === ',') && depth === 0) break;
    }
    out.push(k);
  }
  return out;
}

/** A zero initialiser (`{0}`, `{}`): it writes no field a later write does not. */
function isZeroInit(T: Tokens, value: number[]): boolean {
  const s = value.map((k) => T.text[k]).join(' ');
  return s === '{ 0 }' || s === '{ }';
}

/**
 * Every write into a header the function declares or receives (`hdr->nparams = nparams;`,
 * `h.ts = ...;`, `struct ppm_evt_hdr h = {...};`), and every write to the locals those values
 * read, transitively: `field op value` texts, sorted and unique. Empty when it writes no header;
 * null when the values come from more than MAX_HEADER_LOCALS locals (the caller then takes the
 * whole function for its header writes).
 */
export function headerWrites(T: Tokens, start: number, end: number): string[] | null {
  const headers = new Set<string>();
  for (let k = start + 1; k <= end; k++) {
    if (T.text[k] !== HEADER_STRUCT || T.text[k - 1] !== 'struct') continue;
    let j = k + 1;
    while (j <= end && T.text[j] === '*') j++;
    // A declarator, not a cast `(struct ppm_evt_hdr *)` or `sizeof(struct ppm_evt_hdr)`.
    if (j <= end && T.kind[j] === IDENT && T.text[j + 1] !== ')' && T.text[j + 1] !== '(') headers.add(T.text[j]!);
  }
  if (!headers.size) return [];
  const writes = new Set<string>();
  const followed = new Set<string>();
  const queue: string[] = [];
  let bounded = false;
  const follow = (value: number[]) => {
    for (let i = 0; i < value.length; i++) {
      const k = value[i]!;
      const prev = T.text[k - 1];
      if (T.kind[k] !== IDENT || T.text[k + 1] === '(' || prev === '->' || prev === '.' || headers.has(T.text[k]!))
        continue;
      const name = T.text[k]!;
      if (followed.has(name)) continue;
      if (followed.size >= MAX_HEADER_LOCALS) {
        bounded = true;
        continue;
      }
      followed.add(name);
      queue.push(name);
    }
  };
  const text = (list: number[]) => list.map((k) => T.text[k]).join(' ');
  // Writes to a header: `h->f op v`, `h.f op v`, and its initialiser.
  for (let k = start; k <= end; k++) {
    if (T.kind[k] !== IDENT || !headers.has(T.text[k]!) || T.text[k - 1] === '->' || T.text[k - 1] === '.') continue;
    const access = T.text[k + 1];
    if (
      (access === '->' || access === '.') &&
      T.kind[k + 2] === IDENT &&
      T.kind[k + 3] === PUNCT &&
      ASSIGNMENTS.has(T.text[k + 3]!)
    ) {
      const value = valueAfter(T, k + 3, end);
      writes.add(`${T.text[k + 2]} ${T.text[k + 3]} ${text(value)}`);
      follow(value);
    } else if (access === '=' && T.text[k - 1] !== '(') {
      const value = valueAfter(T, k + 1, end);
      if (!isZeroInit(T, value) && T.text[value[0]!] === '{') {
        writes.add(`= ${text(value)}`);
        follow(value);
      }
    }
  }
  // Writes to the locals those values read: `x = v`, `x op= v`, `x.f = v` (a struct local such as the filler arguments).
  while (queue.length) {
    const name = queue.shift()!;
    for (let k = start; k <= end; k++) {
      if (T.kind[k] !== IDENT || T.text[k] !== name || T.text[k - 1] === '->' || T.text[k - 1] === '.') continue;
      let op = k + 1;
      let target = name;
      while ((T.text[op] === '.' || T.text[op] === '->') && T.kind[op + 1] === IDENT) {
        target += `${T.text[op]}${T.text[op + 1]}`;
        op += 2;
      }
      if (T.kind[op] !== PUNCT || !ASSIGNMENTS.has(T.text[op]!)) continue;
      const value = valueAfter(T, op, end);
      writes.add(`${target} ${T.text[op]} ${text(value)}`);
      follow(value);
    }
  }
  return bounded ? null : [...writes].sort();
}
