import { apiErrors } from '../protocol/api-error';
import type { ActionHandler } from './action-context';

export const describeRegions: ActionHandler = ({ params, dataset }) => {
  const language = params.AcceptLanguage || 'zh-CN';
  if (language !== 'zh-CN' && language !== 'en-US') throw apiErrors.invalidParameter('AcceptLanguage');
  return { RegionIds: { KVStoreRegion: dataset.regionsIn(language) } };
};
