import type { Customer, StatusChange } from '../customer';
import type { Invoice } from '../invoice';
import type { Member } from '../member';
import type { IsoDate } from '../primitives';
import type { Rating } from '../rating';
import type { CountryProfile } from './countries';
import type { DateTexts } from './date-texts';
import type { Rng } from './random';

/** The generator's options and output, and what its parts share while one book is made. */
export type DemoBookOptions = {
  seed: number;
  customers: number;
  /** Average; individual customers have from none to many. */
  invoicesPerCustomer: number;
  today: IsoDate;
  country: string;
  currency: string;
  members?: Member[];
};

export type DemoBook = {
  members: Member[];
  customers: Customer[];
  invoices: Invoice[];
  ratings: Rating[];
  statusChanges: StatusChange[];
};

export type PayerProfile = 'prompt' | 'late' | 'bad';

/** What the whole book shares while customers are generated. */
export type Book = {
  rng: Rng;
  out: DemoBook;
  home: CountryProfile;
  abroad: readonly CountryProfile[];
  currency: string;
  scale: number;
  todayDay: number;
  windowStart: number;
  invoicesPerCustomer: number;
  /** Names of the people who set statuses (owner and managers, else anyone). */
  setters: readonly string[];
  workshopDays: readonly number[];
  texts: DateTexts;
  /** Each invoice's issue day, by position in out.invoices, for numbering at the end. */
  issueDays: number[];
};
