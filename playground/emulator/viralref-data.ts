/**
 * ViralRef's example objects. ENTIRELY CONSTRUCTED: ViralRef publishes no payload example, no
 * field list and no API (platforms README §2, payloads/viralref/README.md). Only the event list
 * and its meanings are documented (seeds/001): a conversion's status changes to approved,
 * rejected or fraud; a payout is a batch. Every field name, id format and value below is ours.
 *
 * Amounts are in MAJOR units (numbers such as 49.99), times ISO-8601 UTC strings: our choice,
 * deliberately unlike Tamio (minor units, unix seconds) so that a normaliser has to be told.
 */

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

/** ISO-8601 UTC with seconds, e.g. `2025-10-06T12:00:15Z`. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const PRIYA: ViralRefAffiliate = {
  id: 'aff_8kq2m4n6p1',
  email: 'priya.nair@glowfolio.in',
  name: 'Priya Nair',
  status: 'active',
  referral_link: 'https://northwind-coffee.viralref.com/r/priya',
  coupon_code: 'PRIYA10',
  created_at: '2025-08-14T09:30:00Z',
};

const TOMAS: ViralRefAffiliate = {
  id: 'aff_3t7v9w2x5z',
  email: 'tomas.lindqvist@fjallmail.se',
  name: 'Tomas Lindqvist',
  status: 'pending',
  referral_link: 'https://northwind-coffee.viralref.com/r/tomas',
  coupon_code: null,
  created_at: '2025-10-01T16:05:42Z',
};

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
      return { id: 'conv_5h8j2k4l6m', status: 'pending', amount: 49.99, currency: 'USD', order_id: '1048', customer_email: 'leah.brooks@example.net', affiliate: brief(PRIYA), created_at: now };
    case 'conversion.updated':
      return { id: 'conv_9a1b3c5d7e', status: 'approved', amount: 129.5, currency: 'USD', order_id: '1032', customer_email: 'marcus.hale@example.org', affiliate: brief(PRIYA), created_at: '2025-09-28T18:22:10Z' };
    case 'affiliate.created':
      return { ...TOMAS, created_at: now };
    case 'affiliate.updated':
      return { ...PRIYA, coupon_code: 'PRIYA15' };
    case 'payout.created':
      return { id: 'pay_2f4g6h8j0k', amount: 842.75, currency: 'USD', status: 'pending', affiliate_count: 7, created_at: now };
  }
}
