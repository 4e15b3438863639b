import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  progress: string[];
}

/** Runs the command line in-process and captures what it prints. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const progress: string[] = [];
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), progress: (t) => void progress.push(t) });
  return { code, stdout, stderr, progress };
}
