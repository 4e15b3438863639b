/** Where a command writes; tests pass their own to capture output. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A transient status line for long work; shown only to a person at a terminal. */
  progress(text: string): void;
}

/** Set once a reader of our output went away (EPIPE): nothing more is written to it. */
let outputClosed = false;

export const processIo: Io = {
  stdout: (text) => {
    if (!outputClosed) process.stdout.write(text);
  },
  stderr: (text) => {
    if (!outputClosed) process.stderr.write(text);
  },
  progress: (text) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}${text ? "" : "\r"}`);
  },
};

/** A problem with what the user asked for: one line on stderr and exit status 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;


/**
 * When whoever reads our output stops reading (`hr-competency criteria ... | head -1`), writing
 * fails with EPIPE. Then the command stops printing but finishes its work (a report it is
 * writing must not be cut off), and exits quietly with status 0, as Unix tools do, instead of a
 * stack trace: see exitStatus.
 */
export function watchForClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      outputClosed = true;
    });
  }
}

/** The process's exit status for a command's result: 0 once the output's reader went away. */
export function exitStatus(commandStatus: number): number {
  return outputClosed ? EXIT_OK : commandStatus;
}
