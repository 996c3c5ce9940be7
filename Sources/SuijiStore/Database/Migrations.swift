// SPDX-License-Identifier: Apache-2.0

/// The schema, as an ordered, append-only list of migrations.
public enum Migrations {
    public static let all: [Migration] = [
        // Member departments of the joint meeting.
        Migration(
            "CreateDepartments",
            [
                "CREATE TABLE departments (code TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL)"
            ]),
        // Login accounts and their sessions / API tokens.
        Migration(
            "CreateAccounts",
            [
                """
                CREATE TABLE accounts (id {ID}, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
                  password_hash TEXT NOT NULL, role TEXT NOT NULL, department_code TEXT REFERENCES departments(code),
                  inspector_id BIGINT, active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, account_id BIGINT NOT NULL REFERENCES accounts(id),
                  kind TEXT NOT NULL, csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL)
                """,
                "CREATE INDEX sessions_account ON sessions (account_id)",
            ]),
        // The item list (一单): items with every version kept.
        Migration(
            "CreateCheckItems",
            [
                """
                CREATE TABLE check_items (id {ID}, department_code TEXT NOT NULL REFERENCES departments(code),
                  code TEXT NOT NULL, current_version INTEGER NOT NULL, created_at TEXT NOT NULL,
                  UNIQUE (department_code, code))
                """,
                """
                CREATE TABLE check_item_versions (item_id BIGINT NOT NULL REFERENCES check_items(id), version INTEGER NOT NULL,
                  name TEXT NOT NULL, sub_items TEXT NOT NULL, legal_basis TEXT NOT NULL, target_kinds TEXT NOT NULL,
                  methods TEXT NOT NULL, inspector_requirements TEXT NOT NULL, requires_expert INTEGER NOT NULL,
                  is_key_item INTEGER NOT NULL, guidance_ratio_permille INTEGER, frequency TEXT NOT NULL,
                  published INTEGER NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
                  PRIMARY KEY (item_id, version))
                """,
            ]),
        // The target library (对象库), its item tags and its status changes (a row per change; the
        // status a target was created with is the first change's from_status, or its current status).
        Migration(
            "CreateTargets",
            [
                """
                CREATE TABLE targets (id {ID}, department_code TEXT NOT NULL REFERENCES departments(code),
                  uid TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, division TEXT NOT NULL,
                  street TEXT NOT NULL, grid TEXT NOT NULL, address TEXT NOT NULL, industry TEXT NOT NULL,
                  risk_class TEXT NOT NULL, status TEXT NOT NULL, status_date TEXT, last_random_inspection TEXT,
                  legal_representative TEXT NOT NULL, tags TEXT NOT NULL, created_via TEXT NOT NULL, created_at TEXT NOT NULL,
                  updated_at TEXT NOT NULL,
                  UNIQUE (department_code, uid))
                """,
                // Listings go by department in insertion order (rowid follows the key in the index).
                "CREATE INDEX targets_department ON targets (department_code)",
                """
                CREATE TABLE target_tags (target_id BIGINT NOT NULL REFERENCES targets(id), item_code TEXT NOT NULL,
                  PRIMARY KEY (target_id, item_code))
                """,
                "CREATE INDEX target_tags_item ON target_tags (item_code)",
                """
                CREATE TABLE target_status_history (id {ID}, target_id BIGINT NOT NULL REFERENCES targets(id),
                  from_status TEXT NOT NULL, status TEXT NOT NULL, status_date TEXT, recorded_at TEXT NOT NULL, source TEXT NOT NULL)
                """,
                "CREATE INDEX target_status_history_target ON target_status_history (target_id)",
            ]),
        // The inspector library (人员库) and declared conflicts of interest.
        Migration(
            "CreateInspectors",
            [
                """
                CREATE TABLE inspectors (id {ID}, department_code TEXT NOT NULL REFERENCES departments(code),
                  name TEXT NOT NULL, certificate_number TEXT NOT NULL UNIQUE, certificate_expiry TEXT NOT NULL,
                  level TEXT NOT NULL, area TEXT NOT NULL, qualifications TEXT NOT NULL, expertise TEXT NOT NULL,
                  status TEXT NOT NULL, leave_from TEXT, leave_to TEXT, station TEXT NOT NULL, phone TEXT NOT NULL,
                  created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
                """,
                "CREATE INDEX inspectors_department ON inspectors (department_code, name)",
                """
                CREATE TABLE inspector_conflicts (id {ID}, inspector_id BIGINT NOT NULL REFERENCES inspectors(id),
                  target_uid TEXT NOT NULL, kind TEXT NOT NULL, note TEXT NOT NULL, declared_on TEXT NOT NULL)
                """,
                "CREATE INDEX inspector_conflicts_inspector ON inspector_conflicts (inspector_id)",
            ]),
        // The expert library (专家库).
        Migration(
            "CreateExperts",
            [
                """
                CREATE TABLE experts (id {ID}, department_code TEXT NOT NULL REFERENCES departments(code),
                  name TEXT NOT NULL, kind TEXT NOT NULL, organisation TEXT NOT NULL, expertise TEXT NOT NULL,
                  contact TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
                """,
                "CREATE INDEX experts_department ON experts (department_code, name)",
            ]),
        // The append-only, hash-chained audit log.
        Migration(
            "CreateAuditLog",
            [
                """
                CREATE TABLE audit_log (seq BIGINT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                  entity TEXT NOT NULL, entity_id TEXT NOT NULL, detail TEXT NOT NULL, digest TEXT NOT NULL,
                  prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
                """
            ]),
        // Joint plans (§11–§13) and their batches.
        Migration(
            "CreatePlans",
            [
                """
                CREATE TABLE plans (id {ID}, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, year INTEGER NOT NULL,
                  initiator TEXT NOT NULL REFERENCES departments(code), participants TEXT NOT NULL, items TEXT NOT NULL,
                  scope TEXT NOT NULL, window_start TEXT NOT NULL, window_end TEXT NOT NULL, notes TEXT NOT NULL,
                  state TEXT NOT NULL, published INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE batches (id {ID}, plan_id BIGINT NOT NULL REFERENCES plans(id), code TEXT NOT NULL,
                  start_date TEXT NOT NULL, end_date TEXT NOT NULL, size TEXT NOT NULL, cross_unit INTEGER NOT NULL,
                  cap_extra INTEGER NOT NULL, created_at TEXT NOT NULL, UNIQUE (plan_id, code))
                """,
            ]),
        // Verifiable draws (docs/draw-spec.md): inputs, commitments, reveals and the published files.
        Migration(
            "CreateDraws",
            [
                """
                CREATE TABLE draws (id TEXT PRIMARY KEY, plan_id BIGINT NOT NULL REFERENCES plans(id),
                  batch_id BIGINT NOT NULL REFERENCES batches(id), state TEXT NOT NULL, public_value_date TEXT,
                  public_value_source TEXT, public_value TEXT, conflict_salt TEXT NOT NULL, conflict_pairs TEXT NOT NULL,
                  redraw_of TEXT, redraw_reason TEXT NOT NULL, redraw_approver TEXT NOT NULL, prepared_by TEXT NOT NULL,
                  prepared_at TEXT NOT NULL, committed_at TEXT, executed_at TEXT)
                """,
                "CREATE INDEX draws_batch ON draws (batch_id)",
                """
                CREATE TABLE draw_departments (draw_id TEXT NOT NULL REFERENCES draws(id), position INTEGER NOT NULL,
                  department TEXT NOT NULL, commitment TEXT, committed_at TEXT, committed_by TEXT, secret TEXT,
                  revealed_at TEXT, PRIMARY KEY (draw_id, department))
                """,
                """
                CREATE TABLE draw_files (draw_id TEXT NOT NULL REFERENCES draws(id), name TEXT NOT NULL, content TEXT NOT NULL,
                  PRIMARY KEY (draw_id, name))
                """,
                """
                CREATE TABLE draw_selections (draw_id TEXT NOT NULL REFERENCES draws(id), target_uid TEXT NOT NULL,
                  year INTEGER NOT NULL, PRIMARY KEY (draw_id, target_uid))
                """,
                "CREATE INDEX draw_selections_target ON draw_selections (target_uid, year)",
            ]),
        // The district's area directory: township (乡镇街道) codes and names, so street names in the
        // libraries resolve to the codes that inspectors' enforcement areas use.
        Migration(
            "CreateAreas",
            [
                "CREATE TABLE areas (code TEXT PRIMARY KEY, name TEXT NOT NULL, parent TEXT NOT NULL)",
                "CREATE INDEX areas_name ON areas (name)",
            ]),
        // Inspections (§15–§16): one per drawn target, its team, the findings per item (the latest
        // entry; every entry is in the audit log) and the review trail.
        Migration(
            "CreateInspections",
            [
                """
                CREATE TABLE inspections (id {ID}, draw_id TEXT NOT NULL REFERENCES draws(id), plan_id BIGINT NOT NULL REFERENCES plans(id),
                  initiator TEXT NOT NULL, departments TEXT NOT NULL, window_start TEXT NOT NULL, window_end TEXT NOT NULL,
                  target_uid TEXT NOT NULL, target_name TEXT NOT NULL, target_kind TEXT NOT NULL, items TEXT NOT NULL,
                  state TEXT NOT NULL, notice TEXT, due_date TEXT, late INTEGER NOT NULL, return_reason TEXT NOT NULL,
                  created_at TEXT NOT NULL, first_submitted_at TEXT, submitted_at TEXT, approved_at TEXT, published_at TEXT,
                  updated_at TEXT NOT NULL, UNIQUE (draw_id, target_uid))
                """,
                "CREATE INDEX inspections_plan ON inspections (plan_id)",
                "CREATE INDEX inspections_due ON inspections (state, due_date)",
                """
                CREATE TABLE inspection_members (inspection_id BIGINT NOT NULL REFERENCES inspections(id), position INTEGER NOT NULL,
                  role TEXT NOT NULL, member_id BIGINT NOT NULL, name TEXT NOT NULL, department TEXT NOT NULL,
                  PRIMARY KEY (inspection_id, position))
                """,
                "CREATE INDEX inspection_members_member ON inspection_members (member_id, role)",
                """
                CREATE TABLE inspection_findings (inspection_id BIGINT NOT NULL REFERENCES inspections(id), department TEXT NOT NULL,
                  item_code TEXT NOT NULL, methods TEXT NOT NULL, category TEXT NOT NULL, non_cooperation TEXT NOT NULL,
                  notes TEXT NOT NULL, settled_online INTEGER NOT NULL, entered_by_inspector BIGINT, entered_by TEXT NOT NULL,
                  entered_at TEXT NOT NULL, PRIMARY KEY (inspection_id, department, item_code))
                """,
                """
                CREATE TABLE inspection_events (id {ID}, inspection_id BIGINT NOT NULL REFERENCES inspections(id), at TEXT NOT NULL,
                  actor TEXT NOT NULL, action TEXT NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL, reason TEXT NOT NULL)
                """,
                "CREATE INDEX inspection_events_inspection ON inspection_events (inspection_id)",
            ]),
        // Follow-ups of problems found (§17), the targets' credit records and the risk-class
        // changes they caused (§19).
        Migration(
            "CreateFollowUpsAndCredit",
            [
                """
                CREATE TABLE follow_ups (id {ID}, inspection_id BIGINT NOT NULL REFERENCES inspections(id), target_uid TEXT NOT NULL,
                  department TEXT NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL, deadline TEXT, body TEXT NOT NULL,
                  created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
                """,
                "CREATE INDEX follow_ups_inspection ON follow_ups (inspection_id)",
                "CREATE INDEX follow_ups_open ON follow_ups (state, kind, deadline)",
                """
                CREATE TABLE credit_records (id {ID}, target_uid TEXT NOT NULL, inspection_id BIGINT NOT NULL REFERENCES inspections(id),
                  published_on TEXT NOT NULL, department TEXT NOT NULL, categories TEXT NOT NULL, problem INTEGER NOT NULL,
                  serious INTEGER NOT NULL, created_at TEXT NOT NULL, UNIQUE (inspection_id))
                """,
                "CREATE INDEX credit_records_target ON credit_records (target_uid, published_on)",
                """
                CREATE TABLE risk_class_history (id {ID}, target_uid TEXT NOT NULL, department TEXT NOT NULL,
                  from_class TEXT NOT NULL, to_class TEXT NOT NULL, reason TEXT NOT NULL, inspection_id BIGINT, at TEXT NOT NULL)
                """,
                "CREATE INDEX risk_class_history_target ON risk_class_history (target_uid, department)",
            ]),
        // The office's merge proposals of submitted plans (§12) and the links from a merged plan to
        // the plans it replaced.
        Migration(
            "CreateMergeProposals",
            [
                """
                CREATE TABLE merge_proposals (id {ID}, year INTEGER NOT NULL, plan_ids TEXT NOT NULL, plan_codes TEXT NOT NULL,
                  measure TEXT NOT NULL, state TEXT NOT NULL, note TEXT NOT NULL, decided_by TEXT, decided_at TEXT,
                  merged_plan_id BIGINT REFERENCES plans(id), created_at TEXT NOT NULL)
                """,
                "CREATE INDEX merge_proposals_year ON merge_proposals (year, state)",
                """
                CREATE TABLE plan_merges (source_plan_id BIGINT PRIMARY KEY REFERENCES plans(id),
                  merged_plan_id BIGINT NOT NULL REFERENCES plans(id), proposal_id BIGINT NOT NULL REFERENCES merge_proposals(id))
                """,
                "CREATE INDEX plan_merges_merged ON plan_merges (merged_plan_id)",
            ]),
        // The published versions of each year's district annual plan (年度部门联合抽查计划).
        Migration(
            "CreateAnnualPlanVersions",
            [
                """
                CREATE TABLE annual_plan_versions (year INTEGER NOT NULL, version INTEGER NOT NULL, note TEXT NOT NULL,
                  entries TEXT NOT NULL, published_by TEXT NOT NULL, published_at TEXT NOT NULL, PRIMARY KEY (year, version))
                """
            ]),
        // Reminders from the office to departments (e.g. plans due by 31 May).
        Migration(
            "CreateReminders",
            [
                """
                CREATE TABLE reminders (id {ID}, year INTEGER NOT NULL, department TEXT NOT NULL REFERENCES departments(code),
                  message TEXT NOT NULL, sent_by TEXT NOT NULL, sent_at TEXT NOT NULL)
                """,
                "CREATE INDEX reminders_department ON reminders (department, id)",
            ]),
        // Photos, scans and PDFs attached to an inspection or one item's finding (§16.3), kept in
        // the database with their SHA-256 digest.
        Migration(
            "CreateInspectionAttachments",
            [
                """
                CREATE TABLE inspection_attachments (id {ID}, inspection_id BIGINT NOT NULL REFERENCES inspections(id),
                  department TEXT, item_code TEXT, file_name TEXT NOT NULL, media_type TEXT NOT NULL, byte_size BIGINT NOT NULL,
                  sha256 TEXT NOT NULL, note TEXT NOT NULL, content {BLOB} NOT NULL, uploaded_by TEXT NOT NULL, uploaded_at TEXT NOT NULL)
                """,
                "CREATE INDEX inspection_attachments_inspection ON inspection_attachments (inspection_id)",
            ]),
        // Professional bodies and experts entrusted with part of an inspection (§16.2).
        Migration(
            "CreateInspectionEntrustments",
            [
                """
                CREATE TABLE inspection_entrustments (id {ID}, inspection_id BIGINT NOT NULL REFERENCES inspections(id),
                  body TEXT NOT NULL, created_at TEXT NOT NULL)
                """,
                "CREATE INDEX inspection_entrustments_inspection ON inspection_entrustments (inspection_id)",
            ]),
        // The day a team plans to visit its target (计划检查日期), for the inspectors' day list.
        Migration(
            "AddInspectionPlannedDate",
            [
                "ALTER TABLE inspections ADD COLUMN planned_date TEXT",
                "CREATE INDEX inspections_planned ON inspections (planned_date)",
            ]),
        // The public portal looks targets and their results up by credit code.
        Migration(
            "AddTargetLookupIndexes",
            [
                "CREATE INDEX targets_uid ON targets (uid)",
                "CREATE INDEX inspections_target ON inspections (target_uid, state)",
            ]),
        // State Council holiday notices loaded by the office into the running server, for years
        // the shipped calendar does not have yet (due dates of those years are provisional until then).
        Migration(
            "CreateHolidayNotices",
            [
                """
                CREATE TABLE holiday_notices (year INTEGER PRIMARY KEY, source TEXT NOT NULL, content TEXT NOT NULL,
                  loaded_by TEXT NOT NULL, loaded_at TEXT NOT NULL)
                """
            ]),
        // The 文号 of each inspection's printed notice and record form (昌市监联抽〔2026〕7号): a
        // serial per initiating department and year, issued at first print and never changed;
        // departments get their 机关代字.
        Migration(
            "CreateDocumentNumbers",
            [
                "ALTER TABLE departments ADD COLUMN doc_prefix TEXT NOT NULL DEFAULT ''",
                """
                CREATE TABLE document_numbers (inspection_id BIGINT PRIMARY KEY REFERENCES inspections(id), department TEXT NOT NULL,
                  year INTEGER NOT NULL, serial INTEGER NOT NULL, number TEXT NOT NULL, issued_by TEXT NOT NULL, issued_at TEXT NOT NULL,
                  UNIQUE (department, year, serial))
                """,
            ]),
        // Checks outside the draw (§3: complaints, referrals, campaigns …) on a department's target:
        // they count for the once-a-year rule of the draw and in oversight as their own table.
        Migration(
            "CreateOutsideChecks",
            [
                """
                CREATE TABLE outside_checks (id {ID}, department TEXT NOT NULL REFERENCES departments(code), target_uid TEXT NOT NULL,
                  target_name TEXT NOT NULL, kind TEXT NOT NULL, checked_on TEXT NOT NULL, source TEXT NOT NULL, inspectors TEXT NOT NULL,
                  outcome TEXT NOT NULL, notes TEXT NOT NULL, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL)
                """,
                "CREATE INDEX outside_checks_year ON outside_checks (checked_on, target_uid)",
                "CREATE INDEX outside_checks_department ON outside_checks (department, checked_on)",
            ]),
        // A target's contact phone (联系电话), for inspectors in the field; never public.
        Migration("AddTargetPhone", ["ALTER TABLE targets ADD COLUMN phone TEXT NOT NULL DEFAULT ''"]),
        // A 投诉举报 / 转办交办 / 立案查处 case recorded on a target, with date and source: it lifts
        // the once-a-year rule (§14) in its year.
        Migration(
            "AddTargetCaseFlags",
            [
                "ALTER TABLE targets ADD COLUMN case_kind TEXT",
                "ALTER TABLE targets ADD COLUMN case_date TEXT",
                "ALTER TABLE targets ADD COLUMN case_source TEXT",
            ]),
        // A draw announces its reveal deadline and public value (or an approved exception) before
        // the commitments; every step is recorded in the append-only, hash-chained public draw log
        // (docs/draw-spec.md §14).
        Migration(
            "AddDrawAnnouncementsAndPublicLog",
            [
                "ALTER TABLE draws ADD COLUMN reveal_deadline TEXT",
                "ALTER TABLE draws ADD COLUMN public_value_note TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE draws ADD COLUMN public_value_entered_at TEXT",
                "ALTER TABLE draws ADD COLUMN exception_approver TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE draws ADD COLUMN exception_reason TEXT NOT NULL DEFAULT ''",
                """
                CREATE TABLE draw_log (seq BIGINT PRIMARY KEY, at TEXT NOT NULL, draw_id TEXT NOT NULL REFERENCES draws(id),
                  kind TEXT NOT NULL, subject TEXT NOT NULL, digest TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL UNIQUE)
                """,
                "CREATE INDEX draw_log_draw ON draw_log (draw_id, seq)",
            ]),
        // A draw's files in chunks that end at a line, each with its first line: one line of a
        // sorted file (a target in a 10⁶-line pool) is found without reading the whole file.
        // Files stored before keep one chunk each.
        Migration(
            "ChangeDrawFilesToChunks",
            [
                """
                CREATE TABLE draw_file_chunks (draw_id TEXT NOT NULL REFERENCES draws(id), name TEXT NOT NULL, seq INTEGER NOT NULL,
                  first_line TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (draw_id, name, seq))
                """,
                "INSERT INTO draw_file_chunks (draw_id, name, seq, first_line, content) SELECT draw_id, name, 0, '', content FROM draw_files",
                "DROP TABLE draw_files",
            ]),
        // Failed logins per account and the lockout they lead to (the office can lift it).
        Migration(
            "AddAccountLockout",
            [
                "ALTER TABLE accounts ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE accounts ADD COLUMN last_failed_at TEXT",
                "ALTER TABLE accounts ADD COLUMN locked_until TEXT",
            ]),
        // One-time passwords that must be changed at the next login, and the last use of each
        // session (browser sessions end after a while unused).
        Migration(
            "AddPasswordChangeAndSessionActivity",
            [
                "ALTER TABLE accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE accounts ADD COLUMN password_changed_at TEXT",
                "ALTER TABLE sessions ADD COLUMN last_seen_at TEXT",
                "CREATE INDEX accounts_inspector ON accounts (inspector_id)",
            ]),
        // Signed checkpoints of the audit log's head (the key is kept outside the database).
        Migration(
            "CreateAuditCheckpoints",
            [
                """
                CREATE TABLE audit_checkpoints (seq BIGINT PRIMARY KEY, head TEXT NOT NULL, at TEXT NOT NULL, key_id TEXT NOT NULL,
                  mac TEXT NOT NULL)
                """
            ]),
        // Item tags keep one index, their primary key: as a SQLite WITHOUT ROWID table the key is the
        // table itself, and bulk imports append to it in key order. The index by item code was never
        // read by any query.
        Migration(
            "ChangeTargetTagsToPrimaryKeyOnly",
            [
                """
                CREATE TABLE target_tags_keyed (target_id BIGINT NOT NULL REFERENCES targets(id), item_code TEXT NOT NULL,
                  PRIMARY KEY (target_id, item_code)) {WITHOUT_ROWID}
                """,
                "INSERT INTO target_tags_keyed (target_id, item_code) SELECT target_id, item_code FROM target_tags ORDER BY target_id, item_code",
                "DROP TABLE target_tags",
                "ALTER TABLE target_tags_keyed RENAME TO target_tags",
            ]),
        // A draw reads its department's pool in credit-code order from this index alone: every
        // column the pool, its exclusions and the scope's filters read, so no sort and no look-up
        // of the row (the table itself is in insertion order).
        Migration(
            "AddTargetPoolIndex",
            [
                """
                CREATE INDEX targets_pool ON targets (department_code, uid, status, risk_class, division, street, last_random_inspection,
                  case_kind, case_date, kind, industry)
                """
            ]),
        // The digests of a draw's large files, kept beside them when stored: the commitment, the
        // execution and the record use them instead of reading and hashing the files again.
        Migration(
            "AddDrawFileDigests",
            [
                "ALTER TABLE draws ADD COLUMN pool_digest TEXT",
                "ALTER TABLE draws ADD COLUMN excluded_digest TEXT",
                "ALTER TABLE draws ADD COLUMN parameters_digest TEXT",
            ]),
    ]
}
