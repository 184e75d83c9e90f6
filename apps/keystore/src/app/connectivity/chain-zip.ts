import { zipSync } from 'fflate';
import type { ConnectivityResult, DownloadFile } from '@certgate/contracts';
import { parseCertificate } from '@certgate/x509';

/** The peer chain as DER `.cer` files, numbered leaf first, named by their subject CN. */
export function chainZip(result: ConnectivityResult): Buffer {
  const files: Record<string, Uint8Array> = {};
  result.peerChain.forEach((info, i) => {
    const certificate = parseCertificate(info.pem);
    files[`${i}-${fileSafe(certificate.subjectCN ?? certificate.fingerprint.slice(0, 16))}.cer`] = certificate.der;
  });
  return Buffer.from(zipSync(files, { level: 0 }));
}

/** The zip as the file the console hands out, named after the server that was tested. */
export function chainZipFile(host: string, port: number, result: ConnectivityResult): DownloadFile {
  return { contentType: 'application/zip', fileName: `${fileSafe(host)}-${port}-chain.zip`, contentBase64: chainZip(result).toString('base64') };
}

function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 64) || 'certificate';
}
