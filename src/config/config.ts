import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError, readInputFile } from '../errors.js';
import type { ModernProbeLevel, RuleOverrides } from '../pipeline.js';
import { RULES } from '../rules/catalogue.js';
import type { GitRepo } from '../source/git.js';

/**
 * The configuration, one module for the CLI and the action. It lives in the repository it
 * configures, at REPO_CONFIG_PATH: a pull-request check reads it from the base revision (a PR
 * cannot relax its own check), a local run from the work tree; `--config FILE` overrides both.
 */
export interface Config {
  /** Rule id → a different bump ('none', 'patch', 'minor', 'major') or 'off'. */
  rules?: RuleOverrides;
  /** 'abi' (default) or 'bundled': see ModernProbeLevel. */
  modernProbe?: ModernProbeLevel;
  /** Struct names whose layout is API, added to the default list. */
  sharedStructs?: string[];
  /** Per-finding exceptions, each with its reason. */
  ignore?: IgnoreEntry[];
  /**
   * What an incomplete analysis (a surface file that could not be read or decided) does:
   * `fail` (default: never a pass) or `warn`.
   */
  incomplete?: IncompletePolicy;
}

export type IncompletePolicy = 'fail' | 'warn';

/** One accepted finding: the rule and the symbol it is about, why, and until when. */
export interface IgnoreEntry {
  rule: string;
  symbol: string;
  reason: string;
  /** Last day (YYYY-MM-DD, UTC) the exception holds; after it the finding counts again. */
  expires?: string;
}

/** Where the repository keeps its configuration. */
export const REPO_CONFIG_PATH = '.github/driver-semver.json';

const LEVELS = ['none', 'patch', 'minor', 'major', 'off'];
const KEYS = ['rules', 'modernProbe', 'sharedStructs', 'ignore', 'incomplete'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses configuration text; `source` names it in errors (a file, or `path @ revision`). */
export function parseConfig(text: string, source: string): Config {
  const bad = (msg: string) => new InputError(`${source}: ${msg}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw bad((e as Error).message);
  }
  if (!isObject(raw)) throw bad('expected a JSON object');
  const unknown = Object.keys(raw).filter((k) => !KEYS.includes(k));
  if (unknown.length) throw bad(`unknown key '${unknown[0]}' (known: ${KEYS.join(', ')})`);
  const { rules, modernProbe, sharedStructs, ignore, incomplete } = raw;
  const config: Config = {};
  if (rules !== undefined) {
    if (!isObject(rules)) throw bad('"rules" must be an object of rule id → level');
    for (const [id, level] of Object.entries(rules)) {
      if (typeof level !== 'string' || !LEVELS.includes(level))
        throw bad(`rule '${id}' has level ${JSON.stringify(level)}; use one of ${LEVELS.join(', ')}`);
    }
    config.rules = rules as RuleOverrides;
  }
  if (modernProbe !== undefined) {
    if (modernProbe !== 'abi' && modernProbe !== 'bundled')
      throw bad(`"modernProbe" must be "abi" or "bundled", not ${JSON.stringify(modernProbe)}`);
    config.modernProbe = modernProbe;
  }
  if (sharedStructs !== undefined) {
    if (!Array.isArray(sharedStructs) || !sharedStructs.every((n) => typeof n === 'string' && /^\w+$/.test(n)))
      throw bad('"sharedStructs" must be a list of struct names');
    config.sharedStructs = sharedStructs as string[];
  }
  if (ignore !== undefined) {
    if (!Array.isArray(ignore)) throw bad('"ignore" must be a list of {rule, symbol, reason, expires?}');
    config.ignore = ignore.map((e, i) => ignoreEntry(e, (msg) => bad(`ignore[${i}]: ${msg}`)));
  }
  if (incomplete !== undefined) {
    if (incomplete !== 'fail' && incomplete !== 'warn')
      throw bad(`"incomplete" must be "fail" or "warn", not ${JSON.stringify(incomplete)}`);
    config.incomplete = incomplete;
  }
  return config;
}

function ignoreEntry(e: unknown, bad: (msg: string) => InputError): IgnoreEntry {
  if (!isObject(e)) throw bad('expected an object {rule, symbol, reason, expires?}');
  const extra = Object.keys(e).filter((k) => !['rule', 'symbol', 'reason', 'expires'].includes(k));
  if (extra.length) throw bad(`unknown key '${extra[0]}'`);
  const { rule, symbol, reason, expires } = e;
  if (typeof rule !== 'string' || !RULES.some((r) => r.id === rule))
    throw bad(`unknown rule ${JSON.stringify(rule)} (see 'driver-semver explain --list')`);
  if (typeof symbol !== 'string' || !symbol.trim())
    throw bad('"symbol" must name the symbol of the finding (as in the report)');
  if (typeof reason !== 'string' || !reason.trim())
    throw bad('"reason" is mandatory: say why this finding is accepted');
  if (
    expires !== undefined &&
    (typeof expires !== 'string' || !DATE.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`)))
  ) {
    throw bad(`"expires" must be a date YYYY-MM-DD, not ${JSON.stringify(expires)}`);
  }
  return { rule, symbol, reason, ...(expires ? { expires } : {}) };
}

/** Reads a configuration file from disk (`--config`, or the work tree's REPO_CONFIG_PATH). */
export function loadConfigFile(file: string, label = `--config ${file}`): Config {
  return parseConfig(readInputFile(file, label), label);
}

/** Where the configuration of one run comes from. */
export type ConfigSource =
  /** `--config FILE`: a file on disk, wherever it is. */
  | { kind: 'file'; file: string }
  /** The repository's own: `path` (default REPO_CONFIG_PATH) in the work tree, or at a revision. */
  | { kind: 'repository'; path?: string; at: 'worktree' | 'revision'; required?: boolean }
  | { kind: 'none' };

export interface LoadedConfig {
  config: Config;
  /** What was read, for the report: a file, or `path @ commit`; null when nothing was. */
  source: string | null;
}

/**
 * Loads the configuration per `src`. `commit` is the revision a repository configuration is
 * read at (`at: 'revision'`): the base of the comparison, so a change cannot configure its own
 * check. An absent repository configuration is no configuration, unless it was asked for.
 */
export function loadConfig(src: ConfigSource, repo: GitRepo, commit?: string): LoadedConfig {
  if (src.kind === 'none') return { config: {}, source: null };
  if (src.kind === 'file') return { config: loadConfigFile(src.file), source: src.file };
  const rel = src.path ?? REPO_CONFIG_PATH;
  if (src.at === 'worktree') {
    if (!repo.workTree) throw new InputError(`configuration ${rel}: ${repo.dir} has no work tree`);
    const file = path.join(repo.workTree, rel);
    if (!existsSync(file)) return absent(src, `${rel} (work tree)`);
    return { config: loadConfigFile(file, `configuration ${rel}`), source: rel };
  }
  if (!commit) throw new Error('loadConfig: a revision is needed');
  const label = `${rel} @ ${commit.slice(0, 12)}`;
  const text = repo.run(['cat-file', 'blob', `${commit}:${rel}`], true);
  if (text === null) return absent(src, label);
  return { config: parseConfig(text, `configuration ${label}`), source: label };
}

function absent(src: { required?: boolean }, label: string): LoadedConfig {
  if (src.required) throw new InputError(`configuration ${label}: no such file`);
  return { config: {}, source: null };
}
