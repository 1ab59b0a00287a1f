/**
 * One platform's row in the error table (test/reliability/error-table.test.ts): each registered
 * platform with an API has `workshops/<id>/error-case.ts` exporting `errorCase`.
 */

/** An action that names an id, the request it makes, and how the vendor words an error. */
export interface ErrorCase {
  name: string;
  authData: Record<string, string>;
  action: string;
  inputData: Record<string, unknown>;
  origin: string;
  method: 'post' | 'patch' | 'put';
  path: string;
  /** The vendor's error body carrying `message` (shapes from each vendor's documents, or inferred). */
  errorBody: (message: string) => Record<string, unknown>;
}

/** The error case of a platform. @throws Error naming the file when the platform has none */
export function errorCaseOf(id: string): ErrorCase {
  const module = require(`../../workshops/${id}/error-case`) as { errorCase?: ErrorCase };
  if (!module.errorCase) throw new Error(`workshops/${id}/error-case.ts exports no \`errorCase\`.`);
  return module.errorCase;
}
