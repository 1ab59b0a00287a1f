// The benchmark's reference app (bench/README in docs/performance.md): one REST-hook trigger whose
// perform passes the delivery through untouched, so a figure divided by this app's is what Affiliate
// Hub adds on top of zapier-platform-core itself. Plain CommonJS, no build step, like a `zapier init` app.
const zapier = require('zapier-platform-core');

module.exports = {
  version: '1.0.0',
  platformVersion: zapier.version,
  triggers: {
    event: {
      key: 'event',
      noun: 'Event',
      display: { label: 'New Event', description: 'Triggers when a webhook delivery arrives.' },
      operation: {
        type: 'hook',
        perform: (z, bundle) => [bundle.cleanedRequest],
        performSubscribe: () => ({ id: 'subscription' }),
        performUnsubscribe: () => ({}),
        performList: () => [],
        sample: { id: '1' },
      },
    },
  },
};
