// The library surface of driver-semver, for scripts and benchmarks (bundled as dist/lib.js).
export { GitRepo } from './source/git.js';
export { buildSurface, FactsCache } from './surface/build.js';
export { SURFACE_PREFIXES } from './surface/files.js';
export { runCheck, compareSurfaces, readSurface } from './pipeline.js';
export { runAudit } from './history/audit.js';
export { runRelease } from './history/release.js';
export { runCompat } from './history/compat.js';
