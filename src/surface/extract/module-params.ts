import { splitArgs, type Scan } from './text-scan.js';

export interface ModuleParamFact {
  name: string;
  type: string;
  perm: string;
  line: number;
}

/**
 * Kernel module parameters userspace reads or writes under /sys/module/<name>/parameters/:
 * `module_param(name, type, perm)`, `module_param_named(name, var, type, perm)`,
 * `module_param_cb(name, ops, arg, perm)`, `module_param_call(name, set, get, arg, perm)`,
 * `module_param_string(name, str, len, perm)`. Parameters with their own get/set functions
 * have the type `callback`: which kernel API defines them is not visible to userspace.
 */
export function moduleParams(s: Scan): ModuleParamFact[] {
  const out: ModuleParamFact[] = [];
  for (const m of s.text.matchAll(/\bmodule_param(_named|_cb|_call|_string)?\s*\(([^;]{0,1024})\)\s*;/g)) {
    const args = splitArgs(m[2]!);
    const kind = m[1] ?? '';
    const type = kind === '_named' ? args[2] : kind === '_cb' || kind === '_call' ? 'callback' : kind === '_string' ? 'string' : args[1];
    // The same parameter defined in two #if branches (module_param_cb or module_param_call) is one.
    if (out.some((p) => p.name === args[0])) continue;
    out.push({ name: args[0]!, type: type ?? '?', perm: args[args.length - 1]!, line: s.line(m.index!) });
  }
  return out;
}
