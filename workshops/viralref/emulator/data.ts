/**
 * ViralRef's example objects. ENTIRELY CONSTRUCTED: ViralRef publishes no payload example, no
 * field list and no API (platforms README §2, payloads/viralref/README.md). Only the event list
 * and its meanings are documented (seeds/001): a conversion's status changes to approved,
 * rejected or fraud; a payout is a batch. Every field name, id format and value below is ours.
 *
 * Amounts are in MAJOR units (numbers such as 49.99), times ISO-8601 UTC strings: our choice,
 * deliberately unlike Tamio (minor units, unix seconds) so that a normaliser has to be told.
 */
import { seedCopy } from '../../../playground/emulator/common/seed';
import { isoSeconds } from '../../../playground/emulator/common/time';
import seed from './seed.json';

/** The five event names. Display names [DOC]; machine names [INF] from the seed's "conversion.created and affiliate.created events". */
export const VIRALREF_EVENTS = ['conversion.created', 'conversion.updated', 'affiliate.created', 'affiliate.updated', 'payout.created'] as const;
export type ViralRefEvent = (typeof VIRALREF_EVENTS)[number];

/** A referrer (constructed). */
export interface ViralRefAffiliate {
  id: string;
  email: string;
  name: string;
  status: 'pending' | 'active' | 'inactive';
  referral_link: string;
  coupon_code: string | null;
  created_at: string;
}

/** A referred purchase (constructed); statuses from the documented "approved, rejected, fraud" plus an initial pending. */
export interface ViralRefConversion {
  id: string;
  status: 'pending' | 'approved' | 'rejected' | 'fraud';
  /** Major units. */
  amount: number;
  currency: string;
  order_id: string;
  customer_email: string;
  affiliate: Pick<ViralRefAffiliate, 'id' | 'email' | 'name'>;
  created_at: string;
}

/** A payout batch (constructed). */
export interface ViralRefPayout {
  id: string;
  /** Major units, the batch total. */
  amount: number;
  currency: string;
  status: 'pending' | 'processing' | 'paid';
  affiliate_count: number;
  created_at: string;
}


/** The seeded objects (`seed.json`): Priya is the active referrer behind both conversions, Tomas a new sign-up. */
const SEED = seedCopy<{
  affiliates: Record<'priya' | 'tomas', ViralRefAffiliate>;
  conversions: { new: Omit<ViralRefConversion, 'affiliate' | 'created_at'>; approved: Omit<ViralRefConversion, 'affiliate'> };
  payout: Omit<ViralRefPayout, 'created_at'>;
}>(seed);
const PRIYA = SEED.affiliates.priya;
const TOMAS = SEED.affiliates.tomas;

function brief(affiliate: ViralRefAffiliate): ViralRefConversion['affiliate'] {
  return { id: affiliate.id, email: affiliate.email, name: affiliate.name };
}

/**
 * `data` for each event before overrides. `*.created` objects are dated at the emulator clock's
 * `nowMs` (they were just created); updated ones keep their seed dates.
 */
export function viralRefExample(event: ViralRefEvent, nowMs: number): ViralRefConversion | ViralRefAffiliate | ViralRefPayout {
  const now = isoSeconds(nowMs);
  switch (event) {
    case 'conversion.created':
      return { ...SEED.conversions.new, affiliate: brief(PRIYA), created_at: now };
    case 'conversion.updated': {
      const { created_at: createdAt, ...approved } = SEED.conversions.approved;
      return { ...approved, affiliate: brief(PRIYA), created_at: createdAt };
    }
    case 'affiliate.created':
      return { ...TOMAS, created_at: now };
    case 'affiliate.updated':
      return { ...PRIYA, coupon_code: 'PRIYA15' };
    case 'payout.created':
      return { ...SEED.payout, created_at: now };
  }
}
