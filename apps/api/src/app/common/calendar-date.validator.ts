import { isCalendarDate } from '@tracker/schedule';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** The days the tracker accepts: a plan's dates, not typing slips such as 0001-01-01 or 9999-12-31. */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2100-12-31';

/**
 * A real calendar day written yyyy-MM-dd from FIRST_DAY to LAST_DAY (2026-02-30, timestamps and
 * years such as 1 or 9999 are refused).
 */
export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { ...options },
      validator: {
        validate: (value: unknown) => isCalendarDate(value) && value >= FIRST_DAY && value <= LAST_DAY,
        defaultMessage: (args) =>
          isCalendarDate(args?.value)
            ? `${String(propertyName)} must be a day from ${FIRST_DAY} to ${LAST_DAY}, got ${String(args?.value)}`
            : `${String(propertyName)} must be a calendar date written yyyy-MM-dd, e.g. 2026-03-31`,
      },
    });
  };
}
