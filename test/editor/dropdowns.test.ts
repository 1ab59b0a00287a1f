/**
 * Dropdowns (issue 23 item 7): "load more" asks the platform for the next page, never the first
 * one again; approve and deny dropdowns list pending items first.
 */
import nock from 'nock';
import { PLATFORMS } from '../../platforms/registry';
import type { PlatformDefinition } from '../../platforms/types';
import { appTester, triggerOperation } from '../helpers/app';
import { listAnswer, listItemFilling } from '../helpers/full-list-item';

const DROPDOWNS = ['referral_list', 'affiliate_list', 'payout_list', 'program_list', 'applicant_list', 'group_list'];

/** A connection of the platform with every field it needs filled. */
function authOf(platform: PlatformDefinition): Record<string, string> {
  return { platform: platform.id, api_key: 'key', ...Object.fromEntries((platform.connection.extraFields ?? []).map((field) => [field.key, 'value'])) };
}

/** The requests one dropdown page makes (method, path and query), answering each with an empty list. */
async function requestsOf(platform: PlatformDefinition, key: string, page: number): Promise<string[]> {
  const seen: string[] = [];
  nock(new URL(platform.baseUrl).origin)
    .persist()
    .get(/.*/)
    .reply(200, function () {
      seen.push(`${this.req.method} ${this.req.path}`);
      return { data: [], items: [] };
    });
  try {
    await appTester(triggerOperation(key).perform, { authData: authOf(platform), meta: { page } }).catch(() => undefined);
  } finally {
    nock.cleanAll();
  }
  return seen;
}

describe.each(PLATFORMS.map((platform) => [platform.name, platform] as const))('%s dropdowns', (_name, platform) => {
  it.each(DROPDOWNS)('%s: the next page is not the first page again', async (key) => {
    const first = await requestsOf(platform, key, 0);
    const next = await requestsOf(platform, key, 1);
    for (const request of next) expect(first).not.toContain(request);
  });
});

describe('approve and deny dropdowns', () => {
  it('list pending affiliates first', async () => {
    const platform = PLATFORMS.find((item) => item.id === 'uppromote')!;
    const list = platform.lists.affiliate!;
    const active = { ...listItemFilling(platform, 'affiliate', 'active'), id: 1, email: 'active@example.com' };
    const pending = { ...listItemFilling(platform, 'affiliate', 'pending'), id: 2, email: 'pending@example.com' };
    nock(new URL(platform.baseUrl).origin).get(/affiliates/).query(true).reply(200, listAnswer(list.itemsPath, [active, pending]));
    const choices = (await appTester(triggerOperation('applicant_list').perform, { authData: authOf(platform), meta: { page: 0 } })) as { label: string }[];
    expect(choices).toHaveLength(2);
    expect(choices[0].label).toMatch(/pending/);
    expect(choices[1].label).toMatch(/active/);
  });
});
