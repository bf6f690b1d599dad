import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { de } from '../src/web/i18n/de/index.ts';
import { fr } from '../src/web/i18n/fr/index.ts';
import { confirmDialog, settled, shot, signIn, signOut, switchLanguage } from './support/helpers.ts';
import { type Locator, type Page, expect, test } from './support/test.ts';

/**
 * Issue 12's MAMAC journey, in French (Nathalie Sierro, Sion) and in German (Martina Imhof, Oberwallis), both oriented
 * to an assessment in the demo: the Bureau organises it (responsible, team, the person's address), convenes the
 * meeting (invitations), records it held with its sections; the team writes the objectives contract; each party
 * accepts (the person's signature recorded by the Bureau); the Bureau checks its conformity — it is in force; the case
 * manager closes the assessment with an insertion.
 */
test.describe.configure({ mode: 'serial' });

type Dict = typeof fr | typeof de;
const swiss = (d: Date) =>
  d.toLocaleDateString('de-CH', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Zurich' });
const inDays = (n: number) => swiss(new Date(Date.now() + n * 86_400_000));

async function pick(page: Page, scope: Locator, label: string, option: RegExp | string) {
  await scope.getByRole('combobox', { name: label }).first().click();
  await page
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

/** The whole-page screenshot and phone check (`shot`), and the assessment's section alone, legible. */
async function shots(page: Page, name: string, onPhone: Locator[] = []) {
  await shot(page, name, { onPhone });
  await page.getByTestId('assessment-section').screenshot({ path: `test-results/screenshots/${name}-section.png` });
}

async function openSituation(page: Page, t: Dict, name: string) {
  await page.getByRole('navigation').getByRole('link', { name: t['nav.situations'], exact: true }).click();
  await page
    .getByLabel(t['app.search'])
    .first()
    .fill(name.split(' ')[0] ?? name);
  await page.locator('tr', { hasText: name }).getByRole('link').first().click();
  await expect(page.getByTestId('assessment-section')).toBeVisible();
}

interface Journey {
  lang: 'FR' | 'DE';
  t: Dict;
  person: string;
  coordinator: string;
  responsible: RegExp;
  team: { user: RegExp; role: string }[];
  caseManager: RegExp;
  objective: { text: string; measures: string; responsible: RegExp };
  /** The participants who accept for their institution: username and the institution's name. */
  acceptors: { username: string; institution: string }[];
  closer: string;
  prefix: string;
}

async function assessmentJourney(page: Page, j: Journey) {
  const t = j.t;
  await signIn(page, j.coordinator);
  await switchLanguage(page, j.lang);
  // The Bureau's view of its regions: assessments by state, the days waited, what waits on whom.
  await page.getByRole('navigation').getByRole('link', { name: t['nav.careBoard'], exact: true }).click();
  await expect(page.getByRole('heading', { name: t['board.title'] })).toBeVisible();
  const waiting = page
    .getByTestId('board-row')
    .filter({ hasText: t['care.assessment'] })
    .filter({ hasText: t['passage.status.to_organise'] })
    .first();
  await expect(waiting).toContainText(`${t['board.what.date_to_set']} — ${t['board.who.bureau']}`);
  await shot(page, `${j.prefix}-list`);
  await openSituation(page, t, j.person);
  const section = page.getByTestId('assessment-section');
  await expect(section.getByTestId('assessment-status')).toHaveText(t['asm.status.to_organise']);
  await expect(section.getByTestId('assessment-waiting')).toBeVisible();

  // 1. The Bureau organises: the member responsible, the regional team, the person's address.
  const organise = page.getByTestId('assessment-organise');
  await pick(page, organise, t['asm.responsible'], j.responsible);
  for (const m of j.team) {
    await pick(page, organise, t['asm.pickUser'], m.user);
    await pick(page, organise, t['asm.pickRole'], m.role);
    await organise.getByRole('button', { name: t['asm.addParticipant'] }).click();
  }
  await expect(organise.getByTestId('assessment-team-member')).toHaveCount(j.team.length);
  await organise.getByLabel(t['asm.personEmail']).fill('personne@example.ch');
  await organise.getByRole('button', { name: t['asm.organise'] }).click();
  await expect(section.getByTestId('assessment-participants')).toContainText(t['asm.role.smr_doctor']);
  await shots(page, `${j.prefix}-organised`, [page.getByRole('button', { name: t['asm.schedule'] })]);

  // 2. The meeting: a day past is refused on its field; then convened, the invitations sent.
  const meeting = page.getByTestId('assessment-meeting');
  await meeting.getByLabel(t['asm.meetingOn']).fill(inDays(-3));
  await meeting.getByLabel(t['asm.meetingTime']).fill('09:30');
  await meeting.getByLabel(t['asm.place']).fill(j.lang === 'FR' ? 'Sion, Bureau CII' : 'Brig, Sitzungszimmer');
  await meeting.getByRole('button', { name: t['asm.schedule'] }).click();
  await expect(meeting.getByText(j.lang === 'FR' ? /dans le passé/ : /Vergangenheit/)).toBeVisible();
  await meeting.getByLabel(t['asm.meetingOn']).fill(inDays(0));
  await meeting.getByRole('button', { name: t['asm.schedule'] }).click();
  await expect(section.getByTestId('assessment-status')).toHaveText(t['asm.status.scheduled']);
  await expect(section.getByTestId('assessment-participants')).toContainText(t['asm.invited']);
  await shots(page, `${j.prefix}-scheduled`);

  // 3. Held: the three sections, the resources, the SMR doctor's conclusions.
  const sections = page.getByTestId('assessment-sections');
  await sections
    .getByLabel(t['asm.section.medical'])
    .fill(j.lang === 'FR' ? 'Migraines ; suivi neurologique.' : 'Rückenleiden, Physiotherapie.');
  await sections
    .getByLabel(t['asm.section.professional'])
    .fill(j.lang === 'FR' ? 'Employée de commerce.' : 'Verkäuferin.');
  await sections.getByLabel(t['asm.section.social']).fill(j.lang === 'FR' ? 'Deux enfants.' : 'Alleinstehend.');
  await sections.getByLabel(t['asm.section.resources']).fill(j.lang === 'FR' ? 'Motivée.' : 'Motiviert.');
  await sections
    .getByLabel(t['asm.section.smrConclusions'])
    .fill(j.lang === 'FR' ? 'Activité adaptée à 80 %.' : 'Angepasste Tätigkeit zu 80 %.');
  await sections.getByRole('button', { name: t['asm.hold'] }).click();
  await confirmDialog(page, t['asm.hold'], [t['asm.holdConfirm']]);
  await expect(section.getByTestId('assessment-status')).toHaveText(t['asm.status.held']);

  // 4. The team writes the contract (here the Bureau member, for the team).
  const contract = page.getByTestId('assessment-contract');
  await contract.getByRole('button', { name: t['asm.contract.new'] }).click();
  const editor = contract.getByTestId('contract-editor');
  await pick(page, editor, t['asm.contract.caseManager'], j.caseManager);
  await editor.getByLabel(`${t['asm.contract.objective']} 1`).fill(j.objective.text);
  await editor.getByLabel(t['asm.contract.measures']).fill(j.objective.measures);
  await pick(page, editor, t['asm.contract.responsible'], j.objective.responsible);
  await editor.getByLabel(t['asm.contract.deadline']).fill(inDays(120));
  await editor.getByRole('button', { name: t['asm.contract.save'] }).click();
  const v1 = contract.getByTestId('contract-version-1');
  await expect(v1.getByTestId('contract-status')).toHaveText(t['asm.contract.status.draft']);
  await shots(page, `${j.prefix}-contract-draft`);

  // 5. The person's signature, recorded by the Bureau with the date she signed.
  await v1.getByRole('button', { name: t['asm.contract.acceptPerson'] }).click();
  await confirmDialog(page, t['asm.contract.acceptPerson'], [t['asm.contract.acceptPersonConfirm']]);
  await expect(v1.getByTestId('contract-party').filter({ hasText: t['asm.contract.person'] })).toContainText(
    t['asm.contract.signedOn'].split(' {date}')[0] ?? '',
  );
  await signOut(page);

  // 6. Each institution's participant accepts for it.
  for (const a of j.acceptors) {
    await signIn(page, a.username);
    await switchLanguage(page, j.lang);
    await expect(page.getByTestId('assessment-invitations')).toContainText(t['asm.status.held']);
    await openSituation(page, t, j.person);
    const version = page.getByTestId('assessment-contract').getByTestId('contract-version-1');
    const label = t['asm.contract.accept'].replace('{party}', a.institution);
    await version.getByRole('button', { name: label }).click();
    await confirmDialog(page, label);
    await expect(version.getByTestId('contract-party').filter({ hasText: a.institution })).not.toContainText(
      t['asm.contract.waiting'],
    );
    await signOut(page);
  }

  // 7. The Bureau checks its conformity, item by item: the contract is in force, the assessment in execution.
  await signIn(page, j.coordinator);
  await switchLanguage(page, j.lang);
  await openSituation(page, t, j.person);
  const form = page.getByTestId('conformity-form');
  await expect(page.getByTestId('contract-version-1').getByTestId('contract-status')).toHaveText(
    t['asm.contract.status.accepted_by_all'],
  );
  const boxes = form.getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await shots(page, `${j.prefix}-conformity`);
  await form.getByRole('button', { name: t['asm.conformity.check'] }).click();
  await confirmDialog(page, t['asm.conformity.check'], [t['asm.conformity.confirm.conforming']]);
  await expect(page.getByTestId('contract-version-1').getByTestId('contract-status')).toHaveText(
    t['asm.contract.status.in_force'],
  );
  await expect(section.getByTestId('assessment-status')).toHaveText(t['asm.status.in_execution']);
  await shots(page, `${j.prefix}-in-force`);
  // The contract's PDF, in the person's language.
  const pdf = await page.request.get(
    (await page
      .getByTestId('contract-version-1')
      .getByRole('link', { name: t['asm.contract.pdf'] })
      .getAttribute('href')) ?? '',
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const file = `test-results/screenshots/${j.prefix}-contract.pdf`;
  writeFileSync(file, await pdf.body());
  // In the person's language (her correspondence language, proposed for her invitation), with her name.
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain(j.lang === 'FR' ? 'Contrat d’objectifs' : 'Zielvereinbarung');
  expect(text).toContain(j.person.split(' ').reverse().join(' '));
  await signOut(page);

  // 8. The case manager follows an objective, then closes the assessment with an insertion.
  await signIn(page, j.closer);
  await switchLanguage(page, j.lang);
  await openSituation(page, t, j.person);
  const execution = page.getByTestId('assessment-execution');
  await pick(page, execution, t['asm.objectiveStatus'].replace('{n}', '1'), t['asm.objectiveStatus.achieved']);
  await expect(execution.getByTestId('execution-objective').first()).toContainText(swiss(new Date()));
  const close = page.getByTestId('assessment-close');
  await pick(page, close, t['asm.close.outcome'], t['asm.outcome.inserted']);
  await close.getByLabel(t['asm.close.reason']).fill(j.lang === 'FR' ? 'CDI à 80 %.' : 'Festanstellung zu 80 %.');
  await close.getByRole('button', { name: t['asm.close'] }).click();
  await confirmDialog(page, t['asm.close'], [t['asm.outcome.inserted']]);
  await expect(section.getByTestId('assessment-status')).toHaveText(t['asm.status.closed']);
  await expect(section.getByTestId('assessment-outcome')).toContainText(t['asm.outcome.inserted']);
  await settled(page);
  await shots(page, `${j.prefix}-closed`);
  await signOut(page);
}

test('French: the Bureau organises Nathalie Sierro’s assessment, the contract is accepted, conforming, closed', async ({
  page,
}) => {
  await assessmentJourney(page, {
    lang: 'FR',
    t: fr,
    person: 'Sierro Nathalie',
    coordinator: 'coord.sion',
    responsible: /Sophie Délèze/,
    team: [
      { user: /Julien Fournier/, role: fr['asm.role.announcer'] },
      { user: /Yves Mayor/, role: fr['asm.role.correspondent'] },
      { user: /Laura Bonvin/, role: fr['asm.role.professional'] },
      { user: /Claire Bonvin/, role: fr['asm.role.smr_doctor'] },
    ],
    caseManager: /CMS de Sion/,
    objective: { text: 'Emploi de bureau à 80 %', measures: 'Cours de bureautique', responsible: /ORP Valais central/ },
    acceptors: [
      { username: 'orp.repondant', institution: 'ORP Valais central' },
      { username: 'cms.sion', institution: 'CMS de Sion – aide sociale' },
    ],
    closer: 'cms.sion',
    prefix: '120-fr-assessment',
  });
});

test('German: the Oberwallis Bureau organises Martina Imhof’s assessment, through to an insertion', async ({
  page,
}) => {
  await assessmentJourney(page, {
    lang: 'DE',
    t: de,
    person: 'Imhof Martina',
    coordinator: 'coord.brig',
    responsible: /Stefan Imboden/,
    team: [
      { user: /Andrea Zenklusen/, role: de['asm.role.announcer'] },
      { user: /Martina Kalbermatten/, role: de['asm.role.correspondent'] },
      { user: /Claire Bonvin/, role: de['asm.role.smr_doctor'] },
    ],
    caseManager: /RAV Oberwallis/,
    objective: {
      text: 'Stelle im Detailhandel zu 80 %',
      measures: 'Bewerbungscoaching',
      responsible: /RAV Oberwallis/,
    },
    acceptors: [{ username: 'rav.brig', institution: 'RAV Oberwallis' }],
    closer: 'rav.brig',
    prefix: '121-de-assessment',
  });
});
