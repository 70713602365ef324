/**
 * The validation schema of the model format (zod). Structural checks live here; checks
 * that need the whole model (ids that must exist, row sums, share sums) live in
 * `validate.ts`.
 * @module
 */
import { z } from 'zod';

const id = z.string().min(1, 'expected a non-empty id').max(200, 'expected an id of at most 200 characters');
const nonNegative = z.number().min(0, 'expected a number >= 0');
const probability = z
  .number()
  .min(0, 'expected a probability in [0, 1]')
  .max(1, 'expected a probability in [0, 1]');
const rows = z.record(id, z.record(id, probability));

export const stateSchema = z.strictObject({
  id,
  kind: z.enum(['benefit', 'success', 'exit']),
  monthlyTransfer: nonNegative.optional(),
  label: z.string().optional(),
});

export const groupSchema = z.strictObject({
  id,
  size: z.number().int('expected a non-negative integer').min(0, 'expected a non-negative integer'),
  initialState: id,
  label: z.string().optional(),
});

export const interventionSchema = z.strictObject({
  id,
  monthlyCost: nonNegative.optional(),
  transitions: rows.optional(),
  label: z.string().optional(),
});

export const scenarioSchema = z.strictObject({
  id,
  allocation: z.record(id, z.record(id, z.number().min(0, 'expected a share in [0, 1]').max(1, 'expected a share in [0, 1]'))).optional(),
  label: z.string().optional(),
});

/** The zod schema of a whole model file. */
export const modelSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1, 'expected a non-empty name'),
  description: z.string().optional(),
  horizonMonths: z
    .number()
    .int('expected a positive integer number of months')
    .min(1, 'expected a positive integer number of months')
    .max(1200, 'expected at most 1200 months'),
  states: z.array(stateSchema).min(1, 'expected at least one state'),
  transitions: rows.optional(),
  groups: z.array(groupSchema).min(1, 'expected at least one group'),
  interventions: z.array(interventionSchema).optional(),
  scenarios: z.array(scenarioSchema).min(1, 'expected at least one scenario'),
});
