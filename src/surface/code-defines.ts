/**
 * The `#define`s of the code files, folded into the functions that expand them, per revision: a
 * macro a function uses is part of its code (the preprocessor pastes its body in), so a changed
 * `#define OPEN_FLAGS_ARG` or `MAX_PATH` is a change of every function that uses it, reported
 * under the function's name and role.
 *
 * A function uses the names it calls, mentions or tests (CodeFunction.calls, globals,
 * macroNames), and in turn the names the bodies of those macros use. A name resolves the way
 * calls do (code-roles.ts): to the file's own definitions, else to those of the files of the
 * same driver, else to the shared files' (every definition of that tier: which header a program
 * includes is not modelled). Definitions after the use and in headers the file does not include
 * count too: a change to them is reported, never missed.
 */
import type { CodeFile, CodeFunction, CodeMacro } from './model.js';
import { codeDigest } from './extract/code-bodies.js';

/** The names of a space-separated list. */
const listed = (names: string | undefined): string[] => (names ? names.split(' ') : []);

interface Site {
  path: string;
  probe: CodeFile['probe'];
  name: string;
  macro: CodeMacro;
}

/** The definitions of each macro name across the code files. */
export type DefineIndex = Map<string, Site[]>;

export function defineIndex(code: Record<string, CodeFile>): DefineIndex {
  const out: DefineIndex = new Map();
  for (const path of Object.keys(code).sort()) {
    const file = code[path]!;
    for (const [name, macro] of Object.entries(file.macros ?? {})) {
      const list = out.get(name);
      const site = { path, probe: file.probe, name, macro };
      if (list) list.push(site);
      else out.set(name, [site]);
    }
  }
  return out;
}

/** The definitions a use of `name` in a file of `probe` at `path` expands: the file's, else its driver's, else the shared ones. */
function resolve(index: DefineIndex, path: string, probe: CodeFile['probe'], name: string): Site[] {
  const all = index.get(name);
  if (!all) return [];
  const own = all.filter((s) => s.path === path);
  if (own.length) return own;
  const driver = all.filter((s) => s.probe === probe);
  return driver.length ? driver : all.filter((s) => s.probe === 'shared');
}

/** Every macro definition a function expands, directly or through other macros, in a stable order. */
function expanded(index: DefineIndex, path: string, probe: CodeFile['probe'], fn: CodeFunction): Site[] {
  const seen = new Set<Site>();
  const queue = [...listed(fn.calls), ...listed(fn.globals), ...listed(fn.macroNames)];
  const names = new Set(queue);
  while (queue.length) {
    for (const site of resolve(index, path, probe, queue.pop()!)) {
      if (seen.has(site)) continue;
      seen.add(site);
      for (const m of listed(site.macro.mentions)) {
        if (names.has(m)) continue;
        names.add(m);
        queue.push(m);
      }
    }
  }
  return [...seen].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}

/**
 * The function with the macros it expands folded into its hashes (the same object when it
 * expands none): `hash`, `compatVariants` build by build, and the plumbing-free hashes.
 */
export function withDefines(
  index: DefineIndex,
  path: string,
  probe: CodeFile['probe'],
  fn: CodeFunction,
): CodeFunction {
  if (!index.size) return fn;
  const sites = expanded(index, path, probe, fn);
  if (!sites.length) return fn;
  // By name, not by file: moving a header is no change (as for functions, rules/schema/code-pairs.ts).
  const fold = (own: string, of: (m: CodeMacro) => string) =>
    codeDigest([own, ...sites.map((s) => `${s.name}\u0000${of(s.macro)}`)]);
  const out: CodeFunction = { ...fn, hash: fold(fn.hash, (m) => m.hash) };
  const variants = fn.compatVariants;
  if (variants || sites.some((s) => s.macro.compatVariants)) {
    const own = variants ?? { oldest: [fn.hash, fn.hash, fn.hash, fn.hash], newest: fn.hash };
    const oldest = (i: number) =>
      fold(own.oldest[i]!, (m) => (m.compatVariants ? m.compatVariants.oldest[i]! : m.hash));
    out.compatVariants = {
      oldest: [oldest(0), oldest(1), oldest(2), oldest(3)],
      newest: fold(own.newest, (m) => m.compatVariants?.newest ?? m.hash),
    };
  }
  if (fn.statsFreeHash) out.statsFreeHash = fold(fn.statsFreeHash, (m) => m.hash);
  if (fn.glueFreeHash) out.glueFreeHash = fold(fn.glueFreeHash, (m) => m.hash);
  return out;
}
