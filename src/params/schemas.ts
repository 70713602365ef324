/**
 * The zod schemas of the parameter distributions: the shape and per-field ranges of a
 * {@link Distribution} and a {@link JointDistribution}. Kept apart from the samplers so the
 * worker-thread bundle, which draws but never parses, does not load zod.
 * @module
 */
import { z } from 'zod';
import type { Distribution } from './distribution.js';
import type { JointDistribution } from './joint.js';

const positive = z.number().positive();
const info = { label: z.string().optional(), source: z.string().optional() };

/**
 * Zod schema of {@link Distribution}: the shape and per-field ranges (positive shapes and
 * spreads, finite numbers, no unknown keys). Relations between fields (min < max) are
 * checked by `checkDistribution`.
 */
export const distributionSchema: z.ZodType<Distribution> = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('beta'), alpha: positive, beta: positive, ...info }),
  z.strictObject({ dist: z.literal('gamma'), shape: positive, scale: positive, ...info }),
  z.strictObject({ dist: z.literal('lognormal'), mu: z.number(), sigma: positive, ...info }),
  z.strictObject({ dist: z.literal('normal'), mean: z.number(), sd: positive, ...info }),
  z.strictObject({ dist: z.literal('uniform'), min: z.number(), max: z.number(), ...info }),
  z.strictObject({ dist: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number(), ...info }),
]);

const names = z
  .array(z.string().min(1, 'expected a non-empty component name'))
  .min(1, 'expected at least one component');

/** Zod schema of {@link JointDistribution} (shapes and ranges; {@link checkJoint} checks the relations). */
export const jointDistributionSchema: z.ZodType<JointDistribution> = z.discriminatedUnion('dist', [
  z.strictObject({
    dist: z.literal('dirichlet'),
    components: names,
    alpha: z.array(z.number().gt(0, 'expected a concentration > 0')),
    ...info,
  }),
  z.strictObject({
    dist: z.literal('mvnormal'),
    components: names,
    mean: z.array(z.number()),
    covariance: z.array(z.array(z.number())),
    log: z.boolean().optional(),
    ...info,
  }),
]);
