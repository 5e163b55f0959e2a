/** The final assessment: intro, one question at a time, then the result. */
import type { View } from '../shared/view';
import { FinalIntro } from './FinalIntro';
import { FinalResult } from './FinalResult';
import { FinalTaking } from './FinalTaking';

export function FinalView({ view }: { view: Extract<View, { at: 'final' }> }) {
  return (
    <section className="view view--final">
      {view.step === 'intro' ? <FinalIntro /> : view.step === 'taking' ? <FinalTaking /> : <FinalResult />}
    </section>
  );
}
