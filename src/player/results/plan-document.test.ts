import { describe, expect, it } from 'vitest';
import { escapeHtml, planHtml } from './plan-document.ts';

const doc = {
  lang: 'en',
  title: 'My action plan',
  courseTitle: 'Course',
  intro: 'One step per principle.',
  ratingLabel: 'Rating',
  emptyStep: 'No step written yet.',
  date: '1 May 2026',
  items: [
    { title: 'Alpha', rating: '3 of 5', step: 'Talk to <the board> & "listen"\n\nThen act' },
    { title: 'Beta', rating: 'Not rated', step: '  ' },
  ],
};

describe('plan document', () => {
  it('escapes everything the learner wrote', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = planHtml(doc);
    expect(html).toContain('Talk to &lt;the board&gt; &amp; &quot;listen&quot;');
    expect(html).not.toContain('<the board>');
  });

  it('is a standalone document in the learner’s language with no scripts or external resources', () => {
    const html = planHtml(doc);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\//i);
  });

  it('has one section per principle, keeps paragraphs, and marks an empty step', () => {
    const html = planHtml(doc);
    expect(html.match(/<section>/g)).toHaveLength(2);
    expect(html).toContain('<p>Then act</p>');
    expect(html).toContain('<p><strong>Rating:</strong> 3 of 5</p>');
    expect(html).toContain('<em>No step written yet.</em>');
  });
});
