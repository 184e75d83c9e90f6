export type X509ErrorCode =
  | 'parse_error'
  | 'not_a_certificate'
  | 'empty_input'
  | 'unsupported_algorithm'
  | 'key_mismatch'
  | 'pkcs12_legacy_algorithm'
  | 'pkcs12_bad_password'
  | 'pkcs12_invalid'
  | 'csr_invalid'
  | 'csr_bad_signature'
  | 'key_transport';

/**
 * The one error type of this library. `message` is meant for the person who
 * supplied the input, so it says what to do; it never contains key material.
 */
export class X509Error extends Error {
  override readonly name = 'X509Error';

  constructor(
    readonly code: X509ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isX509Error(err: unknown, code?: X509ErrorCode): err is X509Error {
  return err instanceof X509Error && (code === undefined || err.code === code);
}
