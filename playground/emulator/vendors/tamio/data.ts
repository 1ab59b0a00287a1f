/**
 * Tamio's seeded store and the shapes the API and the webhooks show of it (platforms README §5,
 * payloads/tamio/*.json, seeds/004 "Affiliate Program Events").
 *
 * Money is in minor units (integers, e.g. 15000 = 150.00) and times in unix seconds, as in every
 * documented Tamio example. The API's affiliate object (retrieve-affiliate.response.json) and the
 * webhooks' affiliate object (affiliate-approved.json) differ, and both are kept: the event one has
 * no `billing_information` / `date_joined` / `has_notes` but has `timezone` / `timezone_offset`.
 */
import { seedCopy } from '../../common/seed';
import examples from './examples.json';
import seed from './seed.json';

/** The affiliate's billing block, as in the documented retrieve example. */
export interface TamioBilling {
  name: string;
  email: string;
  address: string;
  city: string;
  country: string;
  postcode: string;
}

/** One affiliate (partner) as stored: the union of the API and event fields. */
export interface StoredAffiliate {
  id: string;
  email: string;
  name: string;
  surname: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  postcode: string | null;
  vat: string | null;
  telephone: string | null;
  billing_information: TamioBilling | null;
  /** Minor units. */
  bonus: number;
  /** `true` approved, `false` declined, `null` pending ([INF]: the event examples only show true / false). */
  approved: boolean | null;
  /** Unix seconds. */
  date_joined: number;
  language: string;
  payments: string[] | null;
  has_notes: boolean;
  /** Counts ([INF] from the example values). */
  sales: number;
  referrals: number;
  affiliate_program_id: string;
  /** Minor units. */
  balance: number;
  timezone: string;
  /** Seconds east of UTC. */
  timezone_offset: number;
}

/** An affiliate program as in the documented affiliate-program-created payload (all fields). */
export interface TamioProgram {
  object: 'affiliate_program';
  products: string[];
  domain: string;
  label: string;
  /** Unix seconds. */
  created_at: number;
  signup_url: string | null;
  id: string;
  currency: string;
  /** Minor units. */
  commission_amount: number;
  /** 0–100. */
  commission_percent: number;
  description: string;
  payout_delay: number;
  subscription_commission_type: 'once' | 'forever' | 'repeating';
  destinations: string[];
  payments: string[];
  is_public: boolean;
  auto_approve: boolean;
  is_listed: boolean;
  payment_count: number | null;
  affiliate_notifications: boolean;
  banners: unknown[] | null;
}

/** A payout as stored; the view nests the program and the affiliate partner. */
export interface StoredPayout {
  id: string;
  currency: string;
  paid: boolean;
  prefix: string;
  number: number;
  /** Minor units. */
  total: number;
  payment: string;
  /** Unix seconds. */
  date: number;
  status: string;
  affiliate_program_id: string;
  affiliate_partner_id: string;
}

/** One emulator's Tamio account. */
export interface TamioState {
  affiliates: StoredAffiliate[];
  programs: TamioProgram[];
  payouts: StoredPayout[];
}

/** `data.affiliate_program` of the documented affiliate-program-created example, verbatim. */
export const PROGRAM_CREATED_EXAMPLE: TamioProgram = seedCopy<TamioProgram>(examples['affiliate-program-created']);

/** `data` of the documented affiliate-program-updated example (seeds/004), verbatim. */
export const PROGRAM_UPDATED_EXAMPLE = examples['affiliate-program-updated'];

/** Known ids, for the module's `fire` examples and for tests. */
export const TAMIO_IDS = {
  /** Jane Doe: the documented retrieve/approve example (approved). */
  jane: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  /** John: the documented affiliate-approved event (approved). */
  john: 'a5af6690-1622-4726-b201-f829df269d28',
  /** Pending applicants (constructed). */
  amara: '3f6c2a1e-8b4d-4e7a-9c05-1d2e3f4a5b6c',
  lukas: '7b9e0d2c-4a61-4f38-8e27-5c6d7e8f9a0b',
  /** Declined (constructed). */
  sofia: 'c4d5e6f7-0a1b-4c2d-8e3f-9a0b1c2d3e4f',
  defaultProgram: 'f0e1d2c3-b4a5-6789-0fed-cba987654321',
  commissionProgram: '9d1c6ac2-bf2c-403f-9261-96235d18e5be',
  clothingProgram: PROGRAM_CREATED_EXAMPLE.id,
} as const;

/**
 * A fresh copy of the seeded account (each emulator mutates its own), from `seed.json`: five
 * affiliates (2 approved, 2 pending, 1 declined), three programs, two payouts. Jane Doe is the
 * documented retrieve example (its e-mails are Cloudflare-obfuscated in the copy we have, so ours
 * are readable), John the documented affiliate-approved event's affiliate (date_joined ours), the
 * third program the documented affiliate-program-created one; the other two programs are
 * constructed behind the documented `affiliate_program_id`s. The first payout uses the documented
 * visible values (number 173, total 12000, bankaccount, date 1709684304, new); prefix and ids are
 * ours. The rest is constructed.
 */
export function seedState(): TamioState {
  return seedCopy<TamioState>(seed);
}

function programOf(state: TamioState, id: string): TamioProgram | undefined {
  return state.programs.find((program) => program.id === id);
}

/** The API's affiliate object, fields in the order of the documented retrieve example. */
export function affiliateApiView(state: TamioState, stored: StoredAffiliate): Record<string, unknown> {
  const program = programOf(state, stored.affiliate_program_id);
  const { email, name, surname, address, city, state: region, country, postcode, vat, telephone, billing_information, id, bonus, approved, date_joined, language, payments, has_notes, sales, referrals, affiliate_program_id, balance } = stored;
  return {
    object: 'affiliate', email, name, surname, address, city, state: region, country, postcode, vat, telephone,
    billing_information: billing_information && { ...billing_information },
    id, bonus, approved, date_joined, language, payments: payments && [...payments], has_notes, sales, referrals, affiliate_program_id,
    affiliate_program_label: program?.label ?? null,
    currency: program?.currency ?? null,
    balance,
  };
}

/** The webhooks' affiliate object, fields in the order of the documented affiliate-approved event. */
export function affiliateEventView(state: TamioState, stored: StoredAffiliate): Record<string, unknown> {
  const program = programOf(state, stored.affiliate_program_id);
  const { email, name, surname, address, city, state: region, country, postcode, vat, telephone, id, affiliate_program_id, sales, referrals, balance, bonus, approved, payments, language, timezone, timezone_offset } = stored;
  return {
    object: 'affiliate', email, name, surname, address, city, state: region, country, postcode, vat, telephone, id, affiliate_program_id,
    affiliate_program_label: program?.label ?? null,
    currency: program?.currency ?? null,
    sales, referrals, balance, bonus, approved, payments: payments && [...payments], language, timezone, timezone_offset,
  };
}

/** A program in lists: the documented program object plus `affiliates` and `sales` counts (as in the updated event). */
export function programView(state: TamioState, program: TamioProgram): Record<string, unknown> {
  const members = state.affiliates.filter((candidate) => candidate.affiliate_program_id === program.id);
  return { ...structuredClone(program), affiliates: members.length, sales: members.reduce((total, member) => total + member.sales, 0) };
}

/** The documented payout object: `{id, currency, paid, prefix, number, total, payment, date, object, status, affiliate_program {label, id}, affiliate_partner {Affiliate}}`. */
export function payoutView(state: TamioState, payout: StoredPayout): Record<string, unknown> {
  const program = programOf(state, payout.affiliate_program_id);
  const partner = state.affiliates.find((candidate) => candidate.id === payout.affiliate_partner_id);
  const { id, currency, paid, prefix, number, total, payment, date, status } = payout;
  return {
    id, currency, paid, prefix, number, total, payment, date, object: 'payout', status,
    affiliate_program: { label: program?.label ?? null, id: payout.affiliate_program_id },
    affiliate_partner: partner ? affiliateApiView(state, partner) : null,
  };
}
