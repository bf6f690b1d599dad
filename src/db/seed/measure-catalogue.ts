import { DEFAULT_MEASURE_KINDS } from '../../domain/measures/catalogue.ts';
import type { Queryable } from '../open-db.ts';
import { measureKinds } from '../schema.ts';

/**
 * The default measure kinds, inserted at every start-up when missing (by code):
 * an administrator's later changes, or a deactivated kind, stay as they are.
 * Several instances starting at once are fine: a code already there is skipped.
 */
export async function ensureMeasureCatalogue(q: Queryable): Promise<void> {
  await q
    .insert(measureKinds)
    .values(DEFAULT_MEASURE_KINDS.map((k) => ({ ...k })))
    .onConflictDoNothing({ target: measureKinds.code });
}
