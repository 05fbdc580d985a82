import type { IsoDate } from './primitives';
import { CRITERIA, IncidentTag, PositiveTag } from './rating';
import type { Criterion, Rating } from './rating';

/**
 * What a customer's ratings add up to: criteria means, incidents and positives, a quarterly
 * trend for the workshop, and how far the team disagrees. Means are left unrounded; rounding
 * is the screen's business.
 */

export type CriterionAverages = Record<Criterion, number | null>;

export type RatingSummary = {
  count: number;
  /** Distinct people who rated. */
  raters: number;
  averages: CriterionAverages;
  /** Mean of the five criteria means, so each criterion weighs the same. */
  overall: number | null;
  /** Most recent first. */
  incidents: { tag: IncidentTag; count: number; lastDate: IsoDate }[];
  /** Most frequent first. */
  positives: { tag: PositiveTag; count: number }[];
  /** Ascending by quarter, e.g. "2025-Q3"; only quarters with ratings. */
  byQuarter: { quarter: string; averages: CriterionAverages; count: number }[];
};

function emptyAverages(): CriterionAverages {
  return { timelyPayment: null, reliability: null, respect: null, effortToServe: null, overall: null };
}

function averagesOf(ratings: readonly Rating[]): CriterionAverages {
  const out = emptyAverages();
  if (ratings.length === 0) return out;
  for (const c of CRITERIA) {
    let sum = 0;
    for (const r of ratings) sum += r.scores[c];
    out[c] = sum / ratings.length;
  }
  return out;
}

/** "2025-08-14" → "2025-Q3". */
export function quarterOf(date: IsoDate): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

export function summariseRatings(ratings: readonly Rating[]): RatingSummary {
  const averages = averagesOf(ratings);
  let overall: number | null = null;
  if (ratings.length > 0) {
    let sum = 0;
    for (const c of CRITERIA) sum += averages[c] ?? 0;
    overall = sum / CRITERIA.length;
  }

  const incidentMap = new Map<IncidentTag, { count: number; lastDate: IsoDate }>();
  const positiveMap = new Map<PositiveTag, number>();
  const quarterMap = new Map<string, Rating[]>();
  for (const r of ratings) {
    for (const tag of r.incidents) {
      const seen = incidentMap.get(tag);
      if (!seen) incidentMap.set(tag, { count: 1, lastDate: r.date });
      else {
        seen.count++;
        if (r.date > seen.lastDate) seen.lastDate = r.date;
      }
    }
    for (const tag of r.positives) positiveMap.set(tag, (positiveMap.get(tag) ?? 0) + 1);
    const q = quarterOf(r.date);
    const bucket = quarterMap.get(q);
    if (bucket) bucket.push(r);
    else quarterMap.set(q, [r]);
  }

  // Ties break by the order the schema lists tags in, so the output never depends on input order.
  const incidentOrder = IncidentTag.options;
  const incidents = [...incidentMap]
    .map(([tag, v]) => ({ tag, count: v.count, lastDate: v.lastDate }))
    .sort(
      (a, b) =>
        (a.lastDate < b.lastDate ? 1 : a.lastDate > b.lastDate ? -1 : 0) ||
        b.count - a.count ||
        incidentOrder.indexOf(a.tag) - incidentOrder.indexOf(b.tag),
    );
  const positiveOrder = PositiveTag.options;
  const positives = [...positiveMap]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || positiveOrder.indexOf(a.tag) - positiveOrder.indexOf(b.tag));
  const byQuarter = [...quarterMap]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([quarter, rs]) => ({ quarter, averages: averagesOf(rs), count: rs.length }));

  return { count: ratings.length, raters: new Set(ratings.map((r) => r.raterId)).size, averages, overall, incidents, positives, byQuarter };
}

/** Later date wins; on the same day, the later createdAt (instants compared as times, not text). */
function isLater(a: Rating, b: Rating): boolean {
  if (a.date !== b.date) return a.date > b.date;
  return Date.parse(a.createdAt) > Date.parse(b.createdAt);
}

/**
 * How far the team disagrees, per criterion: max − min over each rater's *latest* score
 * (an old score someone has since revised is not a disagreement). Null with fewer than two
 * raters. 0 means everyone agrees; 4 means someone gave 1 and someone 5.
 */
export function disagreement(ratings: readonly Rating[]): CriterionAverages {
  const latest = new Map<string, Rating>();
  for (const r of ratings) {
    const seen = latest.get(r.raterId);
    if (!seen || isLater(r, seen)) latest.set(r.raterId, r);
  }
  const out = emptyAverages();
  if (latest.size < 2) return out;
  for (const c of CRITERIA) {
    let min = Infinity;
    let max = -Infinity;
    for (const r of latest.values()) {
      min = Math.min(min, r.scores[c]);
      max = Math.max(max, r.scores[c]);
    }
    out[c] = max - min;
  }
  return out;
}
