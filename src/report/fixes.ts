import type { Fix } from '../verdict/types.js';

/** A fix in words, the same in every report: the version file's first line, or a whole line of another file. */
export function describeFix(f: Fix): string {
  return f.line === 1 && /(^|\/)(API|SCHEMA)_VERSION$/.test(f.file)
    ? `set the first line of ${f.file} to ${f.text}`
    : `set line ${f.line} of ${f.file} to: ${f.text}`;
}
