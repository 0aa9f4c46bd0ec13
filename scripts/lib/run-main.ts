/**
 * Runs a script's `main()` and sets its exit code: the code `main` resolves to, or 1 with the error's message
 * on stderr when it throws. `process.exitCode` (not `process.exit`) so that pending output is still written.
 */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
