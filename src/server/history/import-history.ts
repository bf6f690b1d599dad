import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { HistoryImportResult } from '../../contracts/history.ts';
import type { InstitutionKind } from '../../domain/access/roles.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { ENDED_STATUS } from '../../domain/care/passage.ts';
import {
  type HistoryRow,
  MAX_ROWS,
  type RowProblem,
  historyRowChanges,
  parseHistoryTable,
} from '../../domain/history/history-import.ts';
import { carePassages, institutions, regions, situations } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { translate } from '../i18n/messages.ts';
import { readTable } from './read-table.ts';

const CHUNK = 500;
/** A Swiss day as a moment in it (midday in Zurich, whatever the season). */
const middayOf = (day: string) => new Date(`${day}T11:00:00Z`);

/**
 * The administrator imports the CII's earlier records (issue 13, decision 025) from a CSV or XLSX file in the
 * template. Every row is checked (src/domain/history); a dry run says what would be imported and why each refused row
 * is refused, and changes nothing. A real run creates, for each accepted row whose external key is new, one anonymous
 * situation marked `imported` (no person: never matched to one) and its ended passages through the kinds of care —
 * the rows the figures' cube counts — in one transaction; a key imported before is left as it is, so importing the
 * same file again changes nothing. The announcing institution is one of the directory's of that kind (the region's
 * first, else the canton's), the announcer the administrator. Dry runs and imports are audited.
 *
 * Correcting the history (`correct`): a key imported before whose row now differs replaces what was imported — the
 * situation's dates, region, institution, decision and follow-ups, and its passages — in the same transaction, each
 * corrected situation audited (`history.correct`) with the columns that changed. A dry run says which keys would be.
 */
export async function importHistory(
  ctx: AuthedContext,
  file: { content: Buffer; type: string },
  dryRun: boolean,
  correct = false,
): Promise<HistoryImportResult> {
  await ensureAllowed(ctx, 'import_history', { type: 'figures', regionId: null }, { action: 'history.import' });
  const table = await readTable(file.content, file.type, MAX_ROWS);
  const allRegions = await ctx.db.select({ id: regions.id, code: regions.code }).from(regions);
  const directory = await ctx.db
    .select({ id: institutions.id, kind: institutions.kind, regionId: institutions.regionId })
    .from(institutions)
    .orderBy(asc(institutions.nameFr), asc(institutions.id));
  const today = swissDay(ctx.now());
  const parsed = parseHistoryTable(table, {
    regionCodes: allRegions.map((r) => r.code.toUpperCase()),
    institutionKinds: [...new Set(directory.map((i) => i.kind as InstitutionKind))],
    today,
  });
  const say = (p: RowProblem) => translate(ctx.lang, p.key, { column: p.column, ...p.params });
  const keys = parsed.rows.map((r) => r.row.externalKey);
  const known = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await ctx.db
      .select({ key: situations.externalKey })
      .from(situations)
      .where(inArray(situations.externalKey, keys.slice(i, i + CHUNK)));
    for (const r of rows) if (r.key) known.add(r.key);
  }
  const fresh = parsed.rows.map((r) => r.row).filter((r) => !known.has(r.externalKey));
  // The rows imported before whose values now differ: corrected with `correct`, else only said (issue 13: counted
  // "already imported" with no hint, a changed row looked the same as an unchanged one).
  const stored = !parsed.fileProblems.length && known.size ? await storedRows(ctx, [...known]) : new Map();
  const changed = parsed.rows.flatMap(({ row }) => {
    const before = stored.get(row.externalKey);
    const changes = before ? historyRowChanges(before.row, row) : [];
    return before && changes.length ? [{ id: before.id as string, row, changes }] : [];
  });
  const corrections = correct ? changed : [];
  const result: HistoryImportResult = {
    dryRun,
    rows: parsed.rows.length + parsed.rejected.length,
    imported: parsed.fileProblems.length ? 0 : fresh.length,
    corrected: corrections.map((c) => ({ externalKey: c.row.externalKey, columns: c.changes })),
    unchanged: parsed.rows.length - fresh.length - corrections.length,
    differing: correct ? [] : changed.map((c) => ({ externalKey: c.row.externalKey, columns: c.changes })),
    rejected: parsed.rejected.map((r) => ({ line: r.line, externalKey: r.externalKey, reasons: r.problems.map(say) })),
    fileProblems: parsed.fileProblems.map(say),
  };
  const details = {
    dryRun,
    rows: result.rows,
    rejected: result.rejected.length,
    unchanged: result.unchanged,
    corrected: corrections.length,
  };
  if (dryRun || (result.imported === 0 && corrections.length === 0)) {
    await recordAudit(ctx.db, ctx, {
      action: 'history.import',
      recordType: 'history',
      allowed: true,
      details: { ...details, imported: 0 },
    });
    return { ...result, imported: dryRun ? result.imported : 0 };
  }
  const regionId = new Map(allRegions.map((r) => [r.code.toUpperCase(), r.id]));
  const institutionFor = (kind: string, region: string | undefined) =>
    (directory.find((i) => i.kind === kind && i.regionId === region) ?? directory.find((i) => i.kind === kind))?.id;
  const passagesOf = (situationId: string, r: HistoryRow) =>
    r.passages.map((p) => ({
      situationId,
      kind: p.kind,
      status: ENDED_STATUS,
      startedAt: middayOf(p.startedOn),
      startedByUserId: ctx.actor.userId,
      endedAt: middayOf(p.endedOn),
      endedByUserId: ctx.actor.userId,
      outcome: p.outcome,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    }));
  const situationOf = (r: HistoryRow) => {
    const region = regionId.get(r.regionCode) as string;
    return {
      status: r.decision === 'refused' ? ('refused' as const) : ('closed' as const),
      regionId: region,
      announcingInstitutionId: institutionFor(r.institutionKind, region) as string,
      announcedAt: middayOf(r.announcedOn),
      decidedAt: middayOf(r.decidedOn),
      careKind: r.passages.at(-1)?.kind ?? null,
      importedFollowUp6: r.followUp6,
      importedFollowUp12: r.followUp12,
      updatedAt: ctx.now(),
    };
  };
  const imported = await ctx.db.transaction(async (tx) => {
    let created = 0;
    for (const c of corrections) {
      await tx
        .update(situations)
        .set({ ...situationOf(c.row), version: sql`${situations.version} + 1` })
        .where(eq(situations.id, c.id));
      await tx.delete(carePassages).where(eq(carePassages.situationId, c.id));
      const passages = passagesOf(c.id, c.row);
      if (passages.length) await tx.insert(carePassages).values(passages);
      await recordAudit(tx, ctx, {
        action: 'history.correct',
        recordType: 'situation',
        recordId: c.id,
        allowed: true,
        details: { externalKey: c.row.externalKey, columns: c.changes },
      });
    }
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const chunk = fresh.slice(i, i + CHUNK);
      const byKey = new Map<string, HistoryRow>(chunk.map((r) => [r.externalKey, r]));
      const inserted = await tx
        .insert(situations)
        .values(
          chunk.map((r) => ({
            ...situationOf(r),
            number: `HIST-${r.externalKey}`,
            anonymous: true,
            announcingUserId: ctx.actor.userId,
            imported: true,
            externalKey: r.externalKey,
            // Created, in the former system, when it was announced: the lists order it among its years.
            createdAt: middayOf(r.announcedOn),
          })),
        )
        .onConflictDoNothing({ target: situations.externalKey })
        .returning({ id: situations.id, key: situations.externalKey });
      created += inserted.length;
      const passages = inserted.flatMap(({ id, key }) => {
        const row = byKey.get(key as string);
        return row ? passagesOf(id, row) : [];
      });
      if (passages.length) await tx.insert(carePassages).values(passages);
    }
    await recordAudit(tx, ctx, {
      action: 'history.import',
      recordType: 'history',
      allowed: true,
      details: { ...details, imported: created },
    });
    return created;
  });
  return { ...result, imported, unchanged: result.unchanged + (fresh.length - imported) };
}

/** The rows imported before under these keys, read back as the template's rows (to compare with a new file). */
async function storedRows(ctx: AuthedContext, keys: string[]) {
  const found = new Map<string, { id: string; row: HistoryRow }>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    const rows = await ctx.db
      .select({
        id: situations.id,
        key: situations.externalKey,
        status: situations.status,
        announcedAt: situations.announcedAt,
        decidedAt: situations.decidedAt,
        regionCode: regions.code,
        institutionKind: institutions.kind,
        followUp6: situations.importedFollowUp6,
        followUp12: situations.importedFollowUp12,
      })
      .from(situations)
      .innerJoin(regions, eq(regions.id, situations.regionId))
      .innerJoin(institutions, eq(institutions.id, situations.announcingInstitutionId))
      .where(inArray(situations.externalKey, chunk));
    const passages = rows.length
      ? await ctx.db
          .select()
          .from(carePassages)
          .where(
            inArray(
              carePassages.situationId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(carePassages.startedAt), asc(carePassages.createdAt))
      : [];
    for (const r of rows)
      found.set(r.key as string, {
        id: r.id,
        row: {
          externalKey: r.key as string,
          announcedOn: r.announcedAt ? swissDay(r.announcedAt) : '',
          decidedOn: r.decidedAt ? swissDay(r.decidedAt) : '',
          regionCode: r.regionCode,
          institutionKind: r.institutionKind as InstitutionKind,
          decision: r.status === 'refused' ? 'refused' : 'taken_into_care',
          passages: passages
            .filter((p) => p.situationId === r.id)
            .map((p) => ({
              kind: p.kind,
              startedOn: swissDay(p.startedAt),
              endedOn: p.endedAt ? swissDay(p.endedAt) : '',
              outcome: p.outcome as HistoryRow['passages'][number]['outcome'],
            })),
          followUp6: r.followUp6,
          followUp12: r.followUp12,
        },
      });
  }
  return found;
}
