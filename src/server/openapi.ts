/**
 * The OpenAPI 3.1 document, generated from the route table: the parameters come from
 * the same specs that validate requests, so the document cannot disagree with the
 * server about what a route accepts.
 */
import { VERSION } from '../core/version.js';
import { MAX_BODY_BYTES } from './body.js';
import { openApiParameters } from './params.js';
import type { Route } from './router.js';
import { componentSchemas, ref } from './schemas.js';

const errorResponse = (description: string): Record<string, unknown> => ({ description, content: { 'application/json': { schema: ref('Error') } } });

/** "/api/articles/:key" → "/api/articles/{key}" */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

function operationId(route: Route): string {
  const words = route.path.split('/').filter((s) => s !== '' && s !== 'api').map((s) => (s.startsWith(':') ? `by-${s.slice(1)}` : s));
  return [route.method.toLowerCase(), ...words].join('-').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

export function openApiDocument(routes: readonly Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, doc] of Object.entries(route.responses)) {
      responses[status] = { description: doc.description, content: { 'application/json': { schema: doc.schema } } };
    }
    const hasParams = Object.keys(route.query).length + Object.keys(route.pathParams).length > 0;
    if (hasParams || route.requestBody) responses['400'] ??= errorResponse('A parameter or the body is invalid; error.parameter names it');
    responses['500'] ??= errorResponse('Unexpected server error (details in the server log only)');
    responses['503'] ??= errorResponse('The store is locked by another process (E_STORE_BUSY); retry');
    const operation: Record<string, unknown> = {
      operationId: operationId(route),
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      parameters: [...openApiParameters(route.pathParams, 'path'), ...openApiParameters(route.query, 'query')],
      ...(route.requestBody
        ? { requestBody: { required: true, description: `${route.requestBody.description} (at most ${MAX_BODY_BYTES} bytes)`, content: { 'application/json': { schema: route.requestBody.schema } } } }
        : {}),
      responses,
    };
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsgraph API',
      version: VERSION,
      description:
        'Read the articles, events, quotes and actors of a newsgraph store, and add articles. Unknown query parameters are refused (400); an empty parameter counts as absent. Errors are {"error": {"code", "message", "parameter"?}}.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    paths,
    components: { schemas: componentSchemas },
  };
}
