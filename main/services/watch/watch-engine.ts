import { todayIn } from '@core/dates';
import { dayNumber } from '@core/lateness/day-number';
import type { IsoDate } from '@core/primitives';
import { evaluateReminders, RaiseBuffer } from '@core/watch/evaluate';
import { chaseHolds, type ChaseHolds } from '@core/watch/holds';
import { NOT_STAMPED, type MirrorTable } from '@core/watch/mirror-table';
import { DEFAULT_PLAN, normalizeSteps, type ReminderPlan } from '@core/watch/plan';
import { coveredOpenMinor, reviewPromises } from '@core/watch/promise-review';
import type { PaymentPromise } from '@core/watch/promises';
import { AlertBook, type AlertSpec } from './alert-book';
import { blacklistedOwingAlert, brokenPromiseAlert, counterOpenAlert, newInvoiceAlert } from './alert-text';
import { ChaseLedger } from './chase-ledger';
import { MirrorSync, type MirrorChange } from './mirror-sync';
import { OverrideBook } from './override-book';
import { PromiseBook, promisedInvoiceIds } from './promise-book';
import type { ChaseFile, MirrorFile, Reminder, WatchConfig } from './store-schema';
import { toAlertView, toPlanView, toPromiseView, toReminderView } from './views';
import type {
  AlertView,
  CustomerWatchView,
  EventResult,
  MirrorAck,
  PlanView,
  PromiseView,
  ReminderView,
  WatchCounts,
} from './watch-api';
import type {
  AcknowledgeInput,
  AlertListInput,
  ConfigureInput,
  CustomerWatchUpdate,
  MarkSentInput,
  MirrorDeltaInput,
  MirrorReplaceInput,
  PlanPatch,
  PromiseAddInput,
  WatchEventInput,
} from './watch-inputs';
import type { LoadedWatchFiles } from './watch-store';

const DEFAULT_LIST_LIMIT = 200;

export interface EngineDeps {
  clock: () => Date;
  newId: () => string;
}

/**
 * The watch's state and rules, synchronous and free of I/O: no files, timers or notifications
 * (watch-service.ts adds those). Every change marks what needs saving (`takeDirty`) and queues
 * the alerts it raised (`takeNewAlerts`).
 */
export class WatchEngine {
  private config: WatchConfig | null = null;
  private plan: ReminderPlan = structuredClone(DEFAULT_PLAN);
  private readonly overrideBook = new OverrideBook();
  private readonly promiseBook = new PromiseBook();
  private readonly ledger = new ChaseLedger();
  private readonly alertBook = new AlertBook();
  private readonly mirror = new MirrorSync(this.ledger);
  readonly table: MirrorTable = this.mirror.table;
  private holds: ChaseHolds | null = null;
  private readonly found = new RaiseBuffer();
  private evaluatedOn: IsoDate | null = null;
  private newAlerts: AlertView[] = [];
  /**
   * Due reminders chaseable today, counted once per state change rather than on every call: a
   * first snapshot of an old book can leave a million reminders due, and the counter's
   * `customer_opened` event must not pay for counting them.
   */
  private dueCount: number | null = null;
  private chaseDirty = false;
  private mirrorDirty = false;

  constructor(private readonly deps: EngineDeps) {}

  // ---- persistence ----

  restore(files: LoadedWatchFiles): void {
    const chase = files.chase;
    if (chase) {
      this.config = chase.config;
      this.plan = chase.plan;
      this.overrideBook.restore(chase.overrides);
      this.promiseBook.restore(chase.promises);
      this.ledger.restore(chase.ledger, chase.reminders);
      this.alertBook.restore(chase.alerts);
    }
    const mirror = files.mirror;
    if (mirror) {
      this.mirror.restore(mirror, this.stampDay());
      this.dueCount = null;
    }
  }

  snapshotChase(): ChaseFile {
    const { ledger, reminders } = this.ledger.snapshot();
    return {
      version: 1,
      config: this.config,
      plan: this.plan,
      overrides: this.overrideBook.snapshot(),
      promises: this.promiseBook.snapshot(),
      ledger,
      reminders,
      alerts: this.alertBook.snapshot(),
    };
  }

  snapshotMirror(): MirrorFile {
    return this.mirror.snapshot();
  }

  /** Which files changed since the last call. */
  takeDirty(): { chase: boolean; mirror: boolean } {
    const dirty = { chase: this.chaseDirty, mirror: this.mirrorDirty };
    this.chaseDirty = false;
    this.mirrorDirty = false;
    return dirty;
  }

  takeNewAlerts(): AlertView[] {
    const alerts = this.newAlerts;
    this.newAlerts = [];
    return alerts;
  }

  // ---- days ----

  get timeZone(): string | null {
    return this.config?.timeZone ?? null;
  }

  /** Today in the business's time zone; UTC until the renderer has said which zone that is. */
  today(): IsoDate {
    return todayIn(this.config?.timeZone ?? 'UTC', this.deps.clock());
  }

  /** The day has turned since the last evaluation (or there has been none). */
  isStale(): boolean {
    return this.config !== null && this.today() !== this.evaluatedOn;
  }

  /** The day to record as an invoice's first sight: today once the time zone is known. */
  private stampDay(): number {
    return this.config ? dayNumber(this.today()) : NOT_STAMPED;
  }

  // ---- evaluation ----

  /**
   * Brings everything up to today: resolves promises (a broken one raises its alert), then
   * runs the reminder loop and records what it found. Needs the time zone: before `configure`
   * there is no "today" to chase on, so nothing happens.
   */
  evaluate(): void {
    if (!this.config) return;
    const now = this.deps.clock();
    const today = todayIn(this.config.timeZone, now);
    const todayDay = dayNumber(today);
    if (this.mirror.stampUnstamped(todayDay)) this.mirrorDirty = true;

    // Only a mirror known to be whole can say a promise was kept: with the mirror file lost, an
    // empty mirror would make every promise look paid until the renderer resends the book.
    if (this.mirror.synced) {
      for (const { promise, status } of reviewPromises(this.promiseBook.all(), this.table, today)) {
        promise.status = status;
        promise.resolvedOn = today;
        this.chaseDirty = true;
        if (status === 'broken') this.raise(brokenPromiseAlert(this.customerName(promise.customerId), promise, this.stillOwed(promise), this.config.locale));
      }
    }

    this.holds = chaseHolds(
      this.table,
      { businessSteps: this.plan.steps, overrides: this.overrideBook.all(), promises: this.promiseBook.all(), today },
      this.holds ?? undefined,
    );
    this.dueCount = null;
    if (evaluateReminders(this.table, this.holds, todayDay, this.found) > 0) {
      this.ledger.record(this.table, this.found, now, (id) => this.customerName(id));
      this.chaseDirty = true;
    }
    this.evaluatedOn = today;
  }

  /** Whether an invoice would be chased today (as of the last evaluation's holds). */
  chaseable(slot: number): boolean {
    const holds = this.holds;
    const t = this.table;
    if (!holds || !(t.openMinor[slot]! > 0) || t.disputed[slot] === 1) return false;
    return holds.invoiceHeld[slot] !== 1 && holds.customerHeld[t.customerOf[slot]!] !== 1;
  }

  counts(): WatchCounts {
    if (this.dueCount === null) {
      let due = 0;
      for (const reminder of this.ledger.dueReminders()) {
        const slot = this.table.invoiceSlot(reminder.invoiceId);
        if (slot !== undefined && this.chaseable(slot)) due++;
      }
      this.dueCount = due;
    }
    return { dueReminders: this.dueCount, unacknowledgedAlerts: this.alertBook.unacknowledged };
  }

  // ---- configuration and plan ----

  configure(input: ConfigureInput): WatchConfig {
    this.config = { timeZone: input.timeZone, currency: input.currency, locale: input.locale, businessName: input.businessName };
    this.chaseDirty = true;
    this.evaluate();
    return { ...this.config };
  }

  currentConfig(): WatchConfig | null {
    return this.config ? { ...this.config } : null;
  }

  currentPlan(): ReminderPlan {
    return this.plan;
  }

  planView(): PlanView {
    return toPlanView(this.plan);
  }

  updatePlan(patch: PlanPatch): PlanView {
    this.plan = {
      steps: patch.steps ? normalizeSteps(patch.steps) : this.plan.steps,
      lateFee: patch.lateFee === undefined ? this.plan.lateFee : patch.lateFee,
      templates: patch.templates ?? this.plan.templates,
    };
    this.chaseDirty = true;
    this.evaluate();
    return toPlanView(this.plan);
  }

  // ---- the mirror ----

  mirrorReplace(input: MirrorReplaceInput): MirrorAck {
    return this.afterMirrorChange(this.mirror.replace(input, this.stampDay()));
  }

  mirrorDelta(input: MirrorDeltaInput): MirrorAck {
    return this.afterMirrorChange(this.mirror.delta(input, this.stampDay()));
  }

  /** Marks what a mirror change dirtied; once the mirror is whole again, alerts and evaluates. */
  private afterMirrorChange(change: MirrorChange): MirrorAck {
    if (change.invoicesChanged) this.dueCount = null;
    if (change.ledgerChanged) this.chaseDirty = true;
    this.mirrorDirty = true;
    if (change.complete) {
      this.alertBlacklistedOwing(change.blacklisted);
      this.evaluate();
    }
    return { customers: this.table.customerRowCount, invoices: this.table.invoiceCount, dropped: change.dropped };
  }

  private alertBlacklistedOwing(customerIds: ReadonlySet<string>): void {
    for (const id of customerIds) {
      const customer = this.table.customerRow(id);
      const slot = this.table.customerSlot(id);
      if (!customer || customer.status !== 'blacklisted' || slot === undefined) continue;
      const invoices = this.table.invoicesOf(slot);
      if (invoices.size === 0) continue;
      const owed = new Map<string, number>();
      for (const s of invoices) owed.set(this.table.currencyAt(s), (owed.get(this.table.currencyAt(s)) ?? 0) + this.table.openMinor[s]!);
      this.raise(blacklistedOwingAlert(customer, owed, invoices.size, this.locale()));
    }
  }

  // ---- events and alerts ----

  event(input: WatchEventInput): EventResult {
    const customer = this.table.customerRow(input.customerId);
    if (!customer || customer.status === 'ok') return { alert: null };
    if (input.kind === 'customer_opened') return { alert: this.raise(counterOpenAlert(customer, this.today())) };
    const slot = this.table.invoiceSlot(input.invoiceId);
    return { alert: this.raise(newInvoiceAlert(customer, input.invoiceId, slot === undefined ? null : this.table.numberAt(slot))) };
  }

  private raise(spec: AlertSpec): AlertView | null {
    const alert = this.alertBook.raise(spec, this.deps.clock(), this.deps.newId());
    if (!alert) return null;
    this.chaseDirty = true;
    const view = toAlertView(alert);
    this.newAlerts.push(view);
    return view;
  }

  alerts(input: AlertListInput): AlertView[] {
    return this.alertBook.list(input.unacknowledgedOnly, input.limit ?? DEFAULT_LIST_LIMIT).map(toAlertView);
  }

  acknowledge(input: AcknowledgeInput): AlertView {
    const before = this.alertBook.unacknowledged;
    const alert = this.alertBook.acknowledge(input.alertId, input.by, this.deps.clock());
    if (this.alertBook.unacknowledged !== before) this.chaseDirty = true;
    return toAlertView(alert);
  }

  // ---- customers ----

  customer(customerId: string): CustomerWatchView {
    return this.overrideBook.view(customerId, this.plan.steps, () => this.today());
  }

  updateCustomer(input: CustomerWatchUpdate): CustomerWatchView {
    this.overrideBook.update(input, () => this.deps.clock());
    this.chaseDirty = true;
    this.evaluate();
    return this.customer(input.customerId);
  }

  customerName(customerId: string): string {
    return this.table.customerRow(customerId)?.name ?? '';
  }

  // ---- promises ----

  addPromise(input: PromiseAddInput): PromiseView {
    const today = this.today();
    const invoiceIds = promisedInvoiceIds(this.table, input, today);
    const promise: PaymentPromise = {
      id: this.deps.newId(),
      customerId: input.customerId,
      invoiceId: input.invoiceId,
      invoiceIds,
      promisedDate: input.promisedDate,
      amountMinor: input.amountMinor,
      note: input.note,
      recordedAt: this.deps.clock().toISOString(),
      openMinorAtPromise: coveredOpenMinor(this.table, invoiceIds),
      status: 'open',
      resolvedOn: null,
    };
    this.promiseBook.add(promise, today);
    this.chaseDirty = true;
    this.evaluate();
    return toPromiseView(promise);
  }

  /** Newest first. */
  promises(customerId?: string): PromiseView[] {
    return this.promiseBook.list(customerId).map(toPromiseView);
  }

  promiseRecords(): Iterable<PaymentPromise> {
    return this.promiseBook.all();
  }

  /** What a promise's invoices still owe, in their currency (the first covered invoice's). */
  stillOwed(promise: PaymentPromise): { minor: number; currency: string } | null {
    for (const id of promise.invoiceIds) {
      const slot = this.table.invoiceSlot(id);
      if (slot !== undefined) return { minor: coveredOpenMinor(this.table, promise.invoiceIds), currency: this.table.currencyAt(slot) };
    }
    return null;
  }

  // ---- reminders ----

  dueReminders(): Iterable<Reminder> {
    return this.ledger.dueReminders();
  }

  markSent(input: MarkSentInput): ReminderView {
    const reminder = this.ledger.markSent(input.reminderId, input.channel, input.by, this.deps.clock());
    this.chaseDirty = true;
    this.dueCount = null;
    return toReminderView(reminder, this.table.customerRow(reminder.customerId)?.name);
  }

  reminderLog(customerId: string | undefined, limit: number | undefined): ReminderView[] {
    return this.ledger.log(customerId, limit ?? DEFAULT_LIST_LIMIT).map((r) => toReminderView(r, this.table.customerRow(r.customerId)?.name));
  }

  locale(): string {
    return this.config?.locale ?? 'en';
  }
}
