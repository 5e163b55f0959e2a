/** The final assessment: intro, one question at a time, then the result. */
import type { View } from '../shared/view.ts';
import { FinalIntro } from './FinalIntro.tsx';
import { FinalResult } from './FinalResult.tsx';
import { FinalTaking } from './FinalTaking.tsx';

export function FinalView({ view }: { view: Extract<View, { at: 'final' }> }) {
  return (
    <section className="view view--final">
      {view.step === 'intro' ? <FinalIntro /> : view.step === 'taking' ? <FinalTaking /> : <FinalResult />}
    </section>
  );
}
