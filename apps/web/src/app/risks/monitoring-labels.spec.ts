import { brusselsToday, describeChange, followUpOwner, formatInstant, parseAttendees } from './monitoring-labels';

describe('monitoring-call labels', () => {
  it('describes a change in words', () => {
    expect(describeChange({ field: 'status', from: 'not_started', to: 'in_progress' })).toBe('Status from Not started to In progress');
    expect(describeChange({ field: 'progress', from: 10, to: 40 })).toBe('Progress from 10 % to 40 %');
    expect(describeChange({ field: 'forecastEnd', from: null, to: '2027-05-31' })).toBe('Forecast end from none to 31 May 2027');
    expect(describeChange({ field: 'predecessors', from: [], to: ['Mapping to be drafted', 'Survey of cities'] })).toBe(
      'Comes after from none to Mapping to be drafted, Survey of cities',
    );
    expect(describeChange({ field: null, from: null, to: null })).toBe('Note');
  });

  it('names who a follow-up is for', () => {
    expect(followUpOwner({ owner: { id: 'x', name: 'Mareena' }, ownerText: 'Anna' })).toBe('Mareena · Anna');
    expect(followUpOwner({ owner: null, ownerText: 'Secretariat' })).toBe('Secretariat');
    expect(followUpOwner({ owner: null, ownerText: null })).toBe('Not assigned');
  });

  it('reads attendees one per line or comma', () => {
    expect(parseAttendees(' Anna \n\nBen, Chloé ,')).toEqual(['Anna', 'Ben', 'Chloé']);
  });

  it('counts days and times in Brussels', () => {
    expect(brusselsToday(new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-22');
    expect(formatInstant('2026-11-22T10:15:00.000Z')).toBe('22 Nov 2026, 11:15');
  });
});
