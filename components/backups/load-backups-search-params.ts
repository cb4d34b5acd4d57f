import 'server-only';
import {
  createLoader,
  parseAsArrayOf,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from 'nuqs/server';
import { backupsSearchParsers } from './backups-search-params';

/** The server page's reader of the backups page's URL (the browser's is use-backups-search-params.ts). */
export const loadBackupsSearchParams = createLoader(
  backupsSearchParsers({ parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral }),
);
