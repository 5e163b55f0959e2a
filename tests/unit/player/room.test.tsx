// @vitest-environment happy-dom
/**
 * The room for writing in the reflection field: when the saved state, not the cap, limits the text,
 * the field says so with its limit (read with the field), shows the room it has, and refuses input
 * beyond it instead of cutting it silently; ordinary text keeps the full cap.
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { encodeSnapshot, reserveSaved } from '../../../src/engine/index.ts';
import { incompressibleText } from '../../../src/tracking/suspend-budget.ts';
import { renderPlayer, sample } from './support/player.tsx';

/** A saved-state limit that leaves the sample course's reflections about `spare` characters beyond the worst case without texts. */
const tightLimit = (spare: number) => {
  const { course } = sample();
  return encodeSnapshot(reserveSaved(course), course).length + spare;
};

async function atReflection(savedStateLimit?: number) {
  const player = await renderPlayer({
    record: { modules: { intro: { at: 'reflection', furthest: 'reflection', done: false, answers: {} } }, past: [] },
    resumeAt: 'module:intro',
    ...(savedStateLimit ? { savedStateLimit } : {}),
  });
  await screen.findByRole('heading', { level: 1, name: 'Refleksion' });
  return { ...player, field: screen.getByRole('textbox', { name: 'Din refleksion' }) as HTMLTextAreaElement };
}

describe('room for writing', () => {
  it('with room to spare the field has its full cap and no note', async () => {
    const { field } = await atReflection(tightLimit(2000));
    expect(field).toHaveAttribute('maxLength', '180');
    expect(field).not.toHaveAccessibleDescription(/mindre plads/);
  });

  it('when the saved state is what limits, the field says so, and refuses input beyond its room', async () => {
    const { field, record } = await atReflection(tightLimit(60));
    const noise = incompressibleText(180, 3);
    fireEvent.change(field, { target: { value: noise.slice(0, 20) } });
    expect(field).toHaveAccessibleDescription(/Der er mindre plads end ellers/);
    const max = Number(field.getAttribute('maxLength'));
    expect(max).toBeLessThan(180);
    // Typing on, character by character, stops where the saved state would not fit: the rest is refused.
    for (let n = 21; n <= 180; n++) fireEvent.change(field, { target: { value: noise.slice(0, n) } });
    expect(field.value.length).toBeLessThan(180);
    expect(noise.startsWith(field.value)).toBe(true);
    fireEvent.blur(field);
    expect(record().modules.intro!.reflection).toBe(field.value);
    const status = screen.getAllByRole('status').find((s) => s.classList.contains('text-field__warning'))!;
    expect(status).not.toBeEmptyDOMElement();
  });
});
