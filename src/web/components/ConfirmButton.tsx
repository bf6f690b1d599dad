import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A button for an action that cannot be undone (announce, send a monthly report, finalise the bilan final, close a
 * mandate, hand back a file: issue 11). It opens a dialog that names what will happen; the action runs only on the
 * dialog's own button, and the dialog closes when it is done — a failure shows in the form's own error alert.
 */
export function ConfirmButton({
  children,
  title,
  consequences,
  confirmLabel,
  onConfirm,
  beforeOpen,
  loading,
  disabled,
  ...buttonProps
}: {
  children: ReactNode;
  title: string;
  /** What will happen, one sentence a line: to whom it goes, what can no longer be changed. */
  consequences: ReactNode[];
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | unknown;
  /** What the form can check itself before the dialog promises anything: false keeps the dialog closed. */
  beforeOpen?: () => boolean;
  loading?: boolean;
  disabled?: boolean;
} & Omit<ButtonProps, 'children' | 'loading' | 'disabled' | 'onClick'>) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button {...buttonProps} loading={loading} disabled={disabled} onClick={() => setOpen(beforeOpen?.() ?? true)}>
        {children}
      </Button>
      <Modal
        opened={open}
        onClose={() => !busy && setOpen(false)}
        title={title}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <Stack gap="sm">
          {consequences.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of sentences, never reordered
            <Text key={i} size="sm">
              {c}
            </Text>
          ))}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" disabled={busy} onClick={() => setOpen(false)}>
              {t('app.cancel')}
            </Button>
            <Button color={buttonProps.color} loading={busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
