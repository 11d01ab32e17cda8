// `npx playwright test e2e/<file>.spec.ts` from the repository's root runs with the e2e config
// (its global setup brings the lab up); `npm run test:e2e` names that config directly.
export { default } from './e2e/playwright.config';
