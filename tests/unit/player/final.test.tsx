// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { optionOrder } from '../../../src/question-types/choice/model.ts';
import { questionIndex } from '../../../src/engine/progress.ts';
import { rightAnswer, wrongAnswer } from '../../support/answers.ts';
import { answerInPlayer } from './support/answer.ts';
import { allModulesDone, renderPlayer, sample } from './support/player.tsx';
import { expectFocus } from './support/focus.ts';

const h1 = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });
const texts = sample().texts;

/** A bank question's Danish string at `path` (`prompt`, `options.a.text`, ...). */
const bankText = (qid: string) => (path: string) => {
  const [moduleId, localId] = qid.split('.') as [string, string];
  let node: unknown = (texts.da!.modules[moduleId]!.bank as Record<string, unknown>)[localId];
  for (const k of path.split('.')) node = (node as Record<string, unknown>)[k];
  return node as string;
};
const optionText = (qid: string, option: string) => bankText(qid)(`options.${option}.text`);
/** The fieldset of a bank question, by its prompt. */
const group = (qid: string) => screen.findByRole('group', { name: bankText(qid)('prompt') });

async function atFinalIntro() {
  const player = await renderPlayer({ record: allModulesDone(), resumeAt: 'menu' });
  await player.user.click(await screen.findByRole('button', { name: 'Gå til testen' }));
  await h1('Afsluttende test');
  return player;
}

describe('final assessment', () => {
  it('introduces the assessment: its text, number of questions, mastery score and attempts', async () => {
    await atFinalIntro();
    expect(screen.getByText('banken', { selector: 'strong' })).toBeInTheDocument(); // Markdown intro
    expect(screen.getByText('4 spørgsmål')).toBeInTheDocument();
    expect(screen.getByText('Du skal have mindst 75 % rigtige for at bestå.')).toBeInTheDocument();
    expect(screen.getByText('Du har 2 forsøg tilbage.')).toBeInTheDocument();
  });

  it('shows one question at a time, options in the attempt order, answers recorded on change', async () => {
    const { user, actor, course } = await atFinalIntro();
    await user.click(screen.getByRole('button', { name: 'Start testen' }));
    await expectFocus(h1('Spørgsmål 1 af 4'));

    const attempt = actor.getSnapshot().context.record.latest!;
    const questions = questionIndex(course);
    const list = screen.getByRole('navigation', { name: 'Spørgsmål i testen' });
    // Every drawn choice question shows its options in the attempt's order.
    let choices = 0;
    for (const [i, id] of attempt.drawn.entries()) {
      await user.click(within(list).getByRole('button', { name: new RegExp(`^Spørgsmål ${i + 1},`) }));
      await h1(`Spørgsmål ${i + 1} af 4`);
      const q = questions.get(id)!;
      if (q.type !== 'single' && q.type !== 'multiple') continue;
      const inputs = within(await group(id)).getAllByRole(q.type === 'single' ? 'radio' : 'checkbox');
      const expected = optionOrder(q, attempt.seed, course.settings.final.shuffle).map((o) => optionText(q.id, o));
      expect(inputs.map((input) => input.closest('label')!.textContent)).toEqual(expected);
      choices++;
    }
    expect(choices).toBeGreaterThan(0);

    // An answer is recorded as it is given; a question counts as answered once its answer is finished.
    await user.click(within(list).getByRole('button', { name: /^Spørgsmål 1,/ }));
    await h1('Spørgsmål 1 af 4');
    const first = questions.get(attempt.drawn[0]!)!;
    const right = rightAnswer(first);
    if (first.type === 'matching') {
      await answerInPlayer(user, await group(first.id), first, right.slice(0, 1), bankText(first.id));
      expect(actor.getSnapshot().context.record.latest!.answers[first.id]).toEqual(right.slice(0, 1));
      expect(within(list).getByRole('button', { name: /Spørgsmål 1, ikke besvaret/ })).toBeInTheDocument();
    }
    await answerInPlayer(user, await group(first.id), first, right, bankText(first.id));
    expect(actor.getSnapshot().context.record.latest!.answers[first.id]).toEqual(right);
    expect(within(list).getByRole('button', { name: /Spørgsmål 1, besvaret/ })).toHaveAttribute('aria-current', 'step');
    expect(within(list).getByRole('button', { name: /Spørgsmål 2, ikke besvaret/ })).toBeInTheDocument();

    expect(screen.getByRole('button', { name: 'Forrige spørgsmål' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Næste spørgsmål' }));
    await expectFocus(h1('Spørgsmål 2 af 4'));
    await user.click(within(list).getByRole('button', { name: /Spørgsmål 4/ }));
    await expectFocus(h1('Spørgsmål 4 af 4'));
    expect(screen.getByRole('button', { name: 'Næste spørgsmål' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Forrige spørgsmål' }));
    await expectFocus(h1('Spørgsmål 3 af 4'));
  });

  it('submits once every question is answered and shows a pass', async () => {
    const { user, actor, course } = await atFinalIntro();
    await user.click(screen.getByRole('button', { name: 'Start testen' }));
    const submit = await screen.findByRole('button', { name: 'Aflevér testen' });
    expect(submit).toBeDisabled();
    expect(submit).toHaveAccessibleDescription('Besvar alle spørgsmål for at aflevere: 4 mangler.');

    const attempt = actor.getSnapshot().context.record.latest!;
    for (const [i, id] of attempt.drawn.entries()) {
      await h1(`Spørgsmål ${i + 1} af 4`);
      const q = questionIndex(course).get(id)!;
      await answerInPlayer(user, await group(id), q, rightAnswer(q), bankText(id));
      if (i < 3) await user.click(screen.getByRole('button', { name: 'Næste spørgsmål' }));
    }
    expect(submit).toBeEnabled();
    await user.click(submit);
    await expectFocus(h1('Dit resultat'));
    expect(screen.getByText('Bestået')).toBeInTheDocument();
    expect(screen.getByText('Du fik 4 af 4 rigtige: 100 %.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tag testen igen' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Se dine resultater' }));
    await expectFocus(h1('Dine resultater'));
  });

  it('shows a fail against the mastery score and offers a retake while attempts remain', async () => {
    const { user, actor, course } = await atFinalIntro();
    await user.click(screen.getByRole('button', { name: 'Start testen' }));
    const drawn = actor.getSnapshot().context.record.latest!.drawn;
    for (const [i, id] of drawn.entries()) {
      await h1(`Spørgsmål ${i + 1} af 4`);
      const q = questionIndex(course).get(id)!;
      await answerInPlayer(user, await group(id), q, wrongAnswer(q), bankText(id));
      if (i < 3) await user.click(screen.getByRole('button', { name: 'Næste spørgsmål' }));
    }
    await user.click(screen.getByRole('button', { name: 'Aflevér testen' }));
    await h1('Dit resultat');
    expect(screen.getByText('Ikke bestået')).toBeInTheDocument();
    expect(screen.getByText('Du har ikke bestået. Grænsen er 75 % rigtige.')).toBeInTheDocument();
    expect(screen.getByText('Du har 1 forsøg tilbage.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tag testen igen' }));
    await expectFocus(h1('Spørgsmål 1 af 4'));
    expect(actor.getSnapshot().context.record.past).toEqual([{ correct: 0, max: 4 }]);
  });
});
