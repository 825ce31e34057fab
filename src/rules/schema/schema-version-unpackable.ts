import { versionUnpackableRule } from '../version-pack.js';

/** SCHEMA_VERSION must fit PPM_API_VERSION's bit fields (see version-pack.ts). */
export const schemaVersionUnpackable = versionUnpackableRule('schema');
