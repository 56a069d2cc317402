/** Agenda and agreement models: ops they produce, ordering by fractional positions, only-changed-field patches, the WWW draft with shorthand. */
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { Agenda } from '../../addons/panel/models/agenda';
import { AgreementDraft } from '../../addons/panel/models/agreement-draft';
import { Agreements } from '../../addons/panel/models/agreements';
import { LiveSync, liveStoreKey } from '../../addons/common/models/live-sync';
import type { Op } from '../../shared/protocol';
import { SESSION_ID, T0, agendaItem, idSource, liveState, manualClock, memoryStore, recordingLink } from './support';

function setup() {
  const clock = manualClock(T0); // Sunday 28 March 2027, 09:00 in Amsterdam
  const live = new LiveSync({ sessionId: SESSION_ID, actor: 'coach', clock, store: memoryStore(), storeKey: liveStoreKey('coach', SESSION_ID), initial: null });
  const link = recordingLink();
  live.opened(link);
  live.received({
    type: 'snapshot',
    seq: 1,
    state: liveState({ agenda: [agendaItem('agenda-0001', 'Een', 1), agendaItem('agenda-0002', 'Twee', 2), agendaItem('agenda-0003', 'Drie', 3)] }),
  });
  const newId = idSource('x');
  const agreements = new Agreements(live, newId);
  return { live, link, agenda: new Agenda(live, newId), agreements, clock, newId };
}

const titles = (agenda: { items: { value: { title: string }[] } }) => agenda.items.value.map((i) => i.title);

describe('Agenda', () => {
  it('adds trimmed items at the end and refuses empty ones', () => {
    const { agenda, link } = setup();
    expect(agenda.add('   ')).toBe(false);
    expect(agenda.add('  Vier  ')).toBe(true);
    expect(titles(agenda)).toEqual(['Een', 'Twee', 'Drie', 'Vier']);
    expect(link.sent.at(-1)).toMatchObject({ kind: 'agenda.add', title: 'Vier' });
  });

  it('moves one item with one op, between its new neighbours', () => {
    const { agenda, link } = setup();
    agenda.moveUp('agenda-0003');
    expect(titles(agenda)).toEqual(['Een', 'Drie', 'Twee']);
    expect(link.sent.at(-1)).toEqual({ opId: expect.any(String), kind: 'agenda.update', id: 'agenda-0003', patch: { position: 1.5 } });
    agenda.moveDown('agenda-0001');
    expect(titles(agenda)).toEqual(['Drie', 'Een', 'Twee']);
    const sent = link.sent.length;
    agenda.moveUp('agenda-0003'); // already first
    expect(link.sent.length).toBe(sent);
  });

  it('ticks, renames (only when changed) and removes', () => {
    const { agenda, link } = setup();
    agenda.setDone('agenda-0002', true);
    expect(agenda.items.value.find((i) => i.id === 'agenda-0002')?.done).toBe(true);
    expect(agenda.openCount.value).toBe(2);
    const sent = link.sent.length;
    expect(agenda.rename('agenda-0001', 'Een')).toBe(true);
    expect(link.sent.length).toBe(sent);
    agenda.rename('agenda-0001', 'Eén, beter');
    agenda.remove('agenda-0003');
    expect(titles(agenda)).toEqual(['Eén, beter', 'Twee']);
  });
});

describe('Agreements', () => {
  it('lists carried-over ones apart and sends only changed fields', () => {
    const { agreements, link } = setup();
    expect(agreements.carriedOverOpen.value.map((a) => a.id)).toEqual(['agr-old-001']);
    expect(agreements.thisSession.value.map((a) => a.id)).toEqual(['agr-coach-01']);
    agreements.change('agr-coach-01', { who: 'coach', what: '  Nieuwe tekst ', due: null });
    expect(link.sent.at(-1)).toMatchObject({ kind: 'agreement.update', id: 'agr-coach-01', patch: { what: 'Nieuwe tekst' } });
    expect(Object.keys((link.sent.at(-1) as Extract<Op, { kind: 'agreement.update' }>).patch)).toEqual(['what']);
    agreements.setStatus('agr-old-001', 'done');
    expect(agreements.carriedOverOpen.value).toEqual([]);
    expect(agreements.carriedOver.value[0]?.status).toBe('done');
  });
});

describe('AgreementDraft', () => {
  function draftSetup(locale: 'nl' | 'en' = 'nl') {
    const s = setup();
    return { ...s, draft: new AgreementDraft({ agreements: s.agreements, clock: s.clock, timeZone: 'Europe/Amsterdam', locale: signal(locale), coacheeName: 'Sanne de Vries' }) };
  }

  it('fills who, what and when from shorthand and records a WWW agreement', () => {
    const { draft, link, agreements } = draftSetup();
    draft.setQuick('Sanne: stuurt voorstel naar teamleider vóór vrijdag');
    expect(draft.whoKind.value).toBe('coachee');
    expect(draft.what.value).toBe('stuurt voorstel naar teamleider');
    expect(draft.due.value).toBe('2027-04-02');
    expect(draft.submit()).toBe(true);
    expect(link.sent.at(-1)).toMatchObject({ kind: 'agreement.add', who: 'coachee', what: 'stuurt voorstel naar teamleider', due: '2027-04-02' });
    expect(agreements.thisSession.value.at(-1)?.what).toBe('stuurt voorstel naar teamleider');
    expect(draft.quick.value).toBe('');
    expect(draft.what.value).toBe('');
  });

  it('names someone else, and keeps fields the coach edited by hand', () => {
    const { draft } = draftSetup();
    draft.setQuick('Pieter: plant overleg');
    expect(draft.who.value).toEqual({ name: 'Pieter' });
    draft.setWhat('Plant het overleg met HR');
    draft.setQuick('Pieter: plant overleg morgen');
    expect(draft.what.value).toBe('Plant het overleg met HR');
    expect(draft.due.value).toBe('2027-03-29');
  });

  it('says which field is missing', () => {
    const { draft, link } = draftSetup();
    const sent = link.sent.length;
    expect(draft.submit()).toBe(false);
    expect(draft.error.value).toBe('what');
    draft.setWhat('Iets');
    draft.setWhoKind('other');
    expect(draft.submit()).toBe(false);
    expect(draft.error.value).toBe('name');
    draft.setOtherName('Teamleider');
    expect(draft.submit()).toBe(true);
    expect(link.sent.length).toBe(sent + 1);
    expect(link.sent.at(-1)).toMatchObject({ who: { name: 'Teamleider' }, due: null });
  });
});
