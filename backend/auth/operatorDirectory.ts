import type { Operator } from '../../core/backendApi/wire';
import type { OperatorAccount } from '../fixtures/fixtureSchema';
import { verifyPassword } from './passwordHash';

/**
 * Verifies a hash even for unknown logins, so "no such login" and "wrong password" take the
 * same time and give the same answer. The password behind this hash is random and discarded.
 */
const DECOY_HASH = 'scrypt$16384$8$1$9WZ0pJ8tq3m1vQyQx2Q0Ug$W7CCAkXoIRkvIuSDUw8t3Qe8Jb5T3v6l9n2aV0bH4fE';

export class OperatorDirectory {
  private readonly byLogin: ReadonlyMap<string, OperatorAccount>;

  constructor(accounts: readonly OperatorAccount[]) {
    this.byLogin = new Map(accounts.map((a) => [a.login, a]));
  }

  /** The operator profile when login and password match, otherwise null (never says which failed). */
  async authenticate(login: string, password: string): Promise<Operator | null> {
    const account = this.byLogin.get(login);
    const matches = await verifyPassword(password, account?.passwordHash ?? DECOY_HASH);
    if (!account || !matches) return null;
    const { passwordHash: _hash, ...operator } = account;
    return operator;
  }
}
