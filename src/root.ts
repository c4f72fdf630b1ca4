/**
 * The folder of this checkout. This file sits one level below it both as
 * `src/root.ts` and once bundled into `dist/` (`npm run build` writes every
 * chunk directly into `dist/`), so one `..` holds in development and in the
 * build alike.
 */
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
