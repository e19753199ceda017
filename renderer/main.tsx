import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { getWorkstationApi } from './platform/api';
import { createWorkstationStore } from './store/createWorkstationStore';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <App store={createWorkstationStore(getWorkstationApi())} />
  </StrictMode>,
);
