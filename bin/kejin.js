#!/usr/bin/env node
// Runs the TypeScript sources directly, so that `npx kejin` works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/bin/kejin.ts');
