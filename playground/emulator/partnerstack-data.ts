/**
 * PartnerStack's objects as the emulator stores and shows them, the documented webhook samples,
 * and the seeded example account (platforms README §3 "Payloads", "Polling / actions").
 *
 * Units: money in integer cents (`amount: 12900` = 129.00) and times in epoch milliseconds
 * everywhere [DOC "All timestamps … are epoch milliseconds"]. Keys carry PartnerStack's type
 * prefixes as seen in documented samples (`part_`, `grup_`, `appl_`, `mold_`); `cust_`, `txn_`,
 * `rwrd_`, `pout_`, `wh_` are our choice.
 *
 * V2 list-item shapes are not documented [UNK]: applications and customers reuse the documented
 * webhook samples' fields; partnerships, transactions, rewards and payouts are our construction.
 */

/** A partner group; `id` appears in the documented partnership sample, `key` in the application sample. */
export interface PsGroup {
  id: number;
  key: string;
  name: string;
  slug: string;
  created_at: number;
}

/** A partnership as stored (fields of POST /partnerships [DOC], `group_key` resolved on display). */
export interface PsPartnership {
  id: number;
  key: string;
  partner_key: string;
  email: string;
  first_name: string;
  last_name: string;
  group_key: string;
  tags: string[];
  manager_email: string | null;
  manager_name: string | null;
  created_at: number;
  updated_at: number;
  archived: boolean;
}

/** An application as stored; shown in the documented application_created.json shape. */
export interface PsApplication {
  key: string;
  /** The partnership this application becomes; the documented sample carries it while `approved` is still null. */
  partnership_key: string;
  partner_key: string;
  mold_key: string;
  group_key: string;
  /** The applicant's answers (the documented sample keeps them under `content`, top-level names empty). */
  content: { first_name: string; last_name: string; email: string; business_name: string };
  approved: boolean | null;
  decline_reason: string;
  created_at: number;
  updated_at: number;
}

/** A customer; shown in the documented v1 customer sample shape (`external_key` is internal, for POST /transactions). */
export interface PsCustomer {
  id: number;
  key: string;
  email: string;
  name: string;
  partner_key: string;
  external_key: string | null;
  created_at: number;
  updated_at: number;
  archived: boolean;
}

/** A transaction (constructed shape): `amount` in cents, `created_at` epoch ms. */
export interface PsTransaction {
  key: string;
  amount: number;
  currency: string;
  customer_key: string;
  customer_email: string;
  partner_key: string;
  product_key: string | null;
  created_at: number;
}

/** A reward (constructed shape): `amount` in cents; `status` values are our choice. */
export interface PsReward {
  key: string;
  amount: number;
  currency: string;
  partner_key: string;
  partnership_key: string;
  description: string;
  status: 'pending' | 'approved' | 'paid';
  created_at: number;
}

/** A payout (constructed shape): `amount` in cents, `paid_at` epoch ms or null while pending. */
export interface PsPayout {
  key: string;
  amount: number;
  currency: string;
  partner_key: string;
  partnership_key: string;
  status: 'pending' | 'paid';
  method: 'paypal' | 'stripe' | 'bank_transfer';
  created_at: number;
  paid_at: number | null;
}

/** One account's data; arrays in creation order. */
export interface PartnerStackState {
  groups: PsGroup[];
  partnerships: PsPartnership[];
  applications: PsApplication[];
  customers: PsCustomer[];
  transactions: PsTransaction[];
  rewards: PsReward[];
  payouts: PsPayout[];
}

/** Verbatim [DOC] partnership sample (payloads/partnerstack/partnership_created.json; note `archived` is the string "false"). */
export const PARTNERSHIP_CREATED_SAMPLE = {
  id: 123,
  partner_key: 'JohnSmith',
  first_name: 'John',
  last_name: 'Smith',
  email: '[email protected]',
  group: { id: 22, name: 'Top Sellers', slug: 'topsellers' },
  event: 'partnership_created',
  archived: 'false',
} as const;

/** Verbatim [DOC] application sample (payloads/partnerstack/application_created.json). */
export const APPLICATION_CREATED_SAMPLE = {
  group_name: 'Top Sellers',
  created_at: 1666891191802,
  email: '',
  group_slug: 'topsellers',
  updated_at: 1666891191802,
  archived: false,
  partnership_key: 'part_mGXzJol7h633Ft',
  content: { first_name: 'John', last_name: 'Smith', email: '[email protected]', business_name: 'Team John Smith' },
  group: { key: 'grup_yHXm98PlYOKhhK', name: 'Top Sellers', slug: 'topsellers' },
  key: 'appl_8WePUs6tWFsW4h',
  decline_reason: '',
  last_name: '',
  mold_key: 'mold_FQtNofBlctKiMx',
  partner_key: 'johnsmith354',
  first_name: '',
  approved: null,
  event: 'application_created',
  meta: {},
} as const;

/** Verbatim [DOC] v1 customer sample (payloads/partnerstack/customer_updated.v1.json). */
export const CUSTOMER_UPDATED_SAMPLE = {
  id: 123,
  key: 'crust_a1xlr0s3',
  email: '[email protected]',
  name: 'Roger Axel',
  partner_key: 'bertramgilfoyle',
  created_at: 1537205154288,
  updated_at: 1537205159876,
  archived: false,
  event: 'customer_updated',
} as const;

function groupOf(state: PartnerStackState, key: string): PsGroup {
  const group = state.groups.find((candidate) => candidate.key === key);
  if (!group) throw new Error(`Group ${key} is missing from the emulator's store.`);
  return group;
}

/** `{key, name, slug}` as GET /groups lists it (brief; the real item may hold more [UNK]). */
export function groupView(group: PsGroup): { key: string; name: string; slug: string; created_at: number } {
  return { key: group.key, name: group.name, slug: group.slug, created_at: group.created_at };
}

/** A partnership as the API answers it (our construction: the stored fields with `group` resolved to `{key, name, slug}`). */
export function partnershipView(state: PartnerStackState, partnership: PsPartnership): Record<string, unknown> {
  const { group_key: groupKey, ...rest } = partnership;
  const group = groupOf(state, groupKey);
  return { ...rest, group: { key: group.key, name: group.name, slug: group.slug } };
}

/**
 * A partnership as partnership.* webhooks carry it: the documented sample's fields exactly —
 * numeric `id`, `group: {id, name, slug}` and `archived` as a string [DOC quirk]; no `key`.
 * The sender adds `event`.
 */
export function partnershipPayload(state: PartnerStackState, partnership: PsPartnership): Record<string, unknown> {
  const group = groupOf(state, partnership.group_key);
  return {
    id: partnership.id,
    partner_key: partnership.partner_key,
    first_name: partnership.first_name,
    last_name: partnership.last_name,
    email: partnership.email,
    group: { id: group.id, name: group.name, slug: group.slug },
    archived: String(partnership.archived),
  };
}

/** An application in the documented sample's shape (without `event`; the list and the webhook both use it). */
export function applicationView(state: PartnerStackState, application: PsApplication): Record<string, unknown> {
  const group = groupOf(state, application.group_key);
  return {
    group_name: group.name,
    created_at: application.created_at,
    email: '',
    group_slug: group.slug,
    updated_at: application.updated_at,
    archived: false,
    partnership_key: application.partnership_key,
    content: { ...application.content },
    group: { key: group.key, name: group.name, slug: group.slug },
    key: application.key,
    decline_reason: application.decline_reason,
    last_name: '',
    mold_key: application.mold_key,
    partner_key: application.partner_key,
    first_name: '',
    approved: application.approved,
    meta: {},
  };
}

/** A customer in the documented v1 sample's shape (without `event`). */
export function customerView(customer: PsCustomer): Record<string, unknown> {
  const { external_key: _externalKey, ...shown } = customer;
  return shown;
}

const day = (iso: string): number => Date.parse(iso);

/** A fresh copy of the seeded account (each emulator mutates its own). */
export function seedState(): PartnerStackState {
  const groups: PsGroup[] = [
    // Key, id, name and slug of the documented samples' "Top Sellers" group.
    { id: 22, key: 'grup_yHXm98PlYOKhhK', name: 'Top Sellers', slug: 'topsellers', created_at: day('2024-02-06T15:20:00Z') },
    // Key, name and slug of the documented agreement.accepted fragment's group; the default for new partners (our choice).
    { id: 23, key: 'grup_hs8kJ3YZJEoXl7', name: 'Referral', slug: 'referral', created_at: day('2024-02-06T15:21:00Z') },
    { id: 24, key: 'grup_Bn5pR8wKx2MvLc', name: 'Agencies', slug: 'agencies', created_at: day('2024-06-18T09:05:00Z') },
  ];
  const partnership = (known: Omit<PsPartnership, 'tags' | 'manager_email' | 'manager_name' | 'updated_at' | 'archived'> & Partial<PsPartnership>): PsPartnership => ({
    tags: [],
    manager_email: null,
    manager_name: null,
    updated_at: known.created_at,
    archived: false,
    ...known,
  });
  const partnerships: PsPartnership[] = [
    partnership({ id: 40211, key: 'part_Qm4XbT2nLw8sRk', partner_key: 'ameliaclarke', email: 'amelia@clarkeandco.io', first_name: 'Amelia', last_name: 'Clarke', group_key: 'grup_yHXm98PlYOKhhK', tags: ['saas', 'uk'], manager_email: 'dana.kim@cloudfolio.app', manager_name: 'Dana Kim', created_at: day('2025-03-11T10:14:09Z') }),
    partnership({ id: 40388, key: 'part_Vh7cN1pZr5YdJe', partner_key: 'northwind-agency', email: 'partners@northwind.agency', first_name: 'Ravi', last_name: 'Patel', group_key: 'grup_Bn5pR8wKx2MvLc', tags: ['agency'], created_at: day('2025-05-02T16:41:33Z') }),
    partnership({ id: 40502, key: 'part_K2sWq9LmF4tHbx', partner_key: 'lenaschmidt', email: 'lena.schmidt@growthpost.de', first_name: 'Lena', last_name: 'Schmidt', group_key: 'grup_hs8kJ3YZJEoXl7', created_at: day('2025-07-19T08:02:51Z') }),
    partnership({ id: 40617, key: 'part_T8yGd3VnC6pQaz', partner_key: 'marcusoduya', email: 'marcus@oduya.media', first_name: 'Marcus', last_name: 'Oduya', group_key: 'grup_yHXm98PlYOKhhK', tags: ['youtube'], created_at: day('2025-09-04T13:27:40Z') }),
  ];
  const applications: PsApplication[] = [
    {
      // Approved: became the partnership of Amelia Clarke.
      key: 'appl_Ld3QwE7rTy2UoP',
      partnership_key: 'part_Qm4XbT2nLw8sRk',
      partner_key: 'ameliaclarke',
      mold_key: 'mold_FQtNofBlctKiMx',
      group_key: 'grup_yHXm98PlYOKhhK',
      content: { first_name: 'Amelia', last_name: 'Clarke', email: 'amelia@clarkeandco.io', business_name: 'Clarke & Co' },
      approved: true,
      decline_reason: '',
      created_at: day('2025-03-10T19:52:12Z'),
      updated_at: day('2025-03-11T10:14:09Z'),
    },
    {
      key: 'appl_Zx8CvB4nMa1SdF',
      partnership_key: 'part_Wr6EtY1uIo9PaS',
      partner_key: 'couponcrazedeals',
      mold_key: 'mold_FQtNofBlctKiMx',
      group_key: 'grup_hs8kJ3YZJEoXl7',
      content: { first_name: 'Kyle', last_name: 'Benton', email: 'kyle@couponcrazedeals.net', business_name: 'Coupon Craze Deals' },
      approved: false,
      decline_reason: 'Coupon and cashback sites are not eligible for this program.',
      created_at: day('2025-08-22T07:31:45Z'),
      updated_at: day('2025-08-23T11:02:18Z'),
    },
    {
      // Pending: the documented sample's keys, with a real-looking address instead of the page's obfuscated one.
      key: 'appl_8WePUs6tWFsW4h',
      partnership_key: 'part_mGXzJol7h633Ft',
      partner_key: 'johnsmith354',
      mold_key: 'mold_FQtNofBlctKiMx',
      group_key: 'grup_yHXm98PlYOKhhK',
      content: { first_name: 'John', last_name: 'Smith', email: 'john@teamjohnsmith.com', business_name: 'Team John Smith' },
      approved: null,
      decline_reason: '',
      created_at: day('2025-10-01T09:45:03Z'),
      updated_at: day('2025-10-01T09:45:03Z'),
    },
  ];
  const customers: PsCustomer[] = [
    { id: 9101, key: 'cust_R3nYp8QwZs1Lk0', email: 'ops@brightledger.com', name: 'Brightledger Ltd', partner_key: 'ameliaclarke', external_key: 'acct_88213', created_at: day('2025-04-02T12:00:41Z'), updated_at: day('2025-04-02T12:00:41Z'), archived: false },
    { id: 9102, key: 'cust_H6vTm2XcJ9bWq4', email: 'finance@lumenhr.io', name: 'Lumen HR', partner_key: 'northwind-agency', external_key: 'acct_88377', created_at: day('2025-06-15T09:33:17Z'), updated_at: day('2025-07-01T14:20:05Z'), archived: false },
    { id: 9103, key: 'cust_P1kDf7GsN4rYe8', email: 'hello@patchwork.studio', name: 'Patchwork Studio', partner_key: 'lenaschmidt', external_key: 'acct_88502', created_at: day('2025-08-09T17:45:56Z'), updated_at: day('2025-08-09T17:45:56Z'), archived: false },
  ];
  const transactions: PsTransaction[] = [
    { key: 'txn_Fg5HjK8lQw2ErT', amount: 12900, currency: 'USD', customer_key: 'cust_R3nYp8QwZs1Lk0', customer_email: 'ops@brightledger.com', partner_key: 'ameliaclarke', product_key: 'prod_cloudfolio_team', created_at: day('2025-04-02T12:05:10Z') },
    { key: 'txn_Yu7IoP3aSd6FgH', amount: 49900, currency: 'USD', customer_key: 'cust_H6vTm2XcJ9bWq4', customer_email: 'finance@lumenhr.io', partner_key: 'northwind-agency', product_key: 'prod_cloudfolio_business', created_at: day('2025-07-01T14:21:30Z') },
    { key: 'txn_Jk1LzX4cVb8NmQ', amount: 12900, currency: 'USD', customer_key: 'cust_R3nYp8QwZs1Lk0', customer_email: 'ops@brightledger.com', partner_key: 'ameliaclarke', product_key: 'prod_cloudfolio_team', created_at: day('2025-05-02T12:05:10Z') },
    { key: 'txn_Wq9ErT2yUi5OpA', amount: 4900, currency: 'EUR', customer_key: 'cust_P1kDf7GsN4rYe8', customer_email: 'hello@patchwork.studio', partner_key: 'lenaschmidt', product_key: 'prod_cloudfolio_starter', created_at: day('2025-08-09T17:50:02Z') },
  ];
  const rewards: PsReward[] = [
    { key: 'rwrd_As3DfG6hJk9LzX', amount: 2580, currency: 'USD', partner_key: 'ameliaclarke', partnership_key: 'part_Qm4XbT2nLw8sRk', description: '20% of Brightledger Ltd — Team plan, April', status: 'paid', created_at: day('2025-04-02T12:05:11Z') },
    { key: 'rwrd_Qw2ErT5yUi8OpL', amount: 9980, currency: 'USD', partner_key: 'northwind-agency', partnership_key: 'part_Vh7cN1pZr5YdJe', description: '20% of Lumen HR — Business plan, July', status: 'approved', created_at: day('2025-07-01T14:21:31Z') },
    { key: 'rwrd_Zx4CvB7nMq1WeR', amount: 980, currency: 'EUR', partner_key: 'lenaschmidt', partnership_key: 'part_K2sWq9LmF4tHbx', description: '20% of Patchwork Studio — Starter plan, August', status: 'pending', created_at: day('2025-08-09T17:50:03Z') },
  ];
  const payouts: PsPayout[] = [
    { key: 'pout_Mn8BvC5xZl2KjH', amount: 2580, currency: 'USD', partner_key: 'ameliaclarke', partnership_key: 'part_Qm4XbT2nLw8sRk', status: 'paid', method: 'paypal', created_at: day('2025-05-01T00:00:00Z'), paid_at: day('2025-05-03T10:12:44Z') },
    { key: 'pout_Gf6DsA3pOi9UyT', amount: 9980, currency: 'USD', partner_key: 'northwind-agency', partnership_key: 'part_Vh7cN1pZr5YdJe', status: 'pending', method: 'bank_transfer', created_at: day('2025-08-01T00:00:00Z'), paid_at: null },
  ];
  return { groups, partnerships, applications, customers, transactions, rewards, payouts };
}
