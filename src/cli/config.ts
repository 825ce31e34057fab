import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { RuleOverrides } from '../pipeline.js';

export interface Config {
  /** Rule id → a different bump ('none', 'patch', 'minor', 'major') or 'off'. */
  rules?: RuleOverrides;
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
  const rules = (raw as { rules?: unknown }).rules;
  if (rules === undefined) return {};
  if (typeof rules !== 'object' || rules === null) throw new InputError(`--config ${file}: "rules" must be an object of rule id → level`);
  for (const [id, level] of Object.entries(rules)) {
    if (typeof level !== 'string' || !LEVELS.includes(level)) {
      throw new InputError(`--config ${file}: rule '${id}' has level ${JSON.stringify(level)}; use one of ${LEVELS.join(', ')}`);
    }
  }
  return { rules: rules as RuleOverrides };
}
