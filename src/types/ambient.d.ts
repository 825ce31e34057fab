/** Replaced at build time by scripts/build.mjs (and by vitest.config.ts in tests): package.json's version. */
declare const __DRIVER_SEMVER_VERSION__: string;

/** bottleneck's light build (no Redis clustering), the one plugin-throttling uses; its types are the full build's. */
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
