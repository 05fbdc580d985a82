import { EventEmitter, on } from 'node:events';
import { z } from 'zod';
import type { Timers } from '../watch/timers';
import { cloudProcedure, type CloudProcedure } from './allowed-paths';
import type { CloudCall, CloudConnection, CloudConnectionInfo, CloudEvent, CloudSubscriptionCall } from './cloud-api';
import type { CloudAddressStore } from './cloud-address-store';
import { CloudError } from './cloud-errors';
import { createCloudSession } from './cloud-session';
import type { CloudTransport } from './cloud-transport';
import { parseCloudUrl } from './cloud-url';
import type { LocalCloud } from './local-cloud';
import type { TokenVault } from './token-vault';

export interface CloudConnectionOptions {
  /** RATEBACK_CLOUD_URL, already parsed: it fixes the address and `setUrl` refuses. */
  envUrl: string | null;
  /** The address when nothing is chosen: the local cloud's. */
  defaultUrl: string;
  /** Runs the cloud at `defaultUrl` on this PC; null where the app never starts one (tests). */
  localCloud: LocalCloud | null;
  addressStore: CloudAddressStore;
  vault: TokenVault;
  transportFor: (url: string) => CloudTransport;
  timers: Timers;
  /**
   * A stolen token works only until the next rotation: main swaps it for a new one at start
   * and then daily. If the cloud did not answer, it tries again sooner.
   */
  rotation?: { everyMs: number; retryMs: number };
  log: (line: string) => void;
}

const DAY_MS = 24 * 3600_000;
const DEFAULT_ROTATION = { everyMs: DAY_MS, retryMs: 3600_000 };
/** Codes main itself uses when the cloud gave no answer (cloud-errors.ts). */
const NO_ANSWER: ReadonlySet<string> = new Set(['SERVICE_UNAVAILABLE', 'GATEWAY_TIMEOUT']);
/** Ending a session we no longer use is a courtesy to the cloud; nobody waits for it long. */
const QUIET_SIGN_OUT_MS = 5_000;

const WithToken = z.looseObject({ token: z.string().min(16).max(512) });

/**
 * Main's connection to the cloud: which cloud, this PC's session with it, and every call the
 * renderer makes to it.
 *
 * The session rules (which procedures open, rotate or end it: allowed-paths.ts):
 * - a token in an answer is kept here and removed from what the renderer gets;
 * - UNAUTHORIZED for a call that sent the current token means the cloud ended the session
 *   (expired, removed from the team, signed out elsewhere): it is forgotten, so the renderer
 *   shows sign-in;
 * - signing out forgets the session even when the cloud could not be told;
 * - a session is only ever sent to the cloud that issued it.
 */
export async function createCloudConnection(options: CloudConnectionOptions): Promise<CloudConnection> {
  const { envUrl, defaultUrl, localCloud, addressStore, timers, log } = options;
  const rotation = options.rotation ?? DEFAULT_ROTATION;
  const events = new EventEmitter();
  // One listener per open window or browser tab; the default limit of 10 would warn falsely.
  events.setMaxListeners(0);
  const changed = () => events.emit('change');
  localCloud?.onProblemChange(changed);

  const stored = await addressStore.get();
  /** The address chosen in the app (null: the default), as saved. */
  let savedUrl = stored.url;
  let url = envUrl ?? savedUrl ?? defaultUrl;
  let transport = options.transportFor(url);
  let sessionUrl = stored.sessionUrl;

  let initialToken = await options.vault.load();
  if (initialToken !== null && sessionUrl !== url) {
    log(`Rateback: the saved cloud session belongs to ${sessionUrl ?? 'another cloud'}, not ${url}; sign in again.`);
    initialToken = null;
    await options.vault.clear().catch((error: unknown) => log(`Rateback: could not remove the old cloud session: ${describe(error)}`));
  }
  if (initialToken === null) sessionUrl = null;

  /** Subscriptions open now; they end when the session changes hands. */
  const live = new Set<AbortController>();
  const endSubscriptions = () => {
    for (const controller of live) controller.abort();
    live.clear();
  };

  const session = createCloudSession({
    vault: options.vault,
    initial: initialToken,
    onChange: () => {
      endSubscriptions();
      changed();
    },
    onProblem: (detail) => log(`Rateback: could not save the cloud session (${detail}); it lasts until the app quits.`),
  });

  let addressWrites: Promise<void> = Promise.resolve();
  function persistAddress(): Promise<void> {
    const snapshot = { url: savedUrl, sessionUrl };
    addressWrites = addressWrites
      .then(() => addressStore.set(snapshot))
      .catch((error: unknown) => log(`Rateback: could not save the cloud address: ${describe(error)}`));
    return addressWrites;
  }

  /** Sign-outs sent on the side (an old session no longer used); close() waits for them. */
  const quiet = new Set<Promise<unknown>>();
  function endQuietly(target: CloudTransport, token: string): void {
    const call = target
      .call({ path: 'account.signOut', type: 'mutation', input: undefined }, token, AbortSignal.timeout(QUIET_SIGN_OUT_MS))
      .catch(() => undefined)
      .finally(() => quiet.delete(call));
    quiet.add(call);
  }

  async function openSession(token: string): Promise<void> {
    // The address first: a token on disk without it would be dropped at the next start.
    sessionUrl = url;
    await persistAddress();
    await session.open(token);
  }

  async function endSession(expected: string | null): Promise<void> {
    if (!(await session.end(expected))) return;
    sessionUrl = null;
    await persistAddress();
  }

  const isLocal = () => localCloud !== null && url === localCloud.url;

  async function localReady(): Promise<void> {
    if (!localCloud || !isLocal()) return;
    try {
      await localCloud.ensure();
    } catch (error) {
      throw new CloudError('SERVICE_UNAVAILABLE', `The local Rateback cloud is not running: ${describe(error)}`, null, { cause: error });
    }
  }

  /** A cloud that did not answer may have stopped: a found local cloud is looked for again. */
  function noticeFailure(error: unknown): void {
    if (error instanceof CloudError && NO_ANSWER.has(error.code) && isLocal()) localCloud?.lost();
  }

  function info(): CloudConnectionInfo {
    return {
      url,
      signedIn: session.token() !== null,
      local: isLocal(),
      editable: envUrl === null,
      localProblem: isLocal() ? (localCloud?.problem() ?? null) : null,
    };
  }

  function check(path: string, type: CloudProcedure['type']): CloudProcedure {
    const spec = cloudProcedure(path);
    if (!spec) throw new CloudError('NOT_FOUND', `The app cannot call "${path}" on the cloud.`);
    if (spec.type !== type) throw new CloudError('METHOD_NOT_SUPPORTED', `"${path}" is a ${spec.type} on the cloud, not a ${type}.`);
    return spec;
  }

  /**
   * Runs a call with the session. If the cloud refuses a token that was replaced while the call
   * was out (rotated at that moment), it runs once more with the new one: the refusal said
   * nothing about the current session.
   */
  async function withSession(target: CloudTransport, call: CloudCall, used: { token: string | null }, signal?: AbortSignal): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await target.call(call, used.token, signal);
      } catch (error) {
        if (!(error instanceof CloudError) || error.code !== 'UNAUTHORIZED' || used.token === null) throw error;
        const now = session.token();
        if (attempt === 0 && now !== null && now !== used.token && target === transport) {
          used.token = now;
          continue;
        }
        await endSession(used.token);
        throw error;
      }
    }
  }

  /** The answer without its token; the token is returned beside it. */
  function splitToken(result: unknown): { token: string; rest: Record<string, unknown> } {
    const parsed = WithToken.safeParse(result);
    if (!parsed.success) {
      throw new CloudError('INTERNAL_SERVER_ERROR', "The cloud's answer had no session token: is it a different version from this app?");
    }
    const { token, ...rest } = parsed.data;
    return { token, rest };
  }

  let closed = false;
  /** Ends every `changes` stream on close, so their SSE responses can finish. */
  const closing = new AbortController();

  async function forward(call: CloudCall, signal?: AbortSignal): Promise<unknown> {
    if (closed) throw new CloudError('SERVICE_UNAVAILABLE', 'Rateback is closing.');
    const spec = check(call.path, call.type);
    await localReady();
    const target = transport;

    if (spec.session === 'none' || spec.session === 'opens') {
      let result: unknown;
      try {
        // No token: these procedures do not need one, so it is not shown to them.
        result = await target.call(call, null, signal);
      } catch (error) {
        noticeFailure(error);
        throw error;
      }
      if (spec.session === 'none') return result;
      const { token, rest } = splitToken(result);
      if (target !== transport) {
        // The address changed while signing in: this session belongs to a cloud no longer used.
        endQuietly(target, token);
        throw new CloudError('CONFLICT', 'The cloud address changed while signing in; sign in again.');
      }
      const previous = session.token();
      await openSession(token);
      if (previous !== null && previous !== token) endQuietly(target, previous);
      return rest;
    }

    const used = { token: session.token() };
    try {
      const result = await withSession(target, call, used, signal);
      if (spec.session !== 'rotates') return result;
      const { token, rest } = splitToken(result);
      // Signed out or in again meanwhile: the rotated session is nobody's, so end it.
      if (used.token === null || !(await session.rotate(used.token, token))) endQuietly(target, token);
      return rest;
    } catch (error) {
      noticeFailure(error);
      throw error;
    } finally {
      // Signing out is the person's wish: it holds on this PC even if the cloud was not told.
      if (spec.session === 'ends' && used.token !== null) await endSession(used.token);
    }
  }

  async function* subscribe(call: CloudSubscriptionCall, signal: AbortSignal): AsyncGenerator<CloudEvent> {
    if (closed) throw new CloudError('SERVICE_UNAVAILABLE', 'Rateback is closing.');
    check(call.path, 'subscription');
    await localReady();
    const ended = new AbortController();
    live.add(ended);
    try {
      const input = call.lastEventId ? withLastEventId(call.input, call.lastEventId) : call.input;
      // The token is read at each (re)connection. An UNAUTHORIZED here does not end the session
      // on its own: a reconnection may race a rotation, and the next call settles it either way.
      yield* transport.subscribe({ path: call.path, input }, () => session.token(), AbortSignal.any([signal, ended.signal]));
    } catch (error) {
      noticeFailure(error);
      throw error;
    } finally {
      live.delete(ended);
    }
  }

  async function setUrl(next: string | null): Promise<CloudConnectionInfo> {
    if (envUrl !== null) {
      throw new CloudError('PRECONDITION_FAILED', `RATEBACK_CLOUD_URL sets the cloud address on this PC (${envUrl}); change it there.`);
    }
    let chosen: string | null = null;
    if (next !== null) {
      const checked = parseCloudUrl(next, { allowPlainHttpAnywhere: false });
      if (!checked.ok) throw new CloudError('BAD_REQUEST', checked.reason, [{ path: ['url'], message: checked.reason }]);
      chosen = checked.url;
    }
    savedUrl = chosen;
    const nextUrl = chosen ?? defaultUrl;
    if (nextUrl === url) {
      await persistAddress();
      return info();
    }

    const oldTarget = transport;
    const oldToken = session.token();
    url = nextUrl;
    transport = options.transportFor(url);
    // Another cloud, another account: this PC signs out of the old one (and tells it, if it can).
    if (oldToken !== null) endQuietly(oldTarget, oldToken);
    await endSession(null);
    endSubscriptions();
    await persistAddress();
    if (localCloud) {
      if (isLocal()) void localCloud.ensure().catch(() => undefined);
      else await localCloud.stop();
    }
    changed();
    return info();
  }

  let rotationTimer: unknown = null;
  function scheduleRotation(ms: number): void {
    rotationTimer = timers.setTimer(() => {
      rotationTimer = null;
      void rotateNow();
    }, ms);
  }

  async function rotateNow(): Promise<void> {
    let next = rotation.everyMs;
    if (session.token() !== null) {
      try {
        await forward({ path: 'account.rotateSession', type: 'mutation', input: undefined });
      } catch (error) {
        // UNAUTHORIZED: forward has already forgotten the session. No answer: try again soon.
        if (error instanceof CloudError && NO_ANSWER.has(error.code)) next = rotation.retryMs;
        else if (!(error instanceof CloudError && error.code === 'UNAUTHORIZED')) log(`Rateback: could not renew the cloud session: ${describe(error)}`);
      }
    }
    if (!closed) scheduleRotation(next);
  }

  let started = false;
  function start(): void {
    if (started || closed) return;
    started = true;
    if (localCloud && isLocal()) void localCloud.ensure().catch((error: unknown) => log(`Rateback: ${describe(error)}`));
    scheduleRotation(0);
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    if (rotationTimer !== null) timers.clearTimer(rotationTimer);
    endSubscriptions();
    closing.abort();
    await Promise.allSettled([...quiet]);
    await localCloud?.stop();
    await addressWrites;
  }

  function changes(signal?: AbortSignal): AsyncIterable<CloudConnectionInfo> {
    // `on` starts listening now, so a change right after the caller reads info() is not missed.
    const stream = on(events, 'change', { signal: signal ? AbortSignal.any([signal, closing.signal]) : closing.signal });
    return (async function* () {
      try {
        for await (const _ of stream) yield info();
      } catch (error) {
        if (!(error instanceof Error && error.name === 'AbortError')) throw error;
      }
    })();
  }

  return {
    info: () => Promise.resolve(info()),
    changes,
    setUrl,
    forward,
    subscribe,
    start,
    close,
  };
}

/** What tRPC's own SSE client does on reconnecting: the last event id joins an object input. */
function withLastEventId(input: unknown, lastEventId: string): unknown {
  if (input !== undefined && input !== null && typeof input !== 'object') return input;
  return { ...(input ?? {}), lastEventId };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
