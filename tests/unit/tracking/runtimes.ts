/**
 * Both real scorm-again runtimes, initialised and not installed on window, fresh for every test: for
 * tests that check what each data model accepts (value formats, CMI patterns) without a course.
 */
import { afterEach, beforeEach } from 'vitest';
import { cleanWindow, createLms, type Lms } from './support.ts';

export interface Runtimes {
  lms12: Lms;
  lms2004: Lms;
  /** SetValue on either runtime, as its version names it; the runtime's answer ("true" / "false"). */
  set(lms: Lms, element: string, value: string): string;
}

export function useBothRuntimes(): Runtimes {
  const r = {
    set: (lms: Lms, e: string, v: string) =>
      lms.version === '1.2'
        ? (lms.api as unknown as { LMSSetValue(e: string, v: string): string }).LMSSetValue(e, v)
        : (lms.api as unknown as { SetValue(e: string, v: string): string }).SetValue(e, v),
  } as Runtimes;
  beforeEach(async () => {
    cleanWindow();
    r.lms12 = await createLms('1.2', undefined, { install: false });
    r.lms2004 = await createLms('2004', undefined, { install: false });
    (r.lms12.api as unknown as { LMSInitialize(p: string): string }).LMSInitialize('');
    (r.lms2004.api as unknown as { Initialize(p: string): string }).Initialize('');
  });
  afterEach(() => cleanWindow());
  return r;
}
