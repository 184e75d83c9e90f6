import { Group, Input, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Dropzone, type FileWithPath } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFileCertificate, IconKey } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../api/ApiProvider';
import { DialogActions } from '../../components/DialogActions';
import { DropzoneIcon } from '../../components/DropzoneIcon';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { base64Of, PEM_FILES, PKCS12_FILES, useRefreshKeystore } from './keystore';

const ALIAS = /^[A-Za-z0-9_-]{1,64}$/;
const aliasRule = (v: string) => (ALIAS.test(v.trim()) ? null : 'An alias is 1–64 letters, digits, _ and -');

/** A drop zone as a form field: the chosen file's name, and the field's error under it. */
function FileField({
  label,
  testId,
  accept,
  file,
  error,
  icon,
  hint,
  onFile,
}: {
  label: string;
  testId: string;
  accept: Record<string, string[]>;
  file: string | undefined;
  error: ReactNode;
  icon: ReactNode;
  hint: string;
  onFile: (file: FileWithPath) => void;
}) {
  const [rejected, setRejected] = useState<string>();
  return (
    <Input.Wrapper label={label} required error={error ?? rejected}>
      <Dropzone
        onDrop={(files) => {
          setRejected(undefined);
          if (files[0]) onFile(files[0]);
        }}
        onReject={(r) => setRejected(`Not accepted: ${r.map((x) => `${x.file.name} (${x.errors.map((e) => e.message).join(', ')})`).join('; ')}`)}
        accept={accept}
        maxFiles={1}
        maxSize={512 * 1024}
        aria-label={`${label}: drop the file here or press to choose it`}
        inputProps={{ 'aria-label': label }}
        data-testid={testId}
        mt={4}
      >
        <Group justify="center" gap="md" mih={64} style={{ pointerEvents: 'none' }}>
          <DropzoneIcon size={28} idle={icon} />
          <div>
            <Text size="sm" fw={600}>
              {file ? `Chosen: ${file}` : 'Drop the file here, or click to choose it'}
            </Text>
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          </div>
        </Group>
      </Dropzone>
    </Input.Wrapper>
  );
}

/** A trusted certificate (`POST /keystore/certificates`): an alias and a dropped PEM file holding one certificate. */
export function TrustedCertificateForm({ onDone }: { onDone: () => void }) {
  const { $api } = useApi();
  const refresh = useRefreshKeystore();
  const add = $api.useMutation('post', '/api/v1/keystore/certificates');
  const [file, setFile] = useState<string>();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { alias: '', certificate: '' },
    validate: { alias: aliasRule, certificate: (v) => (v ? null : 'Drop the PEM file of the certificate') },
  });
  const { error, handle } = useFormApiError(form);

  const submit = form.onSubmit(({ alias, certificate }) =>
    add.mutate(
      { body: { alias: alias.trim(), certificate } },
      {
        onSuccess: (entry) => {
          notifications.show({ color: 'teal', title: 'Trusted certificate added', message: `${alias.trim()}: ${entry?.subjectDN ?? ''}` });
          void refresh();
          onDone();
        },
        onError: handle,
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title="The certificate was not added" />
        <Text size="sm">
          A receiver&apos;s root CA, or a CA that completes a key pair&apos;s chain: one certificate per entry. An expired one is kept (and shown red).
        </Text>
        <TextInput label="Alias" required data-autofocus key={form.key('alias')} {...form.getInputProps('alias')} />
        <FileField
          label="Certificate (PEM)"
          testId="trusted-certificate-dropzone"
          accept={PEM_FILES}
          file={file}
          error={form.errors.certificate}
          icon={<IconFileCertificate size={28} aria-hidden />}
          hint="One certificate, -----BEGIN CERTIFICATE-----"
          onFile={(f) => {
            setFile(f.name);
            void f.text().then((text) => {
              form.setFieldValue('certificate', text);
              form.clearFieldError('certificate');
            });
          }}
        />
        <DialogActions onCancel={onDone} label="Add certificate" pending={add.isPending} />
      </Stack>
    </form>
  );
}

/** A key pair from a PKCS#12 file (`POST /keystore/pkcs12`: alias, password, the `.p12` as base64). */
export function Pkcs12ImportForm({ onDone }: { onDone: () => void }) {
  const { $api } = useApi();
  const refresh = useRefreshKeystore();
  const importP12 = $api.useMutation('post', '/api/v1/keystore/pkcs12');
  const [file, setFile] = useState<string>();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { alias: '', password: '', pkcs12: '' },
    validate: { alias: aliasRule, pkcs12: (v) => (v ? null : 'Drop the .p12 file') },
  });
  const { error, handle } = useFormApiError(form);

  const submit = form.onSubmit(({ alias, password, pkcs12 }) =>
    importP12.mutate(
      { body: { alias: alias.trim(), password, pkcs12 } },
      {
        onSuccess: (entry) => {
          notifications.show({ color: 'teal', title: 'PKCS#12 imported', message: `${alias.trim()}: ${entry?.subjectDN ?? ''}` });
          void refresh();
          onDone();
        },
        onError: handle,
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title="The PKCS#12 file was not imported" />
        <TextInput label="Alias" required data-autofocus key={form.key('alias')} {...form.getInputProps('alias')} />
        <FileField
          label="PKCS#12 file (.p12, .pfx)"
          testId="pkcs12-dropzone"
          accept={PKCS12_FILES}
          file={file}
          error={form.errors.pkcs12}
          icon={<IconKey size={28} aria-hidden />}
          hint="A private key with its certificate chain, AES-encrypted (legacy RC2/3DES files are refused with the openssl options to re-export them)"
          onFile={(f) => {
            setFile(f.name);
            void base64Of(f).then((b64) => {
              form.setFieldValue('pkcs12', b64);
              form.clearFieldError('pkcs12');
            });
          }}
        />
        <PasswordInput label="Password of the file" key={form.key('password')} {...form.getInputProps('password')} />
        <DialogActions onCancel={onDone} label="Import" pending={importP12.isPending} />
      </Stack>
    </form>
  );
}
