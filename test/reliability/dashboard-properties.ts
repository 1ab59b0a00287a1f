/**
 * The webhook properties for platforms whose webhooks are registered in their dashboards, through
 * the New Event from Dashboard Webhook trigger: nothing forged produces a run, nothing throws, a
 * genuine delivery produces exactly its record.
 */
import { deliveredPayload } from '../helpers/payload';
import fc from 'fast-check';
import { parseJsonExact } from '../../platforms/schemas';
import { appTester, triggerOperation, runsOf } from '../helpers/app';
import { hookRequest } from '../helpers/deliveries';
import { junkBody, mutation, recased, signatureMutation } from './arbitraries';
import { PROPERTY_RUNS } from './property-runs';
import { atEventTimeOf, useFixtureClock } from '../helpers/fixture-clock';

/** A dashboard platform as the properties see it. */
export interface DashboardKit {
  id: string;
  authData: Record<string, string>;
  /** The endpoint's signing secret, entered in the trigger (known once `setUp` has run). */
  secret(): string;
  /** Signs a raw body as the vendor does: the headers to send. */
  sign(rawBody: string): Record<string, string>;
  /** Starts what the vendor's side needs during the run (Tamio's verify-signature), and stops it. */
  setUp?(): Promise<void>;
  tearDown?(): Promise<void>;
  deliveries: { vendorEvent: string; body: Record<string, unknown>; expected: Record<string, unknown> }[];
  /**
   * For a platform whose deliveries name no event: the trigger input that says which event the URL
   * receives (`vendor_event`); each delivery is sent with its own, junk with the first delivery's.
   */
  eventInput?: string;
}

const dashboard = triggerOperation('dashboard_webhook');

function perform(kit: DashboardKit, rawBody: string, headers: Record<string, string>, rename = true, vendorEvent = kit.deliveries[0]?.vendorEvent): Promise<Record<string, unknown>[]> {
  atEventTimeOf(kit.id, rawBody);
  const event = kit.eventInput === undefined ? {} : { [kit.eventInput]: vendorEvent };
  return runsOf(appTester(dashboard.perform, {
    authData: kit.authData,
    inputData: { signing_secret: kit.secret(), ...event },
    ...hookRequest(rawBody, headers, {}, rename),
  }));
}

/** The four properties, by name. */
export type DashboardProperty = 'genuine' | 'tampered body' | 'forged signature' | 'junk';

const ALL: readonly DashboardProperty[] = ['genuine', 'tampered body', 'forged signature', 'junk'];

/**
 * Declares the properties for one platform, in a test file of its own (see webhook-properties.ts);
 * `only` splits them over several files where each call costs more (a vendor verification call).
 */
export function describeDashboardProperties(kit: DashboardKit, only: readonly DashboardProperty[] = ALL): void {
  // Properties not in `only` are not declared at all (another file runs them), rather than skipped.
  const property = (name: DashboardProperty, title: string, test: () => Promise<void>) => {
    if (only.includes(name)) it(title, test);
  };
  describe(`${kit.id} dashboard deliveries (${PROPERTY_RUNS} cases per property)`, () => {
    // Documented fixtures are dated: deliver them at their own time (receive/freshness.ts).
    useFixtureClock(kit.id);
    jest.setTimeout(300_000);
    beforeAll(async () => kit.setUp?.());
    afterAll(async () => kit.tearDown?.());
    const pick = fc.constantFrom(...kit.deliveries);

    property('genuine', 'a genuine delivery always produces exactly its record, whatever the header casing and renaming', async () => {
      await fc.assert(
        fc.asyncProperty(pick, fc.boolean(), fc.integer(), async (delivery, rename, seed) => {
          const rawBody = JSON.stringify(delivery.body);
          const headers = Object.fromEntries(Object.entries(kit.sign(rawBody)).map(([name, value]) => [fc.sample(recased(name), { numRuns: 1, seed })[0], value]));
          const results = await perform(kit, rawBody, headers, rename, delivery.vendorEvent);
          expect(results).toHaveLength(1);
          expect(results[0]).toMatchObject({ platform: kit.id, vendor_event: delivery.vendorEvent, ...delivery.expected });
          expect(deliveredPayload(results[0].raw)).toEqual(delivery.body);
        }),
        { numRuns: PROPERTY_RUNS },
      );
    });

    property('tampered body', 'a tampered body never produces a run', async () => {
      const cases = pick.chain((delivery) => {
        const rawBody = JSON.stringify(delivery.body);
        return fc.tuple(fc.constant(kit.sign(rawBody)), mutation(rawBody));
      });
      await fc.assert(
        fc.asyncProperty(cases, async ([headers, tampered]) => {
          expect(await perform(kit, tampered, headers)).toEqual([]);
        }),
        { numRuns: PROPERTY_RUNS },
      );
    });

    property('forged signature', 'a tampered or missing signature never produces a run', async () => {
      const cases = pick.chain((delivery) => {
        const rawBody = JSON.stringify(delivery.body);
        const signed = Object.entries(kit.sign(rawBody));
        return fc.tuple(
          fc.constant(rawBody),
          fc.oneof(fc.constant({}), ...signed.map(([name, value]) => signatureMutation(value).map((changed) => ({ [name]: changed })))),
        );
      });
      await fc.assert(
        fc.asyncProperty(cases, async ([rawBody, headers]) => {
          expect(await perform(kit, rawBody, headers)).toEqual([]);
        }),
        { numRuns: PROPERTY_RUNS },
      );
    });

    property('junk', 'junk bodies, signed or not, never throw; a run only ever carries a normalized record of the body', async () => {
      await fc.assert(
        fc.asyncProperty(junkBody(), fc.boolean(), async (rawBody, signIt) => {
          const results = await perform(kit, rawBody, signIt ? kit.sign(rawBody) : {});
          expect(results.length).toBeLessThanOrEqual(1);
          for (const result of results) {
            expect(result).toMatchObject({ platform: kit.id, id: expect.any(String) });
            expect(result.id).not.toBe('');
            expect(deliveredPayload(result.raw)).toEqual(parseJsonExact(rawBody));
          }
        }),
        { numRuns: PROPERTY_RUNS },
      );
    });
  });
}
