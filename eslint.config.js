// One lint configuration for the whole repository: TypeScript (typed rules), React hooks, accessibility of
// JSX, and one import style (relative imports name their file, extension included).
// Formatting is Prettier's job (eslint-config-prettier turns off every rule that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.cache/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      // One import style: relative imports name the file, extension included (`./machine.ts`,
      // `../engine/index.ts`), as Node's type stripping, Vite's native config loader and tsx all resolve it.
      'no-restricted-syntax': [
        'error',
        ...['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration', 'ImportExpression'].map((node) => ({
          selector: `${node}[source.value=/^\\.{1,2}\\/(?!.*\\.(ts|tsx|css|json|svg|png|mjs)([?].*)?$)/]`,
          message: 'Name the file of a relative import, extension included (for example "./machine.ts" or "../engine/index.ts").',
        })),
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      // Option labels hold their text a few elements deep (value, then description).
      'jsx-a11y/label-has-associated-control': ['error', { assert: 'either', depth: 4 }],
    },
  },
  {
    // The production code never reaches into the tests, and the scripts reach only for shared harnesses.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/tests/**'], message: 'Production code and scripts do not import from tests/.' }] },
      ],
    },
  },
  {
    // What the player ships stays free of the validation library (zod is for build-time schemas only), and
    // the engine, tracking and the question types' models stay free of React and the DOM's views.
    files: [
      'src/engine/**/*.ts',
      'src/tracking/**/*.ts',
      'src/session/**/*.ts',
      'src/player/**/*.{ts,tsx}',
      'src/question-types/**/*.{ts,tsx}',
    ],
    ignores: ['src/question-types/**/schema.ts', 'src/question-types/schema-kit.ts', 'src/question-types/schemas.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/tests/**'], message: 'Production code and scripts do not import from tests/.' },
            {
              group: ['zod', '**/content-model/schema.ts', '**/content-model/ids.ts', '**/schemas.ts', '**/schema.ts'],
              message: 'Schemas are build-time only: the player must not ship zod.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/engine/**/*.ts',
      'src/tracking/**/*.ts',
      'src/session/**/*.ts',
      'src/question-types/*.ts',
      'src/question-types/*/model.ts',
    ],
    ignores: [
      'src/question-types/views.ts',
      'src/question-types/view.ts',
      'src/question-types/use-question-texts.ts',
      'src/question-types/schema-kit.ts',
      'src/question-types/schemas.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/tests/**'], message: 'Production code and scripts do not import from tests/.' },
            {
              group: ['zod', '**/content-model/schema.ts', '**/content-model/ids.ts', '**/schemas.ts', '**/schema.ts'],
              message: 'Schemas are build-time only: the player must not ship zod.',
            },
            {
              group: ['react', 'react-dom', '@xstate/react', '*.tsx', '**/player/**'],
              message: 'The engine, tracking and question models are plain TypeScript: no React, no views.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests poke at untyped JSON (CMI data, locale files) the way an LMS or an author would see it.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
