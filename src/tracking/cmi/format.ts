/**
 * Value formats of the two data models: times, durations, identifiers and decimals. Pure functions, so
 * the formats can be tested against each version's grammar on their own. (Responses to questions are
 * their question type's business: src/question-types/cmi.ts.)
 */

const pad = (n: number, width = 2) => String(Math.trunc(n)).padStart(width, '0');

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (hours 2-4 digits; capped at 9999:59:59.99). */
export function timespan12(ms: number): string {
  const cs = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 359999);
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${pad(h, 4)}:${pad(m)}:${pad(s)}.${pad(cs % 100)}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration) with 0.01 s precision, e.g. `PT1H2M3.45S`, `PT0S`. */
export function duration2004(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  let out = 'PT';
  if (h) out += `${h}H`;
  if (m) out += `${m}M`;
  if (s || (!h && !m)) out += `${Number.isInteger(s) ? s : s.toFixed(2).replace(/0$/, '')}S`;
  return out;
}

/** SCORM 1.2 CMITime `HH:MM:SS` in the learner's local time (cmi.interactions.n.time). */
export function time12(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * SCORM 2004 time(second,10,0) `YYYY-MM-DDThh:mm:ss.ssZ`, in UTC. The grammar allows a time zone only
 * after the fraction of a second, and at most two fraction digits are portable.
 */
export function timestamp2004(date: Date): string {
  const y = date.getUTCFullYear();
  return `${pad(y, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(Math.floor(date.getUTCMilliseconds() / 10))}Z`;
}

/**
 * An identifier both versions accept: SCORM 1.2 CMIIdentifier is strictly letters, digits, `-` and `_`,
 * so the dots of course ids (`alpha.q1`) become `_` (content ids never contain `_`, so nothing collides).
 */
export function cmiId(...parts: string[]): string {
  return parts
    .join('_')
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, 250);
}

/** A decimal for CMIDecimal / real(10,7): no exponent, at most 4 decimals, no trailing zeros. */
export function decimal(n: number): string {
  const r = Math.round(n * 10000) / 10000;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Cuts a text to `max` UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}
