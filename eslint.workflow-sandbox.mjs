// @ts-check
// Import boundaries for Temporal workflow code. The orchestrator's worker bundles
// apps/orchestrator/src/temporal/workflows.ts and everything it imports into
// Temporal's deterministic sandbox (apps/orchestrator/src/temporal/workflow-bundle.ts),
// where Node built-ins, Nest, database and Kafka clients cannot run and would break
// replay. Type-only imports are erased before bundling, so they stay allowed.

/** Packages workflow code may import values from: the workflow SDK and the sandbox-safe libs (WORKFLOW_LIBRARIES in workflow-bundle.ts). */
export const SANDBOX_PACKAGES = [
  '@temporalio/workflow',
  '@temporalio/common',
  '@tenure/domain',
  '@tenure/temporal-contracts',
];

/** The lifecycle's workflow folder; every file in it is bundled (its tests are not). */
const WORKFLOW_FOLDER = 'apps/orchestrator/src/lifecycle/workflow/**/*.ts';
/** The bundle's entry point, which lists every workflow the worker runs. */
const WORKFLOW_ENTRY = 'apps/orchestrator/src/temporal/workflows.ts';
/** Workflows that live beside their feature, named *.workflow.ts. */
const WORKFLOW_FILES = 'apps/**/*.workflow.ts';
/** The sandbox-safe libraries: pure code, bundled as they are. */
const SANDBOX_LIBS = ['libs/domain/src/**/*.ts', 'libs/temporal-contracts/src/**/*.ts'];
/**
 * Orchestrator modules the workflow shares with the rest of the service (the
 * decision rules the dry runs and rollouts apply too): pure like the libraries,
 * so they are held to the same rules below.
 */
const SANDBOX_MODULES = ['apps/orchestrator/src/lifecycle/decision-rules.ts'];
/** How the workflow folder imports them, `../decision-rules`, read after the pattern's leading dot. */
const SANDBOX_MODULE_IMPORT = '(?!\\./decision-rules$)';
const TESTS = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const PACKAGE_MESSAGE =
  `Workflow code runs in Temporal's sandbox: import values only from ${SANDBOX_PACKAGES.join(', ')} ` +
  'or other workflow files; use `import type` for anything else, and do I/O in an activity.';

/** Any package import that is not on the list (relative paths are checked by the second pattern). */
const otherPackages = {
  regex: `^(?!\\.|(${SANDBOX_PACKAGES.map(escape).join('|')})$)`,
  allowTypeImports: true,
  message: PACKAGE_MESSAGE,
};

const relativeOutside = (regex, message) => ({ regex, allowTypeImports: true, message });

const restrictImports = (relativePattern) => ['error', { patterns: [otherPackages, relativePattern] }];

const noRuntimeLoading = [
  'error',
  { selector: "CallExpression[callee.name='require']", message: PACKAGE_MESSAGE },
  { selector: 'ImportExpression', message: PACKAGE_MESSAGE },
];

export const workflowSandboxConfigs = [
  {
    // A workflow beside its feature: relative value imports only of other workflow files.
    files: [WORKFLOW_FILES],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictImports(
        relativeOutside(
          '^\\.(?!.*\\.workflow$)(?!.*/lifecycle/workflow/[^/]+$)',
          'A workflow may import values only from other workflow files (*.workflow or lifecycle/workflow/*): ' +
            'anything else would be bundled into the sandbox. Use `import type`, or move the code into a workflow file.',
        ),
      ),
      'no-restricted-syntax': noRuntimeLoading,
    },
  },
  {
    // The workflow folder and the entry point: their own files (siblings) and *.workflow files.
    files: [WORKFLOW_FOLDER, WORKFLOW_ENTRY],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictImports(
        relativeOutside(
          `^\\.(?!/[^/]+$)(?!.*\\.workflow$)${SANDBOX_MODULE_IMPORT}`,
          'Workflow code may import values only from files in lifecycle/workflow/, *.workflow files or the ' +
            'sandbox-safe modules (lifecycle/decision-rules): ' +
            'anything else would be bundled into the sandbox. Use `import type`, or do the work in an activity.',
        ),
      ),
      'no-restricted-syntax': noRuntimeLoading,
    },
  },
  {
    // The sandbox-safe libraries stay pure: no packages beyond the list, nothing outside the library.
    files: [...SANDBOX_LIBS, ...SANDBOX_MODULES],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictImports(
        relativeOutside(
          '^(\\.\\./){2,}',
          'A sandbox-safe library imports only its own files: a path out of it would pull other code into the workflow sandbox.',
        ),
      ),
      'no-restricted-syntax': noRuntimeLoading,
    },
  },
];
