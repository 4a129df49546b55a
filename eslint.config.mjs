// ESLint (flat config): module boundaries between the Nx projects by their tags, typescript-eslint's
// type-aware rules, one way to reach the database in the API, and nothing that Prettier decides
// (formatting is checked by `prettier --check`).
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', '**/.data', 'test-artifacts', 'apps/bench/results', '**/*.d.ts'],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        // Each project's own TypeScript programs, spec files included.
        project: [
          'apps/api/tsconfig.app.json',
          'apps/api/tsconfig.spec.json',
          'apps/web/tsconfig.app.json',
          'apps/web/tsconfig.spec.json',
          'apps/web-e2e/tsconfig.spec.json',
          'apps/bench/tsconfig.json',
          'apps/bench/tsconfig.spec.json',
          'libs/contracts/tsconfig.lib.json',
          'libs/schedule/tsconfig.spec.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      /**
       * Who may import whom (project.json tags): the web app never imports the API; contracts import
       * only zod (their schemas); schedule only date-fns and contracts; apps only libraries (and the API its migrations).
       */
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: [], allowedExternalImports: ['zod', 'zod/*'] },
            { sourceTag: 'scope:schedule', onlyDependOnLibsWithTags: ['scope:contracts'], allowedExternalImports: ['date-fns', 'date-fns/*'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:schedule'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:schedule', 'type:migrations'] },
            { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:schedule'] },
            { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:schedule', 'scope:api'] },
          ],
        },
      ],
      // Type-aware: every promise is awaited or handled, and only where a promise may go.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // Strict null checks are on; a `!` states what a test or a query already guarantees.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The API reaches the database one way: parameterised SQL in each domain's repository (README, Architecture rules).
    files: ['apps/api/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@nestjs/typeorm', importNames: ['InjectRepository'], message: "Read and write with SQL in the domain's repository (DataSource.query)." },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='createQueryBuilder']",
          message: "Read and write with SQL in the domain's repository (DataSource.query), not TypeORM's query builder.",
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
