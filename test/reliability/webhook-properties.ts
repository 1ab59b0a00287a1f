/**
 * Property-based tests over every REST-hook platform's perform, as Zapier calls it: whatever
 * arrives, nothing forged or tampered produces a run, nothing throws (an error would count
 * against the user's Zap), and a genuine delivery always produces exactly its record.
 */
import { deliveredPayload } from '../helpers/payload';
import fc from 'fast-check';
import { parseJsonExact } from '../../platforms/schemas';
import { appTester, triggerOperation, runsOf } from '../helpers/app';
import { hmacHex, hookRequest } from '../helpers/deliveries';
import type { KitDelivery, PlatformKit, StoredSubscription } from '../platforms/kit';
import { junkBody, mutation, recased, signatureMutation } from './arbitraries';
import { PROPERTY_RUNS } from './property-runs';
import { atEventTimeOf, useFixtureClock } from '../helpers/fixture-clock';

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/99/property/';
const platformEvent = triggerOperation('new_platform_event');

type Signed = ReturnType<PlatformKit['deliver']>;

async function subscribe(kit: PlatformKit, event: string): Promise<StoredSubscription> {
  const scope = kit.api();
  kit.expectSubscribe(scope, event);
  const stored = (await appTester(platformEvent.performSubscribe, { authData: kit.authData, inputData: { event }, targetUrl: TARGET_URL })) as StoredSubscription;
  expect(scope.isDone()).toBe(true);
  return stored;
}

/** Runs perform with a fresh z.cache (so a repeated case is not taken for a vendor retry). */
function perform(kit: PlatformKit, event: string, stored: StoredSubscription, signed: Signed, renameHeaders = true): Promise<unknown[]> {
  atEventTimeOf(kit.id, signed.rawBody);
  return runsOf(appTester(
    platformEvent.perform,
    { authData: kit.authData, inputData: { event }, subscribeData: stored, ...hookRequest(signed.rawBody, signed.headers, signed.query, renameHeaders) },
    true,
  ));
}

/**
 * Declares the webhook properties for one platform. Each platform runs them in a test file of its
 * own, so the platforms run in parallel workers and each worker's memory stays bounded
 * (zapier-platform-core's test harness keeps a little per call; see jest.config.js).
 */
export function describeWebhookProperties(kit: PlatformKit): void {
  describe(`${kit.id} deliveries (${PROPERTY_RUNS} cases per property)`, () => {
    // Documented fixtures are dated: deliver them at their own time (receive/freshness.ts).
    useFixtureClock(kit.id);
    jest.setTimeout(300_000);
    const subscriptions = new Map<string, StoredSubscription>();
    const deliveries = kit.deliveries;

    beforeAll(async () => {
      for (const delivery of deliveries) subscriptions.set(delivery.vendorEvent, await subscribe(kit, delivery.vendorEvent));
    });

    const pick = fc.constantFrom(...deliveries);
    const genuine = (delivery: KitDelivery): [StoredSubscription, Signed] => {
      const stored = subscriptions.get(delivery.vendorEvent) as StoredSubscription;
      return [stored, kit.deliver(delivery.vendorEvent, delivery.body, stored)];
    };

    it('a genuine delivery always produces exactly its record, whatever the header casing and renaming', async () => {
      await fc.assert(
        fc.asyncProperty(pick, fc.boolean(), fc.context(), async (delivery, rename, context) => {
          const [stored, signed] = genuine(delivery);
          const headers = Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [fc.sample(recased(name), 1)[0], value]));
          context.log(JSON.stringify(headers));
          const results = (await perform(kit, delivery.vendorEvent, stored, { ...signed, headers }, rename)) as Record<string, unknown>[];
          expect(results).toHaveLength(1);
          expect(results[0]).toMatchObject({ platform: kit.id, vendor_event: delivery.vendorEvent, ...delivery.expected });
          expect(deliveredPayload(results[0].raw)).toEqual(parseJsonExact(signed.rawBody));
        }),
        { numRuns: PROPERTY_RUNS },
      );
    });

    if (kit.forgery === 'header') {
      it('a missing or guessed header token never produces a run, whatever the body', async () => {
        const header = kit.forgedHeader ?? '';
        await fc.assert(
          fc.asyncProperty(pick, fc.option(fc.string(), { nil: undefined }), fc.boolean(), async (delivery, guess, tamper) => {
            const [stored, signed] = genuine(delivery);
            fc.pre(guess !== signed.headers[header]);
            const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== header));
            const forged = guess === undefined ? headers : { ...headers, [header]: guess };
            const rawBody = tamper ? signed.rawBody.replace(/\d/, (digit) => String((Number(digit) + 1) % 10)) : signed.rawBody;
            expect(await perform(kit, delivery.vendorEvent, stored, { ...signed, rawBody, headers: forged })).toEqual([]);
          }),
          { numRuns: PROPERTY_RUNS },
        );
      });
    } else if (kit.forgery !== 'token') {
      it('a tampered body never produces a run', async () => {
        await fc.assert(
          fc.asyncProperty(pick.chain((delivery) => fc.tuple(fc.constant(delivery), mutation(genuine(delivery)[1].rawBody))), async ([delivery, body]) => {
            const [stored, signed] = genuine(delivery);
            expect(await perform(kit, delivery.vendorEvent, stored, { ...signed, rawBody: body })).toEqual([]);
          }),
          { numRuns: PROPERTY_RUNS },
        );
      });

      it('a tampered, missing or foreign signature never produces a run', async () => {
        const forgedHeaders = (signed: Signed, secret: string) =>
          fc.oneof(
            fc.constant({}),
            ...Object.entries(signed.headers).map(([name, value]) => signatureMutation(value).map((changed) => ({ [name]: changed }))),
            ...Object.keys(signed.headers).map((name) => fc.constant({ [name]: hmacHex(secret, signed.rawBody) })),
            ...Object.keys(signed.headers).map((name) => fc.constant({ [name]: `sha256=${hmacHex(secret, signed.rawBody)}` })),
          );
        await fc.assert(
          fc.asyncProperty(
            pick.chain((delivery) =>
              fc.tuple(fc.constant(delivery), fc.string({ minLength: 1 }).chain((secret) => forgedHeaders(genuine(delivery)[1], `other-${secret}`))),
            ),
            async ([delivery, headers]) => {
              const [stored, signed] = genuine(delivery);
              expect(await perform(kit, delivery.vendorEvent, stored, { ...signed, headers })).toEqual([]);
            },
          ),
          { numRuns: PROPERTY_RUNS },
        );
      });
    } else {
      it('a missing or guessed URL token never produces a run', async () => {
        await fc.assert(
          fc.asyncProperty(pick, fc.option(fc.string(), { nil: undefined }), async (delivery, guess) => {
            const [stored, signed] = genuine(delivery);
            const query = Object.fromEntries(Object.entries(signed.query).filter(([, value]) => value !== stored.token));
            const forged = guess === undefined ? query : { ...query, ...Object.fromEntries(Object.entries(signed.query).filter(([, value]) => value === stored.token).map(([key]) => [key, guess])) };
            fc.pre(guess !== stored.token);
            expect(await perform(kit, delivery.vendorEvent, stored, { ...signed, query: forged })).toEqual([]);
          }),
          { numRuns: PROPERTY_RUNS },
        );
      });
    }

    it('junk bodies, correctly signed or not, never throw; a run only ever carries a normalized record of the body', async () => {
      await fc.assert(
        fc.asyncProperty(pick, junkBody(), fc.boolean(), async (delivery, body, resign) => {
          const stored = subscriptions.get(delivery.vendorEvent) as StoredSubscription;
          const template = kit.deliver(delivery.vendorEvent, delivery.body, stored);
          // Re-signing needs a body the kit can re-serialize: only JSON objects are re-signed, others keep the stale signature.
          let parsed: unknown;
          try {
            parsed = JSON.parse(body);
          } catch {
            parsed = undefined;
          }
          const signed = resign && typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
            ? kit.deliver(delivery.vendorEvent, parsed as Record<string, unknown>, stored)
            : { ...template, rawBody: body };
          const results = (await perform(kit, delivery.vendorEvent, stored, signed)) as Record<string, unknown>[];
          for (const result of results) {
            expect(result).toMatchObject({ platform: kit.id, id: expect.any(String) });
            expect(result.id).not.toBe('');
            expect(deliveredPayload(result.raw)).toEqual(parseJsonExact(signed.rawBody));
          }
          expect(results.length).toBeLessThanOrEqual(1);
        }),
        { numRuns: PROPERTY_RUNS },
      );
    });
  });
}
