/** jest + ts-jest; the network is closed by test/setup.ts (nock.disableNetConnect, loopback allowed). */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // zapier-platform-core's test harness keeps a little memory per call, and the property tests make
  // thousands of calls: a worker that has grown is replaced between test files.
  maxWorkers: 2,
  workerIdleMemoryLimit: '300MB',
  roots: ['<rootDir>/test'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};
