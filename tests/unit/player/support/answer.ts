/**
 * Answers a question through the player's controls as a learner would, whatever its type: ticks
 * options, presses "Move up" until the order is the one wanted, picks a match for each item.
 */
import { within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { Question } from '../../../../src/content-model/types.ts';
import { pairsOf } from '../../../../src/question-types/matching/model.ts';

/** The question's Danish string at `path` under its text key. */
export type TextOf = (path: string) => string;

export async function answerInPlayer(user: UserEvent, group: HTMLElement, q: Question, answer: readonly string[], text: TextOf) {
  const inside = within(group);
  switch (q.type) {
    case 'single':
    case 'multiple':
      for (const o of answer)
        await user.click(inside.getByRole(q.type === 'single' ? 'radio' : 'checkbox', { name: text(`options.${o}.text`) }));
      return;
    case 'ordering':
      for (let target = 0; target < answer.length; target++) {
        const label = text(`items.${answer[target]}.text`);
        const shown = () => inside.getAllByRole('listitem').map((li) => li.querySelector('.ordering__text')!.textContent!.trim());
        for (let at = shown().indexOf(label); at > target; at--)
          await user.click(inside.getByRole('button', { name: `Flyt op: ${label}` }));
      }
      return;
    case 'matching':
      for (const [item, match] of pairsOf(answer))
        await user.selectOptions(inside.getByRole('combobox', { name: text(`items.${item}.text`) }), text(`matches.${match}.text`));
      return;
  }
}
