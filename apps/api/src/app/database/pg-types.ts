import { types } from 'pg';

/** OID of Postgres's `date` type. */
const DATE_OID = 1082;

/**
 * Keep `date` values as the `yyyy-MM-dd` text Postgres sends: the default parser turns them into
 * a local-midnight Date, which shifts the day as soon as it is serialised in another time zone.
 */
export function keepCalendarDatesAsText(): void {
  types.setTypeParser(DATE_OID, (value: string) => value);
}
