/** How the launch page's root says what is pre-rendered in it (written at build time, read by the app). */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';

export const prerenderedMark = (language: string) => `start:${language}`;
