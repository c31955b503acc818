#!/usr/bin/env node
// The installed `wfcheck` command: runs the compiled CLI (npm run build) in a
// worker thread, so Ctrl-C can stop a check and still print what it reached
// (src/cli/runInWorker.ts), and hands its exit code to Node.
import { runCli } from '../dist/src/cli/runInWorker.js';

process.exitCode = await runCli(process.argv.slice(2));
