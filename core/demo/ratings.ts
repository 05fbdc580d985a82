import { epochDay } from '../dates';
import type { Member } from '../member';
import type { IsoDate } from '../primitives';
import type { IncidentTag, PositiveTag, Scores } from '../rating';
import type { Book, PayerProfile } from './book';
import type { Rng } from './random';

/** The team's ratings of a customer, given at the quarterly workshops. */
function clampScore(n: number): number {
  return Math.min(5, Math.max(1, Math.round(n)));
}

/** The 15th of the last month of each quarter, inside the window: the team's workshop days. */
export function workshopDays(today: IsoDate, windowStart: number, todayDay: number): number[] {
  const days: number[] = [];
  const year = Number(today.slice(0, 4));
  for (let y = year - 3; y <= year; y++) {
    for (const m of ['03', '06', '09', '12']) {
      const day = epochDay(`${String(y).padStart(4, '0')}-${m}-15`);
      if (day >= windowStart && day <= todayDay) days.push(day);
    }
  }
  return days;
}

/** Scores one rater might give a customer of this profile; staff, who deal with them most, are harsher on manners. */
function makeScores(rng: Rng, profile: PayerProfile, temperament: number, raterRole: Member['role']): Scores {
  const noise = (): number => rng.weighted([
    [-1, 20],
    [0, 60],
    [1, 20],
  ] as const);
  const base = {
    timelyPayment: profile === 'prompt' ? rng.int(4, 5) : profile === 'late' ? rng.int(2, 3) : rng.int(1, 2),
    reliability: profile === 'prompt' ? rng.int(3, 5) : profile === 'late' ? rng.int(2, 4) : rng.int(1, 3),
    respect: temperament,
    effortToServe: Math.max(1, temperament - (profile === 'bad' ? 1 : 0)),
  };
  const staffBias = raterRole === 'staff' && temperament <= 3 && rng.chance(0.5) ? -1 : 0;
  const timelyPayment = clampScore(base.timelyPayment + (rng.chance(0.3) ? noise() : 0));
  const reliability = clampScore(base.reliability + noise());
  const respect = clampScore(base.respect + noise() + staffBias);
  const effortToServe = clampScore(base.effortToServe + noise() + staffBias);
  const overall = clampScore((timelyPayment + reliability + respect + effortToServe) / 4 + (rng.chance(0.3) ? noise() : 0));
  return { timelyPayment, reliability, respect, effortToServe, overall };
}

function incidentsFor(rng: Rng, s: Scores, profile: PayerProfile): IncidentTag[] {
  const tags: IncidentTag[] = [];
  if (s.timelyPayment <= 2 && rng.chance(0.8)) tags.push('late_payment');
  if (s.reliability <= 2 && rng.chance(0.5)) tags.push('last_minute_cancellation');
  if (s.respect <= 1 && rng.chance(0.6)) tags.push('offensive_or_abusive');
  else if (s.respect === 2 && rng.chance(0.4)) tags.push('unjustified_complaint');
  if (profile === 'bad' && rng.chance(0.05)) tags.push('property_damage');
  if (profile === 'bad' && rng.chance(0.05)) tags.push('policy_breach');
  return tags;
}

function positivesFor(rng: Rng, s: Scores, invoices: number): PositiveTag[] {
  const tags: PositiveTag[] = [];
  if (s.timelyPayment === 5 && rng.chance(0.5)) tags.push('pays_early');
  if (s.overall >= 4 && invoices >= 4 && rng.chance(0.6)) tags.push('loyal');
  if (s.overall >= 4 && rng.chance(0.15)) tags.push('refers_others');
  if (s.respect >= 4 && rng.chance(0.5)) tags.push('pleasant');
  return tags;
}

export function addRatings(
  book: Book,
  customerId: string,
  profile: PayerProfile,
  createdDay: number,
  invoiceCount: number,
  lateInvoiceIds: readonly string[],
): void {
  const { rng, out } = book;
  const members = out.members;
  const eligible = book.workshopDays.filter((d) => d >= createdDay);
  if (members.length === 0 || eligible.length === 0) return;
  // One of the last three workshops since the customer arrived.
  const sessionDay = eligible[eligible.length - 1 - rng.int(0, Math.min(2, eligible.length - 1))];
  if (sessionDay === undefined) return;
  const temperament = rng.weighted([
    [2, 10],
    [3, 25],
    [4, 40],
    [5, 25],
  ] as const);
  const count = rng.int(1, Math.min(3, members.length));
  // A partial shuffle picks `count` different raters.
  const order = members.map((_, i) => i);
  for (let k = 0; k < count; k++) {
    const j = rng.int(k, order.length - 1);
    const a = order[k] ?? 0;
    order[k] = order[j] ?? 0;
    order[j] = a;
    const rater = members[order[k] ?? 0];
    if (!rater) continue;
    // Now and then a rating comes from an earlier workshop, so trends have two points.
    const earlier = eligible.filter((d) => d < sessionDay);
    const day = k > 0 && earlier.length > 0 && rng.chance(0.25) ? rng.pick(earlier) : sessionDay;
    const scores = makeScores(rng, profile, temperament, rater.role);
    const incidents = incidentsFor(rng, scores, profile);
    const positives = positivesFor(rng, scores, invoiceCount);
    const invoiceId = incidents.includes('late_payment') && lateInvoiceIds.length > 0 ? rng.pick(lateInvoiceIds) : null;
    out.ratings.push({
      id: rng.uuid(),
      customerId,
      raterId: rater.id,
      raterName: rater.name,
      date: book.texts.date(day),
      scores,
      incidents,
      positives,
      invoiceId,
      note: incidents.length > 1 && rng.chance(0.3) ? 'Discussed at the workshop; keep an eye on this one.' : '',
      createdAt: book.texts.instant(rng, day),
    });
  }
}
