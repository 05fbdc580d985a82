/**
 * How long the engine waits before retrying after `failures` failed runs in a row: 1 s, then
 * doubling, up to 60 s. An offline PC is not hammered, and one that comes back is not left
 * waiting longer than a minute.
 */
export function retryDelayMs(failures: number, firstMs = 1_000, maxMs = 60_000): number {
  if (failures <= 0) return 0;
  return Math.min(maxMs, firstMs * 2 ** Math.min(failures - 1, 30));
}
