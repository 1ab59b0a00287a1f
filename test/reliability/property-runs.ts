/**
 * How many cases each property tries: `PROPERTY_RUNS`, else 200 (twice fast-check's default), which
 * keeps `npm test` under two minutes with eight platforms. `npm run test:long` repeats the property
 * files ten times with fresh seeds; `PROPERTY_RUNS=5000 npx jest 'workshops/.+/properties'` searches deeper.
 */
export const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
