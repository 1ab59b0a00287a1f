/**
 * Tolt's Make connection follows the Zapier side's base URL hedge (issue 25 item 8): only Tolt's docs
 * name the v2 host, so the connection offers "API base URL" (the documented v2 by default, the v1
 * fallback from the platform data), every call goes to the chosen one, and the test call's 404 tells
 * the user to switch. Platforms without fallbacks keep a fixed base. The test call is run over HTTP
 * (nock) with its IML evaluated by test/make/iml-evaluator.ts.
 */
import nock from 'nock';
import { generateApp, type GeneratedApp } from '../../make/generate/app';
import { PLATFORMS, findPlatform } from '../../platforms/registry';
import { evaluateTemplate } from './iml-evaluator';

type Value = Parameters<typeof evaluateTemplate>[1][string];
type JsonObject = Record<string, Value>;

const tolt = findPlatform('tolt');
if (tolt === undefined) throw new Error('no tolt');
const app = generateApp(tolt);
const V2 = 'https://platform.tolt.com/v2';
const V1 = 'https://api.tolt.com/v1';

function json(generated: GeneratedApp, path: string): Value {
  const content = generated.files.get(path);
  if (content === undefined) throw new Error(`${path}: missing`);
  return content as Value;
}

/** Runs the connection's test call as Make would with these parameters: `{ status, error }` from the error directive on a 4xx. */
async function testConnection(parameters: JsonObject): Promise<{ status: number; error?: string }> {
  const communication = json(app, 'connections/tolt/tolt.communication.iml.json') as JsonObject;
  const url = String(evaluateTemplate(communication.url, { parameters }));
  const query = new URLSearchParams(Object.entries((evaluateTemplate(communication.qs ?? {}, { parameters }) as Record<string, Value>) ?? {}).map(([key, value]): [string, string] => [key, String(value)]));
  const headers = evaluateTemplate(communication.headers, { parameters }) as Record<string, string>;
  const answer = await fetch(`${url}?${query.toString()}`, { method: String(communication.method), headers });
  const body = (await answer.json()) as Value;
  if (answer.status < 400) return { status: answer.status };
  const errors = (communication.response as JsonObject).error as JsonObject;
  const directive = (errors[String(answer.status)] ?? errors) as JsonObject;
  return { status: answer.status, error: String(evaluateTemplate(directive.message, { parameters, body, statusCode: answer.status })) };
}

afterEach(() => nock.cleanAll());

describe("Tolt's Make connection: API v2 or v1", () => {
  it('offers the base URL as a connection parameter, v2 by default, v1 from the platform data', () => {
    const params = json(app, 'connections/tolt/tolt.params.iml.json') as JsonObject[];
    const param = params.find((item) => item.name === 'base_url');
    expect(param).toMatchObject({ type: 'select', default: V2 });
    expect((param?.options as JsonObject[]).map((option) => option.value)).toEqual([V2, ...(tolt.baseUrlFallbacks ?? []).map((fallback) => fallback.url)]);
  });

  it('sends every module call to the chosen base, the documented one for a connection saved without a choice', () => {
    const base = json(app, 'general/base.iml.json') as JsonObject;
    expect(evaluateTemplate(base.baseUrl, { connection: { base_url: V1 } })).toBe(V1);
    expect(evaluateTemplate(base.baseUrl, { connection: {} })).toBe(V2);
  });

  it('tests the key at v2 and, on a 404 there, tells the user to choose API v1', async () => {
    const scope = nock('https://platform.tolt.com', { reqheaders: { authorization: 'Bearer tlt_key_1' } })
      .get('/v2/partners')
      .query({ limit: '1' })
      .reply(404, { success: false, message: 'Not found', code: 'not_found' });
    const result = await testConnection({ api_key: 'tlt_key_1', base_url: V2 });
    expect(scope.isDone()).toBe(true);
    expect(result.status).toBe(404);
    expect(result.error).toContain(`Tolt answered 404 at ${V2}`);
    expect(result.error).toContain('choose "API v1, api.tolt.com"');
  });

  it('tests the key at v1 when the connection chose it', async () => {
    const scope = nock('https://api.tolt.com', { reqheaders: { authorization: 'Bearer tlt_key_1' } })
      .get('/v1/partners')
      .query({ limit: '1' })
      .reply(200, { success: true, data: [], has_more: false });
    expect(await testConnection({ api_key: 'tlt_key_1', base_url: V1 })).toEqual({ status: 200 });
    expect(scope.isDone()).toBe(true);
  });

  it('keeps a fixed base and no such parameter on platforms without fallbacks', () => {
    for (const platform of PLATFORMS.filter((item) => (item.baseUrlFallbacks ?? []).length === 0)) {
      const generated = generateApp(platform);
      expect((json(generated, 'general/base.iml.json') as JsonObject).baseUrl).toBe(platform.baseUrl);
      expect((json(generated, `connections/${platform.id}/${platform.id}.params.iml.json`) as JsonObject[]).map((param) => param.name)).not.toContain('base_url');
    }
  });
});
