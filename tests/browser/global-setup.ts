/** Builds once, before the browser tests: the sample course for every package target, and the real course. */
import { buildPlayer, REAL_12, SAMPLE_12, SAMPLE_2004, SAMPLE_CMI5 } from '../../scripts/harness/build.ts';

export default async function setup(): Promise<void> {
  await buildPlayer(SAMPLE_2004);
  await buildPlayer(SAMPLE_12);
  await buildPlayer(REAL_12);
  await buildPlayer(SAMPLE_CMI5);
}
