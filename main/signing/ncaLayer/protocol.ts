// NCALayer's WebSocket messages (kz-domain.md §2): the requests we send and what each reply means.
// Every frame from the agent is validated here; anything unexpected is an agent error, never a crash.
import { z } from 'zod';

export type Locale = 'kk' | 'ru' | 'en';

export const BASICS_MODULE = 'kz.gov.pki.knca.basics';
export const COMMON_UTILS_MODULE = 'kz.gov.pki.knca.commonUtils';

export const handshakeSchema = z.object({ result: z.object({ version: z.string() }) });

/**
 * Detached CMS over Base64 `data`, offered only keys whose owner has `iin` (the logged-in operator).
 * `chain: []` skips the agent's own path building: the workstation checks the chain itself.
 * `timestamp` adds `tsaProfile: {}`: NCALayer then embeds an RFC 3161 token from НУЦ's TSA.
 */
export function basicsSignRequest(dataBase64: string, iin: string, locale: Locale, timestamp = false) {
  return {
    module: BASICS_MODULE,
    method: 'sign',
    args: {
      allowedStorages: null,
      format: 'cms',
      data: dataBase64,
      signingParams: { decode: true, encapsulate: false, digested: false, ...(timestamp ? { tsaProfile: {} } : {}) },
      signerParams: { extKeyUsageOids: [], iin, chain: [] },
      locale,
    },
  } as const;
}

/** Older agents: positional args [storage, keyType, data, attach]; no way to pin the owner's IIN. */
export function legacySignRequest(dataBase64: string) {
  return { module: COMMON_UTILS_MODULE, method: 'createCAdESFromBase64', args: ['PKCS12', 'SIGNATURE', dataBase64, false] } as const;
}

const outputCertSchema = z.object({ signatures: z.array(z.string()).length(1), certificate: z.string().optional() });
const basicsReplySchema = z.union([
  z.object({
    status: z.literal(true),
    body: z.object({ result: z.union([z.string(), z.array(z.string()).length(1), outputCertSchema]).optional() }),
  }),
  z.object({ status: z.literal(false), code: z.string().optional(), message: z.string().optional(), details: z.string().optional() }),
]);
const legacyReplySchema = z.object({ code: z.string(), message: z.string().optional(), responseObject: z.unknown().optional() });

export type SignReply =
  | { readonly kind: 'signed'; readonly cmsText: string; readonly certificateText: string | null }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'module-missing' }
  | { readonly kind: 'failed' };

/**
 * An agent without the basics bundle. The exact wording of a real NCALayer is unconfirmed
 * (kz-domain.md §2.1), so any error naming a missing/unknown module or bundle counts; the reply
 * may come in either envelope.
 */
const MODULE_MISSING = /(module|bundle)\b.*\b(not found|unknown|not available|missing|not registered)|(unknown|no such) (module|bundle)|MODULE_NOT_FOUND/i;

export function interpretBasicsReply(reply: unknown): SignReply {
  const parsed = basicsReplySchema.safeParse(reply);
  if (!parsed.success) {
    const legacy = legacyReplySchema.safeParse(reply);
    return legacy.success && legacy.data.code !== '200' && MODULE_MISSING.test(legacy.data.message ?? '')
      ? { kind: 'module-missing' }
      : { kind: 'failed' };
  }
  const value = parsed.data;
  if (!value.status) {
    const said = [value.code, value.message, value.details].filter((part) => part !== undefined).join(' ');
    return MODULE_MISSING.test(said) ? { kind: 'module-missing' } : { kind: 'failed' };
  }
  const { result } = value.body;
  if (result === undefined) return { kind: 'cancelled' };
  if (typeof result === 'string') return { kind: 'signed', cmsText: result, certificateText: null };
  if (Array.isArray(result)) return { kind: 'signed', cmsText: result[0] ?? '', certificateText: null };
  return { kind: 'signed', cmsText: result.signatures[0] ?? '', certificateText: result.certificate ?? null };
}

export function interpretLegacyReply(reply: unknown): SignReply {
  const parsed = legacyReplySchema.safeParse(reply);
  if (!parsed.success) return { kind: 'failed' };
  const { code, message, responseObject } = parsed.data;
  if (code === '200' && typeof responseObject === 'string') return { kind: 'signed', cmsText: responseObject, certificateText: null };
  if (code === '500' && message === 'action.canceled') return { kind: 'cancelled' };
  return { kind: 'failed' };
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** DER from PEM armour (any label: CMS, PKCS7, CERTIFICATE) or bare Base64; null when it is neither. */
export function decodeArmoured(text: string): Uint8Array | null {
  const armoured = /^\s*-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----\s*$/.exec(text);
  const body = (armoured?.[2] ?? text).replace(/\s+/g, '');
  if (body.length === 0 || body.length % 4 !== 0 || !BASE64.test(body)) return null;
  return Uint8Array.from(Buffer.from(body, 'base64'));
}
