// Three tiers, as in the README: unit (no servers), integration (real PostgreSQL,
// Kafka, Temporal, SCIM peers) and e2e (the running services of the test stack).
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];

const moduleNameMapper = {
  '^@tenure/(.*)$': '<rootDir>/libs/$1/src',
};

const slow = { setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-slow-timeout.ts'] };

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  rootDir: __dirname,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  ...extra,
});

module.exports = {
  // The suite runs in one process on small machines. The Temporal SDK's native
  // runtime (time-skipping server, workers) can keep that process alive after
  // every test has closed what it opened (temporalio/sdk-typescript#928), which
  // would hang `./tenure test` after its last result: end the run once the
  // results are in.
  forceExit: true,
  projects: [
    project('unit', ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/deploy/**/*.spec.ts']),
    project(
      'integration',
      ['<rootDir>/apps/**/*.int-spec.ts', '<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/deploy/**/*.int-spec.ts'],
      slow,
    ),
    project('e2e', ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], slow),
  ],
};
