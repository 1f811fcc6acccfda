type Listener = (payload: never) => void;

/** A minimal typed event emitter. A throwing listener never breaks the SDK or other listeners. */
export function createEmitter<Events extends object>() {
  const listeners = new Map<keyof Events, Set<Listener>>();
  return {
    on<E extends keyof Events>(event: E, fn: (payload: Events[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(fn as Listener);
      return () => set.delete(fn as Listener);
    },
    emit<E extends keyof Events>(event: E, payload: Events[E]): void {
      for (const fn of listeners.get(event) ?? []) {
        try {
          (fn as (p: Events[E]) => void)(payload);
        } catch (error) {
          // A host-page listener bug must not stop delivery; surface it without throwing.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    clear(): void {
      listeners.clear();
    },
  };
}

export type Emitter<Events extends object> = ReturnType<typeof createEmitter<Events>>;
