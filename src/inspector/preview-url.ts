/**
 * The preview's own URL parameters, read only by the dev server's build: they let the inspector reload
 * the course with another SCORM version or language, or at another place, without touching code.
 *
 *   ?target=scorm12   the package target to run as     ?lang=en        the first UI language
 *   ?jump=p03/case    open module p03 at page "case" (or ?jump=p03 for its first page, ?jump=final)
 */
import type { Course } from '../content-model/types.ts';
import { isTargetId, type TargetId } from '../targets/index.ts';
import type { Location, Saved } from '../engine/index.ts';
import { emptyRecord } from '../engine/record.ts';

export interface PreviewParams {
  target?: TargetId;
  lang?: string;
  jump?: { moduleId: string; pageId?: string } | 'final' | 'results' | 'menu';
}

export function readPreviewParams(search: string): PreviewParams {
  const q = new URLSearchParams(search);
  const out: PreviewParams = {};
  const target = q.get('target');
  if (isTargetId(target)) out.target = target;
  const lang = q.get('lang');
  if (lang) out.lang = lang;
  const jump = q.get('jump');
  if (jump === 'final' || jump === 'results' || jump === 'menu') out.jump = jump;
  else if (jump) {
    const [moduleId, pageId] = jump.split('/');
    out.jump = pageId ? { moduleId: moduleId!, pageId } : { moduleId: moduleId! };
  }
  return out;
}

/** The saved state with its location moved to the jump target; gating does not apply in the preview. */
export function applyJump(saved: Saved | undefined, course: Course, jump: PreviewParams['jump']): Saved | undefined {
  if (!jump) return saved;
  const record = saved?.record ?? emptyRecord();
  if (typeof jump === 'string') {
    if (jump !== 'final') return { record, location: jump };
    // The final opens only when every module is done: the preview marks them done.
    const modules = Object.fromEntries(course.modules.map((m) => [m.id, { ...(record.modules[m.id] ?? { answers: {} }), done: true }]));
    return { record: { ...record, modules }, location: 'final' };
  }
  const m = course.modules.find((x) => x.id === jump.moduleId);
  if (!m) return saved;
  const page = m.pages.find((p) => p.id === jump.pageId) ?? m.pages[0]!;
  const previous = record.modules[m.id] ?? { done: false, answers: {} };
  return {
    record: { ...record, modules: { ...record.modules, [m.id]: { ...previous, at: `page:${page.id}` } } },
    location: `module:${m.id}` as Location,
  };
}

export function previewUrl(current: string, change: Record<string, string | undefined>): string {
  const url = new URL(current);
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  return url.toString();
}
