import type { Actor, Language } from '../../domain/access/roles.ts';
import type { Db } from '../../db/open-db.ts';
import type { Config } from '../config.ts';

/** What every use case receives besides its own input. */
export interface Context {
  db: Db;
  config: Config;
  now: () => Date;
  ip: string;
  lang: Language;
  actor: Actor | null;
}
export interface AuthedContext extends Context {
  actor: Actor;
}
