import { useState } from 'react';

type Settings = { theme?: string; locale?: string };

export function App() {
  const [settings, setSettings] = useState<Settings>({ theme: 'dark', locale: 'en' });

  function resetTheme() {
    const next = { ...settings };
    delete next.theme;
    setSettings(next);
  }

  return (
    <main>
      <h1>Acme status</h1>
      <p>Theme: {settings.theme ?? 'system'}</p>
      <button onClick={resetTheme}>Reset theme</button>
    </main>
  );
}
