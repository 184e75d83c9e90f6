import type { ConnectivityResult } from '@certgate/contracts';
import { dnEquals, dnFromDer, isClientCertificateAlert, type TlsServerFlight } from '@certgate/x509';
import type { Afterwards } from './tls-handshake';
import type { ProbeOutcome } from './server-flight-probe';

export type ClientAuthentication = ConnectivityResult['clientAuthentication'];

export interface PresentedKeyPair {
  alias: string;
  subjectDN: string;
  fingerprint: string;
  /** Issuer DN of each certificate presented, leaf first: any of them may be what the server accepts. */
  issuerDNs: string[];
}

export interface ClientAuthenticationInput {
  probe: ProbeOutcome;
  /** The protocol of the main handshake, null when it did not get that far. */
  protocol: string | null;
  /** The server's answer after the main handshake, or the alert it aborted it with. */
  afterwards?: Afterwards;
  abortAlert?: { code: number; name: string };
  presented?: PresentedKeyPair;
}

const CERTIFICATE_REQUIRED = 116;

/**
 * Whether the server asks for a client certificate and from which CAs, from the TLS 1.2
 * probe (the CertificateRequest is plaintext there) and what the main handshake saw.
 */
export function clientAuthentication(input: ClientAuthenticationInput): ClientAuthentication {
  const notes: string[] = [];
  const seen = fromProbe(input, notes);
  const acceptedIssuers = seen.acceptedIssuers;
  let requested = seen.requested;
  const alert = input.afterwards?.kind === 'alert' ? input.afterwards.alert : input.abortAlert;
  const alias = input.presented?.alias;

  if (alert && isClientCertificateAlert(alert.code)) {
    // Only a server that asked for a certificate has a verdict on one.
    requested = true;
    if (alert.code === CERTIFICATE_REQUIRED && !alias)
      notes.push(`the server requires a client certificate (TLS alert ${alert.name}); name a key pair it accepts in keyAlias`);
    else
      notes.push(
        alias
          ? `the server refused the client certificate of '${alias}' (TLS alert ${alert.name})`
          : `the server refused the handshake with TLS alert ${alert.name}`,
      );
  } else if (input.afterwards?.kind === 'closed') {
    notes.push(
      alias
        ? `the server closed the connection right after the handshake instead of confirming it: it probably does not accept the client certificate of '${alias}'`
        : 'the server closed the connection right after the handshake instead of confirming it: it probably requires a client certificate',
    );
  }

  if (input.presented && requested === false)
    notes.push(`the server did not ask for a client certificate, so the key pair '${input.presented.alias}' was not sent`);
  if (input.presented && requested && acceptedIssuers?.length && !acceptedIssuers.some((ca) => input.presented?.issuerDNs.some((dn) => dnEquals(dn, ca)))) {
    notes.push(`the issuer of the certificate of '${input.presented.alias}' ('${input.presented.issuerDNs[0]}') is not among the CAs the server accepts`);
  }

  return {
    requested,
    acceptedIssuers,
    ...(input.presented ? { presented: { alias: input.presented.alias, subjectDN: input.presented.subjectDN, fingerprint: input.presented.fingerprint } } : {}),
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}

function fromProbe(input: ClientAuthenticationInput, notes: string[]): Pick<ClientAuthentication, 'requested' | 'acceptedIssuers'> {
  const { flight, error } = input.probe;
  if (flight?.done) {
    if (!flight.certificateRequest) return { requested: false, acceptedIssuers: [] };
    return { requested: true, acceptedIssuers: issuerNames(flight, notes) };
  }
  if (input.protocol === 'TLSv1.3') {
    const refusal = flight?.alert ? ` (it answered TLS 1.2 with alert ${flight.alert.name})` : '';
    notes.push(
      `the server speaks only TLS 1.3${refusal}, where its request for a client certificate is encrypted, so whether it asks for one and from which CAs cannot be seen`,
    );
  } else {
    const why = flight?.alert ? `alert ${flight.alert.name}` : (error?.message ?? 'the handshake was cut short');
    notes.push(`whether the server asks for a client certificate could not be read from its handshake (${why})`);
  }
  return { requested: null, acceptedIssuers: null };
}

function issuerNames(flight: TlsServerFlight, notes: string[]): string[] {
  const names: string[] = [];
  let unreadable = 0;
  for (const der of flight.certificateRequest?.certificateAuthorities ?? []) {
    try {
      names.push(dnFromDer(der));
    } catch {
      unreadable++;
    }
  }
  if (names.length === 0 && unreadable === 0) notes.push('the server sent no CA names: it does not say which issuers it accepts');
  if (unreadable) notes.push(`${unreadable} of the CA names the server sent are not well-formed distinguished names and are left out`);
  return names;
}
