import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The repository's ESLint configuration keeps Node, Nest, database and Kafka code out of the
 * Temporal workflow sandbox. These cases lint code as if it were in the workflow files, so the
 * boundary cannot silently stop applying (a renamed folder, a dropped config block).
 */
const ROOT = resolve(__dirname, '../../../..');

interface Finding {
  line: number;
  ruleId: string | null;
  message: string;
}

// ESLint's configuration is an ES module, which jest's CommonJS runtime cannot load: lint in a
// child process. Type information is off: the boundary rules do not need it, and it keeps the
// run to a second or two.
const LINT_SCRIPT = `
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
const out = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.map(({ line, ruleId, message }) => ({ line, ruleId, message })));
}
console.log(JSON.stringify(out));
`;

async function lint(cases: { filePath: string; code: string }[]): Promise<Finding[][]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', LINT_SCRIPT, JSON.stringify(cases)],
    { cwd: ROOT },
  );
  return JSON.parse(stdout) as Finding[][];
}

/** Lines of `code` that ESLint flags as crossing the sandbox boundary. */
const boundaryLines = (findings: Finding[]) =>
  findings
    .filter((f) => f.ruleId === 'no-restricted-imports' || f.ruleId === 'no-restricted-syntax')
    .map((f) => f.line);

const lines = (...source: string[]) => source.join('\n') + '\n';

const WORKFLOW_IN_FOLDER = 'apps/orchestrator/src/lifecycle/workflow/run-executor.ts';
const WORKFLOW_ENTRY = 'apps/orchestrator/src/temporal/workflows.ts';
const WORKFLOW_BESIDE_FEATURE = 'apps/orchestrator/src/reviews/access-review.workflow.ts';
const SANDBOX_LIB = 'libs/temporal-contracts/src/index.ts';

describe('workflow sandbox import boundary (ESLint)', () => {
  let findings: Finding[][];

  beforeAll(async () => {
    findings = await lint([
      {
        filePath: WORKFLOW_IN_FOLDER,
        code: lines(
          "import { Injectable } from '@nestjs/common';",
          "import { DataSource } from 'typeorm';",
          "import { Pool } from 'pg';",
          "import { Kafka } from 'kafkajs';",
          "import { readFile } from 'node:fs';",
          "import { Client } from '@temporalio/client';",
          "import { Worker } from '@temporalio/worker';",
          "import { Context } from '@temporalio/activity';",
          "import { TenureDatabaseModule } from '@tenure/database';",
          "import { lifecycleActivities } from '../activities/lifecycle.activities';",
          "export { ReviewsService } from '../../reviews/reviews.service';",
          "const crypto = require('crypto');",
          "const later = import('kafkajs');",
        ),
      },
      {
        filePath: WORKFLOW_IN_FOLDER,
        code: lines(
          "import { proxyActivities } from '@temporalio/workflow';",
          "import { ApplicationFailure } from '@temporalio/common';",
          "import { isOpenRun } from '@tenure/temporal-contracts';",
          "import { formatRfc3339 } from '@tenure/domain';",
          "import { store } from './activity-proxies';",
          "import { decidePlan } from '../decision-rules';",
          "import type { LifecycleActivities } from '../activities/lifecycle.activities';",
          "import type { Pool } from 'pg';",
          "export { accessReviewCampaignWorkflow } from '../../reviews/access-review.workflow';",
        ),
      },
      {
        filePath: WORKFLOW_BESIDE_FEATURE,
        code: lines(
          "import { Injectable } from '@nestjs/common';",
          "import { reviewRecords } from './review-records';",
          "import { rejectingDataErrors } from '../lifecycle/workflow/data-errors';",
          "import type { ReviewActivities } from './access-review.activities';",
        ),
      },
      {
        filePath: SANDBOX_LIB,
        code: lines(
          "import { Kafka } from 'kafkajs';",
          "import { Employee } from '../../domain/src';",
          "export * from './lifecycle-plan';",
        ),
      },
      {
        // Not bundled: the worker itself and the workflows' tests may use anything.
        filePath: 'apps/orchestrator/src/temporal/temporal-worker.service.ts',
        code: lines("import { Worker } from '@temporalio/worker';", "import { Injectable } from '@nestjs/common';"),
      },
      {
        filePath: 'apps/orchestrator/src/lifecycle/workflow/carried-state.spec.ts',
        code: lines("import { TestWorkflowEnvironment } from '@temporalio/testing';"),
      },
      {
        // The bundle's entry point lists workflows; anything else it imported would be bundled too.
        filePath: WORKFLOW_ENTRY,
        code: lines(
          "export { employeeLifecycleWorkflow } from '../lifecycle/workflow/employee-lifecycle.workflow';",
          "export { reconciliationWorkflow } from '../reconciliation/reconciliation.workflow';",
          "export { ReviewsService } from '../reviews/reviews.service';",
        ),
      },
    ]);
  }, 60_000);

  it('refuses Nest, database, Kafka, Node and non-workflow Temporal packages, other libs and non-workflow files', () => {
    expect(boundaryLines(findings[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const message = findings[0].find((f) => f.line === 3)?.message;
    expect(message).toContain("Workflow code runs in Temporal's sandbox");
  });

  it('accepts the workflow SDK, the sandbox-safe libs, other workflow files and type-only imports', () => {
    expect(boundaryLines(findings[1])).toEqual([]);
  });

  it('holds for workflows beside their feature: only workflow files, by value', () => {
    expect(boundaryLines(findings[2])).toEqual([1, 2]);
  });

  it('keeps the sandbox-safe libraries free of other packages and of code outside them', () => {
    expect(boundaryLines(findings[3])).toEqual([1, 2]);
  });

  it('leaves code outside the sandbox alone', () => {
    expect(boundaryLines(findings[4])).toEqual([]);
    expect(boundaryLines(findings[5])).toEqual([]);
  });

  it('holds the bundle entry point to workflow files', () => {
    expect(boundaryLines(findings[6])).toEqual([3]);
  });
});
