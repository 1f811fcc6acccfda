import { useRef, useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api } from '../api/client';
import type { Reply } from '../api/types';

export interface ReplyFormProps {
  api: Api;
  id: string;
  /** Who replied last time in this tab, as a default. */
  defaultBy: string;
  onDone(reply: Reply): void;
  onCancel(): void;
}

/** Records that someone replied to the customer: who (required) and a note. */
export function ReplyForm({ api, id, defaultBy, onDone, onCancel }: ReplyFormProps) {
  const [by, setBy] = useState(defaultBy);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const byRef = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!by.trim()) {
      setError('Say who replied.');
      byRef.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      onDone(await api.reply(id, by.trim(), note.trim()));
    } catch (e) {
      setBusy(false);
      setError(isApiError(e) ? e.message : 'Could not save the reply.');
    }
  };

  return (
    <form class="reply-form" onSubmit={submit} aria-label="Mark replied">
      <label>
        Replied by
        <input
          ref={byRef}
          name="by"
          required
          maxLength={128}
          autocomplete="name"
          value={by}
          onInput={(e) => setBy(e.currentTarget.value)}
          // biome-ignore lint/a11y/noAutofocus: the form opens on request; focus goes to its first field
          autoFocus
        />
      </label>
      <label>
        Note <span class="hint">(optional)</span>
        <textarea
          name="note"
          maxLength={2000}
          rows={2}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save reply'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
