import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Inbox, type InboxProps, matchesSearch } from '../src/inbox/Inbox';
import { fakeApi, NOW, rating } from './_util/fixtures';
import { renderIn } from './_util/render';

afterEach(cleanup);
beforeEach(() => {
  globalThis.requestAnimationFrame ??= ((fn: FrameRequestCallback) =>
    setTimeout(() => fn(0), 0)) as unknown as typeof requestAnimationFrame;
});

function setup(
  items = [rating({}, 2), rating({ score: 2 }, 30)],
  overrides: Partial<InboxProps> = {},
) {
  const api = fakeApi(items);
  const onReplied = vi.fn();
  const announce = vi.fn();
  const view = renderIn(
    <Inbox
      api={api}
      items={items}
      filter={{ interactionType: 'ride' }}
      now={NOW}
      outsideRange={0}
      truncated={false}
      onReplied={onReplied}
      announce={announce}
      {...overrides}
    />,
  );
  return { api, onReplied, announce, items, ...view };
}

const cards = () => screen.queryAllByRole('article');

describe('<Inbox>', () => {
  it('lists each low rating with score, interaction, comment, tags, type, rater and age', () => {
    const { items } = setup();
    expect(cards()).toHaveLength(2);
    const first = within(cards()[0]!);
    expect(first.getByRole('heading').textContent).toBe(`1 of 5 stars·${items[0]!.interactionId}`);
    expect(first.getByText('Driver was late')).toBeTruthy();
    expect(first.getByRole('list', { name: 'Tags' }).textContent).toBe('Late pickup');
    expect(first.getByText('ride')).toBeTruthy();
    expect(first.getByText(items[0]!.raterId)).toBeTruthy();
    expect(first.getByText('2 h ago').getAttribute('datetime')).toBe(items[0]!.eventTime);
    expect(screen.getByText(/2 awaiting reply, 1 overdue/)).toBeTruthy();
  });

  it('shows the 24-hour SLA: due with time left, overdue with time past', () => {
    setup();
    const [fresh, old] = cards();
    const due = fresh!.querySelector('[data-sla]')!;
    expect(due.getAttribute('data-sla')).toBe('due');
    expect(due.textContent).toBe('Due in 22 h');
    const late = old!.querySelector('[data-sla]')!;
    expect(late.getAttribute('data-sla')).toBe('overdue');
    expect(late.textContent).toBe('Overdue by 6 h');
  });

  it('renders hostile comments, tags and ids as text, never as markup', () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script>';
    const item = rating({
      comment: `${hostile}\n‮reversed`,
      tags: ['<b>bold</b>', 'javascript:alert(1)'],
      interactionId: '<svg onload=alert(1)>',
      raterId: '"><iframe src=//evil>',
    });
    setup([item]);
    const card = cards()[0]!;
    expect(card.querySelectorAll('img, script, b, svg, iframe')).toHaveLength(0);
    expect(card.querySelector('.comment')?.textContent).toBe(`${hostile}\n‮reversed`);
    expect(card.querySelector('.comment')?.getAttribute('dir')).toBe('auto');
    expect(within(card).getByText('<b>bold</b>').tagName).toBe('BDI');
    expect(within(card).getByText('<svg onload=alert(1)>').tagName).toBe('BDI');
    expect('pwned' in globalThis).toBe(false);
  });

  it('filters by search text and by SLA status', () => {
    const items = [
      rating({ comment: 'Rude driver', tags: ['Rude'] }, 1),
      rating({ comment: 'Dirty car', interactionId: 'ride_dirty' }, 26),
      rating({ comment: null, raterId: 'vip_rider' }, 3),
    ];
    setup(items);
    const search = screen.getByLabelText('Search');
    fireEvent.input(search, { target: { value: 'RUDE' } });
    expect(cards()).toHaveLength(1);
    fireEvent.input(search, { target: { value: 'vip_' } });
    expect(cards()).toHaveLength(1);
    fireEvent.input(search, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Reply status'), { target: { value: 'overdue' } });
    expect(cards().map((c) => c.querySelector('.comment')?.textContent)).toEqual(['Dirty car']);
    fireEvent.change(screen.getByLabelText('Reply status'), { target: { value: 'due' } });
    expect(cards()).toHaveLength(2);
    fireEvent.input(search, { target: { value: 'nothing like this' } });
    expect(screen.getByText('No rating matches this filter.')).toBeTruthy();
  });

  it('marks a rating replied with who and a note, then moves focus to the next one', async () => {
    const { api, items, onReplied, announce } = setup();
    fireEvent.click(within(cards()[0]!).getByRole('button', { name: 'Mark replied' }));
    const form = screen.getByRole('form', { name: 'Mark replied' });
    // Who is required.
    fireEvent.submit(form);
    expect(within(form).getByRole('alert').textContent).toBe('Say who replied.');
    expect(api.reply).not.toHaveBeenCalled();
    fireEvent.input(within(form).getByLabelText('Replied by'), { target: { value: ' Sana ' } });
    fireEvent.input(within(form).getByLabelText(/Note/), { target: { value: 'Called back' } });
    fireEvent.submit(form);
    await waitFor(() => expect(onReplied).toHaveBeenCalled());
    expect(api.reply).toHaveBeenCalledWith(items[0]!.id, 'Sana', 'Called back');
    expect(onReplied.mock.calls[0]![0]).toMatchObject({ id: items[0]!.id, repliedBy: 'Sana' });
    expect(announce).toHaveBeenCalledWith('Marked replied by Sana.');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-id')).toBe(items[1]!.id));
  });

  it('keeps the form open with the error when the collector refuses the reply', async () => {
    const { api } = setup();
    api.reply.mockRejectedValueOnce(
      Object.assign(new Error('no low rating with this id'), { name: 'ApiError' }),
    );
    fireEvent.click(within(cards()[0]!).getByRole('button', { name: 'Mark replied' }));
    const form = screen.getByRole('form', { name: 'Mark replied' });
    fireEvent.input(within(form).getByLabelText('Replied by'), { target: { value: 'Sana' } });
    fireEvent.submit(form);
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toBe('no low rating with this id'),
    );
    expect(screen.getByRole('button', { name: 'Save reply' })).toBeTruthy();
  });

  it('exports exactly the rows in view, through the export API with the same filter', async () => {
    const items = [rating({ comment: 'keep me' }, 1), rating({ comment: 'filtered out' }, 2)];
    const { api, announce } = setup(items);
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'keep' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(announce).toHaveBeenCalledWith('Exported 1 rating.'));
    expect(api.exportRatings).toHaveBeenCalledWith({ interactionType: 'ride' });
    const csv = await blobs[0]!.text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv).toContain('keep me');
    expect(csv).not.toContain('filtered out');

    fireEvent.click(screen.getByRole('button', { name: 'Export NDJSON' }));
    await waitFor(() => expect(blobs).toHaveLength(2));
    expect(JSON.parse((await blobs[1]!.text()).trim())).toEqual(items[0]);
    expect(click).toHaveBeenCalledTimes(2);
    create.mockRestore();
    click.mockRestore();
  });

  it('shows replied low ratings from the export: latest reply first, who, how fast, the note', async () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const fast = rating(
      { repliedAt: iso(NOW - 3_600_000), repliedBy: 'Sana', replyNote: '<b>refunded</b>' },
      5,
    );
    const slow = rating({ repliedAt: iso(NOW - 7_200_000), repliedBy: 'Omar' }, 40);
    const open = rating({}, 1);
    const high = rating({ low: false, score: 5 }, 1);
    const { api } = setup([open]);
    api.exportRatings.mockResolvedValue([slow, high, open, fast]);
    const button = screen.getByRole('button', { name: 'Replied' });
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(api.exportRatings).toHaveBeenCalledWith({ interactionType: 'ride' });
    const [first, second] = cards();
    expect(first!.getAttribute('data-id')).toBe(fast.id);
    expect(first!.querySelector('[data-sla]')?.textContent).toBe('Replied in 4 h');
    expect(first!.querySelector('[data-sla]')?.getAttribute('data-sla')).toBe('met');
    expect(first!.textContent).toContain('Replied by: Sana');
    expect(first!.querySelector('.reply-note')?.textContent).toBe('<b>refunded</b>');
    expect(first!.querySelector('b')).toBeNull();
    expect(second!.querySelector('[data-sla]')?.textContent).toBe('Replied 14 h late');
    expect(screen.queryByRole('button', { name: 'Mark replied' })).toBeNull();
    expect(screen.queryByLabelText('Reply status')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Awaiting reply' }));
    expect(cards().map((c) => c.getAttribute('data-id'))).toEqual([open.id]);
  });

  it('says so when ratings fall outside the dates or the list was cut', () => {
    setup([], { outsideRange: 3, truncated: true });
    expect(screen.getByText('Nothing awaiting a reply.')).toBeTruthy();
    expect(screen.getByText('3 more awaiting reply outside the chosen dates.')).toBeTruthy();
    expect(screen.getByText(/Only the newest 10,000/)).toBeTruthy();
  });
});

describe('matchesSearch()', () => {
  it('matches comment, tags, interaction, rater and user id, ignoring case', () => {
    const item = rating({ comment: 'Late', tags: ['Wrong route'], userId: 'u_42' });
    for (const q of ['late', 'ROUTE', item.interactionId, item.raterId, 'u_42', '  ']) {
      expect(matchesSearch(item, q)).toBe(true);
    }
    expect(matchesSearch(item, 'refund')).toBe(false);
  });
});
