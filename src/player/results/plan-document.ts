/**
 * The action plan as a standalone HTML file in the learner's language: no scripts, no external
 * resources, every learner-written string escaped. It opens in any browser and prints as it is.
 */

export interface PlanItem {
  title: string;
  /** e.g. "3 of 5" or "Not rated", already in the learner's language */
  rating: string;
  step: string;
}

export interface PlanDocument {
  lang: string;
  title: string;
  courseTitle: string;
  intro: string;
  ratingLabel: string;
  emptyStep: string;
  date: string;
  items: PlanItem[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

export function planHtml(doc: PlanDocument): string {
  const items = doc.items
    .map(
      (i) => `<section>
<h2>${escapeHtml(i.title)}</h2>
<p><strong>${escapeHtml(doc.ratingLabel)}:</strong> ${escapeHtml(i.rating)}</p>
${i.step.trim() ? paragraphs(i.step) : `<p><em>${escapeHtml(doc.emptyStep)}</em></p>`}
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(doc.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)} – ${escapeHtml(doc.courseTitle)}</title>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<p>${escapeHtml(doc.courseTitle)} · ${escapeHtml(doc.date)}</p>
<p>${escapeHtml(doc.intro)}</p>
${items}
</body>
</html>
`;
}

/** Saves text as a file through an object URL (no server round trip, nothing leaves the browser). */
export function downloadFile(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
