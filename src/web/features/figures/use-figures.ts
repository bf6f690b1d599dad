import { useQuery } from '@tanstack/react-query';
import type { FiguresAnswer } from '../../../contracts/figures.ts';
import { get, query } from '../../api/client.ts';

export type FiguresParams = { year: number; region: string | null; publication: 'internal' | 'public' };

export const figuresSearch = (p: FiguresParams) =>
  query({ year: p.year, region: p.region, publication: p.publication });

/** The figures of a year, the canton or a region, internal or published (one request, cached per choice). */
export const useFigures = (p: FiguresParams, enabled = true) =>
  useQuery({
    queryKey: ['figures', p.year, p.region, p.publication],
    queryFn: () => get<FiguresAnswer>(`/api/figures${figuresSearch(p)}`),
    enabled,
  });

export type KeyFigureAnswer = FiguresAnswer['keyFigures'][number];
export type TableAnswer = FiguresAnswer['tables'][number];

/** A key figure in the reader's language: a count as is, a share as a percentage; hidden or not computable: null. */
export function formatValue(lang: 'fr' | 'de', unit: KeyFigureAnswer['unit'], v: number | null): string | null {
  if (v === null) return null;
  const locale = lang === 'de' ? 'de-CH' : 'fr-CH';
  if (unit === 'share') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(v);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
}
