/** Builds the sample course for both SCORM versions once, before the browser tests. */
import { buildPlayer, SAMPLE_12, SAMPLE_2004 } from './support/build';

export default async function setup(): Promise<void> {
  await buildPlayer(SAMPLE_2004);
  await buildPlayer(SAMPLE_12);
}
