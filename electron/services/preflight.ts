// Pre-flight moved to electron/services/migration/ (facts.ts, checks*.ts, preflight.ts). This
// re-export keeps older import paths working until their callers import from there; then it goes.

export { defaultPeerUri, MIGRATE_FLAG_NAMES, migrationFlags, migrationParams, virshCommand } from './migration/plan';
export { applyFix, type DiskPlan, type Preflight, qemuImgInfo, runPreflight } from './migration/preflight';
