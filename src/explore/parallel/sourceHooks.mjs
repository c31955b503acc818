// Registers sourceLoader.mjs in a worker started from the TypeScript sources
// (see workerLaunch.ts). Never used by the built package.
import { register } from 'node:module';

register('./sourceLoader.mjs', import.meta.url);
