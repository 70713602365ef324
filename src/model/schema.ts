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

const positive = z.number().gt(0, 'expected a number > 0');
const share = z.number().min(0, 'expected a share in [0, 1]').max(1, 'expected a share in [0, 1]');
const months = z.number().int('expected a whole number of months').min(0, 'expected a whole number of months >= 0');

export const stateSchema = z.strictObject({
  id,
  kind: z.enum(['benefit', 'success', 'exit']),
  monthlyTransfer: nonNegative.optional(),
  label: z.string().optional(),
  paidHours: z.boolean().optional(),
  reimbursed: z.boolean().optional(),
});

const effectSchema = z.strictObject({
  hazardRatio: nonNegative.optional(),
  oddsRatio: nonNegative.optional(),
  riskRatio: nonNegative.optional(),
});

const staffingSchema = z.strictObject({
  annualCostPerCaseworker: nonNegative,
  caseload: positive,
  conversationsPerYear: nonNegative.optional(),
  costPerConversation: nonNegative.optional(),
});

const calibrationSchema = z.strictObject({
  completedShares: z.record(id, share),
  otherExit: id.optional(),
  meanMonths: z.number().min(1, 'expected a mean of at least 1 month').optional(),
  completion: z.strictObject({ share: z.number().gt(0, 'expected a share in (0, 1)').lt(1, 'expected a share in (0, 1)'), withinMonths: z.number().int().min(1, 'expected at least 1 month') }).optional(),
  paidHours: z.strictObject({ state: id, everShare: z.number().min(0, 'expected a share in [0, 1)').lt(1, 'expected a share in [0, 1)'), withinMonths: z.number().int().min(1, 'expected at least 1 month').optional() }).optional(),
});

const durationSchema = z.strictObject({
  clock: z.enum(['state', 'benefit']),
  bands: z.array(months).min(1, 'expected at least one band'),
  hazardRatios: z.record(id, z.array(nonNegative)),
});

const costSchema = z.strictObject({
  refusion: z.union([z.literal('dk-2016'), z.literal('none'), z.strictObject({ fromWeek: z.array(z.number().int().min(1, 'expected week numbers >= 1')).min(1), reimbursedShare: z.array(share).min(1) })]).optional(),
  discountRate: z.number().min(0, 'expected an annual rate >= 0').max(1, 'expected an annual rate <= 1').optional(),
  premiumPerPaidHoursMonth: nonNegative.optional(),
});

export const groupSchema = z.strictObject({
  id,
  size: z.number().int('expected a non-negative integer').min(0, 'expected a non-negative integer'),
  initialState: id,
  label: z.string().optional(),
  priorBenefitMonths: months.optional(),
  initialDurationMonths: months.optional(),
  inflow: z
    .strictObject({
      perMonth: nonNegative,
      fromMonth: months.optional(),
      toMonth: months.optional(),
      priorBenefitMonths: months.optional(),
    })
    .optional(),
});

export const interventionSchema = z.strictObject({
  id,
  monthlyCost: nonNegative.optional(),
  transitions: rows.optional(),
  effects: z.record(z.string().min(1), z.record(z.string().min(1), effectSchema)).optional(),
  staffing: staffingSchema.optional(),
  capacity: z
    .strictObject({
      places: z.number().int('expected a whole number of places').min(0, 'expected places >= 0').optional(),
      caseworkers: nonNegative.optional(),
      caseload: positive.optional(),
      whenFull: z.enum(['queue', 'fallback']).optional(),
      fallback: id.optional(),
    })
    .optional(),
  label: z.string().optional(),
  source: z.string().optional(),
});

export const scenarioSchema = z.strictObject({
  id,
  allocation: z.record(id, z.record(id, z.union([share, z.strictObject({ count: z.number().int('expected a non-negative integer count').min(0, 'expected a non-negative integer count') })]))).optional(),
  fixedMonthlyCost: nonNegative.optional(),
  targeting: z.enum(['random', 'ready-first']).optional(),
  steering: z
    .strictObject({
      intervention: id,
      groups: z.array(id).min(1, 'expected at least one group').optional(),
      otherwise: id.optional(),
      everyMonths: z.number().int('expected a whole number of months').min(1, 'expected at least 1 month').optional(),
      maxStep: share.optional(),
      minShare: share.optional(),
      maxShare: share.optional(),
      budget: positive.optional(),
      rules: z
        .array(
          z.strictObject({
            signal: z.enum(['freeCapacity', 'queue', 'exits', 'exitRate', 'spending', 'share']),
            above: z.number().optional(),
            below: z.number().optional(),
            change: z.number().min(-1, 'expected a change of the share in [-1, 1]').max(1, 'expected a change of the share in [-1, 1]'),
          }),
        )
        .optional(),
      custom: id.optional(),
    })
    .optional(),
  label: z.string().optional(),
  source: z.string().optional(),
});

const calendarStepSchema = z.strictObject({
  from: z.union([z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, 'expected a date YYYY-MM'), z.number().int('expected a month index').min(1, 'expected a month index >= 1')]),
  label: z.string().optional(),
  transitions: rows.optional(),
  states: z.record(id, z.strictObject({ monthlyTransfer: nonNegative.optional() })).optional(),
  interventions: z
    .record(
      id,
      z.strictObject({
        transitions: rows.optional(),
        effects: z.record(z.string().min(1), z.record(z.string().min(1), effectSchema)).optional(),
        monthlyCost: nonNegative.optional(),
        available: z.boolean().optional(),
        capacity: z
          .strictObject({
            places: z.number().int('expected a whole number of places').min(0, 'expected places >= 0').optional(),
            caseworkers: nonNegative.optional(),
            caseload: positive.optional(),
          })
          .optional(),
      }),
    )
    .optional(),
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
  start: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, 'expected a date YYYY-MM or YYYY-MM-DD').optional(),
  states: z.array(stateSchema).min(1, 'expected at least one state'),
  transitions: rows.optional(),
  groups: z.array(groupSchema).min(1, 'expected at least one group'),
  interventions: z.array(interventionSchema).optional(),
  scenarios: z.array(scenarioSchema).min(1, 'expected at least one scenario'),
  calibration: z.record(id, calibrationSchema).optional(),
  calendar: z.array(calendarStepSchema).optional(),
  readiness: z
    .strictObject({
      classes: z.number().int('expected a whole number of classes').min(1, 'expected at least 1 class').max(100, 'expected at most 100 classes').optional(),
      sigma: nonNegative.optional(),
      hazardRatios: z.array(nonNegative).min(1, 'expected at least one hazard ratio').optional(),
    })
    .optional(),
  parameters: z.record(id, z.number()).optional(),
  duration: durationSchema.optional(),
  costs: costSchema.optional(),
});
