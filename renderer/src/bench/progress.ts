/** Progress lines: run.mjs forwards console messages starting with "[bench]" to stderr. */
export function progress(message: string): void {
  console.info(`[bench] ${message}`);
}

/** Milliseconds since `start` (performance.now()). */
export function since(start: number): number {
  return performance.now() - start;
}
