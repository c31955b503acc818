/**
 * The real CliIo: process streams and cwd. Ctrl-C is handled by
 * runInWorker.ts, which runs main() in a worker thread and relays its
 * output through this io.
 */
import type { CliIo } from './cliIo.js';

export function nodeIo(): CliIo {
  // `wfcheck … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true && !process.env.NO_COLOR,
  };
}
