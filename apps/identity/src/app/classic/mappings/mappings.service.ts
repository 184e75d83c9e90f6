import { Injectable, Logger } from '@nestjs/common';
import { certificateMappingSchema, CertgateError, ClassicKv, ErrorCode, type CertificateMapping } from '@certgate/contracts';
import { acceptExternalCertificate } from '../../keys/external-certificate';
import { IdentityStore } from '../../store/identity-store';
import { readMappings } from '../classic-records';

/**
 * Certificate-to-user mappings (design §4, classic mode). A mapping lives under its
 * certificate's fingerprint, `mapping.<sha256>`, written with `kv.create`: that key is
 * its own uniqueness index, so two requests (on any replicas) can never map one
 * certificate twice, and there is no second key that could be left half-written.
 */
@Injectable()
export class MappingsService {
  private readonly logger = new Logger(MappingsService.name);

  constructor(private readonly store: IdentityStore) {}

  async list(user?: string): Promise<CertificateMapping[]> {
    const all = await readMappings(this.store);
    return user === undefined ? all : all.filter((m) => m.user === user);
  }

  async get(id: string): Promise<CertificateMapping> {
    const stored = await this.store.get(ClassicKv.mapping(id), certificateMappingSchema);
    if (!stored) throw notFound(id);
    return stored.value;
  }

  /** The user name is taken as given: it need not exist anywhere else, and nothing else is created. */
  async create(user: string, pem: string, now = new Date()): Promise<CertificateMapping> {
    // The same checks as a service key's certificate: one leaf, valid now, usable for client authentication.
    const cert = acceptExternalCertificate(pem, now);
    const mapping: CertificateMapping = { id: cert.fingerprint, user, certificate: cert.toInfo(), createdAt: now.toISOString() };
    const key = ClassicKv.mapping(cert.fingerprint);
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await this.store.create(key, certificateMappingSchema, mapping)) !== undefined) {
        this.logger.log({ msg: 'certificate mapped to user', user, id: mapping.id, subjectDN: cert.subjectDN, issuerDN: cert.issuerDN });
        return mapping;
      }
      const holder = await this.store.get(key, certificateMappingSchema);
      if (!holder) continue; // deleted in the meantime: try again
      throw new CertgateError(
        ErrorCode.conflict,
        `this certificate is already mapped to user '${holder.value.user}' (mapping ${holder.value.id}); a certificate maps to one user only: delete that mapping first`,
        { user: holder.value.user, id: holder.value.id },
      );
    }
    throw new CertgateError(ErrorCode.conflict, 'this certificate is being mapped and unmapped by other requests at the same time; try again', { id: mapping.id });
  }

  /** The certificate stops authenticating as the user on every replica at once. */
  async delete(id: string): Promise<void> {
    const mapping = await this.get(id);
    await this.store.delete(ClassicKv.mapping(id));
    this.logger.log({ msg: 'certificate mapping deleted', user: mapping.user, id });
  }
}

function notFound(id: string): CertgateError {
  return new CertgateError(ErrorCode.notFound, `there is no certificate-user mapping with id '${id}'`, { id });
}
