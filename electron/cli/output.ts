/** The CLI's only way to speak, so that tests can capture it and errors look the same everywhere. */
export type Output = { out(line: string): void; err(line: string): void };

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A usage or input problem: printed as `error: <message>`, exit code 2. */
export class UsageError extends Error {}

export function printJson(output: Output, value: unknown): void {
  output.out(JSON.stringify(value, null, 2));
}
