/** The engine: plain TypeScript, no React, no DOM. */
export * from './machine';
export * from './where';
export * from './record';
export * from './progress';
export * from './scoring';
export * from './snapshot';
export { drawQuestions, optionOrder } from './draw';
