import { todayIn } from '@core/dates';
import { dayNumber, fromDayNumber } from '@core/lateness/day-number';
import type { IsoDate } from '@core/primitives';
import { isDefaultOverride, isHeld, type CustomerOverride } from '@core/watch/customer-override';
import { evaluateReminders, RaiseBuffer } from '@core/watch/evaluate';
import { chaseHolds, type ChaseHolds } from '@core/watch/holds';
import type { MirrorCustomer, MirrorInvoice } from '@core/watch/mirror';
import { MirrorTable, NOT_STAMPED } from '@core/watch/mirror-table';
import { DEFAULT_PLAN, normalizeSteps, type ReminderPlan } from '@core/watch/plan';
import { coveredOpenMinor, reviewPromises } from '@core/watch/promise-review';
import { MAX_PROMISE_INVOICES, type PaymentPromise } from '@core/watch/promises';
import { AlertBook, type AlertSpec } from './alert-book';
import { blacklistedOwingAlert, brokenPromiseAlert, counterOpenAlert, newInvoiceAlert } from './alert-text';
import { ChaseLedger } from './chase-ledger';
import type { ChaseFile, MirrorFile, Reminder, WatchConfig } from './store-schema';
import { toAlertView, toPlanView, toPromiseView, toReminderView } from './views';
import {
  WatchError,
  type AlertView,
  type CustomerWatchView,
  type EventResult,
  type MirrorAck,
  type PlanView,
  type PromiseView,
  type ReminderView,
  type WatchCounts,
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

/** Snapshots in progress at once: one per open page is plenty; older ones are abandoned. */
const MAX_GENERATIONS = 4;
const DEFAULT_LIST_LIMIT = 200;

interface Generation {
  nextPart: number;
  customers: Set<string>;
  invoices: Set<string>;
  /** Customers that turned blacklisted during this snapshot; checked for money owed at the end. */
  blacklisted: Set<string>;
}

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
  private readonly overrides = new Map<string, CustomerOverride>();
  private readonly promiseList = new Map<string, PaymentPromise>();
  private readonly ledger = new ChaseLedger();
  private readonly alertBook = new AlertBook();
  readonly table = new MirrorTable();
  private synced = false;
  private readonly generations = new Map<string, Generation>();
  private holds: ChaseHolds | null = null;
  private readonly found = new RaiseBuffer();
  private evaluatedOn: IsoDate | null = null;
  private unstamped = 0;
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
      for (const o of chase.overrides) this.overrides.set(o.customerId, o);
      for (const p of chase.promises) this.promiseList.set(p.id, p);
      this.ledger.restore(chase.ledger, chase.reminders);
      this.alertBook.restore(chase.alerts);
    }
    const mirror = files.mirror;
    if (mirror) {
      this.synced = mirror.synced;
      for (const c of mirror.customers) this.table.upsertCustomer(c);
      const stampDay = this.stampDay();
      for (const { invoice, firstSeenOn } of mirror.invoices) {
        this.upsertInvoice(invoice, firstSeenOn === null ? stampDay : dayNumber(firstSeenOn));
      }
    }
  }

  snapshotChase(): ChaseFile {
    const { ledger, reminders } = this.ledger.snapshot();
    return {
      version: 1,
      config: this.config,
      plan: this.plan,
      overrides: [...this.overrides.values()],
      promises: [...this.promiseList.values()],
      ledger,
      reminders,
      alerts: this.alertBook.snapshot(),
    };
  }

  snapshotMirror(): MirrorFile {
    const t = this.table;
    const invoices: MirrorFile['invoices'] = [];
    for (const slot of t.invoiceSlotsInUse()) {
      const invoice = t.invoiceRow(slot)!;
      const seen = t.firstSeenDay[slot]!;
      invoices.push({ invoice, firstSeenOn: seen === NOT_STAMPED ? null : fromDayNumber(seen) });
    }
    return { version: 1, synced: this.synced, customers: [...t.customers()], invoices };
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
    this.stampUnstamped(todayDay);

    // Only a mirror known to be whole can say a promise was kept: with the mirror file lost, an
    // empty mirror would make every promise look paid until the renderer resends the book.
    if (this.synced) {
      for (const { promise, status } of reviewPromises(this.promiseList.values(), this.table, today)) {
        promise.status = status;
        promise.resolvedOn = today;
        this.chaseDirty = true;
        if (status === 'broken') this.raise(brokenPromiseAlert(this.customerName(promise.customerId), promise, this.stillOwed(promise), this.config.locale));
      }
    }

    this.holds = chaseHolds(
      this.table,
      { businessSteps: this.plan.steps, overrides: this.overrides.values(), promises: this.promiseList.values(), today },
      this.holds ?? undefined,
    );
    this.dueCount = null;
    if (evaluateReminders(this.table, this.holds, todayDay, this.found) > 0) {
      this.ledger.record(this.table, this.found, now, (id) => this.customerName(id));
      this.chaseDirty = true;
    }
    this.evaluatedOn = today;
  }

  private stampUnstamped(todayDay: number): void {
    if (this.unstamped === 0) return;
    const seen = this.table.firstSeenDay;
    for (const slot of this.table.invoiceSlotsInUse()) if (seen[slot] === NOT_STAMPED) seen[slot] = todayDay;
    this.unstamped = 0;
    this.mirrorDirty = true;
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
    let generation = this.generations.get(input.generation);
    if (input.part === 0) {
      generation = { nextPart: 0, customers: new Set(), invoices: new Set(), blacklisted: new Set() };
      this.generations.delete(input.generation);
      this.generations.set(input.generation, generation);
      for (const id of this.generations.keys()) {
        if (this.generations.size <= MAX_GENERATIONS) break;
        this.generations.delete(id);
      }
    } else if (!generation || generation.nextPart !== input.part) {
      throw new WatchError('CONFLICT', `Snapshot part ${input.part} arrived out of order or after a restart: send the snapshot again under a new generation`);
    }
    generation.nextPart++;

    const stampDay = this.stampDay();
    for (const customer of input.customers) {
      this.upsertCustomer(customer, generation.blacklisted);
      generation.customers.add(customer.id);
    }
    for (const invoice of input.invoices) {
      this.upsertInvoice(invoice, stampDay);
      generation.invoices.add(invoice.id);
    }
    this.mirrorDirty = true;

    const dropped = { customers: 0, invoices: 0 };
    if (input.final) {
      this.generations.delete(input.generation);
      for (const id of this.table.customerIdList()) {
        if (generation.customers.has(id)) continue;
        this.table.removeCustomer(id);
        dropped.customers++;
      }
      for (const id of this.table.invoiceIdList()) {
        if (generation.invoices.has(id)) continue;
        this.removeInvoice(id);
        dropped.invoices++;
      }
      this.ledger.closeMissing(this.table);
      this.synced = true;
      this.alertBlacklistedOwing(generation.blacklisted);
      this.evaluate();
    }
    return { customers: this.table.customerRowCount, invoices: this.table.invoiceCount, dropped };
  }

  mirrorDelta(input: MirrorDeltaInput): MirrorAck {
    const blacklisted = new Set<string>();
    const open = [...this.generations.values()];
    for (const id of input.removedInvoiceIds) {
      this.removeInvoice(id);
      for (const g of open) g.invoices.delete(id);
    }
    for (const id of input.removedCustomerIds) {
      this.table.removeCustomer(id);
      for (const g of open) g.customers.delete(id);
    }
    // Rows changed while a snapshot is being sent are part of the book: the snapshot's final
    // chunk must not drop them.
    for (const customer of input.customers) {
      this.upsertCustomer(customer, blacklisted);
      for (const g of open) g.customers.add(customer.id);
    }
    const stampDay = this.stampDay();
    for (const invoice of input.invoices) {
      this.upsertInvoice(invoice, stampDay);
      for (const g of open) g.invoices.add(invoice.id);
    }
    this.mirrorDirty = true;
    this.alertBlacklistedOwing(blacklisted);
    this.evaluate();
    return { customers: this.table.customerRowCount, invoices: this.table.invoiceCount, dropped: { customers: 0, invoices: 0 } };
  }


  /**
   * Notes a customer who has just become blacklisted: a different status or a new set-at
   * instant than the mirror had. A customer the mirror has never held counts as a change only
   * once a first snapshot has completed; before that, every status is old news, not a change.
   */
  private upsertCustomer(row: MirrorCustomer, blacklisted: Set<string>): void {
    const before = this.table.upsertCustomer(row);
    if (row.status !== 'blacklisted') return;
    const changed = before ? before.status !== 'blacklisted' || before.statusSetAt !== row.statusSetAt : this.synced;
    if (changed) blacklisted.add(row.id);
  }

  private upsertInvoice(row: MirrorInvoice, stampDay: number): void {
    this.dueCount = null;
    const { isNew } = this.table.upsertInvoice(row, { firstSeenDay: stampDay, highest: this.ledger.highestFor(row.id) });
    if (isNew && stampDay === NOT_STAMPED) this.unstamped++;
  }

  private removeInvoice(id: string): void {
    this.dueCount = null;
    if (this.table.removeInvoice(id) && this.ledger.closeInvoice(id)) this.chaseDirty = true;
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
    const override = this.overrides.get(customerId);
    const planOverride = override?.planOverride ?? null;
    return {
      customerId,
      planOverride: planOverride && planOverride.map((s) => ({ offsetDays: s.offsetDays })),
      pausedUntil: override?.pausedUntil ?? null,
      stopped: override?.stopped ?? false,
      effectiveSteps: (planOverride ?? this.plan.steps).map((s) => ({ offsetDays: s.offsetDays })),
      heldToday: override ? isHeld(override, this.today()) : false,
      updatedAt: override?.updatedAt ?? null,
    };
  }

  updateCustomer(input: CustomerWatchUpdate): CustomerWatchView {
    if (isDefaultOverride(input)) this.overrides.delete(input.customerId);
    else {
      this.overrides.set(input.customerId, {
        customerId: input.customerId,
        planOverride: input.planOverride && normalizeSteps(input.planOverride),
        pausedUntil: input.pausedUntil,
        stopped: input.stopped,
        updatedAt: this.deps.clock().toISOString(),
      });
    }
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
    if (input.promisedDate < today) throw new WatchError('BAD_REQUEST', 'A promise is for today or a later day');
    const customerSlot = this.table.customerSlot(input.customerId);
    if (customerSlot === undefined || !this.table.customerRow(customerSlot)) throw new WatchError('NOT_FOUND', 'The watch has no such customer with money owed');

    let invoiceIds: string[];
    if (input.invoiceId !== null) {
      const slot = this.table.invoiceSlot(input.invoiceId);
      if (slot === undefined) throw new WatchError('NOT_FOUND', 'No open invoice with that id');
      if (this.table.customerOf[slot] !== customerSlot) throw new WatchError('BAD_REQUEST', 'That invoice belongs to another customer');
      invoiceIds = [input.invoiceId];
    } else {
      const slots = [...this.table.invoicesOf(customerSlot)].sort((a, b) => this.table.dueDay[a]! - this.table.dueDay[b]!);
      if (slots.length === 0) throw new WatchError('BAD_REQUEST', 'The customer owes nothing to promise');
      invoiceIds = slots.slice(0, MAX_PROMISE_INVOICES).map((s) => this.table.invoiceIdAt(s)!);
    }

    // A new promise for the same invoice (or for the whole account) takes the place of the
    // open ones: "I need another week" is not a broken promise.
    for (const p of this.promiseList.values()) {
      if (p.status !== 'open' || p.customerId !== input.customerId) continue;
      if (input.invoiceId === null || p.invoiceId === input.invoiceId) {
        p.status = 'replaced';
        p.resolvedOn = today;
      }
    }

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
    this.promiseList.set(promise.id, promise);
    this.chaseDirty = true;
    this.evaluate();
    return toPromiseView(promise);
  }

  /** Newest first. */
  promises(customerId?: string): PromiseView[] {
    const all = [...this.promiseList.values()].filter((p) => customerId === undefined || p.customerId === customerId);
    return all.reverse().slice(0, 1_000).map(toPromiseView);
  }

  promiseRecords(): Iterable<PaymentPromise> {
    return this.promiseList.values();
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
