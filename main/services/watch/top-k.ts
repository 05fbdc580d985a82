/**
 * The `k` best of a stream, best first, without sorting the whole stream: a sorted array of at
 * most `k` that a candidate enters only if it beats the current last. For the "due today" list:
 * a million raised reminders, the 200 most pressing shown.
 */
export class TopK<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly k: number,
    /** Negative when `a` comes before (is better than) `b`. */
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    const items = this.items;
    if (items.length === this.k && this.compare(item, items[items.length - 1]!) >= 0) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(items[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, item);
    if (items.length > this.k) items.pop();
  }

  best(): T[] {
    return [...this.items];
  }
}
