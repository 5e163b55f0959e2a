/**
 * The saved state's heavier half, loaded as its own chunk (src/engine/saved-state-loader.ts): the
 * compression of format 2 (fflate and its dictionary), reading a stored state back, and measuring the
 * room a learner's text has. The engine's public functions for these (snapshot.ts, room.ts) hand over
 * to it.
 */
export { fromSavedText, toSavedText } from './saved-text.ts';
export { restoreSnapshot } from './restore.ts';
export { fitTexts, longestLocation, reserveSaved, roomFor, textFits, textsFit } from './room-measure.ts';
