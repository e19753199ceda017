import type { ReactNode } from 'react';
import type { CertificateCardView } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { signingDateFormats } from './signingDateFormats';

function CertificateRow({ label, testId, children }: { readonly label: string; readonly testId: string; readonly children: ReactNode }) {
  return (
    <div className="card-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** The key's certificate as main read it, for the operator to recognise as their own before signing. */
export function CertificateCard({ card, isUsable }: { readonly card: CertificateCardView; readonly isUsable: boolean }) {
  const translator = useTranslator();
  const { t } = translator;
  const { formatInstantDate } = signingDateFormats(translator);
  const { owner } = card;
  return (
    <section
      className={`applicant-card certificate-card${isUsable ? '' : ' applicant-card--blocked'}`}
      data-testid="sign-certificate-card"
      aria-label={t('sign.card.title')}
    >
      <dl className="applicant-card__rows">
        <CertificateRow label={t('sign.card.owner')} testId="sign-cert-owner">
          {owner.fullName || '—'}
        </CertificateRow>
        <CertificateRow label={t('sign.card.iin')} testId="sign-cert-iin">
          {owner.iin ?? '—'}
        </CertificateRow>
        {owner.organization !== null && (
          <CertificateRow label={t('sign.card.organization')} testId="sign-cert-organization">
            {owner.bin === null ? owner.organization : t('sign.card.organizationValue', { organization: owner.organization, bin: owner.bin })}
          </CertificateRow>
        )}
        <CertificateRow label={t('sign.card.validity')} testId="sign-cert-validity">
          {t('sign.card.validityValue', { from: formatInstantDate(card.notBefore), to: formatInstantDate(card.notAfter) })}
        </CertificateRow>
        <CertificateRow label={t('sign.card.issuer')} testId="sign-cert-issuer">
          {card.issuerCommonName ?? '—'}
        </CertificateRow>
        <CertificateRow label={t('sign.card.algorithm')} testId="sign-cert-algorithm">
          {card.algorithm === 'unknown' ? '—' : card.algorithm}
        </CertificateRow>
        <CertificateRow label={t('sign.card.chain')} testId="sign-cert-chain">
          {card.chain.length === 0 ? (
            t('sign.card.chainUntrusted')
          ) : (
            <ol className="certificate-card__chain">
              {card.chain.map((link, index) => (
                <li key={index} data-testid="sign-cert-chain-link">
                  {link.isRoot ? t('sign.card.chainRoot', { name: link.commonName ?? '—' }) : (link.commonName ?? '—')}
                </li>
              ))}
            </ol>
          )}
        </CertificateRow>
        <CertificateRow label={t('sign.card.purpose')} testId="sign-cert-purpose">
          {t(card.isSigningKey ? 'sign.card.signingKey' : 'sign.card.authKey')}
        </CertificateRow>
      </dl>
      {isUsable && (
        <p className="certificate-card__ready" data-testid="sign-key-ready">
          {t('sign.card.ready')}
        </p>
      )}
    </section>
  );
}
