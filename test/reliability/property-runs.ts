/**
 * How many cases each property tries: `PROPERTY_RUNS` (CI default below; `npm run test:long`
 * raises it for a longer search).
 */
export const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS ?? 500);
