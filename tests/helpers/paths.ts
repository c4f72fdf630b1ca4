/**
 * The folders and the launcher the tests name, each under one name: the
 * shipped knowledge (what the fronts serve), the small fixture corpus (what
 * loader, checker, search and matcher tests pin their answers to) and
 * `bin/kejin.js` (what an operator runs).
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/root.ts';

/** The shipped knowledge/ folder: read only; a test that edits cards works on `copyFolder(SHIPPED_KNOWLEDGE)`. */
export const SHIPPED_KNOWLEDGE = path.join(PROJECT_ROOT, 'knowledge');

/** tests/fixtures/knowledge-valid: the one small fixture corpus, valid as it stands. */
export const FIXTURE_KNOWLEDGE = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'knowledge-valid');

/** The launcher an operator runs (dist/ when fresh, else the sources through tsx). */
export const KEJIN_BIN = path.join(PROJECT_ROOT, 'bin', 'kejin.js');
