/**
 * Main's side of the cloud, as the router and the shells see it. The session token never
 * leaves main: the renderer sends each cloud call here (`forward`, `subscribe`) and main adds
 * the token, keeps new ones and strips them from answers.
 *
 * Free of Node imports: the renderer type-checks main's router, whose context reaches this file.
 */

export interface CloudConnectionInfo {
  /** The cloud this PC talks to (origin and path, no trailing slash). */
  url: string;
  /** Main holds a session token for that cloud. */
  signedIn: boolean;
  /** The cloud is the one this app runs (or found running) on this PC for `npm start`. */
  local: boolean;
  /** False when RATEBACK_CLOUD_URL fixes the address: `setUrl` refuses then. */
  editable: boolean;
  /** Why the local cloud is not running (port taken, crashed), or null. */
  localProblem: string | null;
}

/** A query or mutation of the cloud's router, by its dotted path (`account.me`). */
export interface CloudCall {
  path: string;
  type: 'query' | 'mutation';
  /** Absent (or undefined) for a procedure without input. */
  input?: unknown;
}

export interface CloudSubscriptionCall {
  path: string;
  input?: unknown;
  /**
   * The id of the last event the renderer saw, added by tRPC's SSE client when it reconnects
   * to main; passed on to the cloud so the subscription resumes after it.
   */
  lastEventId?: string | null | undefined;
}

/** One event of a cloud subscription; `id` is set when the cloud sent it with `tracked()`. */
export interface CloudEvent {
  id: string | null;
  data: unknown;
}

export interface CloudConnection {
  info(): Promise<CloudConnectionInfo>;
  /** The info again whenever it changes (signed in or out, new address, local cloud trouble). */
  changes(signal?: AbortSignal): AsyncIterable<CloudConnectionInfo>;
  /** A new address (null: back to the default); a different cloud signs this PC out. */
  setUrl(url: string | null): Promise<CloudConnectionInfo>;
  /** Runs one call on the cloud with this PC's session; rejects with a CloudError. */
  forward(call: CloudCall, signal?: AbortSignal): Promise<unknown>;
  /**
   * Follows a cloud subscription until `signal` aborts, the cloud ends it, or this PC's
   * session changes (sign-out, another sign-in, a new address), when it simply ends.
   */
  subscribe(call: CloudSubscriptionCall, signal: AbortSignal): AsyncIterable<CloudEvent>;
  /** Starts the local cloud if it is the one in use, and the daily token rotation. */
  start(): void;
  /** Stops timers, open subscriptions and the local cloud this app started. */
  close(): Promise<void>;
}
