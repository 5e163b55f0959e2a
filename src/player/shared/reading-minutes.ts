/**
 * Reading-time estimates from the built course. Loaded lazily and only when the bootstrap does not pass
 * them, so that tests (which have no `virtual:course`) never touch this module.
 */
import type { ReadingMinutes } from './player-context';

export async function loadReadingMinutes(): Promise<ReadingMinutes> {
  const m = await import('virtual:course');
  return m.readingMinutes;
}
