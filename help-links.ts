/**
 * The base of every help-text link the app shows (the API key's help, the dashboard webhook's
 * help), set in one place: package.json `homepage`, the address where this repository's README is
 * published. Every link is that address plus a README anchor; the README links on to docs/. The
 * publishing steps (docs/development.md, "Publishing to Zapier") say to set it, and
 * `npm run zapier:push` refuses the placeholder.
 */
import packageJson from './package.json';

/** The value package.json ships with: a guess at the repository's address, not a published page. */
export const PLACEHOLDER_HOMEPAGE = 'https://github.com/affiliate-hub/affiliate-hub';

/** Where the README is published (package.json `homepage`). */
export const HELP_BASE: string = packageJson.homepage;

/**
 * The README section (its GitHub heading anchor) that lists every platform with where it shows its
 * API key, how its webhooks are set up and a link to its docs page (with dashboard directions).
 */
export const CONNECT_SECTION = 'connect-a-platform';

/** A link to a README section under `base`, e.g. `https://github.com/o/r#connect-a-platform`. */
export function readmeLink(anchor: string, base: string = HELP_BASE): string {
  return `${base}#${anchor}`;
}

/**
 * Why `homepage` cannot go out in a published app, or undefined when it can (or when not
 * publishing). Publishing is `PUBLISH=1` in `env`, which `npm run zapier:push` sets.
 * @param env the process environment (only `PUBLISH` is read)
 */
export function publishProblem(env: Readonly<Record<string, string | undefined>>, homepage: string = HELP_BASE): string | undefined {
  if (env.PUBLISH !== '1') return undefined;
  if (homepage === PLACEHOLDER_HOMEPAGE) {
    return `package.json "homepage" is still the placeholder ${PLACEHOLDER_HOMEPAGE}: set it to where the README is published (docs/development.md, "Publishing to Zapier"), or every help link in the app leads nowhere.`;
  }
  if (!/^https:\/\/[^\s#]+$/.test(homepage)) return `package.json "homepage" must be an https address without a #fragment (Zapier's D007), not "${homepage}".`;
  return undefined;
}

// `node dist/help-links.js` is the publishing check that `npm run zapier:build` and `npm run zapier:push` run.
if (require.main === module) {
  const problem = publishProblem(process.env);
  if (problem !== undefined) {
    console.error(problem);
    process.exitCode = 1;
  }
}
