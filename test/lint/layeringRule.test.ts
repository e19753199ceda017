import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
// @ts-expect-error -- plain JS ESLint plugin without type declarations
import { layeringRule } from '../../eslint/layeringRule.js';

RuleTester.describe = describe;
RuleTester.it = it;

const ROOT = process.cwd();
const at = (file: string) => path.join(ROOT, file);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

tester.run('layering/allowed-imports', layeringRule, {
  valid: [
    { filename: at('core/contract/x.ts'), code: `import { z } from 'zod'; import { ok } from '../result';` },
    { filename: at('renderer/features/a/b.ts'), code: `import { create } from 'zustand'; import type { WorkstationApi } from '../../../core/contract';` },
    { filename: at('main/services/s.ts'), code: `import { readFile } from 'node:fs/promises'; import initSqlJs from 'sql.js';` },
    { filename: at('main/host/electron/main.ts'), code: `import { app } from 'electron';` },
    { filename: at('main/embeddedBackend.ts'), code: `import { createBackendServer } from '../backend/createBackendServer';` },
    { filename: at('preload/index.ts'), code: `import { contextBridge } from 'electron'; import { channelOf } from '../core/contract';` },
    { filename: at('core/x.test.ts'), code: `import { readFileSync } from 'node:fs';` },
  ],
  invalid: [
    { filename: at('core/a.ts'), code: `import { readFileSync } from 'node:fs';`, errors: [{ messageId: 'builtin' }] },
    { filename: at('core/a.ts'), code: `import fs from 'fs';`, errors: [{ messageId: 'builtin' }] },
    { filename: at('core/a.ts'), code: `import React from 'react';`, errors: [{ messageId: 'pkg' }] },
    { filename: at('core/a/b.ts'), code: `import { x } from '../../main/app';`, errors: [{ messageId: 'folder' }] },
    { filename: at('renderer/a.ts'), code: `import { x } from '../main/app';`, errors: [{ messageId: 'folder' }] },
    { filename: at('renderer/a.ts'), code: `import { ipcRenderer } from 'electron';`, errors: [{ messageId: 'electron' }] },
    { filename: at('renderer/a.ts'), code: `const fs = await import('node:fs');`, errors: [{ messageId: 'builtin' }] },
    { filename: at('main/services/s.ts'), code: `import { app } from 'electron';`, errors: [{ messageId: 'electron' }] },
    { filename: at('main/services/s.ts'), code: `import { x } from '../../backend/createBackendServer';`, errors: [{ messageId: 'folder' }] },
    { filename: at('main/services/s.ts'), code: `import { x } from '../../renderer/app';`, errors: [{ messageId: 'folder' }] },
    { filename: at('backend/a.ts'), code: `import { x } from '../main/app';`, errors: [{ messageId: 'folder' }] },
    { filename: at('preload/a.ts'), code: `import { x } from '../main/app';`, errors: [{ messageId: 'folder' }] },
    { filename: at('preload/a.ts'), code: `import fs from 'node:fs';`, errors: [{ messageId: 'builtin' }] },
  ],
});
