/**
 * The service catalog as data (resources/catalog/services.json), validated at load.
 * One entry per regulation in ../shared/seeds; the 2012 and 2014 versions of the same
 * activity are separate entries sharing an `activityId`.
 */
import { z } from 'zod';
import { applicationSubtypeSchema } from '../backendApi/wire';
import type { WorkflowProfileId } from '../workflow/workflowProfiles';

export const localizedTextSchema = z.object({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const registryKindSchema = z.enum(['individuals', 'legal-entities', 'notary-poa']);
export type RegistryKind = z.infer<typeof registryKindSchema>;

export const applicantKindSchema = z.enum(['individual', 'legal-entity']);
export type ApplicantKind = z.infer<typeof applicantKindSchema>;

export const serviceSubtypeSchema = z.object({
  id: applicationSubtypeSchema,
  /** Working days to the result; null where the seed states none. */
  deadlineWorkingDays: z.number().int().positive().nullable(),
  /** The seed's own words for the deadline, quoted. */
  deadlineQuoteKk: z.string().nullable(),
});

/** A norm time from a regulation's action table, as printed and in seconds (a single figure has min = max). */
export const normDurationSchema = z.object({
  minSeconds: z.number().positive(),
  maxSeconds: z.number().positive(),
  /** The seed's words, e.g. «30 сек – 1 мин.». */
  quoteKk: z.string().min(1),
});
export type NormDuration = z.infer<typeof normDurationSchema>;

/** Norm times per Diagram No. 2 step (regulations.md §3.2); null where the regulation gives none. */
export const stepNormsSchema = z.object({
  login: normDurationSchema.nullable(),
  service: normDurationSchema.nullable(),
  lookup: normDurationSchema.nullable(),
  dataUnavailable: normDurationSchema.nullable(),
  documents: normDurationSchema.nullable(),
  send: normDurationSchema.nullable(),
});
export type StepNorms = z.infer<typeof stepNormsSchema>;

/** The quality questionnaire (regulations.md §5): two questions with three answers each, in the service's own wording. */
export const questionnaireSchema = z.object({
  questions: z
    .array(z.object({ id: z.enum(['quality', 'accessibility']), text: localizedTextSchema, answers: z.array(localizedTextSchema).length(3) }))
    .length(2),
  /** Where the wording comes from, e.g. "000_…txt, 1-қосымша, 2-қосымша". */
  source: z.string().min(1),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export const catalogEntrySchema = z.object({
  id: z.string().regex(/^[0-9]{3}-[a-z0-9-]+$/),
  activityId: z.string().regex(/^[a-z0-9-]+$/),
  year: z.number().int().min(2012).max(2014),
  source: z.object({
    seedFile: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
    /** Annex ("1-қосымша") or item ("1)") of the act; null where the act has a single regulation. */
    annex: z.string().nullable(),
  }),
  /** Title exactly as in the seed (Kazakh), and translations. */
  title: localizedTextSchema,
  provider: localizedTextSchema,
  performer: z.enum(['psc-operator', 'provider-employee']),
  /** Which Diagram No. 2 variant applies (core/workflow/workflowProfiles.ts). */
  workflowProfile: z.enum(['psc-2012', 'psc-2014', 'provider'] satisfies readonly WorkflowProfileId[]),
  channels: z.array(z.enum(['psc', 'portal', 'provider'])).min(1),
  subtypes: z.array(serviceSubtypeSchema).length(3),
  /** Whether the day of acceptance counts towards the deadline; null where the seed is silent. */
  acceptanceDayCounts: z.boolean().nullable(),
  operatorEdsRequired: z.boolean(),
  registries: z.array(registryKindSchema).min(1),
  applicantKinds: z.array(applicantKindSchema).min(1),
  /** Norm times of the Diagram No. 2 action table (regulations.md §3.2); every step null where the regulation prints none ([14]). */
  stepNorms: stepNormsSchema,
  /** [14] W0/W9: «сұрауын өңдеу ұзақтығы – 15 минут», «нәтижесін алудың ұзақтығы – 15 минут». */
  counterLimits: z.object({ requestProcessingMinutes: z.number().int().positive().nullable(), resultHandoverMinutes: z.number().int().positive().nullable() }),
  /** Null where the regulation has no questionnaire ([14]). */
  questionnaire: questionnaireSchema.nullable(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

export const catalogSchema = z.object({
  version: z.literal(1),
  services: z.array(catalogEntrySchema).min(1),
}).superRefine((catalog, ctx) => {
  const seen = new Set<string>();
  for (const [i, s] of catalog.services.entries()) {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `duplicate id ${s.id}` });
    seen.add(s.id);
    for (const [step, norm] of Object.entries(s.stepNorms)) {
      if (norm !== null && norm.minSeconds > norm.maxSeconds) {
        ctx.addIssue({ code: 'custom', path: ['services', i, 'stepNorms', step], message: `${s.id}: ${step} minSeconds > maxSeconds` });
      }
    }
  }
});
export type Catalog = z.infer<typeof catalogSchema>;
