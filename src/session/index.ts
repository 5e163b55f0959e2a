/** The learning session: the contract tracking implements, and the one way a course is launched from it. */
export * from './session.ts';
export * from './launch.ts';
