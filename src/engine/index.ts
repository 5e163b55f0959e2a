/** The engine: plain TypeScript, no React, no DOM. */
export * from './machine.js';
export * from './record.js';
export * from './progress.js';
export * from './scoring.js';
export * from './snapshot.js';
export { drawQuestions, optionOrder } from './draw.js';
