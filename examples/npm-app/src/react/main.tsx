/** @jsxImportSource react */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RateWhenDelivered } from './RateWhenDelivered';

const endpoint = import.meta.env.VITE_RAAYE_ENDPOINT ?? location.origin;
const siteKey = import.meta.env.VITE_RAAYE_SITE_KEY ?? 'pk_demo';

function Order({ id }: { id: string }) {
  const [delivered, setDelivered] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDelivered(true), 300); // the simulated delivery
    return () => clearTimeout(timer);
  }, []);
  return (
    <main>
      <h1>Order #{id}</h1>
      <p>{delivered ? 'Delivered. Enjoy your meal!' : 'Your rider is on the way…'}</p>
      <RateWhenDelivered orderId={id} delivered={delivered} siteKey={siteKey} endpoint={endpoint} />
    </main>
  );
}

function App() {
  const [order, setOrder] = useState<string>();
  if (order) {
    return (
      <>
        <button type="button" onClick={() => setOrder(undefined)}>
          Back to orders
        </button>
        <Order id={order} />
      </>
    );
  }
  return (
    <main>
      <h1>Your orders</h1>
      {['1041', '1042'].map((id) => (
        <button key={id} type="button" onClick={() => setOrder(id)}>
          Order #{id}
        </button>
      ))}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
