import { describe, expect, it } from 'vitest';
import { type TandemTimeBasis, basisOn, tandemTimeCosts, tandemTimeCounted } from './tandem-time.ts';

/** Decision 027: the tandems' time, costed on an effective-dated basis (issue 13; seeds 000, 002, 003). */
const bases: TandemTimeBasis[] = [
  { from: '2010-01-01', hoursPerMeeting: { orp: 1.5, cms: 1.5 }, hourlyCents: { orp: 100_00, cms: 80_00 } },
  { from: '2024-01-01', hoursPerMeeting: { orp: 1, cms: 2 }, hourlyCents: { orp: 120_00, cms: 100_00 } },
];

describe('the tandems’ time', () => {
  it('values each meeting at each member’s hours and rate, with the basis in force that day', () => {
    expect(basisOn('2009-12-31', bases)).toBeNull();
    expect(basisOn('2023-12-31', bases)?.hourlyCents.orp).toBe(100_00);
    expect(basisOn('2024-01-01', bases)?.hourlyCents.orp).toBe(120_00);
    // Two meetings in 2023 (1.5 h × 100 + 1.5 h × 80 each), one in 2024 (1 h × 120 + 2 h × 100).
    expect(
      tandemTimeCosts(
        [
          { day: '2023-06-01', meetings: 2, mip: false },
          { day: '2024-03-01', meetings: 1, mip: false },
        ],
        bases,
      ),
    ).toEqual({ tandemOrpCents: 300_00 + 120_00, tandemCmsCents: 240_00 + 200_00 });
  });

  it('before 2023 a MIP pays the CMS’s time of its file: not counted twice (seed 002); from 2023 there is none', () => {
    const days = [
      { day: '2022-12-31', meetings: 2, mip: true },
      { day: '2023-01-02', meetings: 1, mip: true },
    ];
    expect(tandemTimeCosts(days, bases)).toEqual({ tandemOrpCents: 450_00, tandemCmsCents: 120_00 });
  });

  it('says how it is counted, with the basis in force, in French and German', () => {
    const text = tandemTimeCounted('2026-11-30', bases);
    expect(text.fr).toContain('1 h du ou de la conseiller·ère ORP à CHF 120 l’heure');
    expect(text.fr).toContain('depuis le 01.01.2024');
    expect(text.de).toContain('2 h der Sozialarbeit des SMZ zu CHF 100 pro Stunde');
  });
});
