import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { DeliveriesPanelProps } from './DeliveriesPanel';

/**
 * The delivery panel in a chunk of its own: loaded after the dashboard shows, so the main
 * bundle (and its size budget) does not carry it.
 */
export function Deliveries(props: DeliveriesPanelProps) {
  const [Panel, setPanel] = useState<FunctionComponent<DeliveriesPanelProps> | null>(null);
  useEffect(() => {
    let current = true;
    void import('./DeliveriesPanel').then((m) => {
      if (current) setPanel(() => m.DeliveriesPanel);
    });
    return () => {
      current = false;
    };
  }, []);
  return Panel ? <Panel {...props} /> : null;
}
