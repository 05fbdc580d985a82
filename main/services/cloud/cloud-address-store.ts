import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../settings-store';

export const ADDRESS_FILE_NAME = 'cloud.json';

/**
 * Which cloud this PC uses, and which cloud its saved session belongs to.
 *
 * `sessionUrl` is there so a token is never sent to a cloud other than the one that issued
 * it: if RATEBACK_CLOUD_URL or this file now name another cloud, the saved session is dropped
 * instead of being handed to a stranger.
 */
export interface CloudAddress {
  /** Chosen in the app; null means the default (the local cloud). */
  url: string | null;
  /** The cloud that issued the saved session token, or null when signed out. */
  sessionUrl: string | null;
}

export interface CloudAddressStore {
  get(): Promise<CloudAddress>;
  set(address: CloudAddress): Promise<void>;
}

const AddressFile = z.object({
  url: z.string().max(2000).nullable(),
  sessionUrl: z.string().max(2000).nullable(),
});

const EMPTY: CloudAddress = { url: null, sessionUrl: null };

/**
 * `<dir>/cloud.json`, read like settings.json: a missing or bad file means the defaults (and
 * so no session), reported once; writes are atomic.
 */
export function createFileCloudAddressStore(options: { dir: string; onProblem?: (detail: string) => void }): CloudAddressStore {
  const file = join(options.dir, ADDRESS_FILE_NAME);
  const report = options.onProblem ?? ((detail: string) => console.error(`Rateback: ${file} could not be used (${detail}); the default cloud applies.`));

  async function get(): Promise<CloudAddress> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) report(error instanceof Error ? error.message : String(error));
      return { ...EMPTY };
    }
    try {
      return AddressFile.parse(JSON.parse(text));
    } catch {
      report('not a cloud address file');
      return { ...EMPTY };
    }
  }

  async function set(address: CloudAddress): Promise<void> {
    await mkdir(options.dir, { recursive: true });
    await writeFileAtomically(file, `${JSON.stringify({ url: address.url, sessionUrl: address.sessionUrl }, null, 2)}\n`);
  }

  return { get, set };
}

/** For tests and callers that should not touch the disk. */
export function createMemoryCloudAddressStore(initial: CloudAddress = EMPTY): CloudAddressStore {
  let current = { ...initial };
  return {
    get: () => Promise.resolve({ ...current }),
    set: (address) => {
      current = { ...address };
      return Promise.resolve();
    },
  };
}
