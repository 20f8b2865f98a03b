import { isValidBsn } from '../domain/bsn.js';
import { isIsoDate, todayIso } from '../domain/dates.js';

/** Today in Amsterdam; kept here for the routes that import it from the formats. */
export { isIsoDate, todayIso };

/** JSON-schema formats the API uses on top of the standard ones. */
export const customFormats = {
  bsn: (value: string) => isValidBsn(value),
  // "past" means: not after today in the Netherlands (not the UTC date, which lags until 02:00)
  'past-date': (value: string) => isIsoDate(value) && value <= todayIso(),
  'iso-date': (value: string) => isIsoDate(value),
};
