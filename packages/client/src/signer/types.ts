export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export type QueryValue = string | number | boolean | null | undefined | Array<string | number | boolean>;

export interface SignableRequest {
  /** 'GET' | 'POST' ...; upper-cased for the canonical request. */
  method: string;
  /** Decoded path, usually '/'; each segment is percent-encoded when canonicalised. */
  path: string;
  query: Record<string, QueryValue>;
  /** As the caller will send them, any case (may include Host, Content-Type). */
  headers: Record<string, string>;
  /** Exact body sent ('' for none); hashed as UTF-8. */
  body: string;
}

export interface SignOptions {
  credentials: SigningCredentials;
  region: string;
  /** e.g. 'speech_saas_prod' */
  service: string;
  /** Injected clock, so signing stays a pure function of its inputs. */
  now: Date;
  /**
   * Which headers to sign. Default: every header present in request.headers except authorization,
   * content-length, user-agent, expect, presigned-expires — plus x-date, x-content-sha256 and
   * (if present) x-security-token, which the signer adds. An explicit list is used as given (case-
   * insensitive, de-duplicated) except that x-date is always added; each listed header must be present.
   */
  signedHeaders?: string[];
}

export interface SignedRequestParts {
  /** The input headers plus X-Date, X-Content-Sha256, X-Security-Token?, Authorization. */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  signedHeaders: string;
  credentialScope: string;
}
