import { isCalendarDate } from '@tracker/schedule';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A real calendar day written yyyy-MM-dd (2026-02-30 and timestamps are refused). */
export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a calendar date written yyyy-MM-dd, e.g. 2026-03-31`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
  };
}
