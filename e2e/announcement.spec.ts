import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { type Page, expect, test } from './support/test.ts';
import type { Language } from '../src/domain/access/roles.ts';
import { formatMessage } from '../src/domain/format/message.ts';
import { de } from '../src/web/i18n/de/index.ts';
import { type MessageKey, fr } from '../src/web/i18n/fr/index.ts';
import { suggestedName } from '../src/web/features/situations/suggested-institutions.ts';
import { confirmDialog, shot, signIn, signOut } from './support/helpers.ts';

/**
 * Issue 3's journey, in French and in German: a field professional announces a
 * situation with consent; the region's coordinator triages it to a tandem with
 * the six criteria answered; a second situation is refused with suggestions and
 * the announcer sees the decision and the suggestions.
 * Issue 11: every criterion starts unanswered and is answered by a click (the
 * decision cannot be sent before); the refused announcement is revised and
 * announced again, its refusal kept on the timeline; a new person's letters
 * start in the announcer's language; all field problems show at once; the
 * triage's buttons are within reach at phone size.
 */
test.describe.configure({ mode: 'serial' });

const JOURNEYS = [
  {
    lang: 'fr',
    t: fr,
    announcer: 'orp.sion',
    coordinator: 'coord.sion',
    person: { name: 'Délèze', first: 'Bérénice', birth: '03.04.1987', navs: '756.7341.2290.55' },
    refused: 'Fournier Sandra',
    cms: 'CMS de Sion – aide sociale',
  },
  {
    lang: 'de',
    t: de,
    announcer: 'rav.brig',
    coordinator: 'coord.brig',
    person: { name: 'Kalbermatten', first: 'Jürg', birth: '21.11.1975', navs: '756.9012.4471.33' },
    refused: 'Zenklusen Peter',
    cms: 'SMZ Oberwallis – Sozialdienst',
  },
] as const;

const CRITERIA = [
  'cumulative_risk_factors',
  'followed_by_orp_or_cms',
  'laci_prior_measure',
  'lias_employability_checked',
  'realistic_potential',
  'intensive_coaching_needed',
] as const;

/**
 * The six criteria, each answered by a click (none is pre-answered) and justified; the decision cannot be sent
 * until the last one is answered.
 */
async function answerCriteria(page: Page, t: Record<MessageKey, string>, lang: string) {
  const submit = page.getByRole('button', { name: t['triage.submit'] });
  for (const c of CRITERIA) {
    await expect(page.getByTestId(`answer-${c}`).getByRole('radio', { checked: true })).toHaveCount(0);
  }
  await expect(submit).toBeDisabled();
  await expect(page.getByText(formatMessage(t['triage.criteriaLeft'], { count: 6 }, lang as Language))).toBeVisible();
  for (const [i, c] of CRITERIA.entries()) {
    const notApplicable = c === 'lias_employability_checked';
    await page
      .getByTestId(`answer-${c}`)
      .getByRole('radio', { name: t[notApplicable ? 'answer.not_applicable' : 'answer.met'], exact: true })
      .check();
    await page
      .getByTestId(`justification-${c}`)
      .fill(
        notApplicable
          ? lang === 'fr'
            ? 'Pas à l’aide sociale.'
            : 'Keine Sozialhilfe.'
          : lang === 'fr'
            ? 'Vérifié au dossier.'
            : 'Im Dossier geprüft.',
      );
    if (i < CRITERIA.length - 1) await expect(submit).toBeDisabled();
  }
  await expect(submit).toBeEnabled();
}

async function pick(page: Page, label: string, option: RegExp | string) {
  await page.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The refused situations each journey announced again, triaged at phone size below. */
const REANNOUNCED: Record<string, string> = {};

for (const j of JOURNEYS) {
  const t = j.t;
  test(`announce with consent, triage to tandem, refuse with suggestions (${j.lang})`, async ({ page, request }) => {
    // 1. The field professional announces a situation with the person's consent.
    await signIn(page, j.announcer);
    await page.getByRole('navigation').getByRole('link', { name: t['nav.newSituation'] }).click();
    await expect(page.getByRole('heading', { name: t['new.title'] })).toBeVisible();
    await page.getByLabel(t['person.officialName']).fill(j.person.name);
    await page.getByLabel(t['person.firstNames']).fill(j.person.first);
    // The person's letters start in the announcer's language.
    await expect(page.getByRole('combobox', { name: t['person.language'] }).first()).toHaveValue(t[`corr.${j.lang}`]);
    await page.getByLabel(t['person.birthDate']).fill('01.01.2090');
    await page.getByLabel(t['person.navs13']).fill(j.person.navs.replace(/.$/, '0'));
    await page.getByRole('button', { name: t['new.check'] }).click();
    // A wrong check digit and a birth date in the future, named at once; nothing typed is lost.
    await expect(page.getByText(j.lang === 'fr' ? /chiffre de contrôle/ : /Prüfziffer/)).toBeVisible();
    await expect(page.getByText(j.lang === 'fr' ? /dans le futur/ : /in der Zukunft/)).toBeVisible();
    await expect(page.getByLabel(t['person.officialName'])).toHaveValue(j.person.name);
    await shot(page, `40-${j.lang}-new-announcement-error`);
    await page.getByLabel(t['person.birthDate']).fill(j.person.birth);
    await page.getByLabel(t['person.navs13']).fill(j.person.navs);
    await page.getByRole('button', { name: t['new.check'] }).click();

    await expect(
      page.getByRole('heading', { name: new RegExp(t['draft.title'].replace('{number}', 'CII-')) }),
    ).toBeVisible();
    await page.getByRole('checkbox', { name: t['risk.health'], exact: true }).check();
    await page.getByRole('checkbox', { name: t['risk.debts'], exact: true }).check();
    await page.getByRole('checkbox', { name: t['target.laci_end_of_rights'], exact: true }).check();
    await page.getByRole('checkbox', { name: t['draft.laciBasic'], exact: true }).check();
    await page
      .getByLabel(t['draft.description'])
      .fill(
        j.lang === 'fr'
          ? 'Fin de droit proche, problèmes de santé et dettes.'
          : 'Aussteuerung naht, Gesundheitsprobleme und Schulden.',
      );
    await page
      .getByLabel(t['draft.helpExpected'])
      .fill(j.lang === 'fr' ? 'Coaching intensif.' : 'Intensives Coaching.');
    await expect(page.getByTestId('save-state')).toHaveText(t['draft.saved']);

    // The procuration proposes what a tandem needs (the ORP, the CMS, the Bureau CII); a narrower scope says what it
    // will prevent later.
    await expect(page.getByTestId('scope-gaps')).toHaveCount(0);
    await page.getByRole('combobox', { name: t['consent.institutions'] }).first().click();
    await page.keyboard.press('Backspace');
    await expect(page.getByTestId('scope-gaps')).toContainText(t['consent.gap.cms']);
    await page.keyboard.press('Escape');
    await shot(page, `41b-${j.lang}-narrower-procuration`);
    await pick(page, t['consent.institutions'], j.cms);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('scope-gaps')).toHaveCount(0);

    // The pre-filled procuration, in the person's language, checked as a rendered page.
    const printLink = page.getByRole('link', { name: t['consent.print'] });
    const href = await printLink.getAttribute('href');
    const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const pdf = await request.get(href!, { headers: { cookie: cookies } });
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const pdfPath = `test-results/screenshots/procuration-${j.lang}.pdf`;
    writeFileSync(pdfPath, await pdf.body());
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      pdfPath,
      `test-results/screenshots/41-${j.lang}-procuration`,
    ]);

    await page
      .getByLabel(t['consent.signedOn'])
      .fill(new Date().toLocaleDateString('de-CH', { day: '2-digit', month: '2-digit', year: 'numeric' }));
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel(t['consent.scan']).click();
    await (await chooser).setFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: await pdf.body() });
    await page.getByRole('button', { name: t['consent.record'] }).click();
    await expect(page.getByTestId('consent')).toContainText(t['consent.state.in_force']);
    await shot(page, `42-${j.lang}-draft-with-consent`);
    await page.getByRole('button', { name: t['draft.announce'] }).click();
    await confirmDialog(page, t['draft.announce'], [t['draft.announceConfirmFinal']]);
    await expect(page.getByText(t['status.announced']).first()).toBeVisible();
    const number = (await page.getByRole('heading', { level: 2 }).textContent())!.match(/CII-\d{4}-\d+/)![0];
    await shot(page, `43-${j.lang}-announced`);
    await signOut(page);

    // 2. The region's coordinator triages it to a tandem, the six criteria answered.
    await signIn(page, j.coordinator);
    await expect(page.getByText(t['notif.situation_announced'].replace('{number}', number))).toBeVisible();
    await shot(page, `44-${j.lang}-coordinator-home`);
    await page.getByRole('navigation').getByRole('link', { name: t['nav.triage'] }).click();
    await expect(page.getByRole('link', { name: number })).toBeVisible();
    // On a phone the take-up button is on screen, not past the table's right edge.
    await shot(page, `45-${j.lang}-triage-queue`, {
      onPhone: [page.getByRole('button', { name: `${t['triage.takeUp']} ${number}` })],
    });
    await page.getByRole('button', { name: `${t['triage.takeUp']} ${number}` }).click();
    await expect(page.getByText(t['status.under_review']).first()).toBeVisible();
    await pick(page, t['sit.careKind'], t['care.tandem']);
    await shot(page, `46-${j.lang}-criteria-unanswered`);
    await answerCriteria(page, t, j.lang);
    await page
      .getByRole('textbox', { name: t['triage.reason'], exact: true })
      .fill(j.lang === 'fr' ? 'Cumul de facteurs, potentiel réel.' : 'Kumulierte Faktoren, reales Potenzial.');
    await shot(page, `46-${j.lang}-six-criteria`);
    await page.getByRole('button', { name: t['triage.submit'] }).click();
    await expect(page.getByTestId('decision')).toContainText(t['status.tandem']);
    await shot(page, `47-${j.lang}-oriented-tandem`);

    // 3. A second situation is refused, with suggestions.
    await page.getByRole('navigation').getByRole('link', { name: t['nav.triage'] }).click();
    await page
      .getByRole('row', { name: new RegExp(j.refused) })
      .getByRole('button', { name: t['triage.takeUp'] })
      .click();
    await page.getByLabel(t['triage.refuse']).check();
    await page
      .getByRole('textbox', { name: t['triage.reason'], exact: true })
      .fill(j.lang === 'fr' ? 'Pas de cumul de facteurs.' : 'Keine kumulierten Faktoren.');
    await page.getByRole('button', { name: t['triage.submit'] }).click();
    await expect(
      page.getByText(j.lang === 'fr' ? /doit proposer des suggestions/ : /muss Vorschläge/).first(),
    ).toBeVisible();
    await page
      .getByLabel(t['triage.suggestions'])
      .fill(
        j.lang === 'fr' ? 'Suivi ORP ordinaire ; bilan OSP.' : 'Ordentliche RAV-Begleitung; Standortbestimmung BSL.',
      );
    // The institutions suggested (issue 13): any CMS, picked from the list — counted in the figures. The OSP, of
    // which the canton has one, is offered by its name only, not as "any OSP" too.
    const anyCms = suggestedName({ kind: 'cms', institutionId: null, nameFr: null, nameDe: null }, j.lang);
    await page.getByTestId('refusal-institutions').click();
    const anyOsp = suggestedName({ kind: 'osp', institutionId: null, nameFr: null, nameDe: null }, j.lang);
    await expect(page.getByRole('option', { name: anyCms })).toBeVisible();
    await expect(page.getByRole('option', { name: anyOsp })).toHaveCount(0);
    await page.getByRole('option', { name: anyCms }).click();
    await page.keyboard.press('Escape');
    await shot(page, `47b-${j.lang}-refusal-institutions`);
    await page.getByRole('button', { name: t['triage.submit'] }).click();
    await expect(page.getByTestId('decision')).toContainText(t['view.suggestions']);
    await expect(page.getByTestId('refusal-suggestions')).toContainText(anyCms);
    await signOut(page);

    // 4. The announcer sees the decision and the suggestions.
    await signIn(page, j.announcer);
    const note = page
      .getByTestId('notification')
      .filter({ hasText: t['notif.situation_refused'].split('{number}')[1]!.split(',')[0]!.trim() })
      .first();
    await expect(note).toBeVisible();
    await shot(page, `48-${j.lang}-announcer-notified`);
    await note.getByRole('link', { name: t['notif.open'] }).click();
    await expect(page.getByTestId('decision')).toContainText(
      j.lang === 'fr' ? 'Suivi ORP ordinaire ; bilan OSP.' : 'Ordentliche RAV-Begleitung; Standortbestimmung BSL.',
    );
    await shot(page, `49-${j.lang}-refusal-seen`);

    // 5. The announcer revises the refused announcement and announces it again; the refusal stays on the timeline.
    const suggestions =
      j.lang === 'fr' ? 'Suivi ORP ordinaire ; bilan OSP.' : 'Ordentliche RAV-Begleitung; Standortbestimmung BSL.';
    const refusedNumber = (await page.getByRole('heading', { level: 2 }).textContent())!.match(/CII-\d{4}-\d+/)![0];
    await page
      .getByLabel(t['draft.description'])
      .fill(
        j.lang === 'fr'
          ? 'Révisée : dettes en poursuite, santé fragile, fin de droit dans trois mois.'
          : 'Überarbeitet: Betreibungen, angeschlagene Gesundheit, Aussteuerung in drei Monaten.',
      );
    await expect(page.getByTestId('save-state')).toHaveText(t['draft.saved']);
    await shot(page, `49b-${j.lang}-refused-revised`);
    await page.getByRole('button', { name: t['draft.announceAgain'] }).click();
    await confirmDialog(page, t['draft.announceAgain'], [t['draft.announceConfirmFinal']]);
    await expect(page.getByText(t['status.announced']).first()).toBeVisible();
    await expect(page.getByTestId('decision')).toHaveCount(0);
    await expect(page.getByTestId('timeline-suggestions')).toContainText(suggestions);
    await expect(page.getByTestId('timeline-suggested-institutions')).toContainText(
      suggestedName({ kind: 'cms', institutionId: null, nameFr: null, nameDe: null }, j.lang),
    );
    await expect(page.getByText(t['event.announceAgain'])).toBeVisible();
    await shot(page, `49c-${j.lang}-announced-again`);
    REANNOUNCED[j.lang] = refusedNumber;
    await page.getByRole('navigation').getByRole('link', { name: t['nav.situations'] }).click();
    await page.getByLabel(t['app.search']).fill(j.person.name.toUpperCase());
    await expect(page.getByRole('link', { name: number })).toBeVisible();
    // Only this person matches (accent- and case-insensitive).
    await expect(page.getByRole('link', { name: /^CII-\d{4}-\d+$/ })).toHaveCount(1);
    await shot(page, `50-${j.lang}-search`);
    await signOut(page);
  });
}

for (const j of JOURNEYS) {
  test(`the triage at phone size: take up and six criteria within reach (${j.lang})`, async ({ page }) => {
    const t = j.t;
    const number = REANNOUNCED[j.lang];
    expect(number, 'announced again by the journey above').toBeTruthy();
    // Signed in first: on a phone the navigation the sign-in helper waits for sits behind the menu button.
    await signIn(page, j.coordinator);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/triage');
    const takeUp = page.getByRole('button', { name: `${t['triage.takeUp']} ${number}` });
    await expect(takeUp).toBeVisible();
    // Within the screen's width without scrolling sideways (it was off-screen in a wide table).
    const box = (await takeUp.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await shot(page, `52-${j.lang}-phone-triage-queue`);
    await takeUp.click();
    await expect(page.getByText(t['status.under_review']).first()).toBeVisible();
    await pick(page, t['sit.careKind'], t['care.tandem']);
    await answerCriteria(page, t, j.lang);
    await page
      .getByRole('textbox', { name: t['triage.reason'], exact: true })
      .fill(j.lang === 'fr' ? 'Annonce complétée : cumul avéré.' : 'Ergänzte Meldung: Kumulation belegt.');
    const submit = page.getByRole('button', { name: t['triage.submit'] });
    await submit.scrollIntoViewIfNeeded();
    const submitBox = (await submit.boundingBox())!;
    expect(submitBox.x + submitBox.width).toBeLessThanOrEqual(390);
    await shot(page, `53-${j.lang}-phone-six-criteria`);
    await submit.click();
    await expect(page.getByTestId('decision')).toContainText(t['status.tandem']);
    await shot(page, `54-${j.lang}-phone-oriented`);
  });
}

test('a draft loses nothing when the network fails: kept in the browser, saved once back', async ({ page }) => {
  const t = fr;
  await signIn(page, 'cms.sion');
  await page.goto('/situations/new');
  await page.getByLabel(t['new.anonymous']).check();
  await page.getByRole('button', { name: t['new.startAnonymous'] }).click();
  await expect(page.getByTestId('save-state')).toBeVisible();
  await page.context().setOffline(true);
  await page.getByLabel(t['draft.description']).fill('Texte saisi pendant une coupure du réseau.');
  await expect(page.getByText(t['draft.unsaved'])).toBeVisible();
  await shot(page, '51-fr-draft-offline');
  await page.context().setOffline(false);
  // The automatic retry saves it; a reload shows what the server kept.
  await expect(page.getByTestId('save-state')).toHaveText(t['draft.saved']);
  await page.reload();
  await expect(page.getByLabel(t['draft.description'])).toHaveValue('Texte saisi pendant une coupure du réseau.');
  // Announcing an incomplete draft names what is missing and keeps the text.
  await page.getByRole('button', { name: t['draft.announce'] }).click();
  await confirmDialog(page, t['draft.announce']);
  await expect(page.getByText('Indiquez au moins un facteur de risque.')).toBeVisible();
  await expect(page.getByLabel(t['draft.description'])).toHaveValue('Texte saisi pendant une coupure du réseau.');
});
