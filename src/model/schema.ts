/**
 * The validation schema of the model format (zod). Structural checks live here; checks
 * that need the whole model (ids that must exist, row sums, share sums) live in
 * `validate.ts`.
 * @module
 */
import { z } from 'zod';
import { LIMITS } from './bounds.js';
import { MONTH_PATTERN } from './dates.js';

const id = z.string().min(1, 'expected a non-empty id').max(200, 'expected an id of at most 200 characters');
const nonNegative = z.number().min(0, 'expected a number >= 0');
const MONEY_MAX = `expected at most ${LIMITS.money.toLocaleString('en')} DKK`;
/** An amount of money, DKK: at most {@link LIMITS.money} so sums over citizens and months stay finite. */
const money = nonNegative.max(LIMITS.money, MONEY_MAX);
/** A count of citizens (a group size, an allocated count). */
const citizens = z
  .number()
  .int('expected a non-negative integer')
  .min(0, 'expected a non-negative integer')
  .max(LIMITS.citizens, `expected at most ${LIMITS.citizens.toLocaleString('en')} citizens`);
const caseload = z
  .number()
  .min(LIMITS.minCaseload, `expected a caseload of at least ${LIMITS.minCaseload} citizens per caseworker`)
  .max(
    LIMITS.maxCaseload,
    `expected a caseload of at most ${LIMITS.maxCaseload.toLocaleString('en')} citizens per caseworker`,
  );
const caseworkers = nonNegative.max(
  LIMITS.caseworkers,
  `expected at most ${LIMITS.caseworkers.toLocaleString('en')} caseworkers`,
);
const places = z
  .number()
  .int('expected a whole number of places')
  .min(0, 'expected places >= 0')
  .max(LIMITS.places, `expected at most ${LIMITS.places.toLocaleString('en')} places`);
const probability = z.number().min(0, 'expected a probability in [0, 1]').max(1, 'expected a probability in [0, 1]');
const rows = z.record(id, z.record(id, probability));

const positive = z.number().gt(0, 'expected a number > 0');
const share = z.number().min(0, 'expected a share in [0, 1]').max(1, 'expected a share in [0, 1]');
const months = z
  .number()
  .int('expected a whole number of months')
  .min(0, 'expected a whole number of months >= 0')
  .max(LIMITS.months, `expected at most ${LIMITS.months} months`);
const monthCount = z
  .number()
  .int('expected a whole number of months')
  .min(1, 'expected at least 1 month')
  .max(LIMITS.months, `expected at most ${LIMITS.months} months`);

export const stateSchema = z.strictObject({
  id,
  kind: z.enum(['benefit', 'success', 'exit']),
  monthlyTransfer: money.optional(),
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
  annualCostPerCaseworker: money,
  caseload,
  conversationsPerYear: nonNegative
    .max(
      LIMITS.conversationsPerYear,
      `expected at most ${LIMITS.conversationsPerYear.toLocaleString('en')} conversations a year`,
    )
    .optional(),
  costPerConversation: money.optional(),
});

const calibrationSchema = z.strictObject({
  completedShares: z.record(id, share),
  otherExit: id.optional(),
  meanMonths: z.number().min(1, 'expected a mean of at least 1 month').optional(),
  completion: z
    .strictObject({
      share: z.number().gt(0, 'expected a share in (0, 1)').lt(1, 'expected a share in (0, 1)'),
      withinMonths: monthCount,
    })
    .optional(),
  paidHours: z
    .strictObject({
      state: id,
      everShare: z.number().min(0, 'expected a share in [0, 1)').lt(1, 'expected a share in [0, 1)'),
      withinMonths: monthCount.optional(),
    })
    .optional(),
});

const durationSchema = z.strictObject({
  clock: z.enum(['state', 'benefit']),
  bands: z
    .array(
      z
        .number()
        .int('expected a whole number of months')
        .min(0, 'expected a whole number of months >= 0')
        .max(LIMITS.clockMonths, `expected at most ${LIMITS.clockMonths} months`),
    )
    .min(1, 'expected at least one band'),
  hazardRatios: z.record(id, z.array(nonNegative)),
});

const costSchema = z.strictObject({
  refusion: z
    .union([
      z.literal('dk-2016'),
      z.literal('none'),
      z.strictObject({
        fromWeek: z
          .array(
            z
              .number()
              .int('expected a whole week number')
              .min(1, 'expected week numbers >= 1')
              .max(LIMITS.weeks, `expected week numbers <= ${LIMITS.weeks}`),
          )
          .min(1),
        reimbursedShare: z.array(share).min(1),
      }),
    ])
    .optional(),
  discountRate: z.number().min(0, 'expected an annual rate >= 0').max(1, 'expected an annual rate <= 1').optional(),
  premiumPerPaidHoursMonth: money.optional(),
});

export const groupSchema = z.strictObject({
  id,
  size: citizens,
  initialState: id,
  label: z.string().optional(),
  priorBenefitMonths: months.optional(),
  initialDurationMonths: months.optional(),
  inflow: z
    .strictObject({
      perMonth: nonNegative.max(
        LIMITS.citizens,
        `expected at most ${LIMITS.citizens.toLocaleString('en')} citizens a month`,
      ),
      fromMonth: months.optional(),
      toMonth: months.optional(),
      priorBenefitMonths: months.optional(),
    })
    .optional(),
});

export const interventionSchema = z.strictObject({
  id,
  monthlyCost: money.optional(),
  transitions: rows.optional(),
  effects: z.record(z.string().min(1), z.record(z.string().min(1), effectSchema)).optional(),
  staffing: staffingSchema.optional(),
  capacity: z
    .strictObject({
      places: places.optional(),
      caseworkers: caseworkers.optional(),
      caseload: caseload.optional(),
      whenFull: z.enum(['queue', 'fallback']).optional(),
      fallback: id.optional(),
    })
    .optional(),
  label: z.string().optional(),
  source: z.string().optional(),
});

export const scenarioSchema = z.strictObject({
  id,
  allocation: z.record(id, z.record(id, z.union([share, z.strictObject({ count: citizens })]))).optional(),
  fixedMonthlyCost: money.optional(),
  targeting: z.enum(['random', 'ready-first']).optional(),
  steering: z
    .strictObject({
      intervention: id,
      groups: z.array(id).min(1, 'expected at least one group').optional(),
      otherwise: id.optional(),
      everyMonths: monthCount.optional(),
      maxStep: share.optional(),
      minShare: share.optional(),
      maxShare: share.optional(),
      budget: positive.max(LIMITS.money, MONEY_MAX).optional(),
      rules: z
        .array(
          z.strictObject({
            signal: z.enum(['freeCapacity', 'queue', 'exits', 'exitRate', 'spending', 'share']),
            above: z.number().optional(),
            below: z.number().optional(),
            change: z
              .number()
              .min(-1, 'expected a change of the share in [-1, 1]')
              .max(1, 'expected a change of the share in [-1, 1]'),
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
  from: z.union([
    z.string().regex(MONTH_PATTERN, 'expected a date YYYY-MM'),
    z
      .number()
      .int('expected a month index')
      .min(1, 'expected a month index >= 1')
      .max(LIMITS.months, `expected a month index <= ${LIMITS.months}`),
  ]),
  label: z.string().optional(),
  transitions: rows.optional(),
  states: z.record(id, z.strictObject({ monthlyTransfer: money.optional() })).optional(),
  interventions: z
    .record(
      id,
      z.strictObject({
        transitions: rows.optional(),
        effects: z.record(z.string().min(1), z.record(z.string().min(1), effectSchema)).optional(),
        monthlyCost: money.optional(),
        available: z.boolean().optional(),
        capacity: z
          .strictObject({
            places: places.optional(),
            caseworkers: caseworkers.optional(),
            caseload: caseload.optional(),
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
    .max(LIMITS.months, `expected at most ${LIMITS.months} months`),
  start: z.string().regex(MONTH_PATTERN, 'expected a date YYYY-MM or YYYY-MM-DD').optional(),
  states: z.array(stateSchema).min(1, 'expected at least one state'),
  transitions: rows.optional(),
  groups: z.array(groupSchema).min(1, 'expected at least one group'),
  interventions: z.array(interventionSchema).optional(),
  scenarios: z.array(scenarioSchema).min(1, 'expected at least one scenario'),
  calibration: z.record(id, calibrationSchema).optional(),
  calendar: z.array(calendarStepSchema).optional(),
  readiness: z
    .strictObject({
      classes: z
        .number()
        .int('expected a whole number of classes')
        .min(1, 'expected at least 1 class')
        .max(LIMITS.classes, `expected at most ${LIMITS.classes} classes`)
        .optional(),
      sigma: nonNegative.optional(),
      hazardRatios: z
        .array(nonNegative)
        .min(1, 'expected at least one hazard ratio')
        .max(LIMITS.classes, `expected at most ${LIMITS.classes} hazard ratios (one per class)`)
        .optional(),
    })
    .optional(),
  parameters: z.record(id, z.number()).optional(),
  duration: durationSchema.optional(),
  costs: costSchema.optional(),
});
