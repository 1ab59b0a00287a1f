/**
 * RPCs behind the dropdowns: the platform's record lists (referrals, affiliates, payouts) and its
 * other lists (programs, groups), each item as `{ label, value }`.
 */
import type { RecordKind } from '../../platforms/records';
import type { ChoiceKey, PlatformDefinition } from '../../platforms/types';
import type { AppFiles } from './app-files';
import { requestOf, resolverFor } from './context';
import { recordOutput } from './fields';
import type { IssueLog } from './issues';
import { asExpression, firstPresent, pathExpression, wrap } from './iml';
import type { RpcLookup } from './actions';
import { camelName } from './modules-common';

const CHOICES_PER_PAGE = 50;

/** Normalized fields that name an item in a dropdown, best first. */
const LABEL_FIELDS: Record<RecordKind, string[]> = {
  referral: ['order_number', 'order_id', 'affiliate_email'],
  affiliate: ['name', 'email'],
  payout: ['affiliate_email', 'amount'],
};

/** RPC name of a list: `referral` → `referralChoices` (letters and digits, whatever keys the types add). */
function rpcName(key: string): string {
  return `${camelName(key).replace(/[^A-Za-z0-9]/g, '')}Choices`;
}

/**
 * Adds the RPCs the platform's lists allow.
 * @returns a lookup from a Zapier `dynamic` (`affiliate_list.id.label`) to `rpc://<name>`
 */
export function addRpcs(app: AppFiles, platform: PlatformDefinition, connection: string, log: IssueLog): RpcLookup {
  const made = new Map<string, string>();
  for (const kind of Object.keys(platform.lists) as RecordKind[]) {
    const list = platform.lists[kind];
    if (!list) continue;
    const name = rpcName(kind);
    const report = log.for(`rpc ${name}`);
    const limit = Math.min(list.maxPageSize, CHOICES_PER_PAGE);
    const request = requestOf(list.request, resolverFor(platform, { extra: { limit: { literal: limit }, page: { literal: 1 } } }), report);
    const record = recordOutput({ platform, kind, event: 'other', vendorEvent: '', root: 'item', raw: 'item' }, report);
    const id = asExpression(record.id);
    const labels = LABEL_FIELDS[kind].flatMap((field) => (record[field] === undefined ? [] : [asExpression(record[field])]));
    const value = kind === 'affiliate' && platform.affiliateIdentifier === 'email' && record.email !== undefined ? asExpression(record.email) : id;
    request.response = {
      iterate: wrap(pathExpression('body', list.itemsPath)),
      output: { label: wrap(firstPresent([...labels, id])), value: wrap(value) },
    };
    app.add('rpc', name, { label: `List ${kind}s`, connection }, { communication: request, params: [] });
    made.set(`${kind}_list`, name);
  }
  for (const [key, spec] of Object.entries(platform.choices ?? {}) as [ChoiceKey, NonNullable<PlatformDefinition['choices']>[ChoiceKey]][]) {
    if (!spec) continue;
    const name = rpcName(key);
    const report = log.for(`rpc ${name}`);
    const request = requestOf(spec.request, resolverFor(platform, { extra: { limit: { literal: CHOICES_PER_PAGE }, page: { literal: 1 } } }), report);
    const id = pathExpression('item', spec.idPath);
    request.response = {
      iterate: wrap(pathExpression('body', spec.itemsPath)),
      output: { label: wrap(firstPresent([...spec.labelPaths.map((path) => pathExpression('item', path)), id])), value: wrap(id) },
    };
    app.add('rpc', name, { label: `List ${key}s`, connection }, { communication: request, params: [] });
    made.set(`${key}_list`, name);
  }
  return (dynamic) => {
    const list = dynamic?.split('.')[0];
    const name = list === undefined ? undefined : made.get(list);
    return name === undefined ? undefined : `rpc://${name}`;
  };
}
