// @vitest-environment happy-dom
/**
 * Review and browse in the player: a statement on every screen that nothing is recorded (it cannot be
 * closed) and how to get a new attempt; no control that could not store (no retake, no answering, no
 * writing, no rating, no deciding); saved answers and texts shown as they are; the result the LMS holds,
 * never one computed here; a save indicator that never says "Gemt"; Exit still works.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LearnerRecord } from '../../../src/engine/record.ts';
import { allModulesDone, renderPlayer, sample } from './support/player.tsx';

const h1 = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });
const banner = (name: string) => screen.findByRole('region', { name });
const REVIEW = 'Du ser et afsluttet forsøg';
const BROWSE = 'Du kigger kurset igennem';

/** Every module done (with a reflection, a rating and a plan), the final failed once: one attempt left. */
function failedOnce(): LearnerRecord {
  const course = sample().course;
  const done = allModulesDone(course);
  const drawn = course.bank.slice(0, 4).map((q) => q.id);
  for (const m of course.modules) {
    done.modules[m.id] = {
      ...done.modules[m.id]!,
      ...(m.reflection ? { reflection: `Mine tanker om ${m.id}` } : {}),
      ...(m.selfAssessment ? { rating: 2, plan: `Mit skridt for ${m.id}` } : {}),
    };
  }
  return { ...done, seed: 3, latest: { seed: 5, drawn, answers: {}, index: 0, correct: 0 } };
}

const review = { mode: 'review' as const, recorded: { status: 'failed', score: 0 } };

describe('read-only attempts in the player', () => {
  it('review of a failed attempt: the stored failed/0, no retake, a statement that stays, never "Gemt", Exit works', async () => {
    const { user, actor, session } = await renderPlayer({ record: failedOnce(), resumeAt: 'menu', readOnly: review });
    await h1('Kursusoversigt');
    const statement = await banner(REVIEW);
    expect(statement).toHaveTextContent('start det fra aktivitetens side');
    expect(within(statement).queryByRole('button')).toBeNull();
    // The menu's final card: what the LMS holds, not a pass or a best score computed here.
    const finalCard = screen.getByRole('heading', { level: 2, name: 'Afsluttende test' }).closest('li')!;
    expect(within(finalCard).getByText('Status: Ikke bestået')).toBeInTheDocument();
    expect(within(finalCard).getByText('Score: 0 %')).toBeInTheDocument();

    await user.click(within(finalCard).getByRole('button', { name: 'Gå til testen' }));
    await h1('Dit resultat');
    expect(screen.getByText('Status: Ikke bestået')).toBeInTheDocument();
    expect(screen.getByText('Testen kan ikke tages i dette forsøg.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tag testen igen' })).toBeNull();
    expect(screen.queryByText('Bestået')).toBeNull();
    expect(screen.queryByText(/forsøg tilbage/)).toBeNull();
    // The statement is on this screen too; the machine refuses a retake sent anyway.
    expect(await banner(REVIEW)).toBeInTheDocument();
    actor.send({ type: 'BEGIN_ATTEMPT' });
    expect(actor.getSnapshot().matches({ final: 'result' })).toBe(true);

    // Whatever the session reports, the indicator does not claim "saved".
    session.emitSaveState('saved');
    expect(await screen.findByText('Gemmes ikke')).toBeInTheDocument();
    expect(screen.queryByText('Gemt')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Afslut' }));
    expect(session.exit).toHaveBeenCalledTimes(1);
    expect(await h1('Du har forladt kurset')).toBeInTheDocument();
    expect(screen.getByText(/Intet fra dette forsøg er gemt/)).toBeInTheDocument();
    expect(screen.queryByText('Dit forløb er gemt. Du kan lukke vinduet nu.')).toBeNull();
  });

  it('review: saved answers, reflection, rating and plan are shown as they are, without fields or buttons that would store', async () => {
    const record = failedOnce();
    const { user, actor } = await renderPlayer({ record, resumeAt: 'module:alpha', readOnly: review });
    // The knowledge check (the module's first activity after its pages): no answering.
    actor.send({
      type: 'GOTO_PAGE',
      pageId: sample()
        .course.modules.find((m) => m.id === 'alpha')!
        .pages.at(-1)!.id,
    });
    await user.click(await screen.findByRole('button', { name: 'Næste' }));
    await h1('Videnstjek');
    expect(screen.getByText('Dine gemte svar vises. Du kan ikke svare i dette forsøg.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Svar' })).toBeNull();
    for (const control of [...screen.queryAllByRole('radio'), ...screen.queryAllByRole('checkbox')]) expect(control).toBeDisabled();
    // Next is not held back by unanswered questions: nothing could be answered.
    await user.click(screen.getByRole('button', { name: 'Næste' }));
    await h1('Refleksion');
    expect(screen.getByText('Mine tanker om alpha')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Næste' }));
    await h1('Selvvurdering');
    expect(screen.getByText('Din vurdering: trin 2 af 5')).toBeInTheDocument();
    expect(screen.queryAllByRole('radio')).toEqual([]);
    expect(actor.getSnapshot().context.record.modules.alpha?.rating).toBe(2);

    actor.send({ type: 'OPEN_RESULTS' });
    actor.send({ type: 'MENU' });
    actor.send({ type: 'OPEN_RESULTS' });
    await h1('Dine resultater');
    expect(screen.getByText('Status: Ikke bestået')).toBeInTheDocument();
    // The plan comes with the modules' texts: wait for it.
    expect(
      await screen.findByText('Din handlingsplan vises, som den blev gemt. Du kan ikke ændre den i dette forsøg.'),
    ).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.getAllByText(/Mit skridt for/).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Hent handlingsplanen' })).toBeInTheDocument();
    expect(actor.getSnapshot().context.record.modules).toEqual(
      Object.fromEntries(
        Object.entries(actor.getSnapshot().context.record.modules).map(([id, m]) => [
          id,
          { ...record.modules[id], at: m.at, furthest: m.furthest },
        ]),
      ),
    );
  });

  it('browse from nothing: "nothing is recorded", every module and the final open to look at, no test to start, no decision to make', async () => {
    const { user, actor } = await renderPlayer({ resumeAt: 'menu', readOnly: { mode: 'browse', recorded: {} } });
    await h1('Kursusoversigt');
    expect(await banner(BROWSE)).toHaveTextContent('Intet bliver registreret');
    expect(screen.queryByText(/^Låst/)).toBeNull();
    const finalCard = screen.getByRole('heading', { level: 2, name: 'Afsluttende test' }).closest('li')!;
    expect(within(finalCard).getByText("Dit resultat kan du se på aktivitetens side i LMS'et.")).toBeInTheDocument();
    await user.click(within(finalCard).getByRole('button', { name: 'Gå til testen' }));
    await h1('Afsluttende test');
    expect(screen.queryByRole('button', { name: 'Start testen' })).toBeNull();
    expect(screen.getByText('Testen kan ikke tages i dette forsøg.')).toBeInTheDocument();

    // A decision is not offered; its options are shown.
    const omega = sample().course.modules.find((m) => m.id === 'omega')!;
    const page = omega.pages.find((p) => p.blocks.some((b) => b.type === 'decision'))!;
    actor.send({ type: 'MENU' });
    actor.send({ type: 'OPEN_MODULE', moduleId: 'omega' });
    actor.send({ type: 'GOTO_PAGE', pageId: page.id });
    expect(await screen.findByText('Du kan ikke træffe beslutningen i dette forsøg. Mulighederne var:')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Beslut' })).toBeNull();
    expect(await banner(BROWSE)).toBeInTheDocument();
  });

  it('review of an attempt left in the final: its answers shown, questions may be looked through, nothing to submit', async () => {
    const record = failedOnce();
    const course = sample().course;
    const drawn = course.bank.slice(0, 4).map((q) => q.id);
    const inProgress: LearnerRecord = { ...record, latest: { seed: 5, drawn, answers: {}, index: 0 } };
    const { user, actor } = await renderPlayer({ record: inProgress, resumeAt: 'final', readOnly: review });
    expect(await h1('Spørgsmål 1 af 4')).toBeInTheDocument();
    expect(screen.getByText('Dine gemte svar vises. Du kan ikke svare eller aflevere i dette forsøg.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Aflevér testen' })).toBeNull();
    // The first drawn question is a choice question: its options are there, and cannot be chosen.
    expect(['single', 'multiple']).toContain(course.bank[0]!.type);
    const options = await screen.findAllByRole(course.bank[0]!.type === 'single' ? 'radio' : 'checkbox');
    expect(options.length).toBeGreaterThan(1);
    for (const option of options) expect(option).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Næste spørgsmål' }));
    expect(await h1('Spørgsmål 2 af 4')).toBeInTheDocument();
    expect(actor.getSnapshot().context.record.latest?.answers).toEqual({});
    await user.click(screen.getByRole('button', { name: 'Til kursusoversigten' }));
    expect(await h1('Kursusoversigt')).toBeInTheDocument();
  });
});
