import { useRef, useState, type FormEvent } from 'react';
import { loginErrorMessage } from '../../i18n/contractErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { LanguageSwitch } from '../preferences/LanguageSwitch';
import { AboutLine } from './AboutLine';
import { selectLoginAttempt, selectSessionNotice } from './sessionSelectors';

/** Limits of the contract's login schema: longer input would be refused as a contract violation. */
const MAX_LOGIN_LENGTH = 64;
const MAX_PASSWORD_LENGTH = 256;

export function LoginScreen() {
  const { t, formatTime } = useTranslator();
  const attempt = useWorkstation(selectLoginAttempt);
  const notice = useWorkstation(selectSessionNotice);
  const login = useWorkstation((state) => state.login);
  const run = useRunAction();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  const isBusy = attempt.kind === 'busy';
  const isFilled = username.trim() !== '' && password !== '';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isBusy || !isFilled) return;
    run(
      login({ login: username.trim(), password }).then((result) => {
        // The password is typed again after a refusal; the login stays for a one-letter typo.
        if (!result.ok) {
          setPassword('');
          passwordRef.current?.focus();
        }
      }),
    );
  }

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit} aria-busy={isBusy} noValidate>
        <h1 className="login-card__title">{t('app.title')}</h1>
        <h2 className="login-card__subtitle">{t('login.title')}</h2>
        {notice === 'session-expired' && <Notice tone="info">{t('error.notSignedIn')}</Notice>}
        {notice === 'idle-locked' && (
          <Notice tone="info" testId="login-idle-locked">
            {t('session.idleLocked')}
          </Notice>
        )}
        <label className="field">
          <span className="field__label">{t('login.username')}</span>
          <input
            className="field__input"
            data-testid="login-username"
            name="username"
            autoComplete="username"
            autoFocus
            maxLength={MAX_LOGIN_LENGTH}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('login.password')}</span>
          <input
            ref={passwordRef}
            className="field__input"
            data-testid="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            maxLength={MAX_PASSWORD_LENGTH}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {attempt.kind === 'failed' && (
          <Notice tone="error" testId="login-error">
            {t(loginErrorMessage(attempt.error), attempt.error.kind === 'locked-out' ? { time: formatTime(attempt.error.until) } : undefined)}
          </Notice>
        )}
        <button type="submit" className="button button--primary button--wide" data-testid="login-submit" disabled={isBusy || !isFilled}>
          {isBusy ? t('login.busy') : t('login.submit')}
        </button>
        <div className="login-card__footer">
          <LanguageSwitch />
          <AboutLine />
        </div>
      </form>
    </div>
  );
}
