// @vitest-environment happy-dom
/** The front page: the course, for whom, the learner's name from the LMS, and the Start button. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPlayer } from './support/player.tsx';

describe('start', () => {
  it('greets the learner by the name the LMS gives, and starts the course', async () => {
    const { user, actor } = await renderPlayer({ learnerName: 'Jane Doe' });
    expect(await screen.findByText('Velkommen, Jane Doe.')).toBeInTheDocument();
    expect(screen.getByText('Et lille kursus til testene.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start kurset' }));
    expect(actor.getSnapshot().value).toBe('menu');
  });

  it('greets no one when the LMS gives no name', async () => {
    await renderPlayer({ lang: 'en' });
    await screen.findByRole('button', { name: 'Start the course' });
    expect(screen.queryByText(/^Welcome,/)).toBeNull();
  });
});
