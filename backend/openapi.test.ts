import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as wire from '../core/backendApi/wire';
import { startBackend, type BackendHarness } from './testing/backendHarness';

/**
 * Keeps openapi.yaml and wire.ts from drifting apart without a YAML dependency: blocks are
 * found by indentation, which is enough for the fields, required lists and enums compared here.
 */
const YAML = readFileSync(new URL('./openapi.yaml', import.meta.url), 'utf8').split('\n');

function block(path: readonly string[]): string[] {
  let [start, end, indent] = [0, YAML.length, -1];
  for (const key of path) {
    const at = YAML.slice(start, end).findIndex((line) => {
      const lineIndent = line.length - line.trimStart().length;
      return lineIndent > indent && (line.trimStart().startsWith(`${key}:`) || line.trimStart().startsWith(`'${key}':`));
    });
    if (at < 0) throw new Error(`openapi.yaml has no ${path.join(' → ')}`);
    start += at;
    indent = YAML[start]!.length - YAML[start]!.trimStart().length;
    const after = YAML.slice(start + 1, end).findIndex((l) => l.trim() !== '' && l.length - l.trimStart().length <= indent);
    end = after < 0 ? end : start + 1 + after;
  }
  return YAML.slice(start, end);
}

function listAfter(lines: string[], key: string): string[] {
  const match = lines.map((l) => new RegExp(`(?:^|[\\s{,])${key}: \\[([^\\]]*)\\]`).exec(l)).find((m) => m !== null);
  if (!match?.[1]) throw new Error(`no inline ${key} list`);
  return match[1].split(',').map((s) => s.trim());
}

const OBJECTS: Record<string, z.ZodObject> = {
  Workplace: wire.workplaceSchema,
  SessionRequest: wire.sessionRequestSchema,
  Operator: wire.operatorSchema,
  SessionResponse: wire.sessionResponseSchema,
  PersonRecord: wire.personRecordSchema,
  LegalEntityRecord: wire.legalEntityRecordSchema,
  RegistryAnswer: wire.registryAnswerSchema,
  PowerOfAttorneyRecord: wire.powerOfAttorneyRecordSchema,
  PowerOfAttorneyAnswer: wire.powerOfAttorneyAnswerSchema,
  RepresentativeRef: wire.representativeRefSchema,
  DocumentRef: wire.documentRefSchema,
  RegulationRef: wire.regulationRefSchema,
  AcceptingOperator: wire.acceptingOperatorSchema,
  OperatorSignature: wire.operatorSignatureSchema,
  ApplicationSubmission: wire.applicationSubmissionSchema,
  Registration: wire.registrationSchema,
  StatusEvent: wire.statusEventSchema,
  RefusalReason: wire.refusalReasonSchema,
  IssuedDecision: wire.providerDecisionSchema.options[0],
  RefusedDecision: wire.providerDecisionSchema.options[1],
  ResultDocumentRef: wire.resultDocumentRefSchema,
  ApplicationStatusView: wire.applicationStatusViewSchema,
  Problem: wire.problemSchema,
  Health: wire.healthSchema,
  Capabilities: wire.capabilitiesSchema,
  BackendLimits: wire.backendLimitsSchema,
};

const OPERATIONS = [
  ['post', '/v1/session', 'public'],
  ['get', '/v1/health', 'public'],
  ['get', '/v1/capabilities', 'public'],
  ['get', '/v1/registry/persons/{iin}', 'bearer'],
  ['get', '/v1/registry/legal-entities/{bin}', 'bearer'],
  ['get', '/v1/notary/powers-of-attorney/{number}', 'bearer'],
  ['head', '/v1/blobs/{sha256}', 'bearer'],
  ['put', '/v1/blobs/{sha256}', 'bearer'],
  ['post', '/v1/applications', 'bearer'],
  ['get', '/v1/applications/{applicationId}', 'bearer'],
  ['get', '/v1/applications/{applicationId}/result', 'bearer'],
  ['get', '/v1/pki/crl', 'public'],
  ['get', '/v1/pki/crls', 'public'],
] as const;

describe('openapi.yaml matches core/backendApi/wire.ts', () => {
  it.each(Object.entries(OBJECTS))('%s has exactly the wire fields, required unless optional or defaulted on the wire', (name, schema) => {
    const lines = block(['components', 'schemas', name]);
    const fields = Object.keys(schema.shape).sort();
    // A field whose schema accepts `undefined` (zod optional or default) may be left out of a body.
    const optional = fields.filter((field) => schema.shape[field]?.safeParse(undefined).success);
    expect(listAfter(lines, 'required').sort()).toEqual(fields.filter((field) => !optional.includes(field)));
    for (const field of fields) expect(block(['components', 'schemas', name, 'properties', field]).length).toBeGreaterThan(0);
    // The spec names the default exactly where the wire schema has one.
    for (const field of optional) {
      const documented = block(['components', 'schemas', name, 'properties', field]).join('\n');
      if (schema.shape[field] instanceof z.ZodDefault) expect(documented, field).toMatch(/default: /);
      else expect(documented, field).not.toMatch(/default: /);
    }
  });

  it('has the wire enums', () => {
    const enumOf = (path: string[]) => listAfter(block(path), 'enum');
    expect(enumOf(['components', 'schemas', 'OperatorRole'])).toEqual(wire.operatorRoleSchema.options);
    expect(enumOf(['components', 'schemas', 'ApplicationSubtype'])).toEqual(wire.applicationSubtypeSchema.options);
    expect(enumOf(['components', 'schemas', 'ApplicationStatus'])).toEqual(wire.applicationStatusSchema.options);
    expect(enumOf(['components', 'schemas', 'IssuedDecision', 'properties', 'document'])).toEqual(
      wire.providerDecisionSchema.options[0].shape.document.options,
    );
    expect(enumOf(['components', 'schemas', 'DocumentRef', 'properties', 'mediaType'])).toEqual(
      wire.documentRefSchema.shape.mediaType.options,
    );
    expect(enumOf(['components', 'schemas', 'PersonRecord', 'properties', 'status'])).toEqual(wire.personRecordSchema.shape.status.options);
    expect(enumOf(['components', 'schemas', 'LegalEntityRecord', 'properties', 'status'])).toEqual(
      wire.legalEntityRecordSchema.shape.status.options,
    );
    expect(enumOf(['components', 'schemas', 'PowerOfAttorneyRecord', 'properties', 'status'])).toEqual(
      wire.powerOfAttorneyRecordSchema.shape.status.options,
    );
  });

  it('documents the PoA number format the server enforces (pattern and length agree with wire.ts)', () => {
    const lines = block(['components', 'schemas', 'PowerOfAttorneyNumber']).join('\n');
    const pattern = /pattern: '([^']+)'/.exec(lines)?.[1];
    const maxLength = Number(/maxLength: (\d+)/.exec(lines)?.[1]);
    expect(pattern).toBeDefined();
    const documented = (value: string) => new RegExp(pattern ?? '(?!)').test(value) && value.length >= 1 && value.length <= maxLength;
    const samples = ['2026-НТ-000123', '2026-ҚН-000124', 'NT-2026-000201', '12/345', 'ӘҒҚҢӨҰҮҺІәғқңөұүһі', 'x'.repeat(40), 'x'.repeat(41),
      '', 'a b', '2026_НТ', 'Ёлка', '№123', 'abc.def', '<script>', '%2F'];
    for (const sample of samples) expect(documented(sample), sample).toBe(wire.powerOfAttorneyNumberSchema.safeParse(sample).success);
  });

  it('lists every problem code', () => {
    const problem = block(['components', 'schemas', 'Problem']).join('\n');
    for (const code of Object.values(wire.PROBLEM_CODES)) expect(problem).toContain(code);
  });

  it.each(OPERATIONS)('documents %s %s (%s) with problem answers', (method, path, auth) => {
    const operation = block(['paths', path, method]);
    expect(operation.some((l) => l.trim() === 'security: []')).toBe(auth === 'public');
    if (auth === 'bearer') expect(operation.join('\n')).toContain("'401'");
  });

  it('documents both provider decisions by their wire discriminator and what each endpoint answers', () => {
    const decision = block(['components', 'schemas', 'ProviderDecision']).join('\n');
    expect(decision).toContain('propertyName: outcome');
    expect(block(['components', 'schemas', 'IssuedDecision', 'properties', 'outcome']).join('\n')).toContain(`const: ${wire.providerDecisionSchema.options[0].shape.outcome.value}`);
    expect(block(['components', 'schemas', 'RefusedDecision', 'properties', 'outcome']).join('\n')).toContain(`const: ${wire.providerDecisionSchema.options[1].shape.outcome.value}`);
    expect(block(['paths', '/v1/applications/{applicationId}', 'get', 'responses', "'200'"]).join('\n')).toContain('#/components/schemas/ApplicationStatusView');
    const result = block(['paths', '/v1/applications/{applicationId}/result', 'get']).join('\n');
    expect(result).toContain('application/pdf:');
    expect(result).toContain("'404'");
    // The POST still answers the plain registration.
    expect(block(['paths', '/v1/applications', 'post', 'responses', "'201'"]).join('\n')).toContain('#/components/schemas/Registration');
  });

  it('requires the Idempotency-Key header on submissions', () => {
    expect(block(['paths', '/v1/applications', 'post']).join('\n')).toContain('#/components/parameters/IdempotencyKey');
    expect(block(['components', 'parameters', 'IdempotencyKey']).join('\n')).toMatch(/required: true/);
  });
});

describe('the server serves every documented operation', () => {
  let backend: BackendHarness;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(() => backend.close());

  it.each(OPERATIONS)('%s %s', async (method, path, auth) => {
    const concrete = path.replace('{iin}', '850101399014').replace('{bin}', '150340999016').replace(/\{\w+\}/, 'a'.repeat(64));
    const answer = await backend.request(method.toUpperCase(), concrete, method === 'post' ? { json: {} } : {});
    // Unauthenticated: protected routes must answer 401 (so the route exists), public ones not 404.
    if (auth === 'bearer') expect(answer.status).toBe(401);
    else expect(answer.status).not.toBe(404);
  });
});
