/** Builds the OpenAPI 3.1 document of API v1 from the declared routes and their zod schemas. */
import { z } from 'zod';
import { ROUTES } from './endpoint';

const problem = {
  description: 'Problem details (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

/**
 * The OpenAPI document for every route declared through `endpoint()`.
 * @see https://spec.openapis.org/oas/v3.1.0
 */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const path = r.fullPath.replace(/:(\w+)/g, '{$1}');
    const params = [...r.fullPath.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = r.query ? Object.entries((jsonSchema(r.query, 'input') as { properties?: Record<string, unknown>; required?: string[] }).properties ?? {}) : [];
    const required = r.query ? ((jsonSchema(r.query, 'input') as { required?: string[] }).required ?? []) : [];
    const headers = Object.entries(r.headers ?? {}).map(([name, description]) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } }));
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security: r.auth === 'coach' || r.auth === undefined ? [{ bearer: [] }] : [],
      parameters: [...params, ...query.map(([name, schema]) => ({ name, in: 'query', required: required.includes(name), schema })), ...headers],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: r.response ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } } : { description: 'OK' },
        default: problem,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Coaching companion API', version: '1.0.0', description: 'API v1: sessions, agendas, agreements (WWW), conversation models, coachee links.' },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { in: { type: 'string' }, field: { type: 'string' }, pointer: { type: 'string' }, detail: { type: 'string' } } } },
          },
          required: ['type', 'title', 'status'],
        },
      },
    },
    paths,
  };
}
