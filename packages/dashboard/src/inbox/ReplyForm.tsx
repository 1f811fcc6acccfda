import { useRef, useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api } from '../api/client';
import type { Reply } from '../api/types';
import { useStrings } from '../i18n/context';

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
  const t = useStrings();
  const [by, setBy] = useState(defaultBy);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const byRef = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!by.trim()) {
      setError(t.sayWho);
      byRef.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      onDone(await api.reply(id, by.trim(), note.trim()));
    } catch (e) {
      setBusy(false);
      setError(isApiError(e) ? e.message : t.saveFailed);
    }
  };

  return (
    <form class="reply-form" onSubmit={submit} aria-label={t.markReplied}>
      <label>
        {t.repliedBy}
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
        <span>
          {t.note} <span class="hint">{t.optional}</span>
        </span>
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
          {busy ? t.saving : t.saveReply}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
