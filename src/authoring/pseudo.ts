/**
 * Pseudo-localisation: text that is still readable but visibly "translated", accented and about a
 * third longer, to find hard-coded strings, missing fonts and layouts that break with longer
 * languages. Placeholders, HTML tags, Markdown link targets, code and entities are left as they are,
 * so a pseudo-translation passes every check a real one must.
 */
const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Pieces never changed: placeholders, HTML tags and entities, Markdown link targets, code spans, URLs. */
const PROTECTED = /\{\{[^{}]*\}\}|\$t\([^()]*\)|<[^<>]*>|&[#\w]+;|\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)|`[^`]*`|https?:\/\/\S+/g;

function accent(text: string): string {
  // Doubling every vowel makes the text roughly 30-40% longer, as German or Finnish often are.
  return text.replace(/[A-Za-z]/g, (c) => (/[aeiouAEIOU]/.test(c) ? ACCENTED[c]! + ACCENTED[c.toLowerCase()]! : ACCENTED[c]!));
}

export function pseudoLocalize(text: string, options: { brackets?: boolean } = {}): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PROTECTED)) {
    out += accent(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  out += accent(text.slice(last));
  // Brackets show where a string is cut off; Markdown keeps none, as they could change its structure.
  return options.brackets ? `⟦${out}⟧` : out;
}
