import { versionUnpackableRule } from '../version-pack.js';

/** API_VERSION must fit PPM_API_VERSION's bit fields (see version-pack.ts). */
export const apiVersionUnpackable = versionUnpackableRule('api');
