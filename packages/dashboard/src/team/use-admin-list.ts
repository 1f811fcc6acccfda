import { useEffect, useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api } from '../api/client';

type Lists = { [K in keyof Api]: Api[K] extends () => Promise<unknown[]> ? K : never }[keyof Api];

/**
 * A list an owner manages (members, tokens): loaded once per api, and again after each change
 * made through `guard`, which turns a refusal into the message the panel shows (the collector's
 * reason, else `failed`).
 */
export function useAdminList<K extends Lists>(api: Api, list: K, failed: string) {
  type Item = Awaited<ReturnType<Api[K]>>[number];
  const [items, setItems] = useState<Item[]>([]);
  const [error, setError] = useState('');
  const reload = () => (api[list]() as Promise<Item[]>).then(setItems, () => {});
  useEffect(() => void reload(), [api]);

  const guard = async (work: () => Promise<void>) => {
    setError('');
    try {
      await work();
      await reload();
    } catch (e) {
      setError(isApiError(e) ? e.message : failed);
    }
  };
  return { items, error, guard };
}
