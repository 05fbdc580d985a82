import type { IsoDate } from '@core/primitives';
import { isDefaultOverride, isHeld, type CustomerOverride } from '@core/watch/customer-override';
import { normalizeSteps, type ReminderStep } from '@core/watch/plan';
import type { CustomerWatchView } from './watch-api';
import type { CustomerWatchUpdate } from './watch-inputs';

/**
 * Customers' own chasing settings (their ladder, a pause, a stop), kept only for customers whose
 * settings differ from the business plan's.
 */
export class OverrideBook {
  private readonly byCustomer = new Map<string, CustomerOverride>();

  restore(overrides: readonly CustomerOverride[]): void {
    for (const o of overrides) this.byCustomer.set(o.customerId, o);
  }

  snapshot(): CustomerOverride[] {
    return [...this.byCustomer.values()];
  }

  all(): Iterable<CustomerOverride> {
    return this.byCustomer.values();
  }

  /** A customer's settings and the ladder that applies to them; `today` is read only for a customer with settings. */
  view(customerId: string, planSteps: readonly ReminderStep[], today: () => IsoDate): CustomerWatchView {
    const override = this.byCustomer.get(customerId);
    const planOverride = override?.planOverride ?? null;
    return {
      customerId,
      planOverride: planOverride && planOverride.map((s) => ({ offsetDays: s.offsetDays })),
      pausedUntil: override?.pausedUntil ?? null,
      stopped: override?.stopped ?? false,
      effectiveSteps: (planOverride ?? planSteps).map((s) => ({ offsetDays: s.offsetDays })),
      heldToday: override ? isHeld(override, today()) : false,
      updatedAt: override?.updatedAt ?? null,
    };
  }

  /** Replaces a customer's settings; settings that change nothing are forgotten, not stored. */
  update(input: CustomerWatchUpdate, now: () => Date): void {
    if (isDefaultOverride(input)) this.byCustomer.delete(input.customerId);
    else {
      this.byCustomer.set(input.customerId, {
        customerId: input.customerId,
        planOverride: input.planOverride && normalizeSteps(input.planOverride),
        pausedUntil: input.pausedUntil,
        stopped: input.stopped,
        updatedAt: now().toISOString(),
      });
    }
  }
}
