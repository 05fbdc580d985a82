import { useEffect, useState } from 'react';
import { todayIn } from '@core/dates';

/**
 * "Today" in the business's time zone. A minute tick re-reads the clock, so the day changes
 * while the app stays open; the returned string only changes when the day does.
 */
export function useToday(timeZone: string): string {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return todayIn(timeZone, new Date(now));
}
