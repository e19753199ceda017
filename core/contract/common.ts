import { z } from 'zod';

/** Returned by every method that needs a signed-in operator when there is none (e.g. after idle lock). */
export type NotSignedIn = { readonly kind: 'not-signed-in' };

export const languageSchema = z.enum(['kk', 'ru', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const entityIdSchema = z.uuid();
