#!/usr/bin/env node
// The installed `wfcheck` command: runs the compiled CLI (npm run build) and
// hands its exit code to Node; all logic lives in src/cli/main.ts.
import { main } from '../dist/src/cli/main.js';
import { nodeIo } from '../dist/src/cli/nodeIo.js';

process.exitCode = await main(process.argv.slice(2), nodeIo());
