import 'server-only';
import { cache } from 'react';

/** One "now" per request, so every age on a server-rendered page is measured from the same instant. */
export const requestTime = cache((): number => Date.now());
