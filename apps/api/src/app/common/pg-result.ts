/**
 * Rows of `manager.query(...)`: TypeORM answers an UPDATE or DELETE with `[rows, rowCount]` and
 * anything else with the rows alone.
 */
export function rowsOf<T>(raw: unknown): T[] {
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') {
    return raw[0] as T[];
  }
  return raw as T[];
}
