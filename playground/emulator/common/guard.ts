/**
 * The guard every emulated API puts around its routes: an admission check on each request
 * (authentication, rate limits), error bodies for whatever a route throws, and the answer for an
 * unknown path. The mechanism is shared; every status code, header and body is the vendor's,
 * supplied through {@link GuardRules}.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isClientError } from './request';

/** One HTTP answer: status, JSON body and any extra headers (e.g. `Retry-After`, `WWW-Authenticate`). */
export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A vendor's wording for each way a request can fail. */
export interface GuardRules {
  /** Runs before every route: undefined lets the request through, an {@link Answer} refuses it (401, 429…). */
  admit(request: FastifyRequest): Answer | undefined;
  /** The answer for an error the vendor's own code threw (its error classes), or undefined when it is not one. */
  ownError(error: unknown): Answer | undefined;
  /** The answer for one of fastify's own 4xx errors (an unparsable JSON body, a wrong content type); `message` is fastify's. */
  clientError(message: string): Answer;
  /** The answer for anything else a route threw (the vendor's 500). */
  serverError(): Answer;
  /** The answer for a path or method the vendor does not have. */
  notFound(request: FastifyRequest): Answer;
}

function send(reply: FastifyReply, answer: Answer): FastifyReply {
  return reply.code(answer.status).headers(answer.headers ?? {}).send(answer.body);
}

/**
 * Guards every route of `server`, which must be the vendor's own encapsulated plugin so that the
 * hook and handlers stay inside its prefix.
 */
export function installGuard(server: FastifyInstance, rules: GuardRules): void {
  server.addHook('onRequest', async (request, reply) => {
    const refusal = rules.admit(request);
    return refusal === undefined ? undefined : send(reply, refusal);
  });

  server.setErrorHandler((error: unknown, _request, reply) => {
    const clientError = isClientError(error) ? rules.clientError(error instanceof Error ? error.message : String(error)) : undefined;
    return send(reply, rules.ownError(error) ?? clientError ?? rules.serverError());
  });

  server.setNotFoundHandler((request, reply) => send(reply, rules.notFound(request)));
}
