import { de } from '../src/web/i18n/de/index.ts';
import { fr } from '../src/web/i18n/fr/index.ts';
import { confirmDialog, settled, shot, signIn, signOut, switchLanguage } from './support/helpers.ts';
import { type Page, expect, test } from './support/test.ts';

/**
 * Issue 12's round-table journey: a regional coordinator finds, in the Bureau's view of the care of the region, a
 * round table in preparation on an anonymous situation; invites professionals of several institutions (never the
 * person), sets the meeting (invitations go out), holds it with its minutes when the hour has come, and orients the
 * situation to a tandem with the six criteria. A participant sees the invitation on the home page and the round table
 * without any identity. First in French (Sion), then in German (Oberwallis).
 */
test.describe.configure({ mode: 'serial' });

type Dict = typeof fr | typeof de;

/** The next whole minute plus one, in Valais time: the soonest a meeting can be set, and reached within two minutes. */
function soon() {
  const at = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Zurich',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return { at, date: `${p.day}.${p.month}.${p.year}`, time: `${p.hour}:${p.minute}` };
}

async function openFromBoard(page: Page, t: Dict) {
  await page.getByRole('navigation').getByRole('link', { name: t['nav.careBoard'], exact: true }).click();
  await expect(page.getByRole('heading', { name: t['board.title'] })).toBeVisible();
  const row = page.getByTestId('board-row').filter({ hasText: t['rt.status.in_preparation'] }).first();
  await expect(row).toContainText(`${t['board.what.date_to_set']} — ${t['board.who.bureau']}`);
  return row;
}

async function scheduleSoon(page: Page, t: Dict) {
  const section = page.getByTestId('round-table');
  const when = soon();
  await section.getByLabel(t['rt.meetingOn']).fill(when.date);
  await section.getByLabel(t['rt.meetingTime']).fill(when.time);
  await section.getByLabel(t['rt.place']).fill(t === fr ? 'Sion, Bureau CII, salle 2' : 'Brig, IIZ-Büro');
  await section.getByRole('button', { name: t['rt.schedule'] }).click();
  await confirmDialog(page, t['rt.schedule'], [t['rt.scheduleConsequence']]);
  await expect(section.getByTestId('rt-status')).toHaveText(t['rt.status.scheduled']);
  await expect(section.getByTestId('rt-invitations')).toContainText(t['rt.invitations.sent']);
  return when;
}

/** The meeting's hour: what the coordinator waits for before recording it held (the server refuses it earlier). */
async function waitForMeeting(page: Page, at: Date) {
  const left = at.getTime() - Date.now() + 1_000;
  if (left > 0) await page.waitForTimeout(left);
}

async function holdAndOrientToTandem(page: Page, t: Dict, notApplicable: string, name: string) {
  const section = page.getByTestId('round-table');
  // Minutes that name nobody; the held round table keeps them as written.
  const minutes =
    t === fr
      ? 'Situation discutée de façon anonyme : santé et dettes. L’ORP et le CMS recommandent un coaching tandem.'
      : 'Anonym besprochen: Sucht und fehlende Ausbildung. RAV und SMZ empfehlen ein Tandem-Coaching.';
  await section.getByLabel(t['rt.minutes']).fill(minutes);
  await section.getByRole('button', { name: t['rt.hold'] }).click();
  await confirmDialog(page, t['rt.hold'], [t['rt.holdConsequence']]);
  await expect(section.getByTestId('rt-status')).toHaveText(t['rt.status.held']);
  await expect(section.getByTestId('rt-minutes')).toContainText(minutes);
  await shot(page, `${name}-held`, { onPhone: [section.getByRole('button', { name: t['rt.concludeSubmit'] })] });

  const conclude = section.getByTestId('rt-conclude');
  await conclude.getByRole('combobox', { name: t['rt.outcome'] }).click();
  await page.getByRole('option', { name: t['rt.outcome.oriented_tandem'] }).click();
  for (const criterion of [
    'cumulative_risk_factors',
    'followed_by_orp_or_cms',
    'laci_prior_measure',
    'lias_employability_checked',
    'realistic_potential',
    'intensive_coaching_needed',
  ]) {
    const answer = criterion === notApplicable ? t['answer.not_applicable'] : t['answer.met'];
    await page.getByTestId(`answer-${criterion}`).getByLabel(answer, { exact: true }).check();
    await page
      .getByTestId(`justification-${criterion}`)
      .fill(t === fr ? 'Discuté en table ronde.' : 'Am runden Tisch besprochen.');
  }
  await conclude
    .getByRole('textbox', { name: t['rt.reason'], exact: true })
    .fill(t === fr ? 'La table ronde recommande un tandem.' : 'Der runde Tisch empfiehlt ein Tandem.');
  await shot(page, `${name}-conclude`);
  await conclude.getByRole('button', { name: t['rt.concludeSubmit'] }).click();
  await confirmDialog(page, t['rt.concludeSubmit'], [
    t['rt.concludeConsequence.orient'].replace('{care}', t['care.tandem']),
  ]);
  await expect(section.getByTestId('rt-status')).toHaveText(t['rt.status.concluded']);
  await expect(section.getByTestId('rt-outcome')).toContainText(t['rt.outcome.oriented_tandem']);
  await expect(page.getByText(t['status.tandem']).first()).toBeVisible();
  await shot(page, `${name}-concluded`);
}

test('Sion: an anonymous round table is prepared, held and orients to a tandem (French)', async ({ page }) => {
  const t = fr;
  await signIn(page, 'coord.sion');
  await switchLanguage(page, 'FR');
  const row = await openFromBoard(page, t);
  await shot(page, 'round-tables-board-fr');
  await row.getByRole('link').first().click();
  const section = page.getByTestId('round-table');
  await expect(section.getByTestId('rt-status')).toHaveText(t['rt.status.in_preparation']);
  const number = (await page.getByRole('heading', { level: 2 }).textContent())?.match(/CII-\d{4}-\d+/)?.[0] ?? '';
  expect(number).not.toBe('');

  // Professionals of the ORP, the OAI and the CMS; scheduling needs two institutions at least.
  const picker = section.getByLabel(t['rt.pickParticipants']);
  for (const who of [/Yves Mayor/, /Isabelle Carron/, /Laura Bonvin/]) {
    await picker.click();
    await page.getByRole('option', { name: who }).first().click();
  }
  await page.keyboard.press('Escape');
  await section.getByRole('button', { name: t['rt.saveParticipants'] }).click();
  await expect(section.getByTestId('rt-participants').locator('p')).toHaveCount(4); // with the coordinator
  await shot(page, 'round-tables-prepare-fr', { onPhone: [section.getByRole('button', { name: t['rt.schedule'] })] });
  const when = await scheduleSoon(page, t);
  const url = page.url();

  // A participant: the invitation on the home page; the round table without any identity.
  await signOut(page);
  await signIn(page, 'oai.repondant');
  await switchLanguage(page, 'FR');
  const invitation = page.getByTestId('rt-invitation').filter({ hasText: number });
  await expect(invitation).toContainText(when.time);
  await shot(page, 'round-tables-home-invitation-fr');
  await invitation.getByRole('link').click();
  await expect(page.getByTestId('rt-anonymous')).toBeVisible();
  await expect(page.getByTestId('round-table')).not.toContainText(/\d{3}\.\d{4}\.\d{4}\.\d{2}/);
  await shot(page, 'round-tables-participant-fr');
  await signOut(page);

  await signIn(page, 'coord.sion');
  await switchLanguage(page, 'FR');
  await page.goto(url);
  await waitForMeeting(page, when.at);
  await settled(page);
  await holdAndOrientToTandem(page, t, 'lias_employability_checked', 'round-tables-fr');
});

test('Oberwallis: der runde Tisch wird einberufen, durchgeführt und an ein Tandem weitergeleitet (Deutsch)', async ({
  page,
}) => {
  const t = de;
  await signIn(page, 'coord.brig');
  await switchLanguage(page, 'DE');
  const row = await openFromBoard(page, t);
  await shot(page, 'round-tables-board-de');
  await row.getByRole('link').first().click();
  const section = page.getByTestId('round-table');
  await expect(section.getByTestId('rt-status')).toHaveText(t['rt.status.in_preparation']);
  // The professionals were chosen already (demo): RAV, Sucht Wallis, SMZ.
  await expect(section.getByTestId('rt-participants')).toContainText('Sucht Wallis');
  await shot(page, 'round-tables-prepare-de', { onPhone: [section.getByRole('button', { name: t['rt.schedule'] })] });
  const when = await scheduleSoon(page, t);
  await waitForMeeting(page, when.at);
  await page.reload();
  await settled(page);
  await holdAndOrientToTandem(page, t, 'lias_employability_checked', 'round-tables-de');
});

test('Monthey: a network follow-up whose review is due, reviewed by its reference person (French)', async ({
  page,
}) => {
  const t = fr;
  await signIn(page, 'coord.monthey');
  await switchLanguage(page, 'FR');
  await page.getByRole('navigation').getByRole('link', { name: t['nav.careBoard'], exact: true }).click();
  await page.getByText(t['care.network_follow_up'], { exact: true }).first().click();
  const row = page
    .getByTestId('board-row')
    .filter({ hasText: `${t['board.what.review']} — ${t['board.who.reference']}` });
  await expect(row).toHaveCount(1);
  await shot(page, 'network-board-fr');
  await row.getByRole('link').first().click();
  const section = page.getByTestId('network-follow-up');
  await expect(section.getByTestId('nf-overdue')).toBeVisible();
  await expect(section.getByTestId('nf-review')).toHaveCount(1);
  const url = page.url();
  await signOut(page);

  // The reference person (CMS Monthey) records the review and sets the next one.
  await signIn(page, 'cms.monthey');
  await switchLanguage(page, 'FR');
  await page.goto(url);
  await section.getByLabel(t['nf.note']).fill('Entretien de réseau : recherches d’emploi actives, santé stable.');
  await section.getByRole('button', { name: t['nf.addReview'] }).click();
  await expect(section.getByTestId('nf-review')).toHaveCount(2);
  await expect(section.getByTestId('nf-overdue')).toHaveCount(0);
  await shot(page, 'network-reviewed-fr', { onPhone: [section.getByRole('button', { name: t['nf.addReview'] })] });
});
