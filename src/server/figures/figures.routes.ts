import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AnnualReportBodySchema,
  AnnualReportQuerySchema,
  AnnualReportTextsSchema,
} from '../../contracts/annual-report.ts';
import { ErrorBodySchema } from '../../contracts/common.ts';
import { FiguresQuerySchema, FiguresSchema } from '../../contracts/figures.ts';
import { figureSheets, figuresCsv } from '../../domain/statistics/figures-sheet.ts';
import { authed } from '../http/auth-hook.ts';
import { figuresXlsx } from './figures-xlsx.ts';
import { getAnnualReportTexts } from './get-annual-report-texts.ts';
import { getFigures } from './get-figures.ts';
import { printAnnualReport } from './print-annual-report.ts';
import { saveAnnualReportTexts } from './save-annual-report-texts.ts';

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const writeErrors = { ...errors, 409: ErrorBodySchema };
const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The figures (issue 13): JSON for the screens and statistics offices, CSV and XLSX from the same computation. */
export async function figuresRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['figures'];
  r.get(
    '/api/figures',
    {
      schema: {
        tags,
        description:
          'The figures of the CII for a year (or a period), the canton or a region: counts, shares, durations, ' +
          'time to insertion, durability and costs, each with its definition in French and German.',
        querystring: FiguresQuerySchema,
        response: { 200: FiguresSchema, ...errors },
      },
    },
    (req) => getFigures(authed(req), req.query),
  );
  for (const format of ['csv', 'xlsx'] as const)
    r.get(
      `/api/figures/${format}`,
      {
        schema: {
          tags,
          description: `The same figures as a ${format.toUpperCase()} file (internal or public, as asked).`,
          querystring: FiguresQuerySchema,
        },
      },
      async (req, reply) => {
        const ctx = authed(req);
        const f = await getFigures(ctx, req.query, 'figures.export');
        const sheets = figureSheets(f, ctx.lang);
        const stem = ctx.lang === 'de' ? 'kennzahlen' : 'chiffres';
        const name = `${stem}-${f.period.from}-${f.period.to}-${f.publication}`;
        return format === 'csv'
          ? download(reply, CSV, `${name}.csv`, `\uFEFF${figuresCsv(sheets)}`)
          : download(reply, XLSX, `${name}.xlsx`, await figuresXlsx(sheets));
      },
    );
  r.get(
    '/api/figures/annual-report',
    {
      schema: {
        tags,
        description: 'The texts of the annual report of a year in one language (empty, version null, before a save).',
        querystring: AnnualReportQuerySchema,
        response: { 200: AnnualReportTextsSchema, ...errors },
      },
    },
    (req) => getAnnualReportTexts(authed(req), req.query.year, req.query.lang),
  );
  r.put(
    '/api/figures/annual-report',
    {
      schema: {
        tags,
        description:
          'The cantonal CII officer saves the texts of the annual report of a year in one language. ' +
          'Names the version read (null the first time); 409 if it changed since.',
        querystring: AnnualReportQuerySchema,
        body: AnnualReportBodySchema,
        response: { 200: AnnualReportTextsSchema, ...writeErrors },
      },
    },
    (req) => saveAnnualReportTexts(authed(req), req.query.year, req.query.lang, req.body),
  );
  r.get(
    '/api/figures/annual-report/pdf',
    {
      schema: {
        tags,
        description:
          'The annual report of a year as a PDF in French or German, in the structure of the 2012 report ' +
          '(seed 004 §2–§7): the texts of that year and language, the published (small counts hidden) figures.',
        querystring: AnnualReportQuerySchema,
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await printAnnualReport(authed(req), req.query.year, req.query.lang);
      return download(reply, 'application/pdf', filename, pdf);
    },
  );
}

function download(reply: FastifyReply, type: string, filename: string, body: string | Buffer) {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
