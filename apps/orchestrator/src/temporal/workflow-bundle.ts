import { join, resolve } from 'node:path';
import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Logger } from 'pino';
import { temporalLogger } from './temporal-logging';

/** The libraries workflow code may import; all of them are sandbox-safe (no Node, Nest or database). */
const WORKFLOW_LIBRARIES = ['domain', 'temporal-contracts'];

/**
 * Runs in each workflow sandbox before the SDK freezes its globals. The SDK
 * captures a stack trace, source-mapped frame by frame, for every promise
 * workflow code creates (for the stack-trace query); that was half the
 * workflow thread's CPU under a burst of leavers. Workflow errors say what
 * failed in their message; activities run outside the sandbox and keep
 * their stacks.
 */
const SANDBOX_PROLOGUE = 'Error.stackTraceLimit = 0;';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/**
 * Bundles the workflows once per process (it takes seconds). Run from source
 * (tests), `@tenure/*` imports resolve through aliases to libs/; in the built
 * service they are already relative paths.
 */
export function workflowBundle(logger?: Logger): Promise<WorkflowBundleWithSourceMap> {
  // apps/orchestrator/src/temporal → the repository root from source, dist/ when built.
  const libsRoot = join(resolve(__dirname, '../../../..'), 'libs');
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('./workflows'),
    logger: logger ? temporalLogger(logger) : undefined,
    webpackConfigHook: (config) => {
      const alias = Object.fromEntries(
        WORKFLOW_LIBRARIES.map((name) => [`@tenure/${name}`, join(libsRoot, name, 'src')]),
      );
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } };
      config.plugins = [
        ...(config.plugins ?? []),
        {
          apply: (compiler) =>
            new compiler.webpack.BannerPlugin({ banner: SANDBOX_PROLOGUE, raw: true }).apply(compiler),
        },
      ];
      return config;
    },
  });
  return bundle;
}
