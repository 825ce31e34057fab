import * as core from '@actions/core';
import { InputError } from '../errors.js';
import { parseFailOn, type FailToken } from './failon.js';

/** The action's inputs (action.yml), validated. Every problem is a one-line InputError. */
export interface ActionInputs {
  mode: 'check' | 'release' | 'auto';
  base?: string;
  head?: string;
  token: string;
  comment: 'on-failure' | 'always' | 'never';
  /** What happens to the sticky comment once the PR is clean (with comment: on-failure). */
  onClean: 'update' | 'delete';
  /** Post a one-click review suggestion on a version file that holds the wrong value. */
  suggest: boolean;
  failOn: Set<FailToken>;
  config?: string;
  workingDirectory: string;
}

function choice<T extends string>(name: string, value: string, allowed: readonly T[], dflt: T): T {
  const v = (value.trim() || dflt).toLowerCase();
  if (!(allowed as readonly string[]).includes(v))
    throw new InputError(`${name}: '${value.slice(0, 40)}' is not one of ${allowed.join(', ')}`);
  return v as T;
}

/** How inputs are read: @actions/core in the action, a plain getter in tests. */
export interface InputSource {
  get(name: string): string;
  /** YAML 1.2 booleans (true, True, TRUE, false, ...); throws on anything else. */
  getBoolean(name: string): boolean;
}

export const coreInputs: InputSource = { get: (n) => core.getInput(n), getBoolean: (n) => core.getBooleanInput(n) };

function bool(src: InputSource, name: string, dflt: boolean): boolean {
  const raw = src.get(name);
  if (raw.trim() === '') return dflt;
  try {
    return src.getBoolean(name);
  } catch {
    throw new InputError(`${name}: '${raw.slice(0, 40)}' is not true or false`);
  }
}

function revision(name: string, value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (v.startsWith('-')) throw new InputError(`${name}: a revision cannot start with '-'`);
  if (/[\s\0]/.test(v)) throw new InputError(`${name}: '${v.slice(0, 40)}' is not a revision`);
  return v;
}

/** Reads the inputs through `src` (coreInputs in the action). */
export function readInputs(src: InputSource): ActionInputs {
  const get = (name: string) => src.get(name);
  const config = get('config').trim();
  return {
    mode: choice('mode', get('mode'), ['check', 'release', 'auto'] as const, 'auto'),
    base: revision('base', get('base')),
    head: revision('head', get('head')),
    token: get('token').trim(),
    comment: choice('comment', get('comment'), ['on-failure', 'always', 'never'] as const, 'on-failure'),
    onClean: choice('on-clean', get('on-clean'), ['update', 'delete'] as const, 'update'),
    suggest: bool(src, 'suggest', true),
    failOn: parseFailOn(get('fail-on')),
    ...(config ? { config } : {}),
    workingDirectory: get('working-directory').trim() || '.',
  };
}
