/**
 * The suspend-data guarantee: the saved state never exceeds the SCORM version's suspend-data limit
 * (4,096 characters in 1.2, 64,000 in 2004), and, being ASCII (format 2), never more UTF-8 bytes than
 * characters. The engine holds it by construction (src/engine/room.ts): a text is kept only while the
 * reserve state (everything else at its largest) fits. This builds that worst case for a course with
 * given texts: every module done and revisited, every question answered with its longest choice after
 * every try, every decision made, every final-assessment attempt used and the latest holding an answer
 * to every question, drawn from the questions with the longest ids, on the longest location.
 */
import type { Course, TextLimits } from '../content-model/types.ts';
import { encodeSnapshot, longestChoice, reserveSaved, type Saved } from '../engine/index.ts';

export { longestChoice };

/**
 * Characters that stress the codec and the LMS: the codec's own delimiters, quotes and markup, Danish
 * letters, a line break and a character outside the BMP (two UTF-16 units).
 */
export const WORST_CHARACTERS = ['{', '}', '[', ']', ':', '#', '_', 'T', '9', '~', ',', '"', '\\', '<', '&', '\n', 'æ', 'ø', 'Å', '😀'];

/** A text of exactly `length` UTF-16 units (the unit the player's limits count), cycling the worst characters. */
export function worstText(length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    const c = WORST_CHARACTERS[i % WORST_CHARACTERS.length]!;
    out += out.length + c.length <= length ? c : 'x';
  }
  return out;
}

/** Every reflection and action step of the course, in course order, with a text made for it. */
export function textsAtCaps(course: Course, limits: TextLimits, text: (kind: 'reflection' | 'plan', index: number, cap: number) => string) {
  let r = 0;
  let p = 0;
  return Object.fromEntries(
    course.modules.map((m) => [
      m.id,
      {
        ...(m.reflection ? { reflection: text('reflection', r++, limits.reflection) } : {}),
        ...(m.selfAssessment ? { plan: text('plan', p++, limits.actionStep) } : {}),
      },
    ]),
  );
}

/**
 * The worst case with every text at its cap in text deflate cannot shrink (what the 2004 limit is
 * measured with; in 1.2 the room holds such text, see the suspend-budget test).
 */
export function worstCaseSaved(course: Course, limits: TextLimits): Saved {
  return reserveSaved(
    course,
    textsAtCaps(course, limits, (kind, i, cap) => incompressibleText(cap, (kind === 'plan' ? 1000 : 1) + i)),
  );
}

export interface SuspendSize {
  /** UTF-16 units: what the SCORM limits and scorm-again count. */
  chars: number;
  /** For LMSs that store bytes. */
  utf8Bytes: number;
  limit: number;
  fits: boolean;
}

export const SUSPEND_LIMITS = { scorm12: 4096, scorm2004: 64000 } as const;

export function sizeOf(saved: Saved, course: Course, version: 'scorm12' | 'scorm2004'): SuspendSize {
  const encoded = encodeSnapshot(saved, course);
  const limit = SUSPEND_LIMITS[version];
  return { chars: encoded.length, utf8Bytes: new TextEncoder().encode(encoded).length, limit, fits: encoded.length <= limit };
}

export function worstCaseSize(course: Course, version: 'scorm12' | 'scorm2004'): SuspendSize {
  return sizeOf(worstCaseSaved(course, course.settings.limits[version]), course, version);
}

/**
 * A text of exactly `length` UTF-16 units that deflate cannot shrink: pseudo-random printable ASCII,
 * Danish letters and, now and then, a character outside the BMP. The same `seed` gives the same text.
 */
export function incompressibleText(length: number, seed = 1): string {
  const danish = 'æøåÆØÅé\n';
  let x = seed >>> 0 || 1;
  let out = '';
  while (out.length < length) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const r = (x >>> 0) % 110;
    const c = r < 94 ? String.fromCharCode(0x21 + r) : r < 108 ? danish[r % danish.length]! : '😀';
    out += out.length + c.length <= length ? c : 'x';
  }
  return out;
}
