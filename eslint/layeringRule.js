// Enforces DESIGN.md §2: which top-level folder may import which, and which packages.
// Relative imports are resolved against the importing file, so `../../main/x` is caught
// wherever it is written; bare specifiers are checked by package name.
import path from 'node:path';
import { builtinModules } from 'node:module';

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Per top-level folder: allowed source folders and packages (`*` = any package). */
/** Pure-JS libraries core/ may use: parsing ASN.1 (@peculiar over asn1js) and GOST verification (hashes, curves). */
const CORE_PACKAGES = ['zod', '@peculiar/asn1-schema', '@peculiar/asn1-x509', '@peculiar/asn1-cms', '@peculiar/asn1-tsp', 'asn1js', '@noble/curves', '@wavesenterprise/crypto-gost-js'];

export const LAYERS = {
  core: { folders: ['core'], packages: CORE_PACKAGES, builtins: false },
  renderer: { folders: ['core', 'renderer'], packages: ['react', 'react-dom', 'zustand', 'zod'], builtins: false },
  preload: { folders: ['core', 'preload'], packages: ['electron', 'zod'], builtins: false },
  main: { folders: ['core', 'nodelib', 'main', 'resources'], packages: ['*'], builtins: true },
  backend: { folders: ['core', 'nodelib', 'backend', 'resources'], packages: ['*'], builtins: true },
  /** Node-only code shared by main/ and backend/ (nodelib/README.md). */
  nodelib: { folders: ['core', 'nodelib'], packages: ['*'], builtins: true },
};

/** Files allowed an extra folder: the one place the embedded backend is started. */
const EXCEPTIONS = [{ file: 'main/embeddedBackend.ts', folder: 'backend' }];
/** `electron` is confined to these prefixes (DESIGN.md §2). */
const ELECTRON_ALLOWED = ['main/host/electron/', 'preload/'];

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the folder layering of DESIGN.md §2' },
    schema: [],
    messages: {
      folder: '{{from}}/ may not import from {{to}}/ (DESIGN.md §2 layering).',
      pkg: '{{from}}/ may not import the package "{{pkg}}" (DESIGN.md §2 layering).',
      builtin: '{{from}}/ may not import Node built-in "{{pkg}}": it must run without Node.',
      electron: '"electron" may only be imported in main/host/electron/ and preload/.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const from = file.split('/')[0];
    const layer = LAYERS[from];
    const isTest = /\.test\.tsx?$/.test(file);
    if (!layer || isTest) return {};

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
        const to = target.split('/')[0];
        const excepted = EXCEPTIONS.some((e) => e.file === file && e.folder === to);
        if (!layer.folders.includes(to) && !excepted) context.report({ node, messageId: 'folder', data: { from, to } });
        return;
      }
      if (builtins.has(spec)) {
        if (!layer.builtins) context.report({ node, messageId: 'builtin', data: { from, pkg: spec } });
        return;
      }
      const pkg = packageName(spec);
      if (pkg === 'electron') {
        if (!ELECTRON_ALLOWED.some((p) => file.startsWith(p))) context.report({ node, messageId: 'electron' });
        return;
      }
      if (!layer.packages.includes('*') && !layer.packages.includes(pkg)) {
        context.report({ node, messageId: 'pkg', data: { from, pkg } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { 'allowed-imports': layeringRule } };
