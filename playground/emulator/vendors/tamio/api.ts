/**
 * Tamio's affiliate, payout and program endpoints over the seeded store (platforms README §5
 * "Polling / list endpoints", "Actions"). Approve / decline answer first and send their webhook
 * afterwards through {@link TamioWebhooks}.
 */
import type { FastifyInstance } from 'fastify';
import type { DeliveryLog } from '../../common/delivery-log';
import { type StoredAffiliate, type TamioState, affiliateApiView, affiliateEventView, payoutView, programView } from './data';
import { afterResponse, text } from '../../common/request';
import type { IdParam, Query } from '../../common/routes';
import { TAMIO_NOT_FOUND, TamioError, type TamioKeys, need, oneOf, paginate, timeParam } from './http';
import type { TamioWebhooks } from './webhooks';

/** What the routes work on. */
export interface TamioApiContext {
  state: TamioState;
  hooks: TamioWebhooks;
  keys: TamioKeys;
  log: DeliveryLog;
}


const SORT_FIELDS = ['name', 'email', 'country', 'created_at'] as const;

function contains(haystack: (string | null)[], needle: string): boolean {
  return haystack.some((value) => value !== null && value.toLowerCase().includes(needle));
}

function sortKey(affiliate: StoredAffiliate, field: (typeof SORT_FIELDS)[number]): string | number {
  if (field === 'created_at') return affiliate.date_joined;
  return (affiliate[field] ?? '').toLowerCase();
}

/** Applies the documented list filters; the default order (newest first) is our choice. */
function listAffiliates(state: TamioState, query: Record<string, unknown>): StoredAffiliate[] {
  const order = oneOf(query, 'order', ['asc', 'desc']) ?? 'desc';
  const sortBy = oneOf(query, 'sort_by', SORT_FIELDS) ?? 'created_at';
  const filter = text(query, 'filter')?.toLowerCase();
  // [DOC] approved|pending; pending = not yet decided (`approved: null`) [INF].
  const status = oneOf(query, 'status', ['approved', 'pending']);
  const programId = text(query, 'affiliate_program_id');
  const from = timeParam(query, 'from');
  const to = timeParam(query, 'to');
  const items = state.affiliates.filter(
    (affiliate) =>
      (filter === undefined || contains([affiliate.name, affiliate.surname, affiliate.email, affiliate.country], filter)) &&
      (status === undefined || (status === 'approved' ? affiliate.approved === true : affiliate.approved === null)) &&
      (programId === undefined || affiliate.affiliate_program_id === programId) &&
      (from === undefined || affiliate.date_joined >= from) &&
      (to === undefined || affiliate.date_joined <= to),
  );
  const direction = order === 'asc' ? 1 : -1;
  return items.sort((a, b) => {
    const [x, y] = [sortKey(a, sortBy), sortKey(b, sortBy)];
    return x < y ? -direction : x > y ? direction : 0;
  });
}

function affiliateById(state: TamioState, id: string): StoredAffiliate {
  const affiliate = state.affiliates.find((candidate) => candidate.id === id);
  // [DOC] 1002 = not found, answered as a 400.
  if (!affiliate) throw new TamioError('Affiliate not found', TAMIO_NOT_FOUND);
  return affiliate;
}

/** GET endpoints [DOC]: `{"status": 200, "total_results": n, "<items>": [...]}` and `{"status": 200, "affiliate": {...}}`. */
function readRoutes(server: FastifyInstance, { state, keys }: TamioApiContext): void {
  server.get<Query>('/v2/affiliates/list', async (request) => {
    need(keys, request, 'affiliates.view');
    const { total, page } = paginate(listAffiliates(state, request.query), request.query);
    return { status: 200, total_results: total, affiliates: page.map((affiliate) => affiliateApiView(state, affiliate)) };
  });

  server.get<IdParam>('/v2/affiliates/retrieve/:id', async (request) => {
    need(keys, request, 'affiliates.view');
    return { status: 200, affiliate: affiliateApiView(state, affiliateById(state, request.params.id)) };
  });

  // Payouts live under /affiliates and embed the affiliate object, so they need affiliates.view (our reading).
  server.get<Query>('/v2/affiliates/payouts/list', async (request) => {
    need(keys, request, 'affiliates.view');
    const { query } = request;
    const filter = text(query, 'filter')?.toLowerCase();
    const partnerId = text(query, 'affiliate_partner_id');
    const programId = text(query, 'affiliate_program_id');
    const from = timeParam(query, 'from');
    const to = timeParam(query, 'to');
    const items = state.payouts
      .filter((payout) => {
        const partner = state.affiliates.find((candidate) => candidate.id === payout.affiliate_partner_id);
        // `filter` matches the partner's name / e-mail or the payout number (our choice of fields).
        const matches = filter === undefined || `${payout.prefix}${payout.number}`.toLowerCase().includes(filter) || (partner !== undefined && contains([partner.name, partner.surname, partner.email], filter));
        return matches && (partnerId === undefined || payout.affiliate_partner_id === partnerId) && (programId === undefined || payout.affiliate_program_id === programId) && (from === undefined || payout.date >= from) && (to === undefined || payout.date <= to);
      })
      .sort((a, b) => b.date - a.date); // newest first: our choice
    const { total, page } = paginate(items, query);
    return { status: 200, total_results: total, payouts: page.map((payout) => payoutView(state, payout)) };
  });

  // The merchant list's response key is [UNK]; `programs` follows the documented agency list example.
  server.get<Query>('/v2/affiliate-programs/list', async (request) => {
    need(keys, request, 'affiliate-programs.view');
    const { total, page } = paginate([...state.programs].sort((a, b) => b.created_at - a.created_at), request.query);
    return { status: 200, total_results: total, programs: page.map((program) => programView(state, program)) };
  });
}

/**
 * `POST /v2/affiliates/approve/{uuid}` and `/decline/{uuid}` [DOC] → `{"status": 200, "affiliate": {...}}`.
 * Approving an approved affiliate is 400 / 1002 [DOC]; declining a declined one likewise (our
 * analogy). Each real change fires affiliate-approved / affiliate-declined after the answer.
 */
function decisionRoutes(server: FastifyInstance, { state, hooks, keys, log }: TamioApiContext): void {
  for (const decision of ['approve', 'decline'] as const) {
    server.post<IdParam>(`/v2/affiliates/${decision}/:id`, async (request, reply) => {
      need(keys, request, 'affiliates.edit');
      const affiliate = affiliateById(state, request.params.id);
      const approved = decision === 'approve';
      if (affiliate.approved === approved) throw new TamioError(`Affiliate already ${approved ? 'approved' : 'declined'}`, TAMIO_NOT_FOUND);
      affiliate.approved = approved;
      const event = affiliateEventView(state, affiliate);
      afterResponse(reply, log, () => hooks.send(approved ? 'affiliate-approved' : 'affiliate-declined', { affiliate: event }));
      return { status: 200, affiliate: affiliateApiView(state, affiliate) };
    });
  }
}

/** Mounts every data and action route on the (guarded) Tamio plugin. */
export function apiRoutes(server: FastifyInstance, context: TamioApiContext): void {
  readRoutes(server, context);
  decisionRoutes(server, context);
}
