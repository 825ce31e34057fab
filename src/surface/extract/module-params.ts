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
 * `module_param_cb(name, ops, arg, perm)`, `module_param_string(name, str, len, perm)`.
 */
export function moduleParams(s: Scan): ModuleParamFact[] {
  const out: ModuleParamFact[] = [];
  for (const m of s.text.matchAll(/\bmodule_param(_named|_cb|_string)?\s*\(([^;]*)\)\s*;/g)) {
    const args = splitArgs(m[2]!);
    const kind = m[1] ?? '';
    const type = kind === '_named' ? args[2] : kind === '_cb' ? `cb:${args[1]}` : kind === '_string' ? 'string' : args[1];
    out.push({ name: args[0]!, type: type ?? '?', perm: args[args.length - 1]!, line: s.line(m.index!) });
  }
  return out;
}
