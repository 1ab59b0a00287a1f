// Zapier loads a CommonJS app from this root file, not from package.json "main":
// it must export the app definition itself, compiled from index.ts by `npm run build`.
module.exports = require('./dist/index.js').default;
