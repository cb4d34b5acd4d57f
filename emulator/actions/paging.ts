import { apiErrors } from '../protocol/api-error';

const INT = /^\d+$/;
const INT32_MAX = 2_147_483_647;

export function parsePageNumber(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const n = Number(value);
  if (!INT.test(value) || n < 1 || n > INT32_MAX) throw apiErrors.invalidParameter('PageNumber');
  return n;
}

export function parsePageSize(
  value: string | undefined,
  fallback: number,
  accept: (n: number) => boolean,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!INT.test(value) || !accept(n)) throw apiErrors.invalidParameter('PageSize');
  return n;
}

export function parseId(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!INT.test(value)) throw apiErrors.invalidParameter(name);
  return String(Number(value)) === value ? value : String(BigInt(value));
}

export function page<T>(items: T[], pageNumber: number, pageSize: number): T[] {
  const start = (pageNumber - 1) * pageSize;
  return start >= items.length ? [] : items.slice(start, start + pageSize);
}
