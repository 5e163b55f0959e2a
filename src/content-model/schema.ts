/**
 * The one place where the shape of content files is declared. The loader validates every file against
 * these schemas and reports each problem with the file, the line and the path inside it.
 */
import { z } from 'zod';
import { questionSchema } from '../question-types/schemas.ts';
import { TARGET_IDS, TARGETS_NEEDING_LIMITS, type TargetId } from '../targets/index.ts';
import { idSchema } from './ids.ts';

export { idSchema, questionSchema };

const blockSchema = z.discriminatedUnion('type', [
  z.strictObject({ id: idSchema, type: z.literal('text') }),
  z.strictObject({ id: idSchema, type: z.literal('callout'), tone: z.enum(['info', 'tip', 'warning']).default('info') }),
  z.strictObject({
    id: idSchema,
    type: z.literal('image'),
    src: z
      .string()
      .regex(/^[A-Za-z0-9_./-]+\.(svg|png|jpe?g|webp|gif)$/, 'must be a relative path to an image file under content/')
      .refine((s) => !s.startsWith('/') && !s.split('/').includes('..'), 'must stay inside content/'),
  }),
  z.strictObject({ id: idSchema, type: z.literal('case') }),
  // An SVG diagram kept in content/; its labels (`data-label="key"` on its text elements), text
  // alternative, caption and text version come from the locale files.
  z.strictObject({
    id: idSchema,
    type: z.literal('figure'),
    src: z
      .string()
      .regex(/^[A-Za-z0-9_./-]+\.svg$/, 'must be a relative path to an SVG file under content/')
      .refine((s) => !s.startsWith('/') && !s.split('/').includes('..'), 'must stay inside content/'),
  }),
  // Optional depth behind a disclosure.
  z.strictObject({ id: idSchema, type: z.literal('reveal') }),
  // A number set large, with what it counts and its source.
  z.strictObject({ id: idSchema, type: z.literal('keyfigure') }),
  // A sentence set large, with who said or wrote it.
  z.strictObject({ id: idSchema, type: z.literal('quote') }),
  // A situation, 3-4 options each with a consequence, then a debrief. Kept and reported, never scored.
  z.strictObject({
    id: idSchema,
    type: z.literal('decision'),
    options: z.array(idSchema).min(3, 'needs three or four options').max(4, 'needs three or four options'),
  }),
]);

export const moduleSchema = z.strictObject({
  id: idSchema,
  principle: z.int().min(1).max(999).optional(),
  objectives: z.array(idSchema).default([]),
  pages: z
    .array(z.strictObject({ id: idSchema, blocks: z.array(blockSchema).min(1, 'a page needs at least one block') }))
    .min(1, 'a module needs at least one page'),
  knowledgeCheck: z.strictObject({ questions: z.array(questionSchema).min(1) }).optional(),
  reflection: z.boolean().default(false),
  selfAssessment: z.boolean().default(false),
  bank: z.array(questionSchema).default([]),
});

const limitsSchema = z.strictObject({
  reflection: z.int().min(1).max(4000),
  actionStep: z.int().min(1).max(1000),
});

export const courseSchema = z.strictObject({
  id: idSchema,
  /** The course's globally unique IRI (cmi5 and xAPI ids are made from it); optional, see src/targets/cmi5.ts. */
  iri: z
    .string()
    .regex(
      /^https?:\/\/[^\s/?#]+[^\s]*$/,
      'must be an absolute http(s) IRI the organisation owns, such as "https://learning.example.org/courses/leadership"',
    )
    .optional(),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0'),
  defaultLanguage: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language code such as "da"'),
  gating: z.enum(['free', 'sequential', 'final-after-modules']).default('free'),
  modules: z.array(idSchema).min(1, 'lists no modules'),
  knowledgeCheck: z
    .strictObject({
      attempts: z.int().min(1).max(10).default(2),
      // Options (and a matching question's matches) in an order of the learner's own, kept across resume.
      shuffle: z.boolean().default(true),
    })
    .default({ attempts: 2, shuffle: true }),
  final: z.strictObject({
    draw: z.int().min(1),
    /** The quota: at least this many questions from every module that has a bank, in every attempt. */
    perModule: z.int().min(0).default(0),
    shuffle: z.boolean().default(true),
    masteryScore: z.number().min(0).max(1),
    attempts: z.int().min(1).max(99),
  }),
  completion: z
    .strictObject({
      completedWhen: z.enum(['all-modules', 'all-modules-and-final']).default('all-modules-and-final'),
      successFrom: z.enum(['final', 'none']).default('final'),
    })
    .default({ completedWhen: 'all-modules-and-final', successFrom: 'final' }),
  /**
   * Text limits per package target (a target's saved-state room decides how much a learner may keep). A target
   * with a `limitsFrom` (cmi5) may be left out and then follows that target's limits (src/targets).
   */
  limits: z.strictObject(
    Object.fromEntries(TARGET_IDS.map((t) => [t, TARGETS_NEEDING_LIMITS.includes(t) ? limitsSchema : limitsSchema.optional()])) as Record<
      TargetId,
      typeof limitsSchema | z.ZodOptional<typeof limitsSchema>
    >,
  ),
});

export type ModuleFile = z.infer<typeof moduleSchema>;
export type CourseFile = z.infer<typeof courseSchema>;
