/** jest + ts-jest; the network is closed by test/setup.ts (nock.disableNetConnect, loopback allowed). */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // zapier-platform-core's test harness keeps a little memory per call, and the property tests make
  // thousands of calls: a worker that has grown is replaced between test files.
  maxWorkers: 2,
  // Quiet when green: the app's refusal logs (z.console) would print thousands of lines from the
  // property tests. Failures still print in full; `npx jest --silent=false` shows the logs.
  silent: true,
  workerIdleMemoryLimit: '300MB',
  roots: ['<rootDir>/test', '<rootDir>/workshops'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // tsconfig.test.json sets isolatedModules, so ts-jest only transpiles: `npm run typecheck` (run
  // first by .ci/run) does the type-checking once, instead of once per test worker.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};
