import { describe, expect, it } from 'vitest';
import { checkBooking } from './checks.js';
import { minuteOfTime } from './diary.js';
import { booking, calendar, chairs, clock, diary, request } from './booking-fixture.test-support.js';
import { findSlots } from './slot-finder.js';

describe('slot finder', () => {
  it('suggests only slots the booking checks accept, never the conflicted chair', () => {
    const req = request();
    const busy = diary([booking('x', 'chair-ada', 'room-1', '2026-03-02', '09:00'), booking('y', 'chair-bo', 'room-2', '2026-03-03', '09:30')]);
    const slots = findSlots(req, busy, calendar, clock, { count: 8 });
    expect(slots).toHaveLength(8);
    for (const s of slots) {
      expect(s.chairId).not.toBe('manager-1');
      const findings = checkBooking(req, { date: s.date, startMinute: s.startMinute, chairId: s.chairId, roomId: s.roomId, format: 'face-to-face' }, busy, calendar, clock);
      expect(findings.filter((f) => f.severity === 'refuse')).toEqual([]);
    }
  });

  it('ranks on time first, then the previous chair, then the lighter week, then earliest', () => {
    const req = request({ previousChairId: 'chair-bo', dueDate: '2026-03-05' });
    const slots = findSlots(req, diary(), calendar, clock, { count: 4 });
    // Bo (previous chair) is on leave 4–5 March, so Bo's on-time days are 2 and 3 March, before Ada's.
    expect(slots.map((s) => `${s.chairId} ${s.date} ${s.time}`)).toEqual([
      'chair-bo 2026-03-02 09:30', 'chair-bo 2026-03-03 09:30', 'chair-ada 2026-03-02 09:00', 'chair-ada 2026-03-03 09:00',
    ]);
    expect(slots[0]?.explanation).toContain('chaired the last conference');
    expect(slots[0]?.explanation).toContain('3 working days before the due date');
  });

  it('prefers the chair with the lighter week', () => {
    const ada = chairs.find((c) => c.id === 'chair-ada')!;
    const cy = { ...ada, id: 'chair-cy', name: 'Cy Chairsworth' };
    const heavy = diary([booking('a', 'chair-ada', null, '2026-03-04', '09:00'), booking('b', 'chair-ada', null, '2026-03-05', '09:00')], [ada, cy]);
    const [first] = findSlots(request(), heavy, calendar, clock, { count: 1, format: 'virtual' });
    expect(first?.chairId).toBe('chair-cy');
    expect(first?.explanation).toContain('no other conferences that week');
  });

  it('between two chairs equal in every other way, offers the one whose name comes first, whatever their ids', () => {
    const ada = chairs.find((c) => c.id === 'chair-ada')!;
    // Ids in the opposite order to the names: the database gives random ids, and the same diary must give the same answer.
    const twins = [{ ...ada, id: 'zz-chair', name: 'Ann Able' }, { ...ada, id: 'aa-chair', name: 'Zed Zealous' }];
    const [first] = findSlots(request(), diary([], twins), calendar, clock, { count: 1, format: 'virtual' });
    expect(first?.chairName).toBe('Ann Able');
    const [again] = findSlots(request(), diary([], [...twins].reverse()), calendar, clock, { count: 1, format: 'virtual' });
    expect(again?.chairName).toBe('Ann Able');
  });

  it('starts after the time now, skips weekends and bank holidays, and offers late dates only once authorised', () => {
    const slots = findSlots(request({ dueDate: '2026-04-02' }), diary([], chairs.slice(0, 1)), calendar, { ...clock, minuteOfDay: minuteOfTime('14:10') }, { count: 40, format: 'virtual' });
    expect(slots[0]).toMatchObject({ date: '2026-03-02', time: '14:30' });
    expect(slots.some((s) => s.date === '2026-03-07' || s.date === '2026-04-03')).toBe(false);
    expect(slots.every((s) => s.onTime)).toBe(true);

    const full = diary([], chairs.slice(0, 1));
    const lateOnly = findSlots(request({ dueDate: '2026-02-27' }), full, calendar, clock, { count: 3 });
    expect(lateOnly).toEqual([]);
    const authorised = findSlots(request({ dueDate: '2026-02-27', approvedLateDates: ['2026-03-09'] }), full, calendar, clock, { count: 3 });
    expect(authorised.map((s) => s.date)).toEqual(['2026-03-09']);
    expect(authorised[0]?.explanation).toContain('authorised (TS30)');
  });

  it('gives a hybrid conference a video-equipped room and a virtual one none', () => {
    const busyRoom1 = diary([booking('r', null, 'room-1', '2026-03-02', '09:00', 480)]);
    const [hybrid] = findSlots(request(), busyRoom1, calendar, clock, { count: 1, format: 'hybrid' });
    expect(hybrid?.roomId).toBe('room-1');
    expect(hybrid?.date).toBe('2026-03-03');
    const [virtual] = findSlots(request(), busyRoom1, calendar, clock, { count: 1, format: 'virtual' });
    expect(virtual).toMatchObject({ roomId: null, date: '2026-03-02' });
  });
});
