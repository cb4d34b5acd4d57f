import type { RawRegion } from './types';

interface RegionDef {
  id: string;
  zh: string;
  en: string;
  endpoint: string;
  zones: string[];
}

const REGION_DEFS: RegionDef[] = [
  {
    id: 'cn-hangzhou',
    zh: '华东1（杭州）',
    en: 'China (Hangzhou)',
    endpoint: 'r-kvstore.aliyuncs.com',
    zones: ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'],
  },
  {
    id: 'cn-shanghai',
    zh: '华东2（上海）',
    en: 'China (Shanghai)',
    endpoint: 'r-kvstore.aliyuncs.com',
    zones: ['cn-shanghai-e', 'cn-shanghai-f', 'cn-shanghai-g'],
  },
  {
    id: 'cn-beijing',
    zh: '华北2（北京）',
    en: 'China (Beijing)',
    endpoint: 'r-kvstore.aliyuncs.com',
    zones: ['cn-beijing-g', 'cn-beijing-h'],
  },
  {
    id: 'ap-southeast-1',
    zh: '新加坡',
    en: 'Singapore',
    endpoint: 'r-kvstore.ap-southeast-1.aliyuncs.com',
    zones: ['ap-southeast-1a', 'ap-southeast-1b', 'ap-southeast-1c'],
  },
];

export function seedRegions(language: 'zh-CN' | 'en-US'): RawRegion[] {
  return REGION_DEFS.map((r) => ({
    RegionId: r.id,
    LocalName: language === 'en-US' ? r.en : r.zh,
    RegionEndpoint: r.endpoint,
    ZoneIds: r.zones.join(','),
    ZoneIdList: { ZoneId: [...r.zones] },
  }));
}
