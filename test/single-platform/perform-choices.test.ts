/**
 * Perform-based dropdowns (triggers/perform-choices.ts): "load more" continues where the previous
 * page ended, through the paging token Zapier hands back, and ends when the list does.
 */
import nock from 'nock';
import type { ChoiceList, ChoicePageRequest } from '../../triggers/choice-lists';
import { pageAtToken, performChoices } from '../../triggers/perform-choices';
import { findPlatform } from '../../platforms/registry';
import { appTester } from '../helpers/app';
import { listAnswer, listItemFilling } from '../helpers/full-list-item';
import { runThroughCore } from '../security/core-run';
import { singlePlatformBuild } from './builds';

/** A list of three pages by cursor, recording where each call starts. */
function threePages(calls: ChoicePageRequest[]): ChoiceList {
  return async (_z, _bundle, at) => {
    calls.push(at);
    const next = at.page < 2 ? { page: at.page + 1, cursor: `after-${at.page}` } : undefined;
    return { choices: [{ id: `item-${at.page}`, label: `Item ${at.page}` }], ...(next ? { next } : {}), byCursor: true };
  };
}

/** One dropdown page as core's tester runs the function, with the token Zapier would hand back. */
const call = async (list: ChoiceList, token?: string) =>
  (await appTester(performChoices(list), { meta: token === undefined ? {} : { paging_token: token } })) as Awaited<ReturnType<ReturnType<typeof performChoices>>>;

describe('perform-based dropdown paging', () => {
  it('follows the token from page to page and ends with a null token', async () => {
    const calls: ChoicePageRequest[] = [];
    const list = threePages(calls);
    const first = await call(list);
    const second = await call(list, first.paging_token!);
    const third = await call(list, second.paging_token!);
    expect(calls).toEqual([{ page: 0 }, { page: 1, cursor: 'after-0' }, { page: 2, cursor: 'after-1' }]);
    expect([first.results[0].id, second.results[0].id, third.results[0].id]).toEqual(['item-0', 'item-1', 'item-2']);
    expect(third.paging_token).toBeNull();
  });

  it.each(['', 'garbage', '{"page":-1}', '{"page":"2"}', '{"page":1,"cursor":""}', '[1]'])('reads a token it never wrote (%j) as the first page', (token) => {
    expect(pageAtToken(token)).toEqual({ page: 0 });
  });

  it("asks the platform for its next page, through core, where a page-numbered list's first page is full", async () => {
    const platform = findPlatform('uppromote')!;
    const build = singlePlatformBuild('uppromote');
    const inputs = build.definition.creates.approve_referral?.operation.inputFields as { choices?: { perform?: unknown } }[];
    const index = inputs.findIndex((field) => field.choices?.perform !== undefined);
    const idPath = platform.fields.referral?.id as string;
    const full = Array.from({ length: 50 }, (_, n) => ({ ...listItemFilling(platform, 'referral', 'pending'), [idPath]: 1000 + n }));
    const pages: string[] = [];
    nock(new URL(platform.baseUrl).origin)
      .persist()
      .get(/.*/)
      .reply(200, (path) => {
        pages.push(new URL(path, platform.baseUrl).searchParams.get('page') ?? '');
        return listAnswer(platform.lists.referral!.itemsPath, pages.length === 1 ? full : full.slice(0, 3));
      });
    const method = `creates.approve_referral.operation.inputFields.${index}.choices.perform`;
    try {
      const first = (await runThroughCore(method, { authData: { api_key: 'key' }, inputData: {}, meta: {} }, undefined, build.definition)).results as { results: unknown[]; paging_token: string | null };
      const second = (await runThroughCore(method, { authData: { api_key: 'key' }, inputData: {}, meta: { paging_token: first.paging_token } }, undefined, build.definition)).results as {
        results: unknown[];
        paging_token: string | null;
      };
      expect([first.results.length, typeof first.paging_token]).toEqual([50, 'string']);
      expect([second.results.length, second.paging_token]).toEqual([3, null]);
      expect(pages).toEqual(['1', '2']);
    } finally {
      nock.cleanAll();
    }
  });
});
