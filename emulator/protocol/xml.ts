// Alibaba's XML: one element per field, arrays as repeated elements named after their key
// (`Backups: { Backup: [a, b] }` → `<Backups><Backup>a</Backup><Backup>b</Backup></Backups>`).

export function escapeXml(value: string): string {
  return value.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
  );
}

function element(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
  if (value !== null && typeof value === 'object')
    return `<${name}>${fields(value as Record<string, unknown>)}</${name}>`;
  if (value === undefined || value === null) return `<${name}/>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function fields(obj: Record<string, unknown>): string {
  return Object.entries(obj)
    .map(([k, v]) => element(k, v))
    .join('');
}

export function toXml(root: string, body: Record<string, unknown>): string {
  return `<?xml version='1.0' encoding='UTF-8'?>${element(root, body)}`;
}
