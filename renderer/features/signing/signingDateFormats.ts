import type { Translator } from '../../i18n/translator';
import type { SigningDateFormats } from '../../i18n/signingMessages';
import { localToday } from '../../ui/localToday';

/**
 * Certificate dates are instants; the operator reads them as the local date, as printed on the
 * counter's documents (a key that expires at 00:00 in Astana expired "on" that day, not the day before in UTC).
 */
export function signingDateFormats(translator: Pick<Translator, 'formatDate' | 'formatDateTime'>): SigningDateFormats {
  return {
    formatInstantDate: (isoDateTime) => {
      const instant = new Date(isoDateTime);
      return Number.isNaN(instant.getTime()) ? isoDateTime : translator.formatDate(localToday(instant));
    },
    formatDateTime: translator.formatDateTime,
  };
}
