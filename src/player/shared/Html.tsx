/**
 * Course text that was Markdown. The content plugin renders it at build time with raw HTML disabled, so
 * the string is safe markup made only from the author's Markdown; it is the one place HTML is injected.
 */
export function Html({ html, className }: { html: string; className?: string }) {
  return <div className={className ? `prose ${className}` : 'prose'} dangerouslySetInnerHTML={{ __html: html }} />;
}
