import { Dropzone } from '@mantine/dropzone';
import { IconFileCertificate, IconUpload, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * Inside a Dropzone: the icon that says whether the file dragged over it is taken or
 * refused; `idle` (a certificate unless given) while nothing is over it.
 */
export function DropzoneIcon({ size, idle }: { size: number; idle?: ReactNode }) {
  return (
    <>
      <Dropzone.Accept>
        <IconUpload size={size} aria-hidden />
      </Dropzone.Accept>
      <Dropzone.Reject>
        <IconX size={size} aria-hidden />
      </Dropzone.Reject>
      <Dropzone.Idle>{idle ?? <IconFileCertificate size={size} aria-hidden />}</Dropzone.Idle>
    </>
  );
}
