//! Backup and restore of everything the app keeps in the browser.
//!
//! A backup file holds every `xuefa.*` record exactly as stored, each with its own schema
//! version (see `file`). Restoring merges it into what the device holds, record by record:
//! each known record has a pure merge function (see `sections`: add a section there when a new
//! record appears); an unknown record is restored only where the device has none. The plan
//! of writes and its preview is made before anything is written (see `plan`).

mod file;
mod plan;
mod sections;

pub use file::{decode_backup, encode_backup, Backup, BackupError, BACKUP_FORMAT, BACKUP_VERSION};
pub use plan::{is_app_key, plan_import, ImportPlan, RecordPreview, APP_KEY_PREFIX};
pub use sections::{section, Merged, SectionKind, SECTIONS};
