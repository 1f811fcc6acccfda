import { useEffect, useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api } from '../api/client';
import type { FollowUpAction, FollowUpDetail, Member } from '../api/types';
import { FormError } from '../components/FormError';
import { useStrings } from '../i18n/context';
import { formatUtc } from '../lib/format';
import { CustomerHistory } from '../ratings/CustomerHistory';

export interface FollowUpPanelProps {
  api: Api;
  id: string;
  me: Member;
  onChanged(): void;
  announce(message: string): void;
}

/** One follow-up: assign, note, tags, reply, resolve or close; its activity log and the customer's history. */
export function FollowUpPanel({ api, id, me, onChanged, announce }: FollowUpPanelProps) {
  const t = useStrings();
  const tt = t.team;
  const [detail, setDetail] = useState<FollowUpDetail | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [reply, setReply] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const canWork = me.role !== 'viewer';

  const load = async () => {
    const d = await api.followUp(id);
    setDetail(d);
    setTags(d.followUp.tags.join(', '));
  };
  useEffect(() => {
    void load().catch((e) => setError(isApiError(e) ? e.message : tt.failed));
    if (canWork) void api.members().then(setMembers, () => {});
  }, [id]);

  const run = async (action: FollowUpAction, after?: () => void) => {
    setError('');
    try {
      await api.act(id, action);
      after?.();
      announce(tt.saved);
      await load();
      onChanged();
    } catch (e) {
      setError(
        isApiError(e) && e.status === 403 ? tt.forbidden : isApiError(e) ? e.message : tt.failed,
      );
    }
  };
  const submit = (action: () => FollowUpAction | null, after?: () => void) => (event: Event) => {
    event.preventDefault();
    const a = action();
    if (a) void run(a, after);
  };

  if (!detail) return <p class="empty">{error || t.loading}</p>;
  const f = detail.followUp;
  const finished = f.status === 'resolved' || f.status === 'closed';
  return (
    <div class="panel" data-panel={id}>
      <FormError message={error} />
      {canWork && (
        <div class="actions">
          <label>
            {tt.assign}
            <select
              value={f.assignee?.id ?? ''}
              onChange={(e) =>
                void run({ action: 'assign', assigneeId: e.currentTarget.value || null })
              }
            >
              <option value="">{tt.nobody}</option>
              {members
                .filter((m) => m.role !== 'viewer')
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
            </select>
          </label>
          <form
            onSubmit={submit(
              () => (reply.trim() ? { action: 'reply', message: reply.trim() } : null),
              () => setReply(''),
            )}
          >
            <label>
              {tt.reply}
              <textarea
                rows={4}
                value={reply}
                onInput={(e) => setReply(e.currentTarget.value)}
                aria-describedby={`how-${id}`}
              />
            </label>
            <p id={`how-${id}`} class="hint">
              {f.rating.contact ? tt.replyByEmail(f.rating.contact) : tt.replyInApp}
            </p>
            <button type="submit" class="primary">
              {tt.send}
            </button>
          </form>
          <form
            onSubmit={submit(
              () => (note.trim() ? { action: 'note', text: note.trim() } : null),
              () => setNote(''),
            )}
          >
            <label>
              {tt.note}
              <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
            <button type="submit">{tt.addNote}</button>
          </form>
          <form
            onSubmit={submit(() => ({
              action: 'tags',
              tags: tags
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            }))}
          >
            <label>
              {tt.tags}
              <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
            </label>
            <button type="submit">{tt.saveTags}</button>
          </form>
          {finished ? (
            <button type="button" onClick={() => void run({ action: 'reopen' })}>
              {tt.reopen}
            </button>
          ) : (
            <>
              <button type="button" onClick={() => void run({ action: 'resolve' })}>
                {tt.resolve}
              </button>
              <form
                onSubmit={submit(
                  () => (reason.trim() ? { action: 'close', reason: reason.trim() } : null),
                  () => setReason(''),
                )}
              >
                <label>
                  {tt.reason}
                  <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
                </label>
                <button type="submit">{tt.closeWithReason}</button>
              </form>
            </>
          )}
        </div>
      )}
      <h4>{tt.activity}</h4>
      <ol class="activity" data-activity>
        {detail.activity.map((a) => (
          <li key={a.seq}>
            <bdi>{a.actor.name}</bdi> {tt.actions[a.action] ?? a.action}
            {a.action === 'followup.assigned' &&
              typeof a.detail?.assigneeName === 'string' &&
              ` ${tt.to(a.detail.assigneeName)}`}
            {typeof a.detail?.text === 'string' && (
              <>
                {' '}
                <q>{a.detail.text}</q>
              </>
            )}
            {typeof a.detail?.message === 'string' && (
              <>
                {' '}
                <q>{a.detail.message}</q>
              </>
            )}
            {typeof a.detail?.reason === 'string' && (
              <>
                {' '}
                <q>{a.detail.reason}</q>
              </>
            )}{' '}
            · <time dateTime={a.at}>{formatUtc(a.at)}</time>
          </li>
        ))}
      </ol>
      <CustomerHistory api={api} customer={f.rating.userId ?? f.rating.raterId} except={id} />
    </div>
  );
}
