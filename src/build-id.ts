/**
 * The id of the build running: a hash of every source file, set by
 * `npm run build` (scripts/build.js), undefined when the TypeScript sources
 * run directly. Whatever is cached on disk from parsed knowledge is keyed by
 * it, so that changed code never reads what older code wrote.
 */
declare const __KEJIN_BUILD_ID__: string | undefined;

export const BUILD_ID: string | undefined = typeof __KEJIN_BUILD_ID__ === 'string' ? __KEJIN_BUILD_ID__ : undefined;
