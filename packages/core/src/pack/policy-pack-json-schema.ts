import { z } from 'zod';
import { durationSchema } from '../duration';
import { bilingualSchema } from '../vocabulary';
import { notificationTemplateSchema } from './notification-templates-schema';
import { overridePatchSchema } from './override-patch-schema';
import { localDateSchema } from './rule-validity';
import {
  categorySchema,
  conditionSchema,
  datedDeadlinesSchema,
  escalationLevelSchema,
  evidenceRequirementSchema,
  packMigrationSchema,
  policyPackSchema,
  seasonSchema,
  severityRuleSchema,
  siteOverrideSchema,
} from './schema';

/** Named definitions, so an editor shows `Duration` rather than the same union forty times. */
const names = z.registry<{ id: string }>();
names.add(durationSchema, { id: 'Duration' });
names.add(bilingualSchema, { id: 'Bilingual' });
names.add(evidenceRequirementSchema, { id: 'EvidenceRequirement' });
names.add(categorySchema, { id: 'Category' });
names.add(conditionSchema, { id: 'Condition' });
names.add(severityRuleSchema, { id: 'SeverityRule' });
names.add(escalationLevelSchema, { id: 'EscalationLevel' });
names.add(seasonSchema, { id: 'Season' });
names.add(localDateSchema, { id: 'LocalDate' });
names.add(datedDeadlinesSchema, { id: 'DatedDeadlines' });
names.add(packMigrationSchema, { id: 'PackMigration' });
names.add(notificationTemplateSchema, { id: 'NotificationTemplate' });

/** The pack schema with each override's `patch` described field by field (zod checks it in `checkOverrides`). */
const siteOverrideForAuthors = siteOverrideSchema.extend({ patch: overridePatchSchema });
names.add(siteOverrideForAuthors, { id: 'SiteOverride' });
const packForAuthors = policyPackSchema.extend({ overrides: z.array(siteOverrideForAuthors).default([]) });

let cached: string | undefined;

/**
 * The pack schema as JSON Schema (draft 2020-12), for authors who write packs as JSON or
 * YAML: point `$schema` at a copy of it and an editor completes and checks fields as you
 * type. It describes what an author writes (`io: 'input'`, defaults optional). It is the
 * shape only: the cross-field rules (references, ladder order, dates) need
 * `validatePolicyPack`, which is what hazardflow runs. Where zod's output would be
 * looser than the schema it comes from, it is tightened here: an override's `patch` is
 * described field by field (as `overridePatchSchema`), and refinements that demand at least one field (a rule's
 * outcome, an override's match) become `minProperties: 1`. A fresh object on every call.
 */
export function policyPackJsonSchema(): Record<string, unknown> {
  cached ??= JSON.stringify(build());
  return JSON.parse(cached) as Record<string, unknown>;
}

function build(): Record<string, unknown> {
  const outcome = severityRuleSchema.options[0].shape.outcome;
  return z.toJSONSchema(packForAuthors, {
    io: 'input',
    metadata: names,
    override: ({ zodSchema, jsonSchema }) => {
      const target = jsonSchema as Record<string, unknown>;
      if (zodSchema === packForAuthors) {
        target.title = 'hazardflow policy pack';
        target.description = 'A policy pack for @hazardflow/core; see docs/policy-packs.md.';
      }
      if (zodSchema === outcome || zodSchema === siteOverrideSchema.shape.match) target.minProperties = 1;
    },
  }) as Record<string, unknown>;
}
