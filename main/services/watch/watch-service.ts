import { randomUUID } from 'node:crypto';
import { ChangesFeed } from './changes-feed';
import { nextDayStart } from './day-clock';
import type { Notifier } from './notifier';
import type { Timers } from './timers';
import { buildTodayView } from './today-view';
import { WatchError, type Watch, type WatchChange, type WatchCounts } from './watch-api';
import { WatchEngine } from './watch-engine';
import type { WatchStore } from './watch-store';

export interface WatchServiceDeps {
  /** Now. Tests pass a fake one and move it forward. */
  clock: () => Date;
  store: WatchStore;
  notifier: Notifier;
  setTimer: Timers['setTimer'];
  clearTimer: Timers['clearTimer'];
  /**
   * How often to look at the calendar besides the midnight timer. A machine that sleeps through
   * midnight fires that timer late (timers count awake time on some systems), so this bounds
   * the delay after waking. Default 10 minutes.
   */
  recheckMs?: number;
  newId?: () => string;
  /** Where the watch's own failures go (ids and messages only). Default: stderr. */
  log?: (line: string) => void;
}

export interface WatchService extends Watch {
  /** Loads the store and evaluates: the watch chases on its own from here, page or no page. */
  start(): Promise<void>;
  /** Stops the timers, ends every `changes` stream and writes what is pending. */
  close(): Promise<void>;
  /** Writes pending changes now. */
  flush(): Promise<void>;
}

const DEFAULT_TODAY_LIMIT = 200;

/**
 * The watch in the main process: the engine (rules and state) plus what it needs from the
 * outside, all passed in: a clock, a store, a notifier and timers. After every call it saves
 * what changed (coalesced by the store), notifies new alerts and publishes the counts.
 *
 * It evaluates at start, after every change to the mirror, configuration, plan, customer
 * settings or promises, at each midnight in the business's time zone, on a coarse recheck,
 * and before answering any call on a day it has not evaluated yet.
 */
export function createWatchService(deps: WatchServiceDeps): WatchService {
  const log = deps.log ?? ((line: string) => console.error(line));
  const engine = new WatchEngine({ clock: deps.clock, newId: deps.newId ?? randomUUID });
  const feed = new ChangesFeed();
  const recheckMs = deps.recheckMs ?? 10 * 60_000;
  let state: 'new' | 'starting' | 'running' | 'closed' = 'new';
  let dayTimer: unknown = null;
  let recheckTimer: unknown = null;
  let lastCounts: WatchCounts | null = null;

  async function start(): Promise<void> {
    if (state !== 'new') throw new Error('The watch was already started');
    state = 'starting';
    engine.restore(await deps.store.load());
    // A close() during the load wins: nothing may run after it.
    if ((state as string) === 'closed') return;
    state = 'running';
    engine.evaluate();
    afterChange();
    armDayTimer();
    armRecheck();
  }

  /** Every public call: refuse before start, bring the day up to date, run, then publish. */
  function run<T>(op: () => T): T {
    if (state !== 'running') throw new WatchError('PRECONDITION_FAILED', state === 'closed' ? 'The watch has stopped' : 'The watch is starting');
    if (engine.isStale()) engine.evaluate();
    try {
      return op();
    } finally {
      afterChange();
    }
  }

  function afterChange(): void {
    const fresh = engine.takeNewAlerts();
    for (const alert of fresh) {
      try {
        deps.notifier.notify({ title: alert.title, body: alert.body, severity: alert.severity });
      } catch (error) {
        log(`Rateback: the watch could not show alert ${alert.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const counts = engine.counts();
    if (fresh.length > 0 || !sameCounts(counts, lastCounts)) {
      lastCounts = counts;
      const change: WatchChange = { counts, newAlerts: fresh };
      feed.publish(change);
    }
    const dirty = engine.takeDirty();
    if (dirty.chase) deps.store.schedule('chase', () => engine.snapshotChase());
    if (dirty.mirror) deps.store.schedule('mirror', () => engine.snapshotMirror());
  }

  // ---- the calendar ----

  function armDayTimer(): void {
    if (dayTimer !== null) deps.clearTimer(dayTimer);
    dayTimer = null;
    const zone = engine.timeZone;
    if (state !== 'running' || zone === null) return;
    const now = deps.clock();
    // An early wake-up (timers may round down) simply finds the same day and re-arms.
    dayTimer = deps.setTimer(onDayTimer, Math.max(0, nextDayStart(zone, now).getTime() - now.getTime()));
  }

  function onDayTimer(): void {
    dayTimer = null;
    checkDay();
    armDayTimer();
  }

  function armRecheck(): void {
    recheckTimer = deps.setTimer(() => {
      recheckTimer = null;
      if (state !== 'running') return;
      checkDay();
      armRecheck();
    }, recheckMs);
  }

  function checkDay(): void {
    if (state !== 'running' || !engine.isStale()) return;
    try {
      engine.evaluate();
    } catch (error) {
      log(`Rateback: the watch could not evaluate the new day: ${error instanceof Error ? error.message : String(error)}`);
    }
    afterChange();
  }

  async function close(): Promise<void> {
    if (state === 'closed') return;
    state = 'closed';
    if (dayTimer !== null) deps.clearTimer(dayTimer);
    if (recheckTimer !== null) deps.clearTimer(recheckTimer);
    dayTimer = recheckTimer = null;
    feed.close();
    await deps.store.flush();
  }

  return {
    start,
    close,
    flush: () => deps.store.flush(),
    configure: (input) =>
      run(() => {
        const config = engine.configure(input);
        armDayTimer(); // the zone may have changed, and with it when midnight is
        return config;
      }),
    mirrorReplace: (input) => run(() => engine.mirrorReplace(input)),
    mirrorDelta: (input) => run(() => engine.mirrorDelta(input)),
    event: (input) => run(() => engine.event(input)),
    plan: () => run(() => engine.planView()),
    updatePlan: (patch) => run(() => engine.updatePlan(patch)),
    customer: (customerId) => run(() => engine.customer(customerId)),
    updateCustomer: (input) => run(() => engine.updateCustomer(input)),
    addPromise: (input) => run(() => engine.addPromise(input)),
    promises: (customerId) => run(() => engine.promises(customerId)),
    today: (limit) =>
      run(() => {
        const config = engine.currentConfig();
        if (!config) throw new WatchError('PRECONDITION_FAILED', 'Call watch.configure first: the watch needs the business time zone to know what today is');
        return buildTodayView(engine, config, limit ?? DEFAULT_TODAY_LIMIT);
      }),
    markSent: (input) => run(() => engine.markSent(input)),
    reminderLog: (customerId, limit) => run(() => engine.reminderLog(customerId, limit)),
    alerts: (input) => run(() => engine.alerts(input)),
    acknowledge: (input) => run(() => engine.acknowledge(input)),
    counts: () => run(() => engine.counts()),
    changes: (signal) => feed.subscribe(signal),
  };
}

function sameCounts(a: WatchCounts, b: WatchCounts | null): boolean {
  return b !== null && a.dueReminders === b.dueReminders && a.unacknowledgedAlerts === b.unacknowledgedAlerts;
}
