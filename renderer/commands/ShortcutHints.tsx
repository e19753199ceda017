import { useTranslator } from '../i18n/useTranslator';
import { commandNamed, type CommandName } from './workstationCommands';

/** A quiet line listing the shortcuts of the given commands, read from the command list itself. */
export function ShortcutHints({ names }: { readonly names: readonly CommandName[] }) {
  const { t } = useTranslator();
  return (
    <p className="shortcut-hints">
      {names.map((name) => {
        const command = commandNamed(name);
        return (
          <span key={name} className="shortcut-hints__item">
            <kbd>{command.shortcut}</kbd> {t(command.labelKey)}
          </span>
        );
      })}
    </p>
  );
}
