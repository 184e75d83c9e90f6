import { unzipSync } from 'fflate';
import type { ConnectivityResult } from '@certgate/contracts';
import { createTestPki } from '@certgate/testing';
import { parseCertificate } from '@certgate/x509';
import { chainZip } from './chain-zip';

describe('chainZip', () => {
  it('holds the peer chain as DER .cer files, leaf first, named by CN', async () => {
    const pki = await createTestPki({ name: 'zip' });
    const server = await pki.issueServer('receiver.test');
    const chain = [server.certificate, pki.intermediate.certificate, pki.root.certificate];
    const result = { peerChain: chain.map((c) => ({ pem: c.pem })) } as ConnectivityResult;
    const files = unzipSync(chainZip(result));
    const names = Object.keys(files);
    expect(names).toHaveLength(3);
    expect(names[0]).toMatch(/^0-receiver\.test\.cer$/);
    names.forEach((name, i) => expect(parseCertificate(files[name]).fingerprint).toBe(chain[i].fingerprint));
  });
});
