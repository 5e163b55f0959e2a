/**
 * The player moves focus to a new screen's heading (or to the control that replaced the one used) after
 * it renders, in an effect: on a loaded machine that is a tick after the element appears. So a test
 * waits for the focus instead of asserting it the moment the element is found.
 */
import { waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/** Waits until the element (or the one a `findBy…` query resolves to) has focus; returns it. */
export async function expectFocus<T extends Element>(element: T | Promise<T>): Promise<T> {
  const el = await element;
  await waitFor(() => expect(el).toHaveFocus(), { timeout: 5000 });
  return el;
}
