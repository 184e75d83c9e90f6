// The public surface of @certgate/x509. Everything else in this folder is internal.
import 'reflect-metadata';
import './engine';

export { X509Error, isX509Error, type X509ErrorCode } from './errors';
export type { CryptoKey, CryptoKeyPair } from './engine';
export { Certificate, type CertificateInfoFields, type SubjectAltName } from './certificate';
export { parseCertificate, parseCertificates, toPemBundle } from './parse';
export { normalizeDN, normalizeDNReversed, dnInForwardOrder, dnEquals, commonName, parseDN, formatDN, type DnAttributeValue } from './dn';
export {
  ChainFailureReason,
  DEFAULT_KEY_POLICY,
  describeReason,
  isValidAnchor,
  reasonFromTlsError,
  verifyChain,
  type AnchorOptions,
  type AnchorVerdict,
  type ChainVerdict,
  type EcCurve,
  type EdwardsCurve,
  type KeyPolicy,
  type Purpose,
  type VerifyChainOptions,
} from './chain';
export { Crl, parseCrl, crlDistributionUrls } from './crl';
export { ocspNonce, ocspRequest, ocspResponderUrls, ocspVerdict, type OcspStatus, type OcspVerdictOptions } from './ocsp';
export { checkRevocation, missingEkuProblem, type EkuPolicy, type RevocationInput, type RevocationMode, type RevocationVerdict } from './revocation';
export { reviewHandshakeChain, trustStoreAnchors, type HandshakeReview, type HandshakeReviewInput } from './handshake-review';
export { describeKey, exportPrivateKeyPem, exportPublicKeyPem, generateKeyPair, importPrivateKeyPem, keyMatchesCertificate, type KeySpec } from './keys';
export { importPublicKeyPem } from './public-key';
export { createCsr, parseCsr, type CreateCsrOptions, type ParsedCsr } from './csr';
export { issueCertificate, type IssueOptions } from './issue';
export { readPkcs12, writePkcs12, type Pkcs12Contents, type WritePkcs12Options } from './pkcs12';
export { decryptPrivateKey, encryptPrivateKeyPem } from './key-encryption';
export { peerCertificateOf, peerChain, readTlsPeerCertificate, rfc4514FromOpenSsl, type TlsPeerCertificate } from './tls-peer';
export { createRecipientKey, sealForRecipient, openFromSender, type RecipientKey, type SealedPrivateKey } from './key-transport';
export { chainToPkcs7Der } from './pkcs7';
export { dnFromDer } from './dn-from-der';
export { readServerFlight, clientCertificateTypeName, type TlsServerFlight, type TlsCertificateRequest, type TlsAlert } from './tls-server-flight';
export { tlsAlertName, tlsAlertFromError, isClientCertificateAlert } from './tls-alerts';
export { judgeTlsServer, HOSTNAME_MISMATCH, type TlsServerVerdict, type TlsServerVerdictInput, type TlsServerFailureReason } from './tls-server-verdict';
