/** "Did you mean ...?": the closest of the allowed names to what the author wrote, when it is close. */
import { distance } from 'fastest-levenshtein';

/**
 * The allowed name nearest to `written`, if it is a plausible typo: one edit for a short name, else up
 * to a third of its letters (at least two, so that a swap of two letters counts).
 */
export function closestName(written: string, allowed: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = written.toLowerCase();
  for (const name of allowed) {
    if (name === written) continue;
    // Same letters in another order (a swap) is nearer than a different word at the same distance.
    const d = name.toLowerCase() === lower ? 0.5 : distance(lower, name.toLowerCase()) - (sameLetters(lower, name.toLowerCase()) ? 0.5 : 0);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  if (best === undefined) return undefined;
  const length = Math.max(written.length, best.length);
  return bestDistance <= (length <= 3 ? 1 : Math.max(2, Math.floor(length / 3))) ? best : undefined;
}

/** `unknown key "knowlegeCheck": did you mean "knowledgeCheck"?` or, without a near name, the allowed ones. */
export function unknownKeyMessage(key: string, allowed: readonly string[], where: string): string {
  const near = closestName(key, allowed);
  if (near) return `unknown key "${key}": did you mean "${near}"?`;
  const list = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')} ...` : allowed.join(', ');
  return `unknown key "${key}": ${where} allows ${list || 'no keys'}`;
}

const sameLetters = (a: string, b: string) => a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
