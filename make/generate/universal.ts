/**
 * "Make an API Call": the universal module Make's reviewers expect, sending any request to the
 * platform's API with the connection's credentials (from the base). Our schemas type `headers`
 * and `qs` as objects, so the query goes in the URL and the module sends JSON only.
 */
import type { PlatformDefinition } from '../../platforms/types';
import type { AppFiles } from './app-files';

export const UNIVERSAL_MODULE = 'makeApiCall';

export function addUniversalModule(app: AppFiles, platform: PlatformDefinition, connection: string): string {
  app.add(
    'module',
    UNIVERSAL_MODULE,
    { label: 'Make an API Call', description: `Performs an arbitrary authorized call to the ${platform.name} API.`, moduleType: 'universal', connection },
    {
      communication: {
        url: '{{parameters.url}}',
        method: '{{parameters.method}}',
        body: '{{parameters.body}}',
        type: 'json',
        response: { output: { body: '{{body}}', headers: '{{headers}}', statusCode: '{{statusCode}}' } },
      },
      staticParams: [],
      mappableParams: [
        {
          name: 'url',
          label: 'URL',
          type: 'text',
          required: true,
          help: `A path relative to ${platform.baseUrl}, starting with "/", query string included, e.g. "/affiliates?page=1".`,
        },
        {
          name: 'method',
          label: 'Method',
          type: 'select',
          required: true,
          default: 'GET',
          options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ label: method, value: method })),
        },
        { name: 'body', label: 'Body', type: 'any', required: false, help: 'The JSON body, for POST, PUT and PATCH.' },
      ],
      interface: [
        { name: 'body', label: 'Body', type: 'any' },
        { name: 'headers', label: 'Headers', type: 'collection' },
        { name: 'statusCode', label: 'Status Code', type: 'number' },
      ],
    },
  );
  return UNIVERSAL_MODULE;
}
