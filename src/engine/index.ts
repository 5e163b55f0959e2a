/** The engine: plain TypeScript, no React, no DOM. */
export * from './machine.ts';
export * from './where.ts';
export * from './record.ts';
export * from './progress.ts';
export * from './scoring.ts';
export * from './snapshot.ts';
export * from './room.ts';
export { loadSavedState, savedStateLoaded, SavedStateNotLoaded } from './saved-state-loader.ts';
export { drawQuestions } from './draw.ts';
