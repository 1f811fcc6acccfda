import 'fake-indexeddb/auto';
import { createClient, type RaayeClient, type Rating } from '@raaye/core';
import { type BoundFunctions, type queries, within } from '@testing-library/preact';
import { mount } from '../../src/mount';
import type { MountOptions, WidgetController } from '../../src/types';

let n = 0;

/** A client over fake IndexedDB whose transport records what would have been sent. */
export function testClient(namespace = `t${++n}_${Date.now() % 1e6}`): {
  client: RaayeClient;
  sent: Rating[];
  namespace: string;
} {
  const sent: Rating[] = [];
  const client = createClient({
    siteKey: 'pk_test',
    endpoint: 'https://collector.test',
    storage: 'indexeddb',
    namespace,
    locks: null,
    transport: async (batch) => {
      sent.push(...batch.ratings);
      return { status: 200, results: batch.ratings.map((r) => ({ id: r.id, status: 'accepted' })) };
    },
  });
  return { client, sent, namespace };
}

export interface Mounted {
  ctl: WidgetController;
  host: HTMLElement;
  /** Testing Library queries scoped to the shadow root's render container. */
  ui: BoundFunctions<typeof queries>;
  client: RaayeClient;
}

/** Mount with a test client; `thanksMs: 0` so thank-yous close at once. */
export function mountWidget(
  opts: Partial<MountOptions> = {},
  client = testClient().client,
): Mounted {
  const ctl = mount({ client, thanksMs: 0, ...opts });
  const hosts = document.querySelectorAll<HTMLElement>('[data-raaye]');
  const host = hosts[hosts.length - 1]!;
  const container = host.shadowRoot!.lastElementChild as HTMLElement;
  return { ctl, host, ui: within(container), client };
}
