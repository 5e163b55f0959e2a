/** How the launch page's root says what is pre-rendered in it (written at build time, read by the app). */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';

/** The screens the launch page carries pre-rendered: the start screen, and the menu a tap on Start leads to. */
export type PrerenderedView = 'start' | 'menu';

export const prerenderedMark = (language: string, view: PrerenderedView = 'start') => `${view}:${language}`;

/** The `<template>` beside the root that holds the pre-rendered menu until the entry shows it. */
export const MENU_TEMPLATE_ID = 'prerendered-menu';
