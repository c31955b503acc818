/**
 * What the CLI may touch of the outside world besides files: two output
 * streams, a working directory and whether stdout is a terminal. Tests pass
 * an in-memory CliIo; bin/wfcheck.js passes nodeIo().
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory that relative paths on the command line are resolved against. */
  readonly cwd: string;
  /** stdout is an interactive terminal that may show colours. */
  readonly isTTY: boolean;
  /** Polled during checking; true stops it early (results become unknown, exit 130). */
  readonly shouldStop?: () => boolean;
}
