/**
 * Course text that was Markdown: the one place the player injects HTML. The content plugin renders it
 * at build time with raw HTML and images off and nesting resolved, and checks the result against the
 * list of what course HTML is (src/content-model/html-allowlist.ts), so the string is markup made
 * only from the author's Markdown: that is the guarantee, in every browser.
 *
 * Where the browser has Trusted Types, the string also passes the page's one HTML policy,
 * `course-html`, which checks it against the same list (anything else arrives as visible text, never
 * as markup), and the launch page's CSP (`require-trusted-types-for 'script'`) refuses every other
 * string at every HTML sink: no route from a string to markup exists besides this one.
 */
import { useMemo } from 'react';
import { courseHtmlProblem, escapeHtml } from '../../content-model/html-allowlist.ts';
import { HTML_POLICY_NAMES } from './html-policy.ts';

/** The markup the page may receive: course HTML as it is, anything else as text. */
export function checkedCourseHtml(html: string): string {
  const problem = courseHtmlProblem(html);
  if (!problem) return html;
  console.error(`Course text refused as markup (${problem}); shown as text instead.`);
  return escapeHtml(html);
}

interface Policy {
  createHTML(input: string): TrustedHTML;
}
interface PolicyFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string }): Policy;
}

/** Created once per page; without Trusted Types (and so without their CSP) the checked string is used. */
const policy = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes?.createPolicy(HTML_POLICY_NAMES[0], {
  createHTML: checkedCourseHtml,
});

/** The course HTML as the page's HTML sinks accept it. */
export function pageHtml(html: string): TrustedHTML | string {
  return policy ? policy.createHTML(html) : checkedCourseHtml(html);
}

export function Html({ html, className }: { html: string; className?: string }) {
  const safe = useMemo(() => pageHtml(html), [html]);
  return <div className={className ? `prose ${className}` : 'prose'} dangerouslySetInnerHTML={{ __html: safe }} />;
}
