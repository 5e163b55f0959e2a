/**
 * The Trusted Types policy the player creates (src/player/shared/Html.tsx), by name: the launch page's
 * CSP allows exactly this one (`trusted-types ...` in vite.config.ts), so no other code can make HTML.
 */
export const HTML_POLICY_NAMES = ['course-html'] as const;
