import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../access/roles.ts';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_RECORD_TYPE_LABELS,
  auditActionLabel,
  auditRecordTypeLabel,
} from './action-labels.ts';
import { AUDIT_ACTIONS } from './actions.ts';
import { auditCsv, csvCell, swissDateTimeSeconds } from './audit-csv.ts';

describe('audit action labels', () => {
  it('label every action of the vocabulary in French and German, and nothing else', () => {
    for (const action of AUDIT_ACTIONS) {
      for (const lang of LANGUAGES) {
        const label = AUDIT_ACTION_LABELS[action]?.[lang];
        expect(label, `${action} (${lang})`).toBeTruthy();
        expect(label?.trim(), `${action} (${lang})`).toBe(label);
        expect(label, `${action} (${lang}) is its code`).not.toBe(action);
      }
    }
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...new Set(AUDIT_ACTIONS)].sort());
  });

  it('tell the actions apart: no two actions share a label in one language', () => {
    for (const lang of LANGUAGES) {
      const labels = [...new Set(AUDIT_ACTIONS)].map((a) => AUDIT_ACTION_LABELS[a][lang]);
      const repeated = labels.filter((l, i) => labels.indexOf(l) !== i);
      expect(repeated, lang).toEqual([]);
    }
  });

  it('fall back to the code for an action or record type written before its label', () => {
    expect(auditActionLabel('auth.sign_in', 'de')).toBe('Anmeldung');
    expect(auditActionLabel('legacy.thing', 'fr')).toBe('legacy.thing');
    expect(auditRecordTypeLabel('situation', 'fr')).toBe('Situation');
    expect(auditRecordTypeLabel('measure', 'de')).toBe('Massnahme');
    expect(auditRecordTypeLabel('something_new', 'de')).toBe('something_new');
    expect(auditRecordTypeLabel(null, 'de')).toBeNull();
    for (const [type, l] of Object.entries(AUDIT_RECORD_TYPE_LABELS)) expect(l.fr && l.de, type).toBeTruthy();
  });
});

describe('audit CSV', () => {
  const row = {
    id: '42',
    seq: 7,
    at: '2026-03-02T08:15:30.123Z',
    actorName: 'Anne Muster',
    actorInstitutionName: 'ORP Sion',
    action: 'situation.read',
    recordType: 'situation',
    recordId: '7f1c0d9e-0000-4000-8000-000000000001',
    recordName: null,
    situationNumber: 'CII-2026-0001',
    personName: 'Évêquoz; "Léa"',
    ip: '192.0.2.1',
    allowed: false,
  };

  it('writes French headers and labels, `;`-separated, CRLF, Swiss time to the second', () => {
    const csv = auditCsv([row], 'fr', null);
    const [head, line, end] = csv.split('\r\n');
    expect(head).toBe(
      'Date et heure;Utilisateur;Institution;Action;Code de l’action;Type d’enregistrement;Enregistrement;' +
        'Identifiant de l’enregistrement;Situation;Personne;Adresse IP;Résultat;Position dans la chaîne;' +
        'N° de l’entrée',
    );
    expect(line).toBe(
      '02.03.2026 09:15:30;Anne Muster;ORP Sion;Situation consultée;situation.read;Situation;;' +
        '7f1c0d9e-0000-4000-8000-000000000001;CII-2026-0001;"Évêquoz; ""Léa""";192.0.2.1;Refusé;7;42',
    );
    expect(end).toBe('');
  });

  it('writes German headers, names the system, and says where a bounded export stopped', () => {
    const csv = auditCsv([{ ...row, actorName: null, allowed: true, personName: null, seq: null }], 'de', 10_000);
    const lines = csv.split('\r\n');
    expect(lines[0]?.startsWith('Datum und Zeit;Benutzer;Institution;Aktion;')).toBe(true);
    expect(lines[1]).toContain(';Situation angezeigt;');
    expect(lines[1]?.startsWith('02.03.2026 09:15:30;System;')).toBe(true);
    expect(lines[1]).toContain(';Erlaubt;;42');
    expect(lines[2]).toContain('10000 neuesten Einträge');
  });

  it('never lets a cell run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+41 27')).toBe("'+41 27");
    expect(csvCell(null)).toBe('');
    expect(swissDateTimeSeconds('2026-07-01T22:00:05Z')).toBe('02.07.2026 00:00:05');
  });
});
