/** jest + ts-jest; the network is closed by test/setup.ts (nock.disableNetConnect, loopback allowed). */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // zapier-platform-core's test harness keeps a little memory per call and its handler exits the
  // process past 450 MB after 250 calls; the property tests make thousands, so each test file gets
  // a worker that is replaced once it has grown.
  maxWorkers: 2,
  workerIdleMemoryLimit: '300MB',
  roots: ['<rootDir>/test'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};
