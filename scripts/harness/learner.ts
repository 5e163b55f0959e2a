/**
 * Drives a course through its UI the way a learner would: controls are found by their roles and by the
 * course's own strings (read from the locale files), so a change of wording does not break a test.
 * Shared by the LMS end-to-end test and the benchmark.
 */
import type { FrameLocator, Locator } from 'playwright-core';
import { courseReady } from './ready.ts';
import type { LoadedCourse } from '../../src/content-model/load.ts';
import type { Course, Module, Question, TextTree } from '../../src/content-model/types.ts';

function lookup(tree: TextTree | undefined, path: string): string | undefined {
  let node: unknown = tree;
  for (const k of path.split('.')) node = node && typeof node === 'object' ? (node as TextTree)[k] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Waits until `check` holds (for the test runner and the benchmark alike, so no test-runner API). */
export async function until(check: () => Promise<boolean>, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A course's strings in one language, for finding the UI's controls by their names. */
export class Texts {
  readonly ui: TextTree;
  readonly course: Course;
  constructor(
    readonly lang: string,
    private readonly loaded: LoadedCourse,
  ) {
    this.ui = loaded.texts[lang]!.ui;
    this.course = loaded.course;
  }
  t(key: string, params: Record<string, string | number> = {}): string {
    const plural = params.count !== undefined ? lookup(this.ui, `${key}_${params.count === 1 ? 'one' : 'other'}`) : undefined;
    const text = plural ?? lookup(this.ui, key);
    if (text === undefined) throw new Error(`no ui text ${key} in ${this.lang}`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(params[k] ?? ''));
  }
  /** A module's (or the course's) own text. */
  c(ns: string, key: string): string {
    const tree = ns === 'course' ? this.loaded.texts[this.lang]!.course : this.loaded.texts[this.lang]!.modules[ns];
    const text = lookup(tree, key);
    if (text === undefined) throw new Error(`no text ${ns}:${key} in ${this.lang}`);
    return text;
  }
}

export const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const exact = (s: string) => new RegExp(`^${esc(s)}$`);
export const endsWith = (s: string) => new RegExp(`${esc(s)}$`);

/** A learner who takes the course through its UI, by roles and labels, always answering correctly. */
export class Learner {
  /** When each action was taken (epoch ms), for relating the LMS traffic to what the learner did. */
  readonly actions: number[] = [];
  checkSubmissions = 0;
  finalQuestions = 0;
  reflections = new Map<string, string>();
  plans = new Map<string, string>();
  constructor(
    readonly f: FrameLocator,
    readonly x: Texts,
    /** The clock for `actions`: the LMS page's, when its calls are to be related to them. */
    private readonly clock: () => Promise<number> = async () => Date.now(),
  ) {}

  /** Every click and choice goes through here, so the benchmark can count commits per action. */
  private async act(action: () => Promise<void>): Promise<void> {
    this.actions.push(await this.clock());
    await action();
  }

  button(name: string | RegExp) {
    return this.f.getByRole('button', { name: typeof name === 'string' ? exact(name) : name });
  }
  heading(name: string) {
    return this.f.getByRole('heading', { level: 1, name: exact(name) });
  }

  async start(): Promise<void> {
    await courseReady(this.f);
    await this.act(() => this.button(this.x.t('start.start')).click());
    await this.heading(this.x.t('menu.title')).waitFor();
  }

  async openModule(m: Module, status: 'not-started' | 'in-progress' | 'completed' = 'not-started'): Promise<void> {
    // The button reads "Start" and, for screen readers, ": <module title>".
    await this.act(() =>
      this.button(new RegExp(`^${esc(this.x.t(`menu.open.${status}`))}\\s*:\\s*${esc(this.x.c(m.id, 'title'))}$`)).click(),
    );
  }

  next() {
    return this.button(new RegExp(`^(${this.x.t('module.next')}|${this.x.t('module.finish')})$`));
  }

  async answerCheck(m: Module, q: Question): Promise<void> {
    const prompt = this.x.c(m.id, `knowledgeCheck.questions.${q.localId}.prompt`);
    const group = this.f.getByRole('group', { name: endsWith(prompt) });
    await this.answer(group, q, (path) => this.x.c(m.id, `knowledgeCheck.questions.${q.localId}.${path}`));
    const question = this.f.locator('.question').filter({ has: group });
    await this.act(() => question.getByRole('button', { name: exact(this.x.t('check.submit')) }).click());
    await until(() => question.locator('.feedback__verdict').getByText(this.x.t('check.correct'), { exact: true }).isVisible());
    this.checkSubmissions++;
  }

  /**
   * Answers a question rightly, as its type asks: ticks the right options, moves items up until the
   * order is right (one press at a time, as a keyboard user would), or picks each item's match.
   */
  async answer(group: Locator, q: Question, text: (path: string) => string): Promise<void> {
    switch (q.type) {
      case 'single':
      case 'multiple':
        for (const o of q.correct)
          await this.act(() =>
            group.getByRole(q.type === 'single' ? 'radio' : 'checkbox', { name: exact(text(`options.${o}.text`)) }).check(),
          );
        return;
      case 'ordering': {
        const byText = new Map(q.items.map((i) => [text(`items.${i}.text`), i]));
        for (let target = 0; target < q.items.length; target++) {
          const shown = (await group.locator('.ordering__text').allInnerTexts()).map((t) => byText.get(t.trim())!);
          const from = shown.indexOf(q.items[target]!);
          const label = this.x.t('questions.ordering.up', { item: text(`items.${q.items[target]}.text`) });
          for (let i = from; i > target; i--) await this.act(() => group.getByRole('button', { name: exact(label) }).click());
        }
        return;
      }
      case 'matching':
        for (const i of q.items)
          await this.act(async () => {
            await group
              .getByRole('combobox', { name: exact(text(`items.${i}.text`)) })
              .selectOption({ label: text(`matches.${q.correct[i]}.text`) });
          });
        return;
    }
  }

  /** Takes a module from its current step to its end; `from` skips the steps already done. */
  async completeModule(m: Module, from: 'start' | 'reflection' = 'start'): Promise<void> {
    if (from === 'start') {
      for (const p of m.pages) {
        await this.heading(this.x.c(m.id, `pages.${p.id}.title`)).waitFor();
        await this.act(() => this.next().click());
      }
      if (m.questions.length) {
        await this.heading(this.x.t('check.title')).waitFor();
        for (const q of m.questions) await this.answerCheck(m, q);
        await this.act(() => this.next().click());
      }
      if (m.reflection) await this.writeReflection(m, `${m.id}: what I take with me.`);
    }
    if (m.reflection) await this.act(() => this.next().click());
    if (m.selfAssessment) {
      await this.heading(this.x.t('self.title')).waitFor();
      await this.act(() => this.f.getByRole('radio', { name: new RegExp(`^${this.x.t('self.step', { value: 3 })}`) }).check());
      await this.act(() => this.next().click());
    }
    // The moment of completion, then back to the menu
    await this.heading(this.x.t('completed.title')).waitFor();
    await this.act(() => this.button(this.x.t('app.toMenu')).click());
    await this.heading(this.x.t('menu.title')).waitFor();
  }

  async writeReflection(m: Module, text: string): Promise<void> {
    await this.heading(this.x.t('reflection.title')).waitFor();
    const box = this.f.getByRole('textbox', { name: exact(this.x.t('reflection.label')) });
    await box.fill(text);
    await box.blur();
    this.reflections.set(m.id, text);
  }

  /** `beforeAnswer` runs with each question on screen, before it is answered (for screenshots). */
  async takeFinal(beforeAnswer?: (index: number) => Promise<void>): Promise<void> {
    await this.act(() => this.button(this.x.t('menu.openFinal')).click());
    await this.heading(this.x.c('course', 'final.title')).waitFor();
    await this.act(() => this.button(this.x.t('final.begin')).click());
    const total = this.x.course.settings.final.draw;
    for (let i = 0; i < total; i++) {
      await this.heading(this.x.t('final.question', { current: i + 1, total })).waitFor();
      const q = await this.currentFinalQuestion();
      await beforeAnswer?.(i);
      const group = this.f.getByRole('group', { name: exact(this.x.c(q.moduleId, `bank.${q.localId}.prompt`)) });
      await this.answer(group, q, (path) => this.x.c(q.moduleId, `bank.${q.localId}.${path}`));
      this.finalQuestions++;
      if (i < total - 1) await this.act(() => this.button(this.x.t('final.next')).click());
    }
    await this.act(() => this.button(this.x.t('final.submit')).click());
    await this.heading(this.x.t('final.resultTitle')).waitFor();
    await until(() => this.f.getByText(this.x.t('final.score', { correct: total, total, percent: 100 })).isVisible());
    await until(() => this.f.getByText(exact(this.x.t('final.passed'))).isVisible());
  }

  private async currentFinalQuestion(): Promise<Question> {
    for (let tries = 0; tries < 50; tries++) {
      for (const q of this.x.course.bank) {
        const group = this.f.getByRole('group', { name: exact(this.x.c(q.moduleId, `bank.${q.localId}.prompt`)) });
        if (await group.isVisible()) return q;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no bank question on screen');
  }

  async writePlan(m: Module, text: string): Promise<void> {
    const box = this.f.getByRole('textbox', { name: exact(this.x.t('results.planLabel', { title: this.x.c(m.id, 'title') })) });
    await box.fill(text);
    await box.blur();
    this.plans.set(m.id, text);
  }

  async exit(): Promise<void> {
    await this.act(() => this.button(this.x.t('app.exit')).click());
    await this.heading(this.x.t('exit.title')).waitFor();
  }
}
