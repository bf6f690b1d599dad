import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create('/work/wt-bench/.tmp/bench-try/pgdata');
for (const q of [
  `SELECT status, count(*) FROM situations GROUP BY 1 ORDER BY 2 DESC`,
  `SELECT r.code, count(*) FROM situations s JOIN regions r ON r.id = s.region_id GROUP BY 1`,
  `SELECT anonymous, count(*) FROM situations GROUP BY 1`,
  `SELECT extract(year from created_at) y, count(*) FROM situations GROUP BY 1 ORDER BY 1`,
  `SELECT number, official_name, first_names, search_name, navs13, birth_date FROM situations s JOIN persons p ON p.id = s.person_id ORDER BY s.created_at DESC LIMIT 5`,
  `SELECT outcome, count(*) FROM mandates GROUP BY 1`,
  `SELECT status, count(*) FROM measures GROUP BY 1`,
  `SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL) revoked, count(*) FILTER (WHERE valid_until < '2026-11-30') expired, count(*) FROM consents`,
  `SELECT u.username, count(*) FROM situations s JOIN users u ON u.id = s.announcing_user_id GROUP BY 1 ORDER BY 2 DESC LIMIT 8`,
]) {
  const r = await db.query(q);
  console.log(q.slice(0, 70));
  console.log(r.rows.map((x: any) => Object.values(x).join(' | ')).join('\n'));
}
await db.close();
