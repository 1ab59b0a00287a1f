/**
 * The help links work (issue 21, item 10): every help-text link is the one base (package.json
 * `homepage`) plus a README heading that exists, and the publishing check refuses the placeholder
 * base when publishing (PUBLISH=1), but not in CI's offline build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_HELP_URL } from '../../authentication';
import { HELP_BASE, PLACEHOLDER_HOMEPAGE, publishProblem, readmeLink } from '../../help-links';
import packageJson from '../../package.json';
import { DASHBOARD_HELP_URL } from '../../triggers/dashboard_webhook';
import { ROOT, anchors } from './markdown';

describe('help-text links', () => {
  it('all start at package.json homepage and name a heading of the README', () => {
    const headings = anchors(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(HELP_BASE).toBe(packageJson.homepage);
    for (const url of [KEY_HELP_URL, DASHBOARD_HELP_URL]) {
      const [base, anchor] = url.split('#');
      expect(base).toBe(HELP_BASE);
      expect(headings.has(anchor ?? '')).toBe(true);
    }
  });

  it('are built from whatever base is set', () => {
    expect(readmeLink('connect-a-platform', 'https://example.com/hub')).toBe('https://example.com/hub#connect-a-platform');
  });
});

describe('the publishing check (npm run zapier:push sets PUBLISH=1)', () => {
  it('refuses the placeholder homepage when publishing, and says where to set it', () => {
    expect(publishProblem({ PUBLISH: '1' }, PLACEHOLDER_HOMEPAGE)).toMatch(/placeholder.*docs\/development\.md/);
  });

  it('refuses a base that is not https or carries a fragment', () => {
    expect(publishProblem({ PUBLISH: '1' }, 'http://example.com/hub')).toMatch(/https/);
    expect(publishProblem({ PUBLISH: '1' }, 'https://example.com/hub#readme')).toMatch(/fragment/);
  });

  it('accepts a real https base when publishing, and anything when not (CI builds offline)', () => {
    expect(publishProblem({ PUBLISH: '1' }, 'https://github.com/example/affiliate-hub')).toBeUndefined();
    expect(publishProblem({}, PLACEHOLDER_HOMEPAGE)).toBeUndefined();
  });

  it('is what package.json runs before pushing and building', () => {
    expect(packageJson.scripts['zapier:push']).toMatch(/PUBLISH=1 node dist\/help-links\.js && zapier-platform push/);
    expect(packageJson.scripts['zapier:build']).toMatch(/^npm run build && node dist\/help-links\.js && /);
  });
});
