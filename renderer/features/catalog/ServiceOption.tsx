import type { ServiceSummary } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';

/**
 * One catalog entry: title in the interface language, its version (the act's year), provider, and
 * the regulation it comes from. The year matters: the 2012 and 2014 versions of an activity have
 * near-identical titles, and a supervisor decides which one is current.
 */
export function ServiceOption({
  service,
  isSelected,
  onSelect,
}: {
  readonly service: ServiceSummary;
  readonly isSelected: boolean;
  readonly onSelect: (serviceId: string) => void;
}) {
  const { t, language } = useTranslator();
  const source = service.source.annex
    ? t('service.sourceWithAnnex', { year: service.year, seedFile: service.source.seedFile, annex: service.source.annex })
    : t('service.source', { year: service.year, seedFile: service.source.seedFile });
  return (
    <button
      type="button"
      className="service-option"
      data-testid={`service-option-${service.id}`}
      aria-pressed={isSelected}
      onClick={() => onSelect(service.id)}
    >
      <span className="service-option__heading">
        <span className="service-option__title">{service.title[language]}</span>
        <span className="service-option__version" data-testid="service-version">
          {t('service.version', { year: service.year })}
        </span>
      </span>
      <span className="service-option__provider">{t('service.provider', { provider: service.provider[language] })}</span>
      <span className="service-option__source">{source}</span>
    </button>
  );
}
