/**
 * The emulated Dub workspace: its one program, partners, customers, commissions and payouts as Dub
 * stores them, and each object as the API answers it and as a webhook carries it. Written from Dub's
 * documents (the public OpenAPI and the webhook event pages, https://dub.co/docs), never from the app.
 * The seed (`seed.json`) holds the documented example values (the commission.created,
 * partner.enrolled and payout.confirmed pages) and a few constructed ones (a pending applicant, a
 * processed commission, a completed payout).
 */
import { seedCopy } from '../../../playground/emulator/common/seed';
import { isoSeconds } from '../../../playground/emulator/common/time';
import seed from './seed.json';

export interface Link { id: string; domain: string; key: string; shortLink: string; url: string }
export interface Partner {
  id: string; name: string; email: string | null; companyName: string | null; country: string | null; status: string; tenantId: string | null;
  groupId: string | null; applicationId: string | null; createdAt: string; links: Link[];
}
export interface Customer { id: string; externalId: string; name: string | null; email: string | null; country: string | null; partnerId: string | null; createdAt: string }
export interface Commission {
  id: string; type: string; amount: number; earnings: number; currency: string; status: string; invoiceId: string | null; description: string | null;
  quantity: number; userId: string | null; partnerId: string; customerId: string | null; createdAt: string; updatedAt: string;
}
export interface Payout {
  id: string; invoiceId: string | null; amount: number; currency: string; status: string; method: string | null; description: string | null; periodStart: string | null;
  periodEnd: string | null; createdAt: string; updatedAt: string; initiatedAt: string | null; paidAt: string | null; failureReason: string | null; mode: string; partnerId: string;
}
export interface State {
  program: { id: string; payoutMode: 'internal' | 'external' | 'hybrid' };
  partners: Partner[];
  customers: Customer[];
  commissions: Commission[];
  payouts: Payout[];
}

/** The workspace and the views the API and the webhooks give of it. */
export class Store {
  readonly state: State = seedCopy<State>(seed);

  constructor(private readonly now: () => number) {}

  stamp(): string {
    return isoSeconds(this.now());
  }

  partner(id: string | null): Partner | undefined {
    return this.state.partners.find((item) => item.id === id);
  }

  customer(id: string | null): Customer | undefined {
    return this.state.customers.find((item) => item.id === id);
  }

  /** The enrolled partner [DOC: GET /partners item, partner.enrolled `data`]. */
  partnerView(partner: Partner): Record<string, unknown> {
    return {
      id: partner.id, partnerId: partner.id, name: partner.name, username: null, email: partner.email, image: null, description: null, country: partner.country,
      companyName: partner.companyName, networkStatus: 'draft', tenantId: partner.tenantId, programId: this.state.program.id, groupId: partner.groupId,
      status: partner.status, defaultPayoutMethod: null, paypalEmail: null, stripeConnectId: null, payoutsEnabledAt: null, identityVerifiedAt: null,
      createdAt: partner.createdAt, applicationId: partner.applicationId, bannedAt: null, bannedReason: null, totalCommissions: this.totalEarnings(partner.id),
      links: partner.links.map((link) => ({ ...link, clicks: 0, leads: 0, conversions: 0, sales: 0, saleAmount: 0 })),
    };
  }

  /** The application of partner.application_submitted [DOC: event page, `{id: "pga_…", createdAt, partner, applicationFormData}`]. */
  applicationView(partner: Partner): Record<string, unknown> {
    return {
      id: partner.applicationId ?? `pga_${partner.id.slice(3)}`,
      createdAt: partner.createdAt,
      partner: { id: partner.id, name: partner.name, email: partner.email, companyName: partner.companyName, image: null, description: null, country: partner.country, groupId: partner.groupId, status: 'pending', website: null },
      applicationFormData: [{ label: 'How do you plan to promote us?', value: 'Newsletter' }],
    };
  }

  /** The commission as `GET /commissions` lists it [DOC: OpenAPI]: partner and customer nested. */
  commissionView(item: Commission): Record<string, unknown> {
    const { partnerId, customerId, ...rest } = item;
    const partner = this.partner(partnerId);
    const customer = this.customer(customerId);
    return {
      ...rest,
      partner: partner ? { id: partner.id, name: partner.name, email: partner.email, image: null, payoutsEnabledAt: null, country: partner.country, groupId: partner.groupId } : null,
      customer: customer ? { id: customer.id, externalId: customer.externalId, name: customer.name, email: customer.email, avatar: null, country: customer.country, createdAt: customer.createdAt } : null,
    };
  }

  /** The commission.created `data` [DOC: event page]: the list view plus partner totals and the partner's link. */
  commissionData(item: Commission): Record<string, unknown> {
    const view = this.commissionView(item);
    const partner = this.partner(item.partnerId);
    const link = partner?.links[0];
    return {
      ...view,
      partner: view.partner === null ? null : { ...(view.partner as Record<string, unknown>), totalCommissions: this.totalEarnings(item.partnerId) },
      link: link ? { id: link.id, shortLink: link.shortLink, domain: link.domain, key: link.key } : null,
    };
  }

  /** The payout [DOC: GET /payouts item, payout.confirmed `data`]. */
  payoutView(item: Payout): Record<string, unknown> {
    const { partnerId, ...rest } = item;
    const partner = this.partner(partnerId);
    return {
      ...rest,
      partner: partner ? { id: partner.id, name: partner.name, email: partner.email, image: null, country: partner.country, tenantId: partner.tenantId, status: partner.status } : null,
    };
  }

  private totalEarnings(partnerId: string): number {
    return this.state.commissions.filter((item) => item.partnerId === partnerId).reduce((sum, item) => sum + item.earnings, 0);
  }
}
