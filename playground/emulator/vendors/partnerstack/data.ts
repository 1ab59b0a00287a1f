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
import { seedCopy } from '../../common/seed';
import examples from './examples.json';
import seed from './seed.json';

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

/** A transaction (constructed shape): `amount` in cents, `approved` its only status [DOC-3P: Airbyte schema], `created_at` epoch ms. */
export interface PsTransaction {
  key: string;
  amount: number;
  currency: string;
  customer_key: string;
  customer_email: string;
  partner_key: string;
  product_key: string | null;
  approved: boolean;
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

/** A payout (constructed shape): `amount` in cents, `sent_at` epoch ms or null while pending. */
export interface PsPayout {
  key: string;
  amount: number;
  currency: string;
  partner_key: string;
  partnership_key: string;
  status: 'pending' | 'successful';
  method: 'paypal' | 'stripe' | 'bank_transfer';
  created_at: number;
  sent_at: number | null;
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
export const PARTNERSHIP_CREATED_SAMPLE = examples['partnership.created'];

/** Verbatim [DOC] application sample (payloads/partnerstack/application_created.json). */
export const APPLICATION_CREATED_SAMPLE = examples['application.created'];

/** Verbatim [DOC] v1 customer sample (payloads/partnerstack/customer_updated.v1.json). */
export const CUSTOMER_UPDATED_SAMPLE = examples['customer.updated'];

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

/**
 * A fresh copy of the seeded account (each emulator mutates its own), from `seed.json`; times are
 * epoch ms as the API shows them. Group `grup_yHXm98PlYOKhhK` (id 22, "Top Sellers") is the
 * documented samples' group and `grup_hs8kJ3YZJEoXl7` ("Referral", the default for new partners:
 * our choice) the documented agreement.accepted fragment's; every other object is constructed.
 */
export function seedState(): PartnerStackState {
  return seedCopy<PartnerStackState>(seed);
}
