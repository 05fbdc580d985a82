import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository's root: the nearest folder above this file whose package.json is Rateback's.
 * Works both from the sources (tests/bench/cloud/) and from the bundle (out/main/).
 */
export function repoRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'rateback') return dir;
    if (dirname(dir) === dir) throw new Error(`No Rateback package.json above ${from}`);
  }
}
