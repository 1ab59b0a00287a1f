/**
 * "Make an API call": the universal module Make's review expects, in Make's standard form: the URL
 * after the API version (the base adds `baseUrl` and the credentials), the method, headers and
 * query string as key/value lists (spread into the request with `{{...}}` and `toCollection`), and
 * a JSON body; it outputs the body, headers and status code.
 */
import type { PlatformDefinition } from '../../platforms/types';
import type { AppFiles } from './app-files';

export const UNIVERSAL_MODULE = 'makeApiCall';

/** Make's standard description of the universal module. */
export const UNIVERSAL_DESCRIPTION = 'Performs an arbitrary authorized API call.';

const KEY_VALUE_SPEC = [
  { name: 'key', label: 'Key', type: 'text' },
  { name: 'value', label: 'Value', type: 'text' },
];

/**
 * A path this platform's API serves, for the URL help: its connection test, else its first list,
 * without the query (placeholders written `{name}`), e.g. `/company/promoters` for FirstPromoter.
 */
export function examplePath(platform: PlatformDefinition): string {
  const request = platform.connectionTest ?? Object.values(platform.lists).find((list) => list !== undefined)?.request;
  if (request === undefined) return '/';
  const path = request.path.split('?')[0].replace(/\{\{\s*([\w.]+)[^}]*\}\}/g, '{$1}');
  return path.startsWith('/') ? path : `/${path}`;
}

/** Adds the universal module; returns its name. */
export function addUniversalModule(app: AppFiles, platform: PlatformDefinition, connection: string): string {
  app.add(
    'module',
    UNIVERSAL_MODULE,
    { label: 'Make an API call', description: UNIVERSAL_DESCRIPTION, moduleType: 'universal', connection },
    {
      communication: {
        url: '{{parameters.url}}',
        method: '{{parameters.method}}',
        headers: { '{{...}}': "{{toCollection(parameters.headers, 'key', 'value')}}" },
        qs: { '{{...}}': "{{toCollection(parameters.qs, 'key', 'value')}}" },
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
          help: `Enter a path relative to \`${platform.baseUrl}\`. For example: \`${examplePath(platform)}\`.`,
        },
        {
          name: 'method',
          label: 'Method',
          type: 'select',
          required: true,
          default: 'GET',
          options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ label: method, value: method })),
        },
        { name: 'headers', label: 'Headers', type: 'array', spec: KEY_VALUE_SPEC, help: 'You don\'t have to add authorization headers; we already did that for you.' },
        { name: 'qs', label: 'Query string', type: 'array', spec: KEY_VALUE_SPEC },
        { name: 'body', label: 'Body', type: 'any', help: 'The JSON body, for POST, PUT and PATCH.' },
      ],
      interface: [
        { name: 'body', label: 'Body', type: 'any' },
        { name: 'headers', label: 'Headers', type: 'collection' },
        { name: 'statusCode', label: 'Status code', type: 'number' },
      ],
    },
  );
  return UNIVERSAL_MODULE;
}
