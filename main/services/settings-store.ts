import { EventEmitter, on } from 'node:events';
import { copyFile, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  applySettingsPatch,
  DEFAULT_DEVICE_SETTINGS,
  DeviceSettings,
  type DeviceSettingsPatch,
  type SettingsStore,
} from './device-settings';

export const SETTINGS_FILE_NAME = 'settings.json';

/** Why the file on disk was not used. The store carries on with defaults in every case. */
export type SettingsProblem =
  | { kind: 'invalid-file'; file: string; backup: string | null; detail: string }
  | { kind: 'unreadable-file'; file: string; detail: string }
  | { kind: 'backup-failed'; file: string; detail: string }
  | { kind: 'reset-failed'; file: string; detail: string };

export interface FileSettingsStoreOptions {
  /** The data dir; created on first write if missing. */
  dir: string;
  /** Told about a file that could not be used. Defaults to one line on stderr. */
  onProblem?: (problem: SettingsProblem) => void;
}

/**
 * Device settings kept in `<dir>/settings.json`.
 *
 * - Reading never throws: a missing file means defaults; a file that is not JSON or does not
 *   match the schema is copied to `settings.json.bad`, reported, and replaced by defaults, so
 *   one bad byte cannot stop the app from starting.
 * - Writing is atomic: a temp file in the same folder is written, flushed to disk and renamed
 *   over the old one, so a crash or power cut leaves the old file or the new one, never half.
 * - Updates run one at a time, so two quick changes cannot overwrite each other.
 */
export function createFileSettingsStore(options: FileSettingsStoreOptions): SettingsStore {
  const file = join(options.dir, SETTINGS_FILE_NAME);
  const report = options.onProblem ?? reportToStderr;
  const events = new EventEmitter();
  // One listener per open window or browser tab; the default limit of 10 would warn falsely.
  events.setMaxListeners(0);

  let current: Promise<DeviceSettings> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<DeviceSettings> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return { ...DEFAULT_DEVICE_SETTINGS };
      // Unreadable (permissions, a folder in its place): keep the file as it is for a person
      // to look at, and run on defaults; a later update will try to write and report then.
      report({ kind: 'unreadable-file', file, detail: describe(error) });
      return { ...DEFAULT_DEVICE_SETTINGS };
    }

    const parsed = parseSettings(text);
    if (parsed.ok) return parsed.settings;

    const backup = `${file}.bad`;
    let backedUp = false;
    try {
      await copyFile(file, backup);
      backedUp = true;
    } catch (error) {
      report({ kind: 'backup-failed', file, detail: describe(error) });
    }
    report({ kind: 'invalid-file', file, backup: backedUp ? backup : null, detail: parsed.detail });
    // Only overwrite once the bad copy is safe: losing it would lose the evidence.
    if (backedUp) {
      try {
        await writeFileAtomically(file, serialize(DEFAULT_DEVICE_SETTINGS));
      } catch (error) {
        report({ kind: 'reset-failed', file, detail: describe(error) });
      }
    }
    return { ...DEFAULT_DEVICE_SETTINGS };
  }

  function get(): Promise<DeviceSettings> {
    current ??= load();
    return current.then((settings) => ({ ...settings }));
  }

  function update(patch: DeviceSettingsPatch): Promise<DeviceSettings> {
    const run = queue.then(async () => {
      const before = await get();
      // Parse again: the router validated the patch, but the store is the last gate before disk.
      const next = DeviceSettings.parse(applySettingsPatch(before, patch));
      await mkdir(options.dir, { recursive: true });
      await writeFileAtomically(file, serialize(next));
      current = Promise.resolve(next);
      events.emit('change', { ...next });
      return { ...next };
    });
    // A failed write rejects this caller only; the next update still runs.
    queue = run.catch(() => undefined);
    return run;
  }

  function changes(signal?: AbortSignal): AsyncIterable<DeviceSettings> {
    // `on` starts listening now (see the interface); the generator only maps its output.
    const stream = on(events, 'change', signal ? { signal } : {});
    return (async function* () {
      try {
        for await (const [settings] of stream) yield settings as DeviceSettings;
      } catch (error) {
        if (!(error instanceof Error && error.name === 'AbortError')) throw error;
      }
    })();
  }

  return { get, update, changes };
}

type ParseResult = { ok: true; settings: DeviceSettings } | { ok: false; detail: string };

function parseSettings(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, detail: `not JSON: ${describe(error)}` };
  }
  const parsed = DeviceSettings.safeParse(json);
  if (!parsed.success) {
    return { ok: false, detail: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  }
  return { ok: true, settings: parsed.data };
}

function serialize(settings: DeviceSettings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/**
 * Write-then-rename in the same folder (a rename across folders may be a copy). The temp
 * name is unique so two processes sharing a data dir never write the same temp file.
 */
export async function writeFileAtomically(path: string, content: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function reportToStderr(problem: SettingsProblem): void {
  switch (problem.kind) {
    case 'invalid-file':
      console.error(
        `Rateback: the settings file ${problem.file} could not be used (${problem.detail}); ` +
          (problem.backup ? `it was kept as ${problem.backup} and defaults apply.` : 'defaults apply.'),
      );
      break;
    case 'unreadable-file':
      console.error(`Rateback: the settings file ${problem.file} could not be read (${problem.detail}); defaults apply.`);
      break;
    case 'backup-failed':
      console.error(`Rateback: could not keep a copy of the bad settings file ${problem.file} (${problem.detail}).`);
      break;
    case 'reset-failed':
      console.error(`Rateback: could not replace the bad settings file ${problem.file} with defaults (${problem.detail}).`);
      break;
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
