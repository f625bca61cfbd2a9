/** What the buyer pages ask the hub. Same origin: the hub serves these pages. */
export interface HubHealth {
  status: 'ok';
  version: string;
  schemaVersion: string;
  brand: string | null;
  uptimeSeconds: number;
}

export async function fetchHealth(signal?: AbortSignal): Promise<HubHealth> {
  const response = await fetch('/api/health', {
    headers: { accept: 'application/json' },
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw new Error(`The hub answered ${response.status}`);
  return (await response.json()) as HubHealth;
}
