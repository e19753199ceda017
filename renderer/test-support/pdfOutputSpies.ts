/**
 * Records what the renderer does with a PDF in happy-dom: blob URLs made and revoked, downloads
 * (`<a download>` clicks) and prints from a frame (happy-dom cannot load a frame: its source is only
 * recorded, and a test plays the load). Install in beforeEach, call `restore()` in afterEach.
 */

export interface PdfOutputSpies {
  readonly blobs: Blob[];
  readonly revoked: string[];
  readonly downloads: { fileName: string; href: string }[];
  /** How many times a frame's window was asked to print. */
  readonly prints: { count: number };
  restore(): void;
}

export function spyOnPdfOutput(): PdfOutputSpies {
  const restorers: (() => void)[] = [];
  function replace<T extends object>(target: T, key: PropertyKey, descriptor: PropertyDescriptor) {
    const original = Object.getOwnPropertyDescriptor(target, key);
    Object.defineProperty(target, key, { configurable: true, ...descriptor });
    restorers.push(() => {
      if (original) Object.defineProperty(target, key, original);
      else Reflect.deleteProperty(target, key);
    });
  }

  const spies: PdfOutputSpies = {
    blobs: [],
    revoked: [],
    downloads: [],
    prints: { count: 0 },
    restore() {
      for (const restoreOne of restorers.reverse()) restoreOne();
      restorers.length = 0;
    },
  };
  replace(URL, 'createObjectURL', {
    writable: true,
    value: (blob: Blob) => {
      spies.blobs.push(blob);
      return `blob:http://127.0.0.1/pdf-${spies.blobs.length}`;
    },
  });
  replace(URL, 'revokeObjectURL', { writable: true, value: (url: string) => void spies.revoked.push(url) });

  const frameSources = new WeakMap<HTMLIFrameElement, string>();
  const setAttribute = Element.prototype.setAttribute;
  replace(HTMLIFrameElement.prototype, 'src', {
    set(this: HTMLIFrameElement, value: string) {
      frameSources.set(this, value);
    },
    get(this: HTMLIFrameElement) {
      return frameSources.get(this) ?? '';
    },
  });
  // React sets the attribute rather than the property.
  replace(HTMLIFrameElement.prototype, 'setAttribute', {
    writable: true,
    value(this: HTMLIFrameElement, name: string, value: string) {
      if (name === 'src') frameSources.set(this, value);
      else setAttribute.call(this, name, value);
    },
  });
  const frameWindow = { focus: () => undefined, print: () => void spies.prints.count++ };
  replace(HTMLIFrameElement.prototype, 'contentWindow', { get: () => frameWindow });
  replace(HTMLAnchorElement.prototype, 'click', {
    writable: true,
    value(this: HTMLAnchorElement) {
      spies.downloads.push({ fileName: this.download, href: this.href });
    },
  });
  return spies;
}
