import { clsx, type ClassValue } from 'clsx';

/** Joins class names; no tailwind-merge, so callers avoid conflicting utilities. */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
