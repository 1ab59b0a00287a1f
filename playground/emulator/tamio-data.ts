/**
 * Tamio's seeded store and the shapes the API and the webhooks show of it (platforms README §5,
 * payloads/tamio/*.json, seeds/004 "Affiliate Program Events").
 *
 * Money is in minor units (integers, e.g. 15000 = 150.00) and times in unix seconds, as in every
 * documented Tamio example. The API's affiliate object (retrieve-affiliate.response.json) and the
 * webhooks' affiliate object (affiliate-approved.json) differ, and both are kept: the event one has
 * no `billing_information` / `date_joined` / `has_notes` but has `timezone` / `timezone_offset`.
 */

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
export const PROGRAM_CREATED_EXAMPLE: TamioProgram = {
  object: 'affiliate_program',
  products: [],
  domain: 'bc06950e-226c-4a6f-82b1-bff6fe170374',
  label: '20% Commission',
  created_at: 1671644300,
  signup_url: null,
  id: '68ea0c41-a7ed-4169-b0dc-72f0f0eb404b',
  currency: 'EUR',
  commission_amount: 0,
  commission_percent: 20,
  description: 'Promote our new line of clothing and receive 20% commission!',
  payout_delay: 0,
  subscription_commission_type: 'once',
  destinations: ['worldwide'],
  payments: ['stripe'],
  is_public: false,
  auto_approve: false,
  is_listed: false,
  payment_count: null,
  affiliate_notifications: false,
  banners: null,
};

/** `data` of the documented affiliate-program-updated example (seeds/004), verbatim. */
export const PROGRAM_UPDATED_EXAMPLE = {
  affiliate_program: {
    ...PROGRAM_CREATED_EXAMPLE,
    products: ['5a3da42d-d007-49e0-937d-8388d45ba05e', '7701d669-d936-4938-9d5b-6eb31a277e51'],
    affiliates: 0,
    sales: 0,
  },
  changes: ['products'],
} as const;

/** Constructed programs behind the documented affiliates' `affiliate_program_id`s (ids and labels [DOC], the rest ours). */
function constructedProgram(id: string, label: string, currency: string, percent: number, createdAt: number): TamioProgram {
  return { ...PROGRAM_CREATED_EXAMPLE, id, label, currency, commission_percent: percent, created_at: createdAt, description: `${label} for partners`, is_public: true, auto_approve: false };
}

function affiliate(fields: Partial<StoredAffiliate> & Pick<StoredAffiliate, 'id' | 'email' | 'name' | 'affiliate_program_id' | 'date_joined'>): StoredAffiliate {
  return {
    surname: null,
    address: null,
    city: null,
    state: null,
    country: null,
    postcode: null,
    vat: null,
    telephone: null,
    billing_information: null,
    bonus: 0,
    approved: null,
    language: 'en',
    payments: null,
    has_notes: false,
    sales: 0,
    referrals: 0,
    balance: 0,
    timezone: 'UTC',
    timezone_offset: 0,
    ...fields,
  };
}

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

/** A fresh copy of the seeded account: five affiliates (2 approved, 2 pending, 1 declined), three programs, two payouts. */
export function seedState(): TamioState {
  const programs: TamioProgram[] = [
    constructedProgram(TAMIO_IDS.defaultProgram, 'Default Program', 'USD', 15, 1704067200),
    constructedProgram(TAMIO_IDS.commissionProgram, '20% Commission', 'EUR', 20, 1690000000),
    structuredClone(PROGRAM_CREATED_EXAMPLE),
  ];
  const affiliates: StoredAffiliate[] = [
    // The documented retrieve example; its e-mails are Cloudflare-obfuscated in the copy we have, so ours are readable.
    affiliate({
      id: TAMIO_IDS.jane,
      email: 'jane.doe@example.com',
      name: 'Jane',
      surname: 'Doe',
      address: '123 Main Street',
      city: 'London',
      state: 'England',
      country: 'GB',
      postcode: 'SW1A 1AA',
      vat: 'GB123456789',
      telephone: '+44 20 7946 0958',
      billing_information: { name: 'Jane Doe', email: 'jane.doe@example.com', address: '123 Main Street', city: 'London', country: 'GB', postcode: 'SW1A 1AA' },
      bonus: 500,
      approved: true,
      date_joined: 1706140800,
      payments: ['stripe', 'paypal'],
      sales: 42,
      referrals: 18,
      affiliate_program_id: TAMIO_IDS.defaultProgram,
      balance: 15000,
      timezone: 'Europe/London',
    }),
    // The documented affiliate-approved event's affiliate; date_joined is ours.
    affiliate({
      id: TAMIO_IDS.john,
      email: 'john@example.com',
      name: 'John',
      address: 'Super Street',
      city: 'Frankfurt',
      country: 'de',
      postcode: 'ABC123',
      telephone: '+49123456789',
      approved: true,
      date_joined: 1709000000,
      affiliate_program_id: TAMIO_IDS.commissionProgram,
      timezone: 'Europe/Berlin',
      timezone_offset: 3600,
    }),
    affiliate({ id: TAMIO_IDS.amara, email: 'amara.okafor@brightreviews.ng', name: 'Amara', surname: 'Okafor', country: 'ng', date_joined: 1727000000, affiliate_program_id: TAMIO_IDS.commissionProgram, timezone: 'Africa/Lagos', timezone_offset: 3600 }),
    affiliate({ id: TAMIO_IDS.lukas, email: 'lukas.brandt@wanderpost.at', name: 'Lukas', surname: 'Brandt', country: 'at', date_joined: 1728000000, affiliate_program_id: TAMIO_IDS.defaultProgram, timezone: 'Europe/Vienna', timezone_offset: 3600, language: 'de' }),
    affiliate({ id: TAMIO_IDS.sofia, email: 'sofia.marino@lucestudio.it', name: 'Sofia', surname: 'Marino', country: 'it', approved: false, date_joined: 1720000000, affiliate_program_id: TAMIO_IDS.defaultProgram, timezone: 'Europe/Rome', timezone_offset: 3600, language: 'it' }),
  ];
  // The first payout uses the documented visible values (number 173, total 12000, bankaccount, date 1709684304, new); prefix and ids are ours.
  const payouts: StoredPayout[] = [
    { id: 'e2a1c9d0-5b3f-4c6e-8a7d-0f1e2d3c4b5a', currency: 'USD', paid: false, prefix: 'PO-', number: 173, total: 12000, payment: 'bankaccount', date: 1709684304, status: 'new', affiliate_program_id: TAMIO_IDS.defaultProgram, affiliate_partner_id: TAMIO_IDS.jane },
    { id: '5d4c3b2a-1f0e-4d9c-8b7a-6e5f4d3c2b1a', currency: 'EUR', paid: true, prefix: 'PO-', number: 174, total: 4500, payment: 'stripe', date: 1712000000, status: 'paid', affiliate_program_id: TAMIO_IDS.commissionProgram, affiliate_partner_id: TAMIO_IDS.john },
  ];
  return { affiliates, programs, payouts };
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
