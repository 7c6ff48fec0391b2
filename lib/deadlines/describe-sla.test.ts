import { describe, expect, it } from 'vitest';
import { describeSla } from './describe-sla';

describe('describeSla', () => {
  it('counts whole calendar days left while the request is on track', () => {
    expect(describeSla({ dueOn: '2026-03-20', today: '2026-03-08', status: 'new' })).toEqual({
      tone: 'on_track',
      text: '12 days left',
      daysLeft: 12,
    });
  });

  it('calls a request due within 7 days "due soon", the 7th day included', () => {
    expect(describeSla({ dueOn: '2026-03-15', today: '2026-03-08', status: 'in_progress' }).text).toBe('Due soon · 7 days left');
    expect(describeSla({ dueOn: '2026-03-16', today: '2026-03-08', status: 'in_progress' }).tone).toBe('on_track');
    expect(describeSla({ dueOn: '2026-03-09', today: '2026-03-08', status: 'new' }).text).toBe('Due soon · 1 day left');
  });

  it('says "Due today" on the due date itself', () => {
    expect(describeSla({ dueOn: '2026-03-08', today: '2026-03-08', status: 'awaiting_requester' })).toEqual({
      tone: 'due_today',
      text: 'Due today',
      daysLeft: 0,
    });
  });

  it('says how many days overdue a request is, in the singular for one', () => {
    expect(describeSla({ dueOn: '2026-03-04', today: '2026-03-08', status: 'new' })).toEqual({
      tone: 'overdue',
      text: 'Overdue by 4 days',
      daysLeft: -4,
    });
    expect(describeSla({ dueOn: '2026-03-07', today: '2026-03-08', status: 'new' }).text).toBe('Overdue by 1 day');
  });

  it('is not thrown off by a daylight-saving change or a month end', () => {
    expect(describeSla({ dueOn: '2026-04-02', today: '2026-03-28', status: 'new' }).daysLeft).toBe(5);
    expect(describeSla({ dueOn: '2028-03-01', today: '2028-02-28', status: 'new' }).daysLeft).toBe(2);
  });

  it('shows no clock for closed requests, even past their due date', () => {
    for (const status of ['fulfilled', 'rejected', 'cancelled', 'expired'] as const) {
      expect(describeSla({ dueOn: '2026-01-01', today: '2026-03-08', status })).toEqual({ tone: 'closed', text: 'Closed', daysLeft: null });
    }
  });
});
