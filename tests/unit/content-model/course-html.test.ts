/**
 * No route from a string to markup the author did not write as Markdown: the renderer's output is
 * always course HTML (the one list, shared by the build and the page's Trusted Types policy), and
 * anything else is refused by that list and shown as text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courseHtmlProblem, escapeHtml } from '../../../src/content-model/html-allowlist.ts';
import { renderMarkdown } from '../../../src/content-model/markdown.ts';
import { escapeMarkdown } from '../../../src/content-model/nesting.ts';
import { checkedCourseHtml } from '../../../src/player/shared/Html.tsx';

/** Text full of what Markdown and HTML make markup from. */
const markdownish = fc.string({
  unit: fc.constantFrom(
    ...'ab <>&"\'*_`[]()!#-+.|~\\=/:\n'.split(''),
    '<iframe src=x>',
    '<script>',
    '](https://example.org/a)',
    '](javascript:alert(1))',
    '![i](https://evil.example/p.gif)',
    '<meta http-equiv=refresh content="0;url=https://evil.example">',
    '&#106;',
    '\n\n',
    '1. ',
    '| a | b |\n|:--|--:|\n| c | d |\n',
  ),
  maxLength: 60,
});

describe('course HTML', () => {
  it('is whatever the renderer makes from any Markdown, as long as its links are full addresses', () => {
    fc.assert(
      fc.property(markdownish, (source) => {
        const problem = courseHtmlProblem(renderMarkdown(source));
        expect(problem === undefined || /^a link to "/.test(problem), `${JSON.stringify(source)}: ${problem}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a fenced block no class from its info string, whatever the author wrote after the fence', () => {
    for (const info of ['<', 'c++', 'js', '"x" onclick=y'])
      for (const fence of ['~~~', '```']) {
        const html = renderMarkdown(`${fence}${info}\nsome code\n${fence}`);
        expect(html, `${fence}${info}`).toBe('<pre><code>some code\n</code></pre>');
        expect(courseHtmlProblem(html)).toBeUndefined();
      }
  });

  it('turns any plain string nested into Markdown into exactly its text', () => {
    fc.assert(
      fc.property(markdownish, (plain) => {
        const html = renderMarkdown(`Before ${escapeMarkdown(plain)} after`);
        expect(courseHtmlProblem(html)).toBeUndefined();
        const text = html
          .replace(/<\/?p>/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        expect(text).toBe(`Before ${plain.replace(/\n/g, ' ')} after`);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['<iframe src="https://evil.example/"></iframe>', 'a <iframe> element, which course text never has'],
    ['<form action="https://evil.example/"><button>x</button></form>', 'a <form> element, which course text never has'],
    ['<a href="https://evil.example/" style="position:fixed;inset:0">x</a>', 'a style attribute on <a>, which course text never has'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', 'a <meta> element, which course text never has'],
    ['<p onclick="x()">x</p>', 'a onclick attribute on <p>, which course text never has'],
    ['<a href="javascript:alert(1)">x</a>', 'a link to "javascript:alert(1)", which is not a full https:, http: or mailto: address'],
    ['<a href="&#106;avascript:alert(1)">x</a>', 'a link to "javascript:alert(1)", which is not a full https:, http: or mailto: address'],
    ['<img src=x onerror=alert(1)>', 'markup that is not a plain tag at character 1 ("<img src=x onerror=a")'],
    ['<!-- x --><p>y</p>', 'markup that is not a plain tag at character 1 ("<!-- x --><p>y</p>")'],
  ])('refuses %s', (html, problem) => {
    expect(courseHtmlProblem(html)).toBe(problem);
    // The page's policy shows it as text instead.
    expect(checkedCourseHtml(html)).toBe(escapeHtml(html));
  });

  it('accepts what course Markdown makes: links that open a new window, lists, code, headings', () => {
    const html = renderMarkdown(
      '# T\n\n**b** *e* `c` [l](https://example.org/?a=1&b="2") [m](mailto:a@example.org)\n\n3. x\n4. y\n\n> q\n\n```js\nx\n```',
    );
    expect(html).toContain('<a href="https://example.org/?a=1&amp;b=%222%22" target="_blank" rel="noopener noreferrer">');
    expect(courseHtmlProblem(html)).toBeUndefined();
    expect(checkedCourseHtml(html)).toBe(html);
  });

  it('renders no Markdown image and no table alignment style', () => {
    expect(renderMarkdown('![x](https://evil.example/p.gif)')).not.toContain('<img');
    expect(renderMarkdown('| a | b |\n|:--|--:|\n| c | d |')).not.toContain('style=');
  });
});
