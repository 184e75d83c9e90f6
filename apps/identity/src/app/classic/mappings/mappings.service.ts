import { Injectable, Logger } from '@nestjs/common';
import { CertgateError, ClassicKv, ErrorCode, type CertificateMapping } from '@certgate/contracts';
import { acceptExternalCertificate } from '../../keys/external-certificate';
import { IdentityRecords } from '../../store/identity-records';
import { readMappings } from '../classic-records';

/**
 * Certificate-to-user mappings (design §4, classic mode). A mapping lives under its
 * certificate's fingerprint, `mapping.<sha256>`, claimed with `claimUnique` (a `kv.create`):
 * that key is its own uniqueness index, so two requests (on any replicas) can never map one
 * certificate twice, and there is no second key that could be left half-written.
 */
@Injectable()
export class MappingsService {
  private readonly logger = new Logger(MappingsService.name);

  constructor(private readonly records: IdentityRecords) {}

  async list(user?: string): Promise<CertificateMapping[]> {
    const all = await readMappings(this.records);
    return user === undefined ? all : all.filter((m) => m.user === user);
  }

  async get(id: string): Promise<CertificateMapping> {
    const stored = await this.records.mappings.get(ClassicKv.mapping(id));
    if (!stored) throw notFound(id);
    return stored.value;
  }

  /** The user name is taken as given: it need not exist anywhere else, and nothing else is created. */
  async create(user: string, pem: string, now = new Date()): Promise<CertificateMapping> {
    // The same checks as a service key's certificate: one leaf, valid now, usable for client authentication.
    const cert = acceptExternalCertificate(pem, now);
    const mapping: CertificateMapping = { id: cert.fingerprint, user, certificate: cert.toInfo(), createdAt: now.toISOString() };
    const claim = await this.records.mappings.claimUnique(ClassicKv.mapping(cert.fingerprint), mapping, { attempts: 3 });
    if (claim.won) {
      this.logger.log({ msg: 'certificate mapped to user', user, id: mapping.id, subjectDN: cert.subjectDN, issuerDN: cert.issuerDN });
      return mapping;
    }
    // No holder: the key changed hands under every attempt (mapped and unmapped by others).
    if (!claim.holder) {
      throw new CertgateError(ErrorCode.concurrentChange, 'this certificate is being mapped and unmapped by other requests at the same time; try again', {
        id: mapping.id,
      });
    }
    const holder = claim.holder.value;
    if (holder.user === user) {
      throw new CertgateError(ErrorCode.mappingExists, `this certificate is already mapped to user '${user}' (mapping ${holder.id})`, {
        user,
        id: holder.id,
      });
    }
    throw new CertgateError(
      ErrorCode.certificateInUse,
      `this certificate is already mapped to user '${holder.user}' (mapping ${holder.id}); a certificate maps to one user only: delete that mapping first`,
      { user: holder.user, id: holder.id },
    );
  }

  /** The certificate stops authenticating as the user on every replica at once. */
  async delete(id: string): Promise<void> {
    const mapping = await this.get(id);
    await this.records.mappings.delete(ClassicKv.mapping(id));
    this.logger.log({ msg: 'certificate mapping deleted', user: mapping.user, id });
  }
}

function notFound(id: string): CertgateError {
  return new CertgateError(ErrorCode.mappingNotFound, `there is no certificate-user mapping with id '${id}'`, { id });
}
