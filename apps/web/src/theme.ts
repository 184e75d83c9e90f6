import { Alert, Anchor, createTheme, Drawer, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's default theme with the contrast WCAG AA asks for (axe-core checks every page):
 * the primary colour one shade darker, black or white text on filled colours chosen by
 * their brightness, dimmed and error text darker than Mantine's (gray.6, red.6), links underlined.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  // Modals, drawers and menus appear without fading for those who asked their system for less motion.
  respectReducedMotion: true,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  components: {
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // A light alert's title in its colour is too faint on its tint for yellow and teal
    // (axe: color-contrast): titles in the text colour, the icon and the tint carry the hue.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // Every notification's close button needs a name (axe: button-name); under a title,
    // Mantine's gray.6 description is 3.3:1 on white (axe: color-contrast), the dimmed text is not.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057', '--mantine-color-error': t.colors.red[9] ?? '#c92a2a' },
  dark: { '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8', '--mantine-color-error': t.colors.red[4] ?? '#ff8787' },
});
