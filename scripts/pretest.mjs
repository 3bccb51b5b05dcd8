// @ts-check
/**
 * `npm test` runs this first (the `pretest` script): it makes sure the machine has what the tests need,
 * installing it on Debian and Ubuntu, or stops with one line saying what to install. See
 * scripts/test-prerequisites.mjs.
 */
import { prepareTestMachine, realSystem } from './test-prerequisites.mjs';

process.exitCode = prepareTestMachine(realSystem());
