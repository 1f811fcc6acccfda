/** @jsxImportSource react */
import { mount } from '@raaye/widget';
import { useEffect } from 'react';

interface Props {
  orderId: string;
  delivered: boolean;
  siteKey: string;
  endpoint: string;
}

/**
 * The imperative widget API inside an effect: mount when the order view mounts, ask once the
 * order is delivered, destroy on unmount or when the order changes (no leaked DOM or listeners).
 */
export function RateWhenDelivered({ orderId, delivered, siteKey, endpoint }: Props) {
  useEffect(() => {
    if (!delivered) return;
    const widget = mount({ siteKey, endpoint });
    void widget.ask({
      interactionId: `order-${orderId}`,
      interactionType: 'delivery',
      title: `How was your delivery of order #${orderId}?`,
      tags: { low: ['Late', 'Cold food', 'Missing item'], high: ['Fast', 'Friendly rider'] },
    });
    return () => widget.destroy();
  }, [orderId, delivered, siteKey, endpoint]);
  return null;
}
