import { checkServerIdentity } from 'node:tls';
import { Injectable, Logger } from '@nestjs/common';
import { CertgateError, ErrorCode, errorMessage, type ConnectivityRequest, type ConnectivityResult } from '@certgate/contracts';
import { judgeTlsServer, parseCertificate, parseCertificates, reviewHandshakeChain, trustStoreAnchors, type Certificate } from '@certgate/x509';
import { findEntry, listEntries } from '../common/entry-lookup';
import { KeystoreRecords } from '../store/keystore-records';
import { KeyVault } from '../vault/key-vault';
import { openSealedKey } from '../vault/open-sealed-key';
import { clientAuthentication, type PresentedKeyPair } from './client-authentication';
import { connectFailure, opensslReason } from './connect-failure';
import { certificateInfo, peerChainDer } from './peer-chain';
import { probeServerFlight } from './server-flight-probe';
import { handshake, sniFor, type HandshakeOutcome, type TlsFacts } from './tls-handshake';

interface ClientKeyPair {
  presented: PresentedKeyPair;
  /** Plain only in memory, for the TLS context of this one test. */
  keyPem: string;
  chainPem: string;
}

type Validation = ConnectivityResult['validation'];

/** The TLS connectivity test: one handshake for the facts, one TLS 1.2 probe for the client-certificate request. */
@Injectable()
export class ConnectivityService {
  private readonly logger = new Logger(ConnectivityService.name);

  constructor(
    private readonly records: KeystoreRecords,
    private readonly vault: KeyVault,
  ) {}

  async test(req: ConnectivityRequest): Promise<ConnectivityResult> {
    const serverName = req.serverName ?? req.host;
    const servername = sniFor(req.host, req.serverName);
    const client = req.keyAlias ? await this.clientKeyPair(req.keyAlias) : undefined;
    const anchors = req.validateServerCertificate ? await this.trustedCertificates() : [];

    // `[::1]` is how an IPv6 address is written next to a port; sockets want it bare.
    const host = req.host.replace(/^\[(.*)\]$/, '$1');
    const [main, probe] = await Promise.all([
      handshake({ host, port: req.port, servername, ca: anchors, client, timeoutMs: req.timeoutMs }).catch((err: unknown) => {
        // Only building the TLS context throws; with a key pair that means OpenSSL cannot use it.
        throw client ? unusableKeyPair(client.presented.alias, err) : err;
      }),
      probeServerFlight({ host, port: req.port, servername, timeoutMs: req.timeoutMs }),
    ]);

    // Nothing readable came back: the network or the server refused before it sent its certificate.
    if (!main.completed && !main.facts) {
      throw connectFailure(req.host, req.port, { ...main, timeoutMs: req.timeoutMs, presentedAlias: client?.presented.alias });
    }
    const facts: TlsFacts = main.facts ?? { protocol: null, authorized: false };
    const chainDer = peerChainDer(facts.peer);
    const chain = chainDer.map(certificateInfo);
    const result: ConnectivityResult = {
      host: req.host,
      port: req.port,
      serverName,
      protocol: facts.protocol ?? 'unknown',
      cipher: facts.cipher ? { name: facts.cipher.name, standardName: facts.cipher.standardName, version: facts.cipher.version } : { name: 'unknown' },
      peerChain: chain,
      clientAuthentication: clientAuthentication({
        probe,
        protocol: facts.protocol,
        ...(main.completed ? { afterwards: main.afterwards } : { abortAlert: main.alert }),
        presented: client?.presented,
      }),
      validation: req.validateServerCertificate
        ? await withPolicy(validate(main, facts, serverName, anchors.length, chain.at(-1)?.issuerDN), chainDer, anchors)
        : notValidated(),
      durationMs: main.durationMs,
    };
    if (!main.completed) {
      const aborted = connectFailure(req.host, req.port, { ...main, timeoutMs: req.timeoutMs, presentedAlias: client?.presented.alias }).message;
      result.clientAuthentication.note = [aborted, result.clientAuthentication.note].filter(Boolean).join('; ');
    }
    this.logger.log({
      msg: 'connectivity test',
      host: req.host,
      port: req.port,
      protocol: result.protocol,
      completed: main.completed,
      valid: result.validation.valid,
      clientAuthRequested: result.clientAuthentication.requested,
      keyAlias: req.keyAlias,
      durationMs: result.durationMs,
    });
    return result;
  }

  private async clientKeyPair(alias: string): Promise<ClientKeyPair> {
    const entry = await findEntry(this.records.entries, alias);
    if (!entry) throw new CertgateError(ErrorCode.keyAliasUnknown, `keyAlias: no key pair with alias '${alias}' in the keystore`, { field: 'keyAlias', alias });
    if (entry.kind !== 'key-pair' || !entry.encryptedKey) {
      throw new CertgateError(
        ErrorCode.keyAliasUnknown,
        `keyAlias: '${alias}' is a trusted certificate, not a key pair: it has no private key to present as a client certificate`,
        { field: 'keyAlias', alias },
      );
    }
    const chain = parseCertificates(entry.chainPem);
    return {
      presented: { alias, subjectDN: entry.subjectDN, fingerprint: entry.fingerprint, issuerDNs: chain.map((c) => c.issuerDN) },
      keyPem: openSealedKey(this.vault, alias, entry.encryptedKey),
      chainPem: entry.chainPem,
    };
  }

  private async trustedCertificates(): Promise<string[]> {
    return (await listEntries(this.records.entries)).filter((e) => e.kind === 'certificate').map((e) => e.chainPem);
  }
}

function validate(main: HandshakeOutcome, facts: TlsFacts, serverName: string, anchorCount: number, topIssuerDN: string | undefined): Validation {
  const identityError = facts.peer ? checkServerIdentity(serverName, facts.peer) : new Error('the server sent no certificate');
  if (!main.completed) {
    // OpenSSL gives its verdict on the chain only for a completed handshake.
    const hostnameMatches = identityError === undefined;
    return {
      performed: true,
      valid: hostnameMatches ? null : false,
      chainTrusted: null,
      hostnameMatches,
      reason: 'handshake_incomplete',
      message: 'the TLS handshake did not complete, so the chain was not verified',
    };
  }
  const trustStore = anchorCount ? 'the keystore' : 'the keystore (it holds no trusted certificates)';
  const verdict = judgeTlsServer({
    authorized: facts.authorized,
    authorizationError: facts.authorizationError,
    identityError,
    serverName,
    trustStore,
    topIssuerDN,
  });
  return { performed: true, ...verdict };
}

/**
 * The second engine (docs/certificate-policy.md, "Two engines"): a chain OpenSSL trusted
 * is held to certgate's certificate policy too, as receiver calls are, so the test does
 * not call valid what a receiver call would refuse.
 */
async function withPolicy(validation: Validation, chainDer: Buffer[], trustedPems: string[]): Promise<Validation> {
  if (validation.chainTrusted !== true) return validation;
  let chain: Certificate[];
  try {
    chain = chainDer.map((der) => parseCertificate(der));
  } catch (err) {
    return {
      ...validation,
      valid: false,
      chainTrusted: false,
      reason: 'profile_violation',
      message: `a certificate of the chain cannot be read: ${errorMessage(err)}`,
    };
  }
  const review = await reviewHandshakeChain({ tlsError: '', chain, anchors: trustStoreAnchors(trustedPems), purpose: 'serverAuth' });
  if (review.ok) return validation;
  return {
    ...validation,
    valid: false,
    chainTrusted: false,
    reason: review.reason,
    message: `OpenSSL trusts the chain, but certgate's certificate policy refuses it (receiver calls would fail): ${review.message}`,
  };
}

function unusableKeyPair(alias: string, err: unknown): CertgateError {
  const reason = opensslReason(errorMessage(err));
  return new CertgateError(
    ErrorCode.keyMismatch,
    `the key pair '${alias}' cannot be presented over TLS (${reason}): its private key and certificate do not fit together`,
    { alias },
  );
}

function notValidated(): Validation {
  return { performed: false, valid: null, chainTrusted: null, hostnameMatches: null };
}
