// Component tests (Vitest + Testing Library, jsdom): what jsdom lacks and Mantine needs.
import '@testing-library/jest-dom/vitest';
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// A page's first render waits for its lazily loaded module: seconds when `npm test` runs
// other suites beside this one on two cores. findBy* may wait that long; nothing else does.
configure({ asyncUtilTimeout: 10_000 });

const noop = () => undefined;

afterEach(() => {
  cleanup();
  notifications.clean();
  sessionStorage.clear();
});

// A desktop-sized window: an empty query (every column of a table) matches, as in a browser; breakpoints do not.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: query.trim() === '',
    media: query,
    onchange: null,
    addListener: noop,
    removeListener: noop,
    addEventListener: noop,
    removeEventListener: noop,
    dispatchEvent: () => false,
  }),
});

// jsdom's Blob has no text() (a dropped file is read with it).
if (!Blob.prototype.text) {
  Blob.prototype.text = function text(this: Blob) {
    return new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsText(this);
    });
  };
}

class ResizeObserverStub {
  observe = noop;
  unobserve = noop;
  disconnect = noop;
}
window.ResizeObserver = ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView = noop;

// jsdom has no font loading API (Mantine's autosize textarea listens to it).
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: { addEventListener: noop, removeEventListener: noop, ready: Promise.resolve() } });
}
