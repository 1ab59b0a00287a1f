/**
 * The playground's flow: the whole life of a Zap against the local emulator, driven through
 * zapier-platform-core as Zapier drives the app. Connect, subscribe every trigger, let the
 * emulator send each event over HTTP to the receiver, run an action and watch its event come
 * back, show that a tampered delivery produces no run, unsubscribe.
 */
import { createAppTester } from 'zapier-platform-core';
import App from '../index';
import { EMULATOR_ENV } from '../platforms/api';
import { subscribeDataSchema } from '../platforms/schemas';
import { startEmulator, type Emulator } from './emulator/server';
import { startReceiver, zapierRequestOf, type ReceivedRequest } from './receiver';
import { routeAppLog } from './app-log';
import { Report, describeRecord } from './report';
import { userMessage } from './user-message';
import type { PollPlan, Scenario, ZapPlan } from './scenario';

type Output = Record<string, unknown>;
type Perform = Parameters<ReturnType<typeof createAppTester>>[0];

/** A Zap turned on in the playground, and what reached it. */
interface LiveZap {
  plan: ZapPlan;
  hookId: string;
  subscribeData?: { id: string };
  runs: Output[];
  errors: string[];
}

function operationOf(kind: 'triggers' | 'creates', key: string): Record<string, unknown> {
  const definitions: Readonly<Record<string, { operation: object }>> = App[kind];
  const definition = definitions[key];
  if (!definition) throw new Error(`The app has no ${kind.slice(0, -1)} "${key}".`);
  return definition.operation as Record<string, unknown>;
}

function perform(kind: 'triggers' | 'creates', key: string, method: string): Perform {
  const fn = operationOf(kind, key)[method];
  if (typeof fn !== 'function') throw new Error(`${key} has no ${method}.`);
  return fn as Perform;
}

class Playground {
  private readonly tester = createAppTester(App);
  private zaps = new Map<string, LiveZap>();

  constructor(
    private readonly emulator: Emulator,
    private readonly hookUrl: (hookId: string) => string,
    private readonly report: Report,
  ) {}

  /** Runs a hook trigger's perform for a delivery, as Zapier does when a hook URL receives a request. */
  async receive(request: ReceivedRequest, authData: Record<string, string>): Promise<void> {
    const zap = this.zaps.get(request.hookId);
    if (!zap) return;
    try {
      const outputs = (await this.tester(perform('triggers', zap.plan.trigger, 'perform'), {
        authData,
        inputData: zap.plan.inputData ?? {},
        subscribeData: zap.subscribeData,
        ...zapierRequestOf(request),
      })) as Output[];
      zap.runs.push(...outputs);
      this.report.observe(outputs);
    } catch (error) {
      this.report.observe(userMessage(error));
      // A halted run (a refusal reported to the user, platforms/receive.ts) is no error: Zapier does not count it toward pausing.
      if (!(error instanceof Error && error.name === 'HaltedError')) zap.errors.push(userMessage(error));
    }
  }

  async run(scenario: Scenario, authData: Record<string, string>): Promise<void> {
    const { report } = this;
    report.section(scenario.title);
    this.zaps = new Map(scenario.zaps.map((plan) => [`${scenario.vendor}-${plan.name}`, { plan, hookId: `${scenario.vendor}-${plan.name}`, runs: [], errors: [] }]));

    const authentication = App.authentication as { test: Perform; connectionLabel: Perform };
    try {
      for (const value of Object.values(authData)) if (value !== authData.platform && value !== authData.account_name) report.secret(value);
      const tested = (await this.tester(authentication.test, { authData })) as Output;
      const label = await this.tester(authentication.connectionLabel, { authData, inputData: tested });
      report.observe([tested, label]);
      report.step('Connection test', true, `connection label: ${String(label)}`);
    } catch (error) {
      report.step('Connection test', false, userMessage(error));
      return;
    }

    for (const zap of this.zaps.values()) await this.subscribe(zap, authData, scenario.vendor);
    for (const event of scenario.events ?? this.emulator.events(scenario.vendor)) await this.fire(scenario, event);
    if (scenario.roundTrip) await this.roundTrip(scenario, authData);
    for (const plan of scenario.polls ?? []) await this.pollTwice(plan, authData);
    await this.tamper(scenario);
    for (const zap of this.zaps.values()) if (zap.subscribeData) await this.unsubscribe(zap, authData);
    for (const zap of this.zaps.values()) {
      if (zap.plan.dashboard) this.report.step(`"${zap.plan.name}" is a static webhook: turning the Zap off needs no call (remove the URL in the dashboard)`, true);
    }
  }

  private async subscribe(zap: LiveZap, authData: Record<string, string>, vendor: Scenario['vendor']): Promise<void> {
    const title = `Turn on "${zap.plan.name}" (${zap.plan.trigger})`;
    const dashboard = zap.plan.dashboard;
    if (dashboard) {
      // A static webhook: the merchant pastes the Zap's URL into the dashboard and copies the secret.
      const { secret } = this.emulator.registerDashboardEndpoint(vendor, this.hookUrl(zap.hookId), dashboard.events);
      this.report.secret(secret);
      zap.plan = { ...zap.plan, inputData: { ...zap.plan.inputData, signing_secret: secret } };
      const events = dashboard.events.length > 0 ? dashboard.events.join(', ') : 'every event';
      this.report.step(`${title}: URL pasted into the dashboard for ${events}, signing secret entered`, true);
      return;
    }
    try {
      zap.subscribeData = (await this.tester(perform('triggers', zap.plan.trigger, 'performSubscribe'), {
        authData,
        inputData: zap.plan.inputData ?? {},
        targetUrl: this.hookUrl(zap.hookId),
      })) as { id: string };
      const stored = subscribeDataSchema.safeParse(zap.subscribeData);
      if (stored.success) {
        for (const subscription of stored.data.subscriptions) this.report.secret(subscription.secret);
        this.report.secret(stored.data.token);
      }
      this.report.step(title, !zap.plan.expectRefusal, zap.plan.expectRefusal ? 'expected a refusal, but it subscribed' : undefined);
    } catch (error) {
      const expected = zap.plan.expectRefusal?.test(userMessage(error)) ?? false;
      this.report.observe(userMessage(error));
      this.report.step(expected ? `${title}: refused as expected` : title, expected, userMessage(error));
    }
  }

  /** How many runs and errors each Zap has had so far, to report only what a step adds. */
  private counts(): Map<LiveZap, { runs: number; errors: number }> {
    return new Map([...this.zaps.values()].map((zap) => [zap, { runs: zap.runs.length, errors: zap.errors.length }]));
  }

  private async fire(scenario: Scenario, event: string): Promise<void> {
    const before = this.counts();
    const deliveries = await this.emulator.fire(scenario.vendor, event);
    await this.emulator.settled();
    const lines: string[] = [];
    let reached = false;
    let failed = false;
    for (const [zap, count] of before) {
      for (const record of zap.runs.slice(count.runs)) {
        lines.push(`${zap.plan.name} ← ${describeRecord(record)}`);
        reached ||= record.vendor_event === event;
      }
      for (const error of zap.errors.slice(count.errors)) {
        lines.push(`${zap.plan.name} ✗ ${error}`);
        failed = true;
      }
    }
    const detail = lines.length > 0 ? lines.join('\n') : `${deliveries.length} deliveries, no Zap ran`;
    this.report.step(`${scenario.title} sends ${event}`, reached && !failed && deliveries.every((delivery) => delivery.ok), detail);
  }

  private async roundTrip(scenario: Scenario, authData: Record<string, string>): Promise<void> {
    const trip = scenario.roundTrip;
    if (!trip) return;
    try {
      const method = trip.findWith.dropdown ? 'perform' : 'performList';
      const listed = (await this.tester(perform('triggers', trip.findWith.trigger, method), {
        authData,
        inputData: trip.findWith.inputData ?? {},
      })) as Output[];
      const item = listed.find(trip.findWith.where);
      if (!item) {
        this.report.step(`Run ${trip.action}`, false, `no suitable item among ${listed.length} listed by ${trip.findWith.trigger}`);
        return;
      }
      const zap = [...this.zaps.values()].find((candidate) => candidate.plan.name === trip.expect.zap);
      const before = zap?.runs.length ?? 0;
      const result = (await this.tester(perform('creates', trip.action, 'perform'), { authData, inputData: trip.input(item) })) as Output;
      this.report.observe([listed, result]);
      this.report.step(`Run ${trip.action} on ${String(item.id)}`, result.status === trip.expect.status, describeRecord(result));
      await this.emulator.settled();
      const back = zap?.runs.slice(before).find((run) => run.event === trip.expect.event && run.status === trip.expect.status);
      this.report.step(
        `…and its ${trip.expect.event} comes back through "${trip.expect.zap}"`,
        back !== undefined,
        back ? describeRecord(back) : `runs: ${JSON.stringify(zap?.runs.slice(before).map(describeRecord))}`,
      );
    } catch (error) {
      this.report.observe(userMessage(error));
      this.report.step(`Run ${trip.action}`, false, userMessage(error));
    }
  }

  /** One scheduled poll of a polling trigger, as Zapier runs it (no limit: one vendor page). */
  private async pollOnce(plan: PollPlan, authData: Record<string, string>): Promise<Output[]> {
    const outputs = (await this.tester(perform('triggers', plan.trigger, 'perform'), { authData, inputData: plan.inputData ?? {}, meta: { limit: -1 } })) as Output[];
    this.report.observe(outputs);
    return outputs;
  }

  /** Polls, makes the plan's change through an action, polls again: the new ids are what Zapier would run on. */
  private async pollTwice(plan: PollPlan, authData: Record<string, string>): Promise<void> {
    const title = `Poll "${plan.trigger}"`;
    try {
      const seen = new Set((await this.pollOnce(plan, authData)).map((output) => String(output.id)));
      if (plan.expectRefusal) {
        this.report.step(title, false, 'expected a refusal, but it polled');
        return;
      }
      const change = plan.change;
      if (change) {
        let item: Output = {};
        if (change.findWith) {
          const method = change.findWith.dropdown ? 'perform' : 'performList';
          const listed = (await this.tester(perform('triggers', change.findWith.trigger, method), { authData, inputData: change.findWith.inputData ?? {} })) as Output[];
          const found = listed.find(change.findWith.where);
          if (!found) {
            this.report.step(title, false, `no suitable item among ${listed.length} listed by ${change.findWith.trigger}`);
            return;
          }
          item = found;
        }
        const result = (await this.tester(perform('creates', change.action, 'perform'), { authData, inputData: change.input(item) })) as Output;
        this.report.observe(result);
        await this.emulator.settled();
      }
      const fresh = (await this.pollOnce(plan, authData)).filter((output) => !seen.has(String(output.id)));
      const detail = fresh.map((output) => `new id ${String(output.id)} ← ${describeRecord(output)}`).join('\n');
      this.report.step(`${title} before and after ${change?.action ?? 'nothing'}: the second poll finds what changed`, fresh.length > 0, detail || 'no new id');
    } catch (error) {
      const expected = plan.expectRefusal?.test(userMessage(error)) ?? false;
      this.report.observe(userMessage(error));
      this.report.step(expected ? `${title}: refused as expected` : title, expected, userMessage(error));
    }
  }

  private async tamper(scenario: Scenario): Promise<void> {
    const zap = [...this.zaps.values()].find((candidate) => candidate.plan.name === scenario.tamperZap);
    const original = zap ? [...this.emulator.deliveries].reverse().find((delivery) => delivery.targetUrl.includes(`/hooks/${zap.hookId}`) && delivery.body !== '') : undefined;
    if (!zap || !original) {
      this.report.step('Forged delivery produces no run', false, `no delivery to "${scenario.tamperZap}" to forge`);
      return;
    }
    const before = zap.runs.length;
    const errorsBefore = zap.errors.length;
    const token = scenario.forgery && 'token' in scenario.forgery ? scenario.forgery.token : undefined;
    const header = scenario.forgery && 'header' in scenario.forgery ? scenario.forgery.header.toLowerCase() : undefined;
    const target = new URL(original.targetUrl);
    if (token) target.searchParams.set(token, 'guessed-token');
    const headers = header ? Object.fromEntries(Object.entries(original.headers).map(([name, value]) => [name, name.toLowerCase() === header ? 'guessed-token' : value])) : original.headers;
    const body = token || header ? original.body : original.body.replace(/\d/, (digit) => String((Number(digit) + 1) % 10));
    const response = await fetch(target, { method: 'POST', headers, body });
    const ok = response.status === 200 && zap.runs.length === before && zap.errors.length === errorsBefore;
    const what = token
      ? `a guessed URL token: ${scenario.title} signs nothing, the token is the proof`
      : header
        ? `a guessed ${scenario.forgery && 'header' in scenario.forgery ? scenario.forgery.header : ''} token: ${scenario.title} signs nothing, the subscription's token is the proof`
        : 'one digit changed, original signature';
    this.report.step(`Forged delivery (${what}) produces no run and no error`, ok);
  }

  private async unsubscribe(zap: LiveZap, authData: Record<string, string>): Promise<void> {
    try {
      await this.tester(perform('triggers', zap.plan.trigger, 'performUnsubscribe'), {
        authData,
        inputData: zap.plan.inputData ?? {},
        subscribeData: zap.subscribeData,
      });
      this.report.step(`Turn off "${zap.plan.name}"`, true);
    } catch (error) {
      this.report.observe(userMessage(error));
      this.report.step(`Turn off "${zap.plan.name}"`, false, userMessage(error));
    }
  }
}

/**
 * Runs the scenarios against a fresh emulator and receiver on loopback.
 * @param print whether steps go to stdout
 * @returns the report: every step with its verdict
 */
export async function runPlayground(scenarios: Scenario[], print: boolean): Promise<Report> {
  const report = new Report(print);
  const restoreLog = print ? routeAppLog(report) : undefined;
  const emulator = await startEmulator();
  const previous = process.env[EMULATOR_ENV];
  process.env[EMULATOR_ENV] = emulator.url;
  let current: { playground: Playground; authData: Record<string, string> } | undefined;
  const receiver = await startReceiver(async (request) => current?.playground.receive(request, current.authData));
  try {
    if (print) process.stdout.write(`Emulator on ${emulator.url}, Zap hooks on ${receiver.url}\n`);
    for (const scenario of scenarios) {
      const authData = scenario.authData(emulator);
      current = { playground: new Playground(emulator, receiver.hookUrl, report), authData };
      await current.playground.run(scenario, authData);
    }
  } finally {
    restoreLog?.();
    report.flushAppLog();
    await receiver.close();
    await emulator.close();
    if (previous === undefined) delete process.env[EMULATOR_ENV];
    else process.env[EMULATOR_ENV] = previous;
  }
  return report;
}
