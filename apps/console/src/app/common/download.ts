import { StreamableFile } from '@nestjs/common';
import type { DownloadFile } from '@certgate/contracts';

/** A file a service built, handed out as it is: an attachment when it has a name. */
export function downloadOf(file: DownloadFile): StreamableFile {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  return new StreamableFile(
    bytes,
    file.fileName ? { type: file.contentType, disposition: `attachment; filename="${file.fileName}"` } : { type: file.contentType },
  );
}
