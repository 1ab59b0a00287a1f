/**
 * Output fields per connected platform: only what the platform's field map fills, labelled, and a
 * static definition that carries only the fields every record has.
 */
import { countNodes } from '../../bench/definition-size';
import { filledKeys, outputFieldsFor, unavailableFields } from '../../fields/output-fields';
import { PLATFORMS } from '../../platforms/registry';
import type { RecordKind } from '../../platforms/records';
import { app, appTester, type OperationFunction } from '../helpers/app';

type Output = { key: string; label: string; type?: string };

async function resolve(entries: readonly (Output | OperationFunction)[], platform: string, inputData: Record<string, unknown> = {}): Promise<Output[]> {
  const fields: Output[] = [];
  for (const entry of entries) {
    if (typeof entry === 'function') fields.push(...((await appTester(entry, { authData: { platform, api_key: 'key' }, inputData })) as Output[]));
    else fields.push(entry);
  }
  return fields;
}

function outputs(kind: 'triggers' | 'creates' | 'searches', key: string): (Output | OperationFunction)[] {
  return (app[kind] as Record<string, { operation: { outputFields: (Output | OperationFunction)[] } }>)[key].operation.outputFields;
}

describe('output fields per platform', () => {
  it.each<[string, RecordKind]>([
    ['new_referral', 'referral'],
    ['new_affiliate', 'affiliate'],
    ['new_payout', 'payout'],
  ])('%s lists only what each platform fills, each field once with a label', async (key, kind) => {
    for (const platform of PLATFORMS) {
      const fields = await resolve(outputs('triggers', key), platform.id);
      const keys = fields.map((field) => field.key);
      expect(new Set(keys).size).toBe(keys.length);
      const filled = filledKeys(platform, kind);
      const unavailable = unavailableFields(platform, kind);
      for (const field of fields) {
        // A field the platform cannot give is shown only to say so (issue 23, "the editor says so").
        if (unavailable[field.key] !== undefined) expect(field.label).toContain(`(Not Available on ${platform.name})`);
        else expect(filled.has(field.key)).toBe(true);
        expect(field.label).toMatch(/^[A-Z]/);
      }
      // Everything the field map fills is offered.
      for (const field of outputFieldsFor(kind)) if (filled.has(field.key)) expect(keys).toContain(field.key);
    }
  });

  it('Tamio has no referral data, so New Referral offers no referral fields beyond the base ones, except to say they are not available', async () => {
    const fields = await resolve(outputs('triggers', 'new_referral'), 'tamio');
    expect(fields.slice(0, 5).map((field) => field.key)).toEqual(['id', 'platform', 'event', 'vendor_event', 'event_name']);
    expect(fields.slice(5).map((field) => field.key)).toEqual(expect.arrayContaining(['commission_amount', 'currency', 'order_id', 'affiliate_email']));
    for (const field of fields.slice(5, -1)) expect(field.label).toMatch(/\(Not Available on Tamio\)$/);
    expect(fields.at(-1)).toEqual({ key: 'raw', label: 'Vendor Payload (JSON)' });
  });

  it('every trigger, action and search offers the vendor payload as one labelled field, and returns it as one JSON text (issue 23 item 11)', async () => {
    for (const kind of ['triggers', 'creates', 'searches'] as const) {
      for (const [key, operation] of Object.entries(app[kind] as Record<string, { display: { hidden?: boolean }; operation: { outputFields?: unknown } }>)) {
        if (operation.display.hidden === true || operation.operation.outputFields === undefined) continue;
        const fields = await resolve(outputs(kind, key), 'uppromote');
        expect([key, fields.filter((field) => field.key === 'raw' || field.key.startsWith('raw__'))]).toEqual([key, [{ key: 'raw', label: 'Vendor Payload (JSON)' }]]);
      }
    }
  });

  it('New Platform Event shows the chosen event kind only, far fewer fields than every kind at once', async () => {
    const all = await resolve(outputs('triggers', 'new_platform_event'), 'uppromote');
    const chosen = await resolve(outputs('triggers', 'new_platform_event'), 'uppromote', { event: 'payment.paid' });
    expect(chosen.length).toBeLessThan(all.length);
    expect(chosen.map((field) => field.key)).toContain('paid_at');
    expect(chosen.map((field) => field.key)).not.toContain('order_id');
  });

  it('an action adds what it assumes from its inputs (Mark Payout Paid on UpPromote: the affiliate email)', async () => {
    const keys = (await resolve(outputs('creates', 'mark_payout_paid'), 'uppromote')).map((field) => field.key);
    expect(keys).toContain('affiliate_email');
    expect(keys).toContain('status');
  });

  it('the static definition carries only the id; the other base fields come with the platform\'s', async () => {
    for (const key of ['new_referral', 'new_platform_event', 'dashboard_webhook']) {
      expect(outputs('triggers', key).filter((entry) => typeof entry !== 'function').map((field) => (field as Output).key)).toEqual(['id']);
      const keys = (await resolve(outputs('triggers', key), 'uppromote')).map((field) => field.key);
      expect(keys.slice(0, 4)).toEqual(['id', 'platform', 'event', 'vendor_event']);
    }
  });

  it('the whole definition is at most 1,150 nodes (issue 23 item 15)', () => {
    expect(countNodes(app)).toBeLessThanOrEqual(1150);
  });
});

describe('definition size (bench figure 0)', () => {
  it('counts every object, array, function and value once per path', () => {
    expect(countNodes({ a: [1, 2], b: { c: () => 0 } })).toBe(6);
    const shared = { key: 'id', label: 'ID' };
    expect(countNodes([shared, shared])).toBe(1 + 2 * 3);
  });
});
