import { mount } from '@raaye/widget';
import { href, startRouter } from './router';

// The collector: VITE_RAAYE_ENDPOINT at build time, else this page's origin (see vite.config.ts).
const endpoint = import.meta.env.VITE_RAAYE_ENDPOINT ?? location.origin;
const siteKey = import.meta.env.VITE_RAAYE_SITE_KEY ?? 'pk_demo';

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  attrs: Record<string, string> = {},
) => {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
};

const orders = ['1041', '1042', '1043'];

startRouter(document.getElementById('view')!, [
  [
    /^\/$/,
    (root) => {
      root.append(el('h1', 'Your orders'));
      const list = el('ul', '');
      for (const id of orders) {
        const item = el('li', '');
        item.append(el('a', `Order #${id}`, { href: href(`/orders/${id}`), 'data-link': '' }));
        list.append(item);
      }
      root.append(list);
      return undefined;
    },
  ],
  [
    /^\/orders\/(?<id>\w+)$/,
    (root, { id }) => {
      root.append(el('h1', `Order #${id}`), el('p', 'Your rider is on the way…', { id: 'status' }));
      root.append(el('a', 'Back to orders', { href: href('/'), 'data-link': '' }));
      // One widget per view: mounted when the view renders, destroyed when the route changes.
      const widget = mount({ siteKey, endpoint });
      const delivered = setTimeout(() => {
        root.querySelector('#status')!.textContent = 'Delivered. Enjoy your meal!';
        void widget
          .ask({
            interactionId: `order-${id}`,
            interactionType: 'delivery',
            title: `How was your delivery of order #${id}?`,
            tags: { low: ['Late', 'Cold food', 'Missing item'], high: ['Fast', 'Friendly rider'] },
          })
          .then((result) => document.body.setAttribute('data-last-result', result.status));
      }, 300);
      return () => {
        clearTimeout(delivered);
        widget.destroy();
      };
    },
  ],
]);
