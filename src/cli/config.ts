import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { ModernProbeLevel, RuleOverrides } from '../pipeline.js';

export interface Config {
  /** Rule id → a different bump ('none', 'patch', 'minor', 'major') or 'off'. */
  rules?: RuleOverrides;
  /** 'abi' (default) or 'bundled': see ModernProbeLevel. */
  modernProbe?: ModernProbeLevel;
  /** Struct names whose layout is API, added to the default list. */
  sharedStructs?: string[];
}

const LEVELS = ['none', 'patch', 'minor', 'major', 'off'];

/** Reads a JSON configuration file; any problem is an InputError naming the file. */
export function loadConfig(file: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`--config ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(`--config ${file}: expected a JSON object`);
  const { rules, modernProbe, sharedStructs, ...rest } = raw as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length) throw new InputError(`--config ${file}: unknown key '${unknown[0]}' (known: rules, modernProbe, sharedStructs)`);
  const config: Config = {};
  if (rules !== undefined) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new InputError(`--config ${file}: "rules" must be an object of rule id → level`);
    for (const [id, level] of Object.entries(rules)) {
      if (typeof level !== 'string' || !LEVELS.includes(level)) {
        throw new InputError(`--config ${file}: rule '${id}' has level ${JSON.stringify(level)}; use one of ${LEVELS.join(', ')}`);
      }
    }
    config.rules = rules as RuleOverrides;
  }
  if (modernProbe !== undefined) {
    if (modernProbe !== 'abi' && modernProbe !== 'bundled') throw new InputError(`--config ${file}: "modernProbe" must be "abi" or "bundled", not ${JSON.stringify(modernProbe)}`);
    config.modernProbe = modernProbe;
  }
  if (sharedStructs !== undefined) {
    if (!Array.isArray(sharedStructs) || !sharedStructs.every((n) => typeof n === 'string' && /^\w+$/.test(n))) {
      throw new InputError(`--config ${file}: "sharedStructs" must be a list of struct names`);
    }
    config.sharedStructs = sharedStructs as string[];
  }
  return config;
}
