/** The comparisons and safety checks behind validate and i18n:import, on single strings. */
import { describe, expect, it } from 'vitest';
import { compareWithSource, markupSignature, placeholders, unsafeMarkup } from '../../../src/content-model/text-checks.ts';

describe('placeholders', () => {
  it('normalises spacing and formats, and keeps nesting', () => {
    expect(placeholders('{{ name }} has {{count, number}} and {{- raw}} $t(other.key)')).toEqual([
      '$t(other.key)',
      '{{count}}',
      '{{name}}',
      '{{raw}}',
    ]);
  });
});

describe('compareWithSource', () => {
  it('accepts reordered placeholders and the same markup in other words', () => {
    expect(
      compareWithSource('{{a}} før {{b}}, se [her](https://x.dk).', '{{b}} after {{a}}, see [here](https://x.dk).', 'markdown', 'da'),
    ).toEqual([]);
  });
  it('counts repeated placeholders', () => {
    expect(compareWithSource('{{n}} og {{n}}', '{{n}}', 'plain', 'da')).toEqual([
      'interpolation variables differ from the source (da): missing {{n}}',
    ]);
  });
  it('sees lost list items and headings in Markdown', () => {
    expect(markupSignature('# Titel\n\n- a\n- b', 'markdown')).toEqual(['bulleted list', 'heading', 'list item', 'list item']);
    expect(compareWithSource('- a\n- b', '- a, b', 'markdown', 'da')).toEqual(['Markdown differs from the source (da): missing list item']);
  });
  it('compares HTML tags in plain text, and nothing else', () => {
    expect(compareWithSource('Tryk <b>Næste</b>', 'Press Next', 'plain', 'da')).toEqual([
      'HTML tags differ from the source (da): missing </b>, <b>',
    ]);
    expect(compareWithSource('a **b**', 'a b', 'plain', 'da')).toEqual([]);
  });
});

describe('unsafeMarkup', () => {
  it('finds scripts, event handlers and script URLs, also when disguised', () => {
    expect(unsafeMarkup('<SCRIPT>x</SCRIPT>', 'plain')).toEqual(['contains a <script> tag: scripts are never allowed in course text']);
    expect(unsafeMarkup('<div onmouseover = "x">', 'plain')).toEqual([
      'contains an event-handler attribute (onmouseover=): not allowed in course text',
    ]);
    expect(unsafeMarkup('<img src=x onerror=alert(1)', 'plain')).toEqual([
      'contains an event-handler attribute (onerror=): not allowed in course text',
    ]);
    expect(unsafeMarkup("x\" onfocus='alert(1)'", 'plain')).toEqual([
      'contains an event-handler attribute (onfocus=): not allowed in course text',
    ]);
    for (const link of [
      '[x](javascript:alert(1))',
      '[x](java\tscript:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '<a href="JavaScript:void(0)">x</a>',
    ])
      expect(unsafeMarkup(link, 'markdown')[0], link).toBe('contains a javascript: URL: links must use https:, http: or mailto:');
    expect(unsafeMarkup('[x](data:text/html;base64,PHNjcmlwdD4=)', 'markdown')).toEqual([
      'contains a data:text/html URL: links must use https:, http: or mailto:',
    ]);
  });
  it('leaves ordinary text alone', () => {
    for (const text of [
      'JavaScript: a language for the web.',
      'Learn about onboarding = success.',
      'See <https://example.org> and `<b>` in code.',
      'a < b > c',
    ])
      expect(unsafeMarkup(text, 'markdown'), text).toEqual([]);
  });
  it('reports raw HTML in Markdown fields only', () => {
    expect(unsafeMarkup('Text <br> more <!-- note -->', 'markdown')).toEqual([
      'contains raw HTML (<br>, HTML comment): Markdown fields show HTML as literal text; use Markdown instead (**bold**, *emphasis*, [text](https://...))',
    ]);
    expect(unsafeMarkup('Text <br> more', 'plain')).toEqual([]);
  });
});
