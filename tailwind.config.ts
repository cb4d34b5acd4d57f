import type { Config } from 'tailwindcss';

// Tailwind 4 reads its theme from app/globals.css (`@theme`); this file is loaded there with
// `@config` and keeps the content globs and dark-mode strategy in one typed place.
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  darkMode: 'class',
};

export default config;
