// Lint for the mistakes a compiler lets through: unused code, hooks called out of order, an error
// rethrown without its cause. Layout is the formatter's (prettier, npm run format).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
	// Generated: the catalog and the precompiled validators.
	{ignores: ['dist/', 'source/domain/catalog.ts', 'source/**/*-validators.ts', 'source/backends/tenant-validator.ts']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {globals: globals.node},
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'error',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none'}],
			// Terminal control characters are what text safety and the tmux tests look for, on purpose.
			'no-control-regex': 'off',
		},
	},
	{files: ['**/*.cjs'], rules: {'@typescript-eslint/no-require-imports': 'off'}},
);
