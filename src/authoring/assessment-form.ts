/**
 * Can a reader who did not take the course pass by form? The figures behind the course's assessment
 * rules (docs/writing-style.md): how often the correct option is the longest, where it stands, how many
 * options are correct in multiple-answer items, and how a guesser who follows a cue fares in the final
 * assessment, simulated with the engine's own draw and scoring. Read by the course tests and by
 * `npm run assessment:report`.
 */
import type { Course, LanguageTexts, Question, TextTree } from '../content-model/types.ts';
import { drawQuestions, hash, prng } from '../engine/draw.ts';
import { isCorrect, isPassed, scoreOf } from '../engine/scoring.ts';
import { optionOrder } from '../question-types/choice/model.ts';

/** The questions whose form (option lengths and positions) a guesser can read: choice questions. */
export type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;
const isChoice = (q: Question): q is ChoiceQuestion => q.type === 'single' || q.type === 'multiple';

/** One question as a guesser sees it in one language: its options' lengths, in file order. */
export interface ItemForm {
  question: ChoiceQuestion;
  /** "p07 bank b2", "start knowledge check q1": what a test message or the report calls it. */
  label: string;
  kind: 'knowledge check' | 'bank';
  /** Characters of each option's text, by option id. */
  length: Record<string, number>;
}

function optionText(tree: TextTree | undefined, path: string[]): string {
  const node = path.reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as TextTree)[k] : undefined), tree);
  return typeof node === 'string' ? node : '';
}

/** Every knowledge-check and bank choice question of the course, as it reads in `texts`. */
export function itemForms(course: Course, texts: LanguageTexts): ItemForm[] {
  return course.modules.flatMap((m) => {
    const tree = texts.modules[m.id];
    const form = (q: ChoiceQuestion, kind: ItemForm['kind']): ItemForm => {
      const base = kind === 'bank' ? ['bank', q.localId] : ['knowledgeCheck', 'questions', q.localId];
      const length = Object.fromEntries(q.options.map((o) => [o, [...optionText(tree, [...base, 'options', o, 'text'])].length]));
      return { question: q, label: `${m.id} ${kind} ${q.localId}`, kind, length };
    };
    return [...m.questions.filter(isChoice).map((q) => form(q, 'knowledge check')), ...m.bank.filter(isChoice).map((q) => form(q, 'bank'))];
  });
}

/** Every correct option is at least as long as every wrong one: "pick the longest (k)" finds the answer. */
export function correctAreLongest(item: ItemForm): boolean {
  const { options, correct } = item.question;
  const shortestRight = Math.min(...correct.map((o) => item.length[o]!));
  return options.filter((o) => !correct.includes(o)).every((o) => item.length[o]! <= shortestRight);
}

/** The correct option's length over the mean length of the wrong ones (single-choice items). */
export function lengthRatio(item: ItemForm): number {
  const { options, correct } = item.question;
  const wrong = options.filter((o) => !correct.includes(o)).map((o) => item.length[o]!);
  const mean = wrong.reduce((a, b) => a + b, 0) / wrong.length;
  return item.length[correct[0]!]! / mean;
}

/** How one item's option lengths read, for a message: "c 142 (correct), a 61, b 70, d 58". */
export function describeLengths(item: ItemForm): string {
  return item.question.options.map((o) => `${o} ${item.length[o]}${item.question.correct.includes(o) ? ' (correct)' : ''}`).join(', ');
}

export interface FormFigures {
  singles: ItemForm[];
  /** Single-choice items whose correct option is the longest. */
  longestCorrect: ItemForm[];
  /** Per module: its single-choice items and how many of them have the longest option correct. */
  byModule: Map<string, { singles: number; longest: ItemForm[] }>;
  /** Per position in file order (0 = a): how many single-choice items have their correct option there. */
  positions: number[];
  /** Mean of `lengthRatio` over the single-choice items. */
  meanRatio: number;
  /** Per length rank (0 = longest): how many single-choice items have their correct option there (ties rank high). */
  lengthRanks: number[];
  multiples: ItemForm[];
  /** How many multiple-answer items have 1, 2, 3 ... correct options. */
  correctCounts: Map<number, number>;
  /** Multiple-answer items whose correct options are the longest ones. */
  longestSetCorrect: ItemForm[];
}

export function formFigures(course: Course, texts: LanguageTexts): FormFigures {
  const items = itemForms(course, texts);
  const singles = items.filter((i) => i.question.type === 'single');
  const multiples = items.filter((i) => i.question.type === 'multiple');
  const byModule = new Map<string, { singles: number; longest: ItemForm[] }>();
  const positions: number[] = [];
  for (const item of singles) {
    const entry = byModule.get(item.question.moduleId) ?? { singles: 0, longest: [] };
    entry.singles++;
    if (correctAreLongest(item)) entry.longest.push(item);
    byModule.set(item.question.moduleId, entry);
    const at = item.question.options.indexOf(item.question.correct[0]!);
    positions[at] = (positions[at] ?? 0) + 1;
  }
  const correctCounts = new Map<number, number>();
  for (const item of multiples) correctCounts.set(item.question.correct.length, (correctCounts.get(item.question.correct.length) ?? 0) + 1);
  return {
    singles,
    longestCorrect: singles.filter(correctAreLongest),
    byModule,
    positions: Array.from({ length: Math.max(4, positions.length) }, (_, i) => positions[i] ?? 0),
    meanRatio: singles.reduce((sum, i) => sum + lengthRatio(i), 0) / (singles.length || 1),
    lengthRanks: singles.reduce<number[]>((ranks, i) => {
      const right = i.length[i.question.correct[0]!]!;
      const rank = i.question.options.filter((o) => i.length[o]! > right).length;
      ranks[rank] = (ranks[rank] ?? 0) + 1;
      return ranks;
    }, []),
    multiples,
    correctCounts,
    longestSetCorrect: multiples.filter(correctAreLongest),
  };
}

/** A guesser who reads nothing: given a question's options in the order shown and their lengths, a choice. */
export interface CueStrategy {
  name: string;
  choose(question: ChoiceQuestion, shown: readonly string[], length: (option: string) => number): string[];
}

/** The `n` longest options as shown (the first shown wins a tie, as an eye scanning down would pick it). */
function longest(shown: readonly string[], length: (o: string) => number, n: number): string[] {
  return [...shown]
    .map((o, i) => ({ o, i }))
    .sort((a, b) => length(b.o) - length(a.o) || a.i - b.i)
    .slice(0, n)
    .map((x) => x.o);
}

const atPosition = (p: number): CueStrategy => ({
  name: `always ${'abcdefgh'[p]}`,
  choose: (_, shown) => [shown[Math.min(p, shown.length - 1)]!],
});

/** The cues a reader who did not take the course might follow. */
export const CUE_STRATEGIES: readonly CueStrategy[] = [
  { name: 'always the longest', choose: (_, shown, length) => longest(shown, length, 1) },
  { name: 'always the shortest', choose: (_, shown, length) => longest(shown, (o) => -length(o), 1) },
  { name: 'always the second longest', choose: (_, shown, length) => longest(shown, length, 2).slice(-1) },
  ...[0, 1, 2, 3].map(atPosition),
  {
    name: 'the longest, and the longest two for multiple answer',
    choose: (q, shown, length) => longest(shown, length, q.type === 'multiple' ? 2 : 1),
  },
  {
    name: 'the longest, and the longest three for multiple answer',
    choose: (q, shown, length) => longest(shown, length, q.type === 'multiple' ? 3 : 1),
  },
  {
    name: 'every option longer than average for multiple answer',
    choose: (q, shown, length) => {
      if (q.type === 'single') return longest(shown, length, 1);
      const mean = shown.reduce((s, o) => s + length(o), 0) / shown.length;
      return shown.filter((o) => length(o) > mean);
    },
  },
];

export interface Simulation {
  strategy: string;
  attempts: number;
  passed: number;
  /** Mean share of the drawn questions answered right. */
  meanScore: number;
}

/**
 * `attempts` final attempts by a guesser following `strategy`, each drawn and scored exactly as the
 * engine does (the course's draw, quota, shuffle and mastery score), from a fixed seed: the same
 * figures every run. A drawn ordering or matching question gives a form-reader no cue: it counts as wrong.
 */
export function simulateFinal(course: Course, texts: LanguageTexts, strategy: CueStrategy, attempts: number, seed = 2018): Simulation {
  const { draw, perModule, shuffle, masteryScore } = course.settings.final;
  const byId = new Map(itemForms(course, texts).map((i) => [i.question.id, i]));
  const seeds = prng(hash(strategy.name, seed));
  let passed = 0;
  let scoreSum = 0;
  for (let n = 0; n < attempts; n++) {
    const attemptSeed = Math.floor(seeds() * 2 ** 32) >>> 0;
    const drawn = drawQuestions(course.bank, draw, attemptSeed, shuffle, perModule);
    let right = 0;
    for (const id of drawn) {
      const item = byId.get(id);
      if (!item) continue;
      const shown = optionOrder(item.question, attemptSeed, shuffle);
      if (
        isCorrect(
          item.question,
          strategy.choose(item.question, shown, (o) => item.length[o]!),
        )
      )
        right++;
    }
    const score = scoreOf(right, drawn.length);
    scoreSum += score.scaled;
    if (isPassed(score.scaled, masteryScore)) passed++;
  }
  return { strategy: strategy.name, attempts, passed, meanScore: scoreSum / attempts };
}
