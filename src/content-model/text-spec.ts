/**
 * Which strings a course needs, derived from its structure. The loader, the validator, the reading-time
 * estimate and the translation tools all read this one list, so a new block type is declared once.
 */
import { modelOf } from '../question-types/index.ts';
import type { Block, Course, Module, Question } from './types.ts';

export type TextKind = 'plain' | 'markdown';

export interface TextSlot {
  /** Key path inside the namespace, e.g. ['pages', 'why', 'title']. */
  path: string[];
  kind: TextKind;
  optional?: boolean;
  /** Not counted in the module's reading time (final-assessment bank questions). */
  notRead?: boolean;
}

const slot = (path: string[], kind: TextKind = 'plain', extra: Partial<TextSlot> = {}): TextSlot => ({ path, kind, ...extra });

function blockSlots(base: string[], block: Block): TextSlot[] {
  const at = [...base, block.id];
  switch (block.type) {
    case 'text':
      return [slot([...at, 'body'], 'markdown')];
    case 'callout':
      return [slot([...at, 'title'], 'plain', { optional: true }), slot([...at, 'body'], 'markdown')];
    case 'image':
      return [slot([...at, 'alt']), slot([...at, 'caption'], 'plain', { optional: true })];
    case 'case':
      return [slot([...at, 'title']), slot([...at, 'body'], 'markdown'), slot([...at, 'decision'])];
    case 'figure':
      return [
        slot([...at, 'alt']),
        slot([...at, 'caption'], 'plain', { optional: true }),
        // The figure as text, for a phone or a screen reader: what the diagram shows, in words.
        slot([...at, 'description'], 'markdown', { optional: true }),
        ...block.labels.map((l) => slot([...at, 'labels', l])),
      ];
    case 'reveal':
      return [slot([...at, 'title']), slot([...at, 'body'], 'markdown')];
    case 'keyfigure':
      return [slot([...at, 'value']), slot([...at, 'label']), slot([...at, 'source'], 'plain', { optional: true })];
    case 'quote':
      return [slot([...at, 'text']), slot([...at, 'source'])];
    case 'decision':
      return [
        slot([...at, 'title']),
        slot([...at, 'body'], 'markdown'),
        slot([...at, 'question']),
        ...block.options.flatMap((o) => [slot([...at, 'options', o, 'text']), slot([...at, 'options', o, 'consequence'], 'markdown')]),
        slot([...at, 'debrief'], 'markdown'),
      ];
  }
}

/** A question's prompt, then the strings its type needs (src/question-types/<type>/model.ts). */
function questionSlots(base: string[], q: Question, extra: Partial<TextSlot> = {}): TextSlot[] {
  const at = [...base, q.localId];
  return [
    slot([...at, 'prompt'], 'plain', extra),
    ...modelOf(q)
      .textSlots(q)
      .map((s) => slot([...at, ...s.path], s.kind ?? 'plain', extra)),
  ];
}

export function moduleTextSlots(m: Module): TextSlot[] {
  return [
    slot(['title']),
    slot(['summary']),
    ...m.objectives.map((o) => slot(['objectives', o])),
    ...m.pages.flatMap((p) => [slot(['pages', p.id, 'title']), ...p.blocks.flatMap((b) => blockSlots(['pages', p.id, 'blocks'], b))]),
    ...(m.questions.length ? [slot(['knowledgeCheck', 'intro'], 'markdown', { optional: true })] : []),
    ...m.questions.flatMap((q) => questionSlots(['knowledgeCheck', 'questions'], q)),
    ...(m.reflection ? [slot(['reflection', 'prompt']), slot(['reflection', 'hint'], 'plain', { optional: true })] : []),
    ...(m.selfAssessment
      ? [
          slot(['selfAssessment', 'question']),
          ...[1, 2, 3, 4, 5].map((n) => slot(['selfAssessment', 'steps', String(n)])),
          slot(['actionPlan', 'hint']),
        ]
      : []),
    ...m.bank.flatMap((q) => questionSlots(['bank'], q, { notRead: true })),
  ];
}

export function courseTextSlots(): TextSlot[] {
  return [
    slot(['title']),
    slot(['description']),
    slot(['audience'], 'plain', { optional: true }),
    slot(['final', 'title']),
    slot(['final', 'intro'], 'markdown'),
    slot(['closing', 'title']),
    slot(['closing', 'intro'], 'markdown'),
    slot(['closing', 'planIntro']),
  ];
}

/** The text slots of every namespace of a course, keyed by namespace (`course` or a module id). */
export function courseNamespaces(course: Course): Map<string, TextSlot[]> {
  const out = new Map<string, TextSlot[]>([['course', courseTextSlots()]]);
  for (const m of course.modules) out.set(m.id, moduleTextSlots(m));
  return out;
}
