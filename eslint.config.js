// One lint configuration for the whole repository: TypeScript (typed rules), React hooks, accessibility of
// JSX, and one import style (extensionless relative imports, resolved by the bundler and tsx alike).
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
      // One import style: no file extensions on relative imports.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^\\.{1,2}\\/.*\\.(js|ts|tsx|mjs)$/]',
          message: 'Import relative modules without a file extension (one import style; the bundler and tsx resolve it).',
        },
        {
          selector: 'ExportAllDeclaration[source.value=/^\\.{1,2}\\/.*\\.(js|ts|tsx|mjs)$/]',
          message: 'Export relative modules without a file extension.',
        },
        {
          selector: 'ExportNamedDeclaration[source.value=/^\\.{1,2}\\/.*\\.(js|ts|tsx|mjs)$/]',
          message: 'Export relative modules without a file extension.',
        },
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
    // Scripts under scripts/ are entry points run by tsx or node: they may import with extensions only
    // where Node itself resolves them (plain .mjs run by node).
    files: ['scripts/**/*.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
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
    // Tests poke at untyped JSON (CMI data, locale files) the way an LMS or an author would see it.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
