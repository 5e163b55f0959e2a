// @vitest-environment happy-dom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPlayer } from './support/player.tsx';

async function atReflection(limits: 'scorm12' | 'scorm2004' = 'scorm12', reflection?: string) {
  const player = await renderPlayer({
    limits,
    record: { modules: { intro: { at: 'reflection', furthest: 'reflection', done: false, answers: {}, reflection } }, past: [] },
    resumeAt: 'module:intro',
  });
  await screen.findByRole('heading', { level: 1, name: 'Refleksion' });
  return { ...player, field: screen.getByRole('textbox', { name: 'Din refleksion' }) as HTMLTextAreaElement };
}

describe('reflection', () => {
  it('is a labelled text area with the limit stated up front and a live character count', async () => {
    const { field, user } = await atReflection();
    expect(screen.getByText('Hvad vil du lære?')).toBeInTheDocument();
    expect(field).toHaveAttribute('maxLength', '180');
    expect(field).toHaveAccessibleDescription(
      /Skriv kort\..*Du kan skrive op til 180 tegn\. Længere tekst kan ikke gemmes\..*0 af 180 tegn/,
    );
    await user.type(field, 'Hej med dig');
    expect(screen.getByText('11 af 180 tegn')).toBeInTheDocument();
  });

  it('uses the limit of the SCORM version the course runs under', async () => {
    const { field } = await atReflection('scorm2004');
    expect(field).toHaveAttribute('maxLength', '2000');
  });

  it('sends the text to the machine at most every 300 ms while typing, and at once on blur', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { field, record } = await atReflection();
    fireEvent.change(field, { target: { value: 'Første tanke' } });
    expect(record().modules.intro!.reflection).toBeUndefined();
    await act(async () => {
      vi.advanceTimersByTime(310);
    });
    expect(record().modules.intro!.reflection).toBe('Første tanke');

    fireEvent.change(field, { target: { value: 'Første tanke, anden tanke' } });
    fireEvent.blur(field);
    expect(record().modules.intro!.reflection).toBe('Første tanke, anden tanke');
  });

  it('never loses what was just typed when the learner navigates away', async () => {
    const { field, user, record } = await atReflection();
    fireEvent.change(field, { target: { value: 'Skrevet lige før' } });
    await user.click(screen.getByRole('button', { name: 'Tilbage' })); // at once, before the debounce
    await screen.findByRole('heading', { level: 1, name: 'Videnstjek' });
    expect(record().modules.intro!.reflection).toBe('Skrevet lige før');
  });

  it('warns before the limit is reached and says so at the limit', async () => {
    const { field } = await atReflection();
    const status = screen.getAllByRole('status').find((s) => s.classList.contains('text-field__warning'))!;
    expect(status).toBeEmptyDOMElement();
    fireEvent.change(field, { target: { value: 'x'.repeat(170) } });
    expect(status).toHaveTextContent('Du er tæt på grænsen: 10 tegn tilbage. Tekst ud over 180 tegn kan ikke gemmes.');
    fireEvent.change(field, { target: { value: 'x'.repeat(180) } });
    expect(status).toHaveTextContent('Du har nået grænsen på 180 tegn. Længere tekst kan ikke gemmes.');
    expect(screen.getByText('180 af 180 tegn')).toBeInTheDocument();
  });

  it('refuses a paste that would not fit instead of cutting it silently', async () => {
    const { field } = await atReflection('scorm12', 'Allerede skrevet');
    expect(field.value).toBe('Allerede skrevet');
    const pasted = fireEvent.paste(field, { clipboardData: { getData: () => 'y'.repeat(170) } });
    expect(pasted).toBe(false); // default prevented: nothing inserted
    expect(field.value).toBe('Allerede skrevet');
    expect(screen.getByText(/Den indsatte tekst ville gøre svaret længere end 180 tegn/)).toBeInTheDocument();
    expect(fireEvent.paste(field, { clipboardData: { getData: () => 'kort' } })).toBe(true);
  });
});
