/** A course model changed the way a new content version changes it, for tests of what a restore keeps. */
import type { Course, Question } from '../../src/content-model/types.ts';

/** The course with one question changed by `change`, wherever it appears (module, bank, course bank). */
export function withQuestion(c: Course, id: string, change: (q: Question) => Question): Course {
  const swap = (q: Question) => (q.id === id ? change(q) : q);
  return {
    ...c,
    modules: c.modules.map((m) => ({ ...m, questions: m.questions.map(swap), bank: m.bank.map(swap) })),
    bank: c.bank.map(swap),
  };
}

/** The course with the options of every decision block of one module changed by `change`. */
export function withDecisionOptions(c: Course, moduleId: string, change: (options: string[]) => string[]): Course {
  return {
    ...c,
    modules: c.modules.map((m) =>
      m.id !== moduleId
        ? m
        : {
            ...m,
            pages: m.pages.map((p) => ({
              ...p,
              blocks: p.blocks.map((b) => (b.type === 'decision' ? { ...b, options: change(b.options) } : b)),
            })),
          },
    ),
  };
}
